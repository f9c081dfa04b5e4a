"""The window's big tables as ``TableSource``s: 活动记录, 听课记录, 教师名册, 师徒结对, 轮训, 任务清单.

Each load costs the same few queries however many rows there are (ids, total,
one page, and a fixed number for the page's computed fields).
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import replace
from functools import reduce

from peewee import JOIN, SQL, Case, fn

from .dialect import DaysBetween
from .models import (
    OVERDUE,
    Activity,
    ActivityParticipant,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Task,
    TaskCategory,
    Teacher,
    Unit,
)
from .tablequery import TableSource
from .terms import load_calendar


def _exists(query):
    return fn.EXISTS(query)


def _any(conditions):
    return reduce(operator.or_, conditions)


# -- 活动记录 ------------------------------------------------------------------------------------

def _people():
    count = (ActivityParticipant.select(fn.COUNT(ActivityParticipant.id))
             .where(ActivityParticipant.activity == Activity.id))
    return Activity.others_count + count


def semester_lookup(years: range):
    """An ISO date (or date) → (学年, 学期) function built from the school calendar."""
    calendar = load_calendar()
    starts, labels = [], []
    for year in years:
        for number in (1, 2):
            starts.append(calendar.semester(year, number).start.isoformat())
            labels.append((year, number))

    def lookup(day) -> tuple[int | None, int | None]:
        i = bisect.bisect_right(starts, str(day)) - 1
        return labels[i] if i >= 0 and day else (None, None)

    return lookup


def _finish_activities(rows: list) -> list:
    years = [r.date.year for r in rows if r.date]
    if not years:
        return rows
    lookup = semester_lookup(range(min(years) - 1, max(years) + 1))
    return [r._replace(online=bool(r.online), **dict(zip(("school_year", "semester"), lookup(r.date))))
            for r in rows]


def school_year_condition(year: int):
    """Activities (or any ``date``) within a 学年."""
    period = load_calendar().school_year(year)
    return Activity.date.between(period.start, period.end)


def semester_condition(number: int, date_field=None):
    """Dates within 第一/第二学期 of any school year from the first record to next year."""
    date_field = date_field or Activity.date
    first = Activity.select(fn.MIN(Activity.date)).scalar()
    calendar = load_calendar()
    today = dt.date.today()
    start_year = calendar.school_year_of(first if isinstance(first, dt.date) else today) - 1
    ranges = [calendar.semester(year, number) for year in range(start_year, calendar.school_year_of(today) + 2)]
    return _any([date_field.between(p.start, p.end) for p in ranges])


ACTIVITIES = TableSource(
    name="activity",
    model=Activity,
    fields={"id": Activity.id, "date": Activity.date, "type": Activity.type, "title": Activity.title,
            "place": Activity.place, "host": Activity.host, "subject": Activity.subject,
            "people": _people(), "online": Activity.online},
    computed=("school_year", "semester"),
    order=lambda: [Activity.date.desc(), Activity.id.desc()],
    search=(Activity.type, Activity.title, Activity.place, Activity.host, Activity.subject, Activity.organiser),
    fts="activity_fts",
    finish=_finish_activities,
)

# -- 听课记录 ------------------------------------------------------------------------------------

LessonTeacher = Teacher.alias("lesson_teacher")
ObserverTeacher = Teacher.alias("observer_teacher")


def _observer_like(word: str):
    query = (ObservationObserver.select(SQL("1"))
             .join(ObserverTeacher, on=(ObservationObserver.teacher == ObserverTeacher.id))
             .where((ObservationObserver.observation == Observation.id)
                    & (ObserverTeacher.name.contains(word) | ObserverTeacher.name_py.contains(word))))
    return [LessonTeacher.name.contains(word), LessonTeacher.name_py.contains(word), _exists(query)]


def _finish_observations(rows: list) -> list:
    names: dict[int, list[str]] = {}
    query = (ObservationObserver.select(ObservationObserver.observation, Teacher.name)
             .join(Teacher, on=(ObservationObserver.teacher == Teacher.id))
             .where(ObservationObserver.observation.in_([r.id for r in rows]))
             .order_by(ObservationObserver.id).tuples())
    for observation_id, name in query:
        names.setdefault(observation_id, []).append(name)
    result = []
    for row in rows:
        text = "、".join(names.get(row.id, []))
        if row.observers_text:
            text = f"{text} {row.observers_text}".strip()
        result.append(row._replace(observers=text))
    return result


OBSERVATIONS = TableSource(
    name="observation",
    model=Observation,
    fields={"id": Observation.id, "date": Observation.date, "period": Observation.period,
            "teacher": LessonTeacher.name, "subject": Observation.subject, "grade_class": Observation.grade_class,
            "topic": Observation.topic, "lesson_type": Observation.lesson_type,
            "observers_text": Observation.observers_text},
    computed=("observers",),
    join=lambda q: q.join(LessonTeacher, JOIN.LEFT_OUTER, on=(Observation.teacher == LessonTeacher.id)),
    order=lambda: [Observation.date.desc(), Observation.id.desc()],
    sorts={"teacher": LessonTeacher.name_key, "observers": Observation.observers_text},
    search=(Observation.period, Observation.subject, Observation.grade_class, Observation.topic,
            Observation.lesson_type, Observation.observers_text),
    fts="observation_fts",
    search_more=_observer_like,
    finish=_finish_observations,
)

# -- 教师名册 ------------------------------------------------------------------------------------

TeacherUnit = Unit.alias("teacher_unit")
HelperUnit = Unit.alias("helper_unit")


def honour_texts(teacher_ids=None) -> dict[int, str]:
    """Teacher id → “县级骨干教师 2024；市级学科带头人” (one query; all teachers or these)."""
    query = Honour.live(Honour.teacher, Honour.level, Honour.kind, Honour.year)
    if teacher_ids is not None:
        query = query.where(Honour.teacher.in_(list(teacher_ids)))
    texts: dict[int, list[str]] = {}
    for teacher_id, level, kind, year in query.order_by(Honour.teacher, Honour.year, Honour.id).tuples():
        texts.setdefault(teacher_id, []).append(f"{level}{kind}" + (f" {year}" if year else ""))
    return {tid: "；".join(parts) for tid, parts in texts.items()}


def _teacher_more(word: str):
    honours = (Honour.select(SQL("1"))
               .where((Honour.teacher == Teacher.id) & Honour.deleted_at.is_null()
                      & (Honour.level.concat(Honour.kind).contains(word) | Honour.year.cast("TEXT").contains(word))))
    return [TeacherUnit.name.contains(word), TeacherUnit.name_py.contains(word), HelperUnit.name.contains(word),
            _exists(honours)]


def _finish_teachers(rows: list) -> list:
    honours = honour_texts([r.id for r in rows])
    return [r._replace(honours=honours.get(r.id, "")) for r in rows]


TEACHERS = TableSource(
    name="teacher",
    model=Teacher,
    fields={"id": Teacher.id, "name": Teacher.name, "gender": Teacher.gender, "unit": TeacherUnit.name,
            "subject": Teacher.subject, "position": Teacher.position, "title": Teacher.title,
            "phone": Teacher.phone, "honours": SQL("''"), "dual": Teacher.is_dual_qualified,
            "party": Teacher.is_party_member, "leader": Teacher.is_leader, "helper": Teacher.is_helper,
            "helper_from": HelperUnit.name, "unit_id": Teacher.unit},
    join=lambda q: (q.join(TeacherUnit, JOIN.LEFT_OUTER, on=(Teacher.unit == TeacherUnit.id)).switch(Teacher)
                    .join(HelperUnit, JOIN.LEFT_OUTER, on=(Teacher.helper_from == HelperUnit.id))),
    order=lambda: [TeacherUnit.is_self.desc(), TeacherUnit.name_key, Teacher.name_key, Teacher.id],
    sorts={"name": Teacher.name_key, "unit": TeacherUnit.name_key, "helper_from": HelperUnit.name_key},
    search=(Teacher.name, Teacher.subject, Teacher.position, Teacher.title, Teacher.phone, Teacher.name_py),
    fts="teacher_fts",
    search_more=_teacher_more,
    finish=_finish_teachers,
)

# -- 师徒结对 ------------------------------------------------------------------------------------

Mentor = Teacher.alias("mentor")
Apprentice = Teacher.alias("apprentice")
MentorUnit = Unit.alias("mentor_unit")


def _guidance_count():
    return (Guidance.select(fn.COUNT(Guidance.id))
            .where((Guidance.pairing == Pairing.id) & Guidance.deleted_at.is_null()))


PAIRINGS = TableSource(
    name="pairing",
    model=Pairing,
    fields={"id": Pairing.id, "mentor": Mentor.name, "mentor_unit": MentorUnit.name, "apprentice": Apprentice.name,
            "subject": Pairing.subject, "programme": Pairing.programme, "start": Pairing.start_date,
            "end": Pairing.end_date, "status": Pairing.status, "guidance": _guidance_count(),
            "mentor_id": Pairing.mentor},
    join=lambda q: (q.join(Mentor, on=(Pairing.mentor == Mentor.id)).switch(Pairing)
                    .join(Apprentice, on=(Pairing.apprentice == Apprentice.id)).switch(Pairing)
                    .join(MentorUnit, JOIN.LEFT_OUTER, on=(Mentor.unit == MentorUnit.id))),
    order=lambda: [Mentor.name_key, Pairing.start_date, Pairing.id],
    sorts={"mentor": Mentor.name_key, "apprentice": Apprentice.name_key, "mentor_unit": MentorUnit.name_key},
    search=(Pairing.subject, Pairing.programme, Pairing.status),
    search_more=lambda w: [Mentor.name.contains(w), Mentor.name_py.contains(w), Apprentice.name.contains(w),
                           Apprentice.name_py.contains(w), MentorUnit.name.contains(w)],
)

# -- 轮训 ------------------------------------------------------------------------------------------

RotationTeacher = Teacher.alias("rotation_teacher")
RotationUnit = Unit.alias("rotation_unit")
HostUnit = Unit.alias("host_unit")


def _finish_rotations(rows: list) -> list:
    return [r._replace(days=(r.end - r.start).days + 1 if r.start and r.end else None,
                       year=r.start.year if r.start else None, leader=bool(r.leader)) for r in rows]


ROTATIONS = TableSource(
    name="rotation",
    model=Rotation,
    fields={"id": Rotation.id, "teacher": RotationTeacher.name, "unit": RotationUnit.name, "host": HostUnit.name,
            "kind": Rotation.kind, "start": Rotation.start_date, "end": Rotation.end_date,
            "days": SQL("NULL"), "leader": Rotation.is_leader, "report": Rotation.report,
            "teacher_id": Rotation.teacher, "host_id": Rotation.host_unit},
    computed=("year",),
    join=lambda q: (q.join(RotationTeacher, on=(Rotation.teacher == RotationTeacher.id))
                    .join(RotationUnit, JOIN.LEFT_OUTER, on=(RotationTeacher.unit == RotationUnit.id))
                    .switch(Rotation).join(HostUnit, JOIN.LEFT_OUTER, on=(Rotation.host_unit == HostUnit.id))),
    where=lambda: Rotation.deleted_at.is_null() & RotationTeacher.deleted_at.is_null(),
    order=lambda: [Rotation.start_date.desc(), RotationTeacher.name_key, Rotation.id],
    sorts={"teacher": RotationTeacher.name_key, "unit": RotationUnit.name_key, "host": HostUnit.name_key,
           "days": DaysBetween(Rotation.end_date, Rotation.start_date),
           "year": Rotation.start_date},
    search=(Rotation.kind, Rotation.report),
    search_more=lambda w: [RotationTeacher.name.contains(w), RotationTeacher.name_py.contains(w),
                           RotationUnit.name.contains(w), HostUnit.name.contains(w)],
    finish=_finish_rotations,
)

# -- 任务清单 --------------------------------------------------------------------------------------


def task_status():
    """The shown status: 逾期 for an unfinished task past its due date."""
    late = (Task.status != "已完成") & Task.due_date.is_null(False) & (Task.due_date < dt.date.today())
    return Case(None, [(late, OVERDUE)], Task.status)


def task_status_condition(value: str):
    """Tasks whose shown status is ``value``."""
    return task_status() == value


def _finish_tasks(rows: list) -> list:
    result = []
    for r in rows:
        category = f"{r.category_code}.{r.category}" if r.category_code else (r.category or "")
        result.append(r._replace(category=category, text="；".join(t for t in (r.goal, r.measure) if t)))
    return result


TASKS = TableSource(
    name="task",
    model=Task,
    fields={"id": Task.id, "category": TaskCategory.name, "code": Task.code, "text": SQL("''"),
            "deadline": Task.deadline_text, "due": Task.due_date, "responsible": Task.responsible,
            "cooperating": Task.cooperating, "status": task_status(), "progress": Task.progress,
            "plan_id": Task.plan, "plan_title": Plan.title, "category_code": TaskCategory.code,
            "goal": Task.stage_goal, "measure": Task.measure},
    join=lambda q: q.join(Plan).switch(Task).join(TaskCategory, JOIN.LEFT_OUTER),
    where=lambda: Task.deleted_at.is_null() & Plan.deleted_at.is_null(),
    order=lambda: [Plan.id, TaskCategory.position, Task.position, Task.id],
    sorts={"category": TaskCategory.position, "text": Task.stage_goal, "code": Task.position},
    search=(Task.code, Task.stage_goal, Task.measure, Task.deadline_text, Task.responsible, Task.cooperating,
            Task.progress),
    search_more=lambda w: [TaskCategory.name.contains(w), task_status() == w],
    finish=_finish_tasks,
)


def teachers_source(period) -> TableSource:
    """教师名册 with each teacher's lesson counts in ``period`` (a terms.Period): 听课节数, 授课被听节数."""
    in_period = Observation.deleted_at.is_null() & Observation.date.between(period.start, period.end)
    observed = (Observation.select(fn.COUNT(fn.DISTINCT(Observation.id)))
                .join(ObservationObserver, on=(ObservationObserver.observation == Observation.id))
                .where((ObservationObserver.teacher == Teacher.id) & in_period))
    taught = Observation.select(fn.COUNT(Observation.id)).where((Observation.teacher == Teacher.id) & in_period)
    return replace(TEACHERS, fields={**TEACHERS.fields, "observed": observed, "taught": taught}, row_type=None)
