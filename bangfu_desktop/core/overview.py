"""What is late, what is due, and the 概览 (dashboard) picture in one call.

``dashboard()`` costs a fixed, small number of queries (about fifteen) whatever the
number of records, so the window may call it after every change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .compliance import RuleResult
from .deadlines import parse_deadline
from .models import OVERDUE, Plan, Rotation, Target, Task, Teacher
from .queries import self_unit
from .targets import TargetProgress, school_year_targets, year_figures
from .terms import Period, load_calendar

UPCOMING_DAYS = 30


@dataclass
class TaskDue:
    """A task with its due date and how many days are left (negative: overdue)."""

    task_id: int
    plan_id: int
    plan_title: str
    code: str
    text: str
    deadline_text: str
    due_date: dt.date
    status: str  # effective status: 逾期 for overdue tasks
    days_left: int

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"task_id": self.task_id, "plan_id": self.plan_id, "plan": self.plan_title, "code": self.code,
                "text": self.text, "deadline_text": self.deadline_text, "due_date": self.due_date.isoformat(),
                "status": self.status, "days_left": self.days_left}


def task_deadlines(today: dt.date | None = None, days: int = UPCOMING_DAYS) -> tuple[list[TaskDue], list[TaskDue]]:
    """(overdue, upcoming): unfinished tasks past their due date, and those due within ``days``.

    A yearly deadline ("每年12月5日前") is due on its next date and is never overdue:
    it comes round again. Both lists are sorted by due date; two queries.
    """
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=days)
    query = (Task.live().join(Plan).where(Plan.deleted_at.is_null() & Task.due_date.is_null(False)
                                          & (Task.status != "已完成") & (Task.due_date <= horizon))
             .select(Task, Plan.title.alias("plan_title")).order_by(Task.due_date, Task.position, Task.id))
    overdue, upcoming = [], []
    for task in query.objects():
        text = (task.measure or task.stage_goal or "").replace("\n", " ")
        item = TaskDue(task.id, task.plan_id, task.plan_title, task.code, text, task.deadline_text,
                       task.due_date, task.effective_status(today), (task.due_date - today).days)
        (overdue if item.status == OVERDUE else upcoming).append(item)
    yearly = (Task.live().join(Plan).where(Plan.deleted_at.is_null() & Task.due_date.is_null()
                                           & (Task.status != "已完成") & Task.deadline_text.contains("每年"))
              .select(Task, Plan.title.alias("plan_title")))
    calendar = load_calendar()
    for task in yearly.objects():
        due = parse_deadline(task.deadline_text, calendar).next_due(today)
        if due is not None and due <= horizon:
            text = (task.measure or task.stage_goal or "").replace("\n", " ")
            upcoming.append(TaskDue(task.id, task.plan_id, task.plan_title, task.code, text,
                                    task.deadline_text, due, task.status, (due - today).days))
    upcoming.sort(key=lambda item: item.due_date)
    return overdue, upcoming


@dataclass
class RotationQuota:
    """Rotations started in a calendar year against the plans' yearly quotas."""

    year: int
    teachers: int
    leaders: int
    required_teachers: float | None
    required_leaders: float | None
    teacher_ids: list[int] = field(default_factory=list)

    @property
    def met(self) -> bool | None:
        """True/False against the quotas that exist; None when no plan sets one."""
        checks = [(self.teachers, self.required_teachers), (self.leaders, self.required_leaders)]
        checks = [(done, need) for done, need in checks if need is not None]
        return all(done >= need for done, need in checks) if checks else None

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"year": self.year, "teachers": self.teachers, "leaders": self.leaders,
                "required_teachers": self.required_teachers, "required_leaders": self.required_leaders,
                "met": self.met, "teacher_ids": self.teacher_ids}


def _yearly_quotas(year: int) -> tuple[float | None, float | None]:
    """The largest per-year rotation quota (all, leaders) of the latest stage year ≤ ``year``."""
    best: dict[bool, tuple[int, float]] = {}
    for target in Target.live().join(Plan).where(Plan.deleted_at.is_null() & (Target.kind == "rotation_count")):
        params = target.params or {}
        if params.get("per") != "year" or target.target_value is None:
            continue
        stage = target.stage_year or year
        if stage > year:
            continue
        key = bool(params.get("leaders_only"))
        if key not in best or (stage, target.target_value) > best[key]:
            best[key] = (stage, target.target_value)
    return (best[False][1] if False in best else None, best[True][1] if True in best else None)


def rotation_quota(year: int, required_teachers: float | None = None,
                   required_leaders: float | None = None) -> RotationQuota:
    """Distinct teachers (and leaders) whose rotation started in ``year``.

    Quotas not given are taken from the plans' per-year ``rotation_count`` targets.
    """
    if required_teachers is None and required_leaders is None:
        required_teachers, required_leaders = _yearly_quotas(year)
    teachers, leaders = set(), set()
    query = (Rotation.live(Rotation.teacher, Rotation.is_leader).join(Teacher)
             .where(Teacher.deleted_at.is_null() & Rotation.start_date.between(dt.date(year, 1, 1),
                                                                                dt.date(year, 12, 31))).tuples())
    for teacher_id, is_leader in query:
        teachers.add(teacher_id)
        if is_leader:
            leaders.add(teacher_id)
    return RotationQuota(year, len(teachers), len(leaders), required_teachers, required_leaders, sorted(teachers))


@dataclass
class RotationCoverage:
    """"Everyone once by" a date: who has had a rotation, and who is still missing."""

    by: dt.date
    total: int
    covered: int
    missing: list[tuple[int, str]]  # (teacher id, name)

    @property
    def percent(self) -> float | None:
        """Share covered, in %."""
        return round(100.0 * self.covered / self.total, 1) if self.total else None

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"by": self.by.isoformat(), "total": self.total, "covered": self.covered,
                "percent": self.percent, "missing": [{"id": i, "name": n} for i, n in self.missing]}


def coverage_deadline(today: dt.date | None = None) -> dt.date | None:
    """The end of the earliest stage year of a ``rotation_coverage`` target not yet past, else the latest."""
    today = today or dt.date.today()
    years = sorted({t.stage_year for t in Target.live(Target.stage_year).join(Plan)
                    .where(Plan.deleted_at.is_null() & (Target.kind == "rotation_coverage"))
                    if t.stage_year is not None})
    if not years:
        return None
    coming = [y for y in years if dt.date(y, 12, 31) >= today]
    return dt.date(coming[0] if coming else years[-1], 12, 31)


def rotation_coverage(by: dt.date, unit_ids: list[int] | None = None) -> RotationCoverage:
    """Teachers of ``unit_ids`` (default 本单位) with a rotation started by ``by``, and those missing."""
    if unit_ids is None:
        own = self_unit()
        unit_ids = [own.id] if own else None
    query = Teacher.live(Teacher.id, Teacher.name).where(Teacher.is_helper == False)  # noqa: E712
    if unit_ids is not None:
        query = query.where(Teacher.unit.in_(unit_ids))
    teachers = list(query.order_by(Teacher.id).tuples())
    covered = {tid for (tid,) in Rotation.live(Rotation.teacher)
               .where(Rotation.start_date.is_null() | (Rotation.start_date <= by)).tuples()}
    missing = [(tid, name) for tid, name in teachers if tid not in covered]
    return RotationCoverage(by, len(teachers), len(teachers) - len(missing), missing)


@dataclass
class Dashboard:
    """Everything the 概览 tab shows, for one day."""

    today: dt.date
    semester: Period
    rules: list[RuleResult]
    overdue: list[TaskDue]
    upcoming: list[TaskDue]
    targets: list[TargetProgress]
    quota: RotationQuota
    coverage: RotationCoverage | None
    rounds: list = field(default_factory=list)  # 报送批次 received from a bureau (exchange.rounds.RoundDue)
    target_year: Period | None = None  # the 学年 whose targets ``targets`` are

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"today": self.today.isoformat(), "semester": self.semester.label,
                "target_year": self.target_year.label if self.target_year else None,
                "rules": [r.as_dict() for r in self.rules], "overdue": [t.as_dict() for t in self.overdue],
                "upcoming": [t.as_dict() for t in self.upcoming], "targets": [t.as_dict() for t in self.targets],
                "quota": self.quota.as_dict(), "coverage": self.coverage.as_dict() if self.coverage else None,
                "rounds": [r.as_dict() for r in self.rounds]}


def dashboard(today: dt.date | None = None, days: int = UPCOMING_DAYS, *,
              target_year: int | None = None) -> Dashboard:
    """The 概览 picture for ``today``'s semester: rules, late and coming tasks, targets, rotations.

    The targets are those of the 学年 starting in ``target_year`` (default: today's), chosen as
    the year report and the binder choose them (``targets.school_year_targets``).
    """
    today = today or dt.date.today()
    calendar = load_calendar()
    semester = calendar.semester_period(today)
    overdue, upcoming = task_deadlines(today, days)
    by = coverage_deadline(today)
    figures = year_figures(None, today=today, rule_period=semester, calendar=calendar)
    year = calendar.school_year_of(today) if target_year is None else target_year
    return Dashboard(
        today=today, semester=semester, rules=figures.rules,
        overdue=overdue, upcoming=upcoming,
        targets=school_year_targets(year, today=today, calendar=calendar),
        quota=rotation_quota(today.year), coverage=rotation_coverage(by) if by else None,
        rounds=_received_rounds(today), target_year=calendar.school_year(year),
    )


def _received_rounds(today: dt.date) -> list:
    from .exchange.rounds import received_rounds

    return received_rounds(today)
