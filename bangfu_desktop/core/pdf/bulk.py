"""Related rows of a whole binder fetched in a fixed number of queries.

Without this, each 活动记录表 asks for its participants, tasks and photos, and each
agreement or rotation form for its teachers and their units: about three queries per
document. The ``prefetch_*`` functions load them all at once, selecting by the same
query that chose the records (a subquery, so the count never grows with the records),
and hang them on the records, where the story functions look first.
"""

from __future__ import annotations

from collections import defaultdict

from ..models import (Activity, ActivityParticipant, ActivityTask, Attachment, Guidance, Pairing, Rotation, Task,
                      Teacher, Unit)

def prefetch_activities(activities: list[Activity], query) -> None:
    """Attach participants' names, linked tasks and attachments to each activity (3 queries).

    ``query`` is the query that selected ``activities``.
    """
    chosen = query.select(Activity.id).order_by()
    names, tasks, files = defaultdict(list), defaultdict(list), defaultdict(list)
    for activity_id, name in (ActivityParticipant.select(ActivityParticipant.activity, Teacher.name)
                              .join(Teacher).where(ActivityParticipant.activity.in_(chosen))
                              .order_by(ActivityParticipant.id).tuples()):
        names[activity_id].append(name)
    for task in (Task.select(Task, ActivityTask.activity.alias("link_activity")).join(ActivityTask)
                 .where(ActivityTask.activity.in_(chosen)).order_by(Task.position).objects()):
        tasks[task.link_activity].append(task)
    for attachment in (Attachment.live().where((Attachment.owner_table == "activity")
                                               & Attachment.owner_id.in_(chosen)).order_by(Attachment.id)):
        files[attachment.owner_id].append(attachment)
    for activity in activities:
        activity._pdf_participants = names[activity.id]
        activity._pdf_tasks = tasks[activity.id]
        activity._pdf_attachments = files[activity.id]


def _units() -> dict[int, Unit]:
    # Every unit (schools, bureaus, enterprises): a few hundred at most, one query.
    return {u.id: u for u in Unit.select()}


def _teachers(condition) -> dict[int, Teacher]:
    found = {t.id: t for t in Teacher.select().where(condition)}
    units = _units()
    for teacher in found.values():
        if teacher.unit_id in units:
            teacher.unit = units[teacher.unit_id]
        if teacher.helper_from_id in units:
            teacher.helper_from = units[teacher.helper_from_id]
    return found


def prefetch_pairings(pairings: list[Pairing], query) -> None:
    """Attach mentor and apprentice (with their units) to each pairing (2 queries)."""
    teachers = _teachers(Teacher.id.in_(query.select(Pairing.mentor).order_by())
                         | Teacher.id.in_(query.select(Pairing.apprentice).order_by()))
    guidance = defaultdict(list)
    for record in (Guidance.live().where(Guidance.pairing.in_(query.select(Pairing.id).order_by()))
                   .order_by(Guidance.date, Guidance.id)):
        guidance[record.pairing_id].append(record)
    for pairing in pairings:
        pairing.mentor = teachers[pairing.mentor_id]
        pairing.apprentice = teachers[pairing.apprentice_id]
        pairing._pdf_guidance = guidance[pairing.id]


# Ids bound in one IN list: SQLite 3.32+ allows 32,766 variables.
ID_CHUNK = 30_000


def prefetch_observations(observations: list) -> None:
    """Attach observers' names and the observed teacher (with unit) to each 听课记录 (3 queries)."""
    from ..models import ObservationObserver

    ids = [o.id for o in observations]
    names = defaultdict(list)
    for start in range(0, len(ids), ID_CHUNK):
        for observation_id, name in (ObservationObserver.select(ObservationObserver.observation, Teacher.name)
                                     .join(Teacher)
                                     .where(ObservationObserver.observation.in_(ids[start:start + ID_CHUNK]))
                                     .order_by(ObservationObserver.id).tuples()):
            names[observation_id].append(name)
    teachers = _teachers(Teacher.id.in_(sorted({o.teacher_id for o in observations if o.teacher_id})))
    for observation in observations:
        observation._pdf_observers = names[observation.id]
        if observation.teacher_id in teachers:
            observation.teacher = teachers[observation.teacher_id]


def prefetch_rotations(rotations: list[Rotation], query) -> None:
    """Attach the teacher (with unit) and the host unit to each rotation (2 queries)."""
    teachers = _teachers(Teacher.id.in_(query.select(Rotation.teacher).order_by()))
    hosts = _units()
    for rotation in rotations:
        rotation.teacher = teachers[rotation.teacher_id]
        if rotation.host_unit_id in hosts:
            rotation.host_unit = hosts[rotation.host_unit_id]
