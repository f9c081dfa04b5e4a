"""A record and its parts, saved in one transaction: nothing of it is saved when any part fails.

One function per record type that has parts (an activity with participants, task
links and attachments; a teacher with honours; a pairing with guidance records; an
observation with its observers), plus the plain save, delete and restore that the
window uses. Each takes plain values (ids, dicts, paths), so the command line and
tests call them without Qt; the window calls them through ``gui.operations.run_op``.
Attachment files are copied before the transaction and removed again if it fails.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence, TypeVar

from peewee import Model

from . import attachments, records
from .deadlines import parse_deadline
from .terms import load_calendar
from .models import (
    MODEL_BY_TABLE,
    ActivityParticipant,
    ActivityTask,
    Activity,
    Attachment,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Task,
    Teacher,
    Unit,
    database,
)
from . import settings

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class HonourRow:
    """One honour as edited: its id (None when new), kind, level and year."""

    honour_id: int | None
    kind: str
    level: str
    year: int | None


@dataclass(frozen=True)
class GuidanceRow:
    """One guidance record of a pairing as edited: its id (None when new), date, kind and content."""

    guidance_id: int | None
    date: dt.date
    kind: str
    content: str


def _derive(record: Model) -> None:
    """Values computed from others, whoever saves (a task's due date from its 完成时限)."""
    if isinstance(record, Task):
        parsed = parse_deadline(record.deadline_text or "", load_calendar())
        record.due_date, record.start_year, record.ongoing = parsed.due, parsed.start_year, parsed.ongoing


def _save_with_parts(model: type[M], record_id: int | None, values: dict[str, Any],
                     parts: Callable[[M], None] | None = None, *,
                     prepare: Callable[[M], None] | None = None,
                     staged: Sequence[attachments.StagedFile] = ()) -> M:
    """Load (or create) the record, apply ``values``, save it and its parts in one transaction."""
    try:
        record = model.get_by_id(record_id) if record_id is not None else model()
        for name, value in values.items():
            setattr(record, name, value)
        _derive(record)
        if prepare is not None:
            prepare(record)
        with database.atomic():
            records.save(record)
            if parts is not None:
                parts(record)
    except BaseException:
        attachments.discard_staged(list(staged))
        raise
    records.changes_committed()
    return record


def save_record(model: type[M], record_id: int | None, values: dict[str, Any], *,
                prepare: Callable[[M], None] | None = None) -> M:
    """Insert (``record_id`` None) or update one record from form values; return it."""
    if model is Unit:
        return save_unit(record_id, values)
    return _save_with_parts(model, record_id, values, prepare=prepare)


def save_unit(unit_id: int | None, values: dict[str, Any]) -> Unit:
    """Save a unit; marking it 本单位 clears the mark on every other unit, in the same transaction."""
    def parts(unit: Unit) -> None:
        if unit.is_self:
            for other in Unit.select().where((Unit.is_self == True) & (Unit.id != unit.id)):  # noqa: E712
                other.is_self = False
                records.save(other)
    return _save_with_parts(Unit, unit_id, values, parts)


def save_activity(activity_id: int | None, values: dict[str, Any], *,
                  participant_ids: Iterable[int] = (), task_ids: Iterable[int] = (),
                  new_files: Iterable[str | os.PathLike] = (),
                  removed_attachment_ids: Iterable[int] = ()) -> Activity:
    """Save an activity with its participants, task links and attachments: all of it or nothing."""
    participant_ids, task_ids = list(participant_ids), list(task_ids)
    removed = list(removed_attachment_ids)
    staged: list[attachments.StagedFile] = []
    try:
        for path in new_files:
            staged.append(attachments.stage_file(path))
    except BaseException:
        attachments.discard_staged(staged)
        raise

    def parts(activity: Activity) -> None:
        records.replace_links(ActivityParticipant, "activity", activity, "teacher", participant_ids)
        records.replace_links(ActivityTask, "activity", activity, "task", task_ids)
        for item in staged:
            attachments.attach_staged(activity, item)
        for attachment_id in removed:
            attachment = Attachment.get_or_none(Attachment.id == attachment_id)
            if attachment is not None and attachment.deleted_at is None:
                records.trash(attachment)

    return _save_with_parts(Activity, activity_id, values, parts, staged=staged)


def _sync_honours(teacher: Teacher, rows: Sequence[HonourRow]) -> None:
    existing = {h.id: h for h in Honour.live().where(Honour.teacher == teacher.id)}
    kept = set()
    for row in rows:
        honour = existing.get(row.honour_id) if row.honour_id is not None else None
        if honour is None:
            records.save(Honour(teacher=teacher.id, kind=row.kind, level=row.level, year=row.year))
            continue
        kept.add(honour.id)
        honour.kind, honour.level, honour.year = row.kind, row.level, row.year
        records.save(honour)  # writes (and audits) only when something changed
    for honour_id, honour in existing.items():
        if honour_id not in kept:
            records.trash(honour)


def save_teacher(teacher_id: int | None, values: dict[str, Any],
                 honours: Sequence[HonourRow] | None = None) -> Teacher:
    """Save a teacher and make the live honours exactly ``honours`` (None: leave them)."""
    rows = list(honours) if honours is not None else None
    return _save_with_parts(Teacher, teacher_id, values,
                            (lambda t: _sync_honours(t, rows)) if rows is not None else None)


def _sync_guidance(pairing: Pairing, rows: Sequence[GuidanceRow]) -> None:
    existing = {g.id: g for g in Guidance.live().where(Guidance.pairing == pairing.id)}
    kept = set()
    for row in rows:
        record = existing.get(row.guidance_id) if row.guidance_id is not None else None
        if record is None:
            records.save(Guidance(pairing=pairing.id, date=row.date, kind=row.kind, content=row.content))
            continue
        kept.add(record.id)
        record.date, record.kind, record.content = row.date, row.kind, row.content
        records.save(record)
    for guidance_id, record in existing.items():
        if guidance_id not in kept:
            records.trash(record)


def save_pairing(pairing_id: int | None, values: dict[str, Any],
                 guidance: Sequence[GuidanceRow] | None = None) -> Pairing:
    """Save a pairing and make its live guidance records exactly ``guidance`` (None: leave them)."""
    rows = list(guidance) if guidance is not None else None
    return _save_with_parts(Pairing, pairing_id, values,
                            (lambda p: _sync_guidance(p, rows)) if rows is not None else None)


def save_observation(observation_id: int | None, values: dict[str, Any],
                     observer_ids: Iterable[int] = ()) -> Observation:
    """Save a 听课记录 with its observers from the roster."""
    ids = list(observer_ids)
    return _save_with_parts(Observation, observation_id, values,
                            lambda o: records.replace_links(ObservationObserver, "observation", o, "teacher", ids))


def save_settings(unit_id: int | None, unit_values: dict[str, Any], options: dict[str, Any]) -> Unit:
    """设置: 本单位 (an existing unit or a new one) and the declared options, in one transaction."""
    def parts(unit: Unit) -> None:
        for other in Unit.select().where((Unit.is_self == True) & (Unit.id != unit.id)):  # noqa: E712
            other.is_self = False
            records.save(other)
        for key, value in options.items():
            settings.put(key, value)

    values = {"kind": "学校", **unit_values, "is_self": True} if unit_id is None else {**unit_values, "is_self": True}
    return _save_with_parts(Unit, unit_id, values, parts)


def trash_many(table: str, ids: Iterable[int], *, correction: str = "") -> list[tuple[str, int]]:
    """Move records of one table to the recycle bin in one transaction; return (table, id) of each moved.

    One record in an accepted period without a ``correction`` reason: CorrectionRequired, none moved.
    """
    model = MODEL_BY_TABLE[table]
    moved = []
    with database.atomic():
        for record_id in ids:
            record = model.get_or_none(model.id == record_id)
            if record is not None and record.deleted_at is None:
                records.trash(record, correction=correction)
                moved.append((table, record_id))
    records.changes_committed()
    return moved


def restore_many(items: Iterable[tuple[str, int]], *, correction: str = "") -> list[tuple[str, int]]:
    """Bring (table, id) records back from the recycle bin in one transaction; return those restored."""
    restored = []
    with database.atomic():
        for table, record_id in items:
            record = records.load(table, record_id)
            if record.deleted_at is not None:
                records.restore(record, correction=correction)
            restored.append((table, record_id))
    records.changes_committed()
    return restored
