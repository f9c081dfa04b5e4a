"""Stage targets (指标): their actual value, computed from the records where the kind allows.

Kinds and what they count (``params`` as the demo data and the rule editor write them):

- ``honour_count``: teachers (not honours) with a live honour of one of ``kinds`` (all
  kinds when empty) at ``min_level`` or above — or exactly at it with ``exact_level`` —
  obtained in the stage year or before (an honour with no year counts). Levels rank
  校级 < 县级 = 区级 < 市级 < 省级 < 国家级.
- ``dual_ratio``: share of 双师型 among the teachers, in %.
- ``activity_count``: live activities of ``types`` (all when empty). With ``per``
  (year/month/quarter/semester/school_year) the fewest in any finished such period of
  the stage year (the running one when none has finished); without it, all up to
  the end of the stage year.
- ``rotation_count``: distinct teachers with a rotation (``leaders_only``: flagged as
  校领导及后备力量) starting in the stage year with ``per: year``, else up to its end.
- ``rotation_coverage``: % of the teachers with at least one rotation started by the
  end of the stage year; the teachers still missing are listed.
- ``studio_count``: there is no studio table; a studio is kept as a 单位 whose name
  contains one of ``kinds`` (default 工作室). When none exists the typed value is used.
- ``apprentices_per_helper``: the fewest apprentices of any 帮扶人才 on duty on the
  day counted (today, or the end of the stage year when that is earlier); a pairing
  counts when it covers that day and was not dissolved (已解除).
- anything else (``manual``): the typed ``actual_value`` with its ``actual_date``.

"The teachers" are the live, non-helper teachers of ``params.unit_name`` /
``params.unit_names`` when given, else of 本单位. A named unit that is not in the 单位
list makes the target fall back to its typed value, with a note saying why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .compliance import periods_in
from .models import Activity, FrequencyRule, Honour, Pairing, Plan, Rotation, Target, Teacher, Unit
from .queries import self_unit
from .terms import Period, load_calendar

SOURCE_COMPUTED, SOURCE_TYPED = "按记录统计", "手工填报"
REACHED, NOT_REACHED, IN_PROGRESS, NOT_ENTERED = "已达成", "未达成", "进行中", "未填报"
LEVEL_RANK = {"校级": 0, "县级": 1, "区级": 1, "市级": 2, "省级": 3, "国家级": 4}
PER_PERIOD = {"year": "年", "month": "月", "quarter": "季度", "semester": "学期", "school_year": "学年"}
COMPUTED_KINDS = ("honour_count", "dual_ratio", "activity_count", "rotation_count",
                  "rotation_coverage", "studio_count", "apprentices_per_helper")
KIND_LABELS = {
    "honour_count": "荣誉人数", "dual_ratio": "双师型比例", "activity_count": "活动次数",
    "rotation_count": "轮训人数", "rotation_coverage": "轮训覆盖率", "studio_count": "工作室数",
    "apprentices_per_helper": "每名帮扶人才徒弟数", "manual": "手工填报",
}


@dataclass
class TargetProgress:
    """A target with its actual value, where it came from, and its status."""

    target_id: int
    plan_id: int
    plan_title: str
    stage_year: int | None
    description: str
    kind: str
    unit_label: str
    target_value: float | None
    actual: float | None
    computed: bool
    actual_date: dt.date | None
    status: str
    note: str = ""
    teacher_ids: list[int] = field(default_factory=list)  # counted (or, for coverage, missing)
    activity_ids: list[int] = field(default_factory=list)
    # Why a computable kind fell back to its typed value (for warnings, never printed in a form).
    fallback_reason: str = ""
    notes: str = ""  # the clerk's own 备注 of the target

    @property
    def source_label(self) -> str:
        """按记录统计 for a computed value, 手工填报 for a typed one (how outputs label it)."""
        return SOURCE_COMPUTED if self.computed else SOURCE_TYPED

    @property
    def public_note(self) -> str:
        """What a printed form may say about the value: the basis of a computed figure, else nothing."""
        return self.note if self.computed else ""

    @property
    def progress(self) -> float | None:
        """actual / target (1.0 = reached), None when either is unknown or the target is 0."""
        if self.actual is None or not self.target_value:
            return None
        return self.actual / self.target_value

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "target_id": self.target_id, "plan_id": self.plan_id, "plan": self.plan_title,
            "stage_year": self.stage_year, "description": self.description, "kind": self.kind,
            "unit": self.unit_label, "target": self.target_value, "actual": self.actual,
            "computed": self.computed, "actual_date": self.actual_date.isoformat() if self.actual_date else None,
            "progress": self.progress, "status": self.status, "note": self.note,
            "teacher_ids": self.teacher_ids, "activity_ids": self.activity_ids,
            "source": self.source_label, "fallback_reason": self.fallback_reason,
        }


def reached(actual: float | None, target: float | None, comparison: str = "ge") -> bool:
    """Whether ``actual`` meets ``target`` (``gt`` for 超过, else at least)."""
    if actual is None or target is None:
        return False
    return actual > target if comparison == "gt" else actual >= target - 1e-9


def target_status(actual: float | None, target: Target, today: dt.date) -> str:
    """已达成 / 未达成 (stage year over) / 进行中 / 未填报 (no value at all)."""
    if actual is None:
        return NOT_ENTERED
    if reached(actual, target.target_value, (target.params or {}).get("comparison", "ge")):
        return REACHED
    if target.stage_year is not None and today > dt.date(target.stage_year, 12, 31):
        return NOT_REACHED
    return IN_PROGRESS


def evaluate_targets(targets=None, *, today: dt.date | None = None) -> list[TargetProgress]:
    """Progress of ``targets`` (default: every live target of a live plan), in plan order."""
    today = today or dt.date.today()
    if targets is None:
        targets = (Target.live().join(Plan).where(Plan.deleted_at.is_null())
                   .order_by(Plan.id, Target.stage_year.asc(nulls="first"), Target.id))  # as SQLite sorts
    targets = list(targets)
    facts = _Facts(today)
    titles = {p.id: p.title for p in Plan.select(Plan.id, Plan.title)} if targets else {}
    return [_progress(t, facts, titles.get(t.plan_id, ""), today) for t in targets]


@dataclass
class Figures:
    """Every figure an output shows for one day and one span: the one truth of all outputs.

    ``plans`` are the live plans whose period overlaps the span, oldest first; ``targets``
    and ``rules`` belong to them (targets whose stage year ends before the span are left
    out). The 指标 workbook, ``bangfu targets``, the year report, the binder and 概览 all
    take their numbers from here.
    """

    today: dt.date
    period: Period | None
    rule_period: Period
    plans: list[Plan]
    targets: list[TargetProgress]
    rules: list  # list[compliance.RuleResult]

    def plan_targets(self, plan_id: int) -> list[TargetProgress]:
        """The targets of one plan, in stage-year order."""
        return [t for t in self.targets if t.plan_id == plan_id]

    def plan_rules(self, plan_id: int) -> list:
        """The rule results of one plan."""
        return [r for r in self.rules if r.plan_id == plan_id]

    def plan_label(self, plan_id: int) -> str:
        """How a table names the plan of a row: its 文号 when it has one, else its title."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan.doc_number or plan.title
        return ""

    def as_dict(self) -> dict:
        """JSON-ready form."""
        span = self.period
        return {"today": self.today.isoformat(),
                "period": None if span is None else {"label": span.label, "start": span.start.isoformat(),
                                                     "end": span.end.isoformat()},
                "plans": [{"id": p.id, "title": p.title, "doc_number": p.doc_number} for p in self.plans],
                "targets": [t.as_dict() for t in self.targets], "rules": [r.as_dict() for r in self.rules]}


def plan_overlaps(plan: Plan, period: Period | None) -> bool:
    """Whether a plan's period (its years; open ends allowed) overlaps ``period``."""
    if period is None:
        return True
    start = plan.period_start or (plan.issued_on.year if plan.issued_on else None)
    if start is not None and start > period.end.year:
        return False
    return plan.period_end is None or plan.period_end >= period.start.year


def plans_in(period: Period | None, plan_id: int | None = None) -> list[Plan]:
    """Live plans whose period overlaps ``period`` (all when None), oldest first."""
    query = Plan.live().order_by(Plan.issued_on, Plan.id)
    if plan_id is not None:
        query = query.where(Plan.id == plan_id)
    plans = [p for p in query if plan_overlaps(p, period)]
    # Plans with no date come after the dated ones (SQLite sorts NULL first).
    return [p for p in plans if p.issued_on] + [p for p in plans if not p.issued_on]


def target_overlaps(target: Target, period: Period | None) -> bool:
    """A stage target belongs to a span unless its stage year ended before the span began."""
    return period is None or target.stage_year is None or target.stage_year >= period.start.year


def year_figures(period: Period | None = None, *, today: dt.date | None = None, plan_id: int | None = None,
                 rule_period: Period | None = None, calendar=None, with_rules: bool = True) -> Figures:
    """Targets and rules of the plans overlapping ``period``, evaluated once for ``today``.

    Rules are counted over ``rule_period`` (default: ``period``, or today's semester when
    ``period`` is None); ``with_rules=False`` leaves them out (a caller that wants only the
    targets). A fixed number of queries, whatever the number of plans.
    """
    from .compliance import evaluate_rules, rule_query

    today = today or dt.date.today()
    calendar = calendar or load_calendar()
    plans = plans_in(period, plan_id)
    ids = [p.id for p in plans]
    order = {pid: index for index, pid in enumerate(ids)}
    targets = [t for t in Target.live().where(Target.plan.in_(ids)).order_by(Target.stage_year, Target.id)
               if target_overlaps(t, period)] if ids else []
    targets.sort(key=lambda t: (order[t.plan_id], t.stage_year or 0, t.id))
    rules = sorted(rule_query().where(FrequencyRule.plan.in_(ids)), key=lambda r: (order[r.plan_id], r.id)) \
        if ids and with_rules else []
    rule_period = rule_period or period or calendar.semester_period(today)
    return Figures(today, period, rule_period, plans, evaluate_targets(targets, today=today),
                   evaluate_rules(rules, rule_period, today=today, calendar=calendar) if rules else [])


def school_year_targets(year: int, *, today: dt.date | None = None, calendar=None) -> list[TargetProgress]:
    """The targets of the 学年 starting in ``year``: exactly those the year report and binder show."""
    calendar = calendar or load_calendar()
    return year_figures(calendar.school_year(year), today=today, calendar=calendar, with_rules=False).targets


def evaluate_target(target: Target, *, today: dt.date | None = None) -> TargetProgress:
    """Progress of one target (the target editor's preview)."""
    return evaluate_targets([target], today=today)[0]


def _progress(target: Target, facts: "_Facts", plan_title: str, today: dt.date) -> TargetProgress:
    result = _compute(target, facts, today)
    computed = result is not None and result[0] is not None
    if computed:
        actual, note, teacher_ids, activity_ids = result
        actual_date = today
    else:
        actual, actual_date, teacher_ids, activity_ids = target.actual_value, target.actual_date, [], []
        reason = result[1] if result else ""
        note = reason
        if target.kind != "manual":
            note = (note + "；" if note else "") + "按填报值"
        return TargetProgress(target.id, target.plan_id, plan_title, target.stage_year, target.description,
                              target.kind, target.unit_label, target.target_value, actual, computed,
                              actual_date, target_status(actual, target, today), note, teacher_ids,
                              activity_ids, reason, target.notes or "")
    return TargetProgress(target.id, target.plan_id, plan_title, target.stage_year, target.description,
                          target.kind, target.unit_label, target.target_value, actual, computed,
                          actual_date, target_status(actual, target, today), note, teacher_ids, activity_ids,
                          "", target.notes or "")


def _year_end(target: Target, today: dt.date) -> dt.date:
    return dt.date(target.stage_year or today.year, 12, 31)


def _compute(target: Target, facts: "_Facts", today: dt.date):
    """(actual or None, note, teacher ids, activity ids); None when the kind is typed."""
    params = target.params or {}
    compute = {
        "honour_count": _honour_count, "dual_ratio": _dual_ratio, "activity_count": _activity_count,
        "rotation_count": _rotation_count, "rotation_coverage": _rotation_coverage,
        "studio_count": _studio_count, "apprentices_per_helper": _apprentices_per_helper,
    }.get(target.kind)
    if compute is None:
        return None
    if target.kind in ("honour_count", "dual_ratio", "rotation_coverage", "rotation_count"):
        teachers = facts.teachers_for(params, strict=target.kind != "rotation_count")
        if isinstance(teachers, str):
            return None, teachers, [], []
        return compute(target, params, facts, today, teachers)
    return compute(target, params, facts, today, None)


def _honour_count(target, params, facts, today, teachers):
    kinds = set(params.get("kinds") or [])
    floor = LEVEL_RANK.get(params.get("min_level") or "校级", 0)
    exact = bool(params.get("exact_level"))
    wanted = {t.id for t in teachers}
    counted = set()
    for teacher_id, kind, level, year in facts.honours:
        rank = LEVEL_RANK.get((level or "").strip())
        if teacher_id not in wanted or rank is None or (kinds and kind not in kinds):
            continue
        if (rank != floor) if exact else (rank < floor):
            continue
        if year is not None and target.stage_year is not None and year > target.stage_year:
            continue
        counted.add(teacher_id)
    return float(len(counted)), "", sorted(counted), []


def _dual_ratio(target, params, facts, today, teachers):
    if not teachers:
        return None, "没有教师记录，无法计算比例", [], []
    dual = [t.id for t in teachers if t.is_dual_qualified]
    ratio = round(100.0 * len(dual) / len(teachers), 1)
    return ratio, f"双师型 {len(dual)} 人 / 教师 {len(teachers)} 人", dual, []


def _activity_count(target, params, facts, today, _):
    types = list(params.get("types") or [])
    year = target.stage_year or today.year
    query = Activity.live(Activity.id, Activity.date).where(Activity.date <= dt.date(year, 12, 31))
    if types:
        query = query.where(Activity.type.in_(types))
    per = PER_PERIOD.get(params.get("per") or "")
    if per is None:
        ids = [i for i, _ in query.tuples()]
        return float(len(ids)), f"截至 {year} 年底累计", [], ids
    start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    if start > end:
        return 0.0, f"{year} 年尚未开始", [], []
    rows = list(query.where(Activity.date >= start).tuples())
    periods = periods_in(facts.calendar, per, Period(start, end, ""))
    finished = [p for p in periods if p.is_over(today)] or periods[-1:]
    tallies = [(p, [i for i, day in rows if p.start <= day <= p.end]) for p in finished]
    if per == "年":
        period, ids = tallies[0]
        return float(len(ids)), period.label, [], ids
    period, ids = min(tallies, key=lambda item: len(item[1]))
    return float(len(ids)), f"最少的是{period.label}（{len(ids)} 次）", [], ids


def _rotation_count(target, params, facts, today, teachers):
    year = target.stage_year or today.year
    yearly = params.get("per") == "year"
    wanted = {t.id for t in teachers}
    counted = set()
    for teacher_id, start, is_leader in facts.rotations:
        if teacher_id not in wanted or start is None or (params.get("leaders_only") and not is_leader):
            continue
        if (start.year == year) if yearly else (start <= dt.date(year, 12, 31)):
            counted.add(teacher_id)
    note = f"{year} 年开始轮训的人数" if yearly else f"截至 {year} 年底累计轮训人数"
    return float(len(counted)), note, sorted(counted), []


def _rotation_coverage(target, params, facts, today, teachers):
    if not teachers:
        return None, "没有教师记录，无法计算覆盖率", [], []
    by = _year_end(target, today)
    covered = {tid for tid, start, _ in facts.rotations if start is None or start <= by}
    missing = [t.id for t in teachers if t.id not in covered]
    done = len(teachers) - len(missing)
    return (round(100.0 * done / len(teachers), 1), f"已轮训 {done} 人 / 共 {len(teachers)} 人，"
            f"尚有 {len(missing)} 人未轮训", missing, [])


def _studio_count(target, params, facts, today, _):
    kinds = list(params.get("kinds") or ["工作室"])
    studios = [u for u in facts.units if any(k in u.name for k in kinds)]
    if not studios:
        return None, f"单位列表中没有名称含“{'、'.join(kinds)}”的工作室", [], []
    return float(len(studios)), "、".join(u.name for u in studios), [], []


def _apprentices_per_helper(target, params, facts, today, _):
    day = min(today, _year_end(target, today))
    helpers = [t for t in facts.all_teachers if t.is_helper
               and (t.helper_start is None or t.helper_start <= day)
               and (t.helper_end is None or t.helper_end >= day)]
    if not helpers:
        return None, f"{day:%Y-%m-%d} 没有在岗的帮扶人才", [], []
    loads = {h.id: set() for h in helpers}
    query = (Pairing.live(Pairing.mentor, Pairing.apprentice).join(Teacher, on=(Pairing.apprentice == Teacher.id))
             .where(Teacher.deleted_at.is_null() & (Pairing.status != "已解除")
                    & (Pairing.start_date.is_null() | (Pairing.start_date <= day))
                    & (Pairing.end_date.is_null() | (Pairing.end_date >= day))).tuples())
    for mentor, apprentice in query:
        if mentor in loads:
            loads[mentor].add(apprentice)
    fewest = min(len(s) for s in loads.values())
    short = [h for h in helpers if len(loads[h.id]) < (target.target_value or 0)]
    note = f"按 {day:%Y-%m-%d} 在岗的帮扶人才统计"
    if short:
        note += "；不足的：" + "、".join(f"{h.name}（{len(loads[h.id])} 名）" for h in short)
    return float(fewest), note, [h.id for h in short], []


class _Facts:
    """Teachers, honours, rotations and units, each fetched once per evaluation."""

    def __init__(self, today: dt.date):
        self.today = today
        self._cache: dict[str, object] = {}

    def _get(self, key, load):
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    @property
    def calendar(self):
        """The configured school calendar."""
        return self._get("calendar", load_calendar)

    @property
    def all_teachers(self) -> list[Teacher]:
        """Every live teacher."""
        return self._get("teachers", lambda: list(Teacher.live().order_by(Teacher.id)))

    @property
    def units(self) -> list[Unit]:
        """Every live unit."""
        return self._get("units", lambda: list(Unit.live().order_by(Unit.id)))

    @property
    def honours(self) -> list[tuple]:
        """(teacher id, kind, level, year) of live honours."""
        return self._get("honours", lambda: list(
            Honour.live(Honour.teacher, Honour.kind, Honour.level, Honour.year).tuples()))

    @property
    def rotations(self) -> list[tuple]:
        """(teacher id, start date, is_leader) of live rotations."""
        return self._get("rotations", lambda: list(
            Rotation.live(Rotation.teacher, Rotation.start_date, Rotation.is_leader).tuples()))

    def teachers_for(self, params: dict, *, strict: bool = True) -> list[Teacher] | str:
        """The non-helper teachers a target is about, or a note why they cannot be found.

        Without named units: 本单位's teachers (when ``strict`` is False and no 本单位 is
        set, every non-helper teacher).
        """
        names = params.get("unit_names") or ([params["unit_name"]] if params.get("unit_name") else [])
        if names:
            by_name = {}
            for unit in self.units:
                by_name[unit.name] = unit.id
                if unit.short_name:
                    by_name.setdefault(unit.short_name, unit.id)
            missing = [n for n in names if n not in by_name]
            if missing:
                return f"单位列表中没有“{'、'.join(missing)}”"
            unit_ids = {by_name[n] for n in names}
        else:
            own = self._get("self_unit", self_unit)
            if own is None and strict:
                return "尚未设置本单位"
            unit_ids = {own.id} if own is not None else None
        return [t for t in self.all_teachers
                if not t.is_helper and (unit_ids is None or t.unit_id in unit_ids)]
