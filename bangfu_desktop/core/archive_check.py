"""档案体检: what an archive inspector faults, found before anything is printed.

Inspectors of assistance programmes fault 三无 documents (no 落款, no date, no seal),
missing fields, dates that contradict each other and activities without proof.
``check_archive`` lists each such finding with the record it is about (table and id),
so the window can open that record and the command line can name it. A fixed number
of queries, however many records there are.

What is checked, for the records of the period (all records without one):

- 本单位 is set with its name (the 落款 and the 单位（盖章） line of every form), and its
  name, phones and e-mail keep the rules of ``core.units`` (unique name, phone formats).
- Required fields: an activity's 主题/类型/日期/地点/主持人/内容; a pairing's dates; a
  rotation's dates and 轮训单位; a plan's 发文日期 and 发文单位; an observation's 授课教师 and 课题.
- Seal space with a name: a pairing's apprentice and a rotation's teacher have a 单位.
- Contradictory dates: an activity before its plan was issued; a rotation ending before
  it starts; a pairing 进行中 after its end date; an activity linked as a task's evidence
  dated outside the task's period (before its start year, after its due date); a task
  completed before its start year; an observation dated in the future.
- Proof: an activity that a plan asks for (linked to a plan, or of a type a 频次要求
  counts) with neither a photo nor a sign-in sheet (a file named …签到…).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from .models import (
    Activity,
    ActivityTask,
    Attachment,
    FrequencyRule,
    Observation,
    Pairing,
    Plan,
    Rotation,
    Task,
    Teacher,
    Unit,
)
from .targets import plans_in
from .units import self_unit_problems
from .terms import Period

MISSING, NO_SEAL, DATES, NO_PROOF = "缺项", "三无", "日期矛盾", "缺少佐证"
SIGN_IN_WORDS = ("签到",)
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".heic")

TABLE_LABELS = {"unit": "单位", "plan": "方案", "task": "任务", "activity": "活动", "pairing": "师徒结对",
                "rotation": "轮训", "observation": "听课记录", "teacher": "教师"}


@dataclass(frozen=True)
class Finding:
    """One fault an inspector would find, on one record."""

    kind: str  # 缺项 / 三无 / 日期矛盾 / 缺少佐证
    table: str  # the record's table (peewee table name), for the window to open it
    record_id: int | None
    record: str  # how a clerk recognises the record
    message: str  # what is wrong and what to do, in Chinese

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)

    def line(self) -> str:
        """One line for the command line and the dialog."""
        where = TABLE_LABELS.get(self.table, self.table)
        number = f" 编号 {self.record_id}" if self.record_id is not None else ""
        return f"【{self.kind}】{where}{number}《{self.record}》：{self.message}"


def _overlaps(model, period: Period | None):
    query = model.live()
    if period is not None:
        query = query.where((model.start_date.is_null() | (model.start_date <= period.end))
                            & (model.end_date.is_null() | (model.end_date >= period.start)))
    return query


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_archive(period: Period | None = None, *, today: dt.date | None = None) -> list[Finding]:
    """Every finding for the records of ``period`` (all records when None), grouped by record type."""
    today = today or dt.date.today()
    findings: list[Finding] = []
    findings += _check_self_unit()
    plans = plans_in(period)
    findings += _check_plans(plans)
    activities = Activity.live()
    if period is not None:
        activities = activities.where(Activity.date.between(period.start, period.end))
    activities = list(activities.order_by(Activity.date, Activity.id))
    findings += _check_activities(activities, today)
    findings += _check_tasks(plans, period)
    findings += _check_pairings(list(_overlapping_pairings(period)), today)
    findings += _check_rotations(list(_overlaps(Rotation, period).order_by(Rotation.start_date, Rotation.id)))
    observations = Observation.live()
    if period is not None:
        observations = observations.where(Observation.date.between(period.start, period.end))
    findings += _check_observations(list(observations.order_by(Observation.date, Observation.id)), today)
    return findings


def _overlapping_pairings(period):
    return _overlaps(Pairing, period).order_by(Pairing.start_date, Pairing.id)


def _check_self_unit() -> list[Finding]:
    unit = Unit.live().where(Unit.is_self == True).first()  # noqa: E712 - peewee expression
    if unit is None:
        return [Finding(NO_SEAL, "unit", None, "本单位",
                        "尚未设置本单位：所有材料将没有落款和盖章单位。请在“单位”中把本校设为本单位。")]
    found = []
    if _empty(unit.name):
        found.append(Finding(NO_SEAL, "unit", unit.id, "本单位", "本单位没有名称，材料没有落款。"))
    if _empty(unit.contact_name) or (_empty(unit.office_phone) and _empty(unit.mobile)):
        found.append(Finding(MISSING, "unit", unit.id, unit.name,
                             "本单位缺少联系人或联系电话，表头的联系人/电话将空白。请在“单位”中补填。"))
    # The rules the unit form and 设置 enforce (core.units): data from before them, or from a package.
    for field, problem in self_unit_problems(unit).items():
        if field != "name" or not _empty(unit.name):
            found.append(Finding(MISSING, "unit", unit.id, unit.name or "本单位",
                                 f"本单位：{problem}。表头将印出这一项，请在“设置”中改正。"))
    return found


def _check_plans(plans: list[Plan]) -> list[Finding]:
    found = []
    for plan in plans:
        if plan.issued_on is None:
            found.append(Finding(MISSING, "plan", plan.id, plan.title,
                                 "方案没有发文日期，卷内目录的日期将空白。请补填发文日期。"))
        if _empty(plan.issuer):
            found.append(Finding(MISSING, "plan", plan.id, plan.title,
                                 "方案没有发文单位，卷内目录的责任者将空白。请补填发文单位。"))
    return found


ACTIVITY_FIELDS = (("title", "主题"), ("type", "活动类型"), ("place", "活动地点"), ("host", "主持人/主讲人"),
                   ("content", "活动内容"))


def _check_activities(activities: list[Activity], today: dt.date) -> list[Finding]:
    if not activities:
        return []
    found = []
    ids = [a.id for a in activities]
    plan_dates = {p.id: (p.title, p.issued_on) for p in Plan.select(Plan.id, Plan.title, Plan.issued_on)}
    counted_types = {t for (types,) in FrequencyRule.live(FrequencyRule.activity_types).tuples() for t in (types or [])}
    proof: set[int] = set()
    for owner_id, filename, mime in (Attachment.live(Attachment.owner_id, Attachment.filename, Attachment.mime)
                                     .where((Attachment.owner_table == "activity")
                                            & Attachment.owner_id.in_(ids)).tuples()):
        name = (filename or "").lower()
        if (mime or "").startswith("image/") or name.endswith(PHOTO_SUFFIXES) or \
                any(w in (filename or "") for w in SIGN_IN_WORDS):
            proof.add(owner_id)
    for a in activities:
        label = f"{a.title}（{a.date}）"
        empty = [title for name, title in ACTIVITY_FIELDS if _empty(getattr(a, name))]
        if empty:
            found.append(Finding(MISSING, "activity", a.id, label, f"缺少{'、'.join(empty)}，请补填。"))
        if a.date and a.date > today:
            found.append(Finding(DATES, "activity", a.id, label, "活动日期在今天之后，请核对日期。"))
        if a.plan_id in plan_dates:
            title, issued = plan_dates[a.plan_id]
            if issued and a.date and a.date < issued:
                found.append(Finding(DATES, "activity", a.id, label,
                                     f"活动日期早于所属方案《{title}》的发文日期 {issued}，请核对日期或所属方案。"))
        if a.id not in proof and (a.plan_id is not None or a.type in counted_types):
            found.append(Finding(NO_PROOF, "activity", a.id, label,
                                 "方案要求留存佐证，但这次活动既没有照片也没有签到表。请添加照片或签到表扫描件。"))
    return found


def _check_tasks(plans: list[Plan], period: Period | None) -> list[Finding]:
    ids = [p.id for p in plans]
    if not ids:
        return []
    found = []
    tasks = {t.id: t for t in Task.live().where(Task.plan.in_(ids))}
    for task in tasks.values():
        if task.completed_on and task.start_year and task.completed_on.year < task.start_year:
            found.append(Finding(DATES, "task", task.id, f"{task.code} {task.measure or task.stage_goal}".strip(),
                                 f"完成日期 {task.completed_on} 早于任务开始的 {task.start_year} 年，请核对。"))
    links = (ActivityTask.select(ActivityTask.task, Activity.id, Activity.title, Activity.date)
             .join(Activity).where(Activity.deleted_at.is_null() & ActivityTask.task.in_(list(tasks))).tuples())
    for task_id, activity_id, title, day in links:
        task = tasks[task_id]
        if period is not None and day is not None and day not in period:
            continue
        early = task.start_year is not None and day is not None and day.year < task.start_year
        late = not task.ongoing and task.due_date is not None and day is not None and day > task.due_date
        if early or late:
            span = f"{task.start_year or ''}年起" if early else f"{task.due_date}前"
            found.append(Finding(DATES, "activity", activity_id, f"{title}（{day}）",
                                 f"作为任务 {task.code or task.id} 的佐证，但日期在任务期限（{span}）之外。"
                                 "请核对活动日期或对应任务。"))
    return found


def _check_pairings(pairings: list[Pairing], today: dt.date) -> list[Finding]:
    found = []
    teachers = _teachers({p.mentor_id for p in pairings} | {p.apprentice_id for p in pairings})
    for p in pairings:
        mentor, apprentice = teachers.get(p.mentor_id), teachers.get(p.apprentice_id)
        label = f"{mentor.name if mentor else '?'}—{apprentice.name if apprentice else '?'}"
        empty = [t for v, t in ((p.start_date, "开始日期"), (p.end_date, "结束日期")) if v is None]
        if empty:
            found.append(Finding(MISSING, "pairing", p.id, label, f"缺少{'、'.join(empty)}，协议书的结对期限不完整。"))
        if p.start_date and p.end_date and p.end_date < p.start_date:
            found.append(Finding(DATES, "pairing", p.id, label, "结束日期早于开始日期，请核对。"))
        if p.status == "进行中" and p.end_date and p.end_date < today:
            found.append(Finding(DATES, "pairing", p.id, label,
                                 f"结对已于 {p.end_date} 到期，状态仍为“进行中”。请改为“已完成”或延长期限。"))
        if apprentice is not None and apprentice.unit_id is None:
            found.append(Finding(NO_SEAL, "teacher", apprentice.id, apprentice.name,
                                 "徒弟没有所在单位，协议书的“学校（盖章）”处没有单位名称。请补填所在单位。"))
    return found


def _check_rotations(rotations: list[Rotation]) -> list[Finding]:
    found = []
    teachers = _teachers({r.teacher_id for r in rotations})
    for r in rotations:
        teacher = teachers.get(r.teacher_id)
        label = f"{teacher.name if teacher else '?'}（{r.kind}）"
        empty = [t for v, t in ((r.start_date, "开始日期"), (r.end_date, "结束日期"), (r.host_unit_id, "轮训单位"))
                 if v is None]
        if empty:
            found.append(Finding(MISSING, "rotation", r.id, label, f"缺少{'、'.join(empty)}，请补填。"))
        if r.start_date and r.end_date and r.end_date < r.start_date:
            found.append(Finding(DATES, "rotation", r.id, label,
                                 f"结束日期 {r.end_date} 早于开始日期 {r.start_date}，请核对。"))
        if teacher is not None and teacher.unit_id is None:
            found.append(Finding(NO_SEAL, "teacher", teacher.id, teacher.name,
                                 "教师没有所在单位，轮训登记表的派出单位没有名称。请补填所在单位。"))
    return found


def _check_observations(observations: list[Observation], today: dt.date) -> list[Finding]:
    found = []
    teachers = _teachers({o.teacher_id for o in observations if o.teacher_id})
    for o in observations:
        teacher = teachers.get(o.teacher_id)
        label = f"{o.topic or '（无课题）'}（{o.date}）"
        empty = [t for v, t in ((teacher, "授课教师"), (o.topic, "课题")) if _empty(v)]
        if empty:
            found.append(Finding(MISSING, "observation", o.id, label, f"缺少{'、'.join(empty)}，请补填。"))
        if o.date and o.date > today:
            found.append(Finding(DATES, "observation", o.id, label,
                                 f"听课日期 {o.date} 在今天之后，请核对日期。"))
    return found


def _teachers(ids: set) -> dict[int, Teacher]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {t.id: t for t in Teacher.select().where(Teacher.id.in_(list(ids)))}
