"""Records as JSON: which records a package carries, and how one record is written and read.

Foreign keys travel as the UUID of the record they point to, so a package can be
read into any database whatever its row ids are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Iterable

from peewee import BooleanField, DateField, DateTimeField, FloatField, ForeignKeyField, IntegerField, Model

from ..models import (
    Activity,
    ActivityParticipant,
    ActivityTask,
    Attachment,
    FrequencyRule,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Target,
    Task,
    TaskCategory,
    Teacher,
    Unit,
)

# Parents before children: the order in which a package is read.
EXCHANGED_MODELS: tuple[type[Model], ...] = (
    Unit, Plan, TaskCategory, Task, Target, Teacher, Honour, Pairing, Guidance, Rotation,
    Activity, ActivityParticipant, ActivityTask, Observation, ObservationObserver, FrequencyRule,
    Attachment,
)
MODEL_BY_NAME = {m._meta.table_name: m for m in EXCHANGED_MODELS}
# Link rows that belong to an owner record: (owner field, model).
LINK_MODELS: dict[type[Model], str] = {
    ActivityParticipant: "activity", ActivityTask: "activity", ObservationObserver: "observation",
}
# Columns that are bookkeeping, not content.
_META = {"id", "uuid", "origin", "created_at", "updated_at"}
# Dated records are chosen by period: (start field, end field or None).
DATED: dict[type[Model], tuple[str, str | None]] = {
    Activity: ("date", None), Observation: ("date", None), Guidance: ("date", None),
    Rotation: ("start_date", "end_date"), Pairing: ("start_date", "end_date"),
}
LABELS = {m._meta.table_name: getattr(m, "label", m.__name__) for m in EXCHANGED_MODELS}
LABELS.update({"activity_participant": "活动参与教师", "activity_task": "活动佐证任务",
               "observation_observer": "听课教师"})


def content_fields(model: type[Model]) -> list[str]:
    """The fields of ``model`` whose values travel (everything but bookkeeping)."""
    return [name for name in model._meta.fields if name not in _META]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class UuidMap:
    """Row id ↔ UUID look-ups per table, filled on demand (one query per table)."""

    def __init__(self) -> None:
        self._by_id: dict[type[Model], dict[int, str]] = {}

    def uuid_of(self, model: type[Model], row_id: int | None) -> str | None:
        """The UUID of row ``row_id`` of ``model``."""
        if row_id is None:
            return None
        if model not in self._by_id:
            self._by_id[model] = {r.id: r.uuid for r in model.select(model.id, model.uuid)}
        return self._by_id[model].get(row_id)

    def forget(self, model: type[Model]) -> None:
        """Drop the cache of ``model`` (after rows were added)."""
        self._by_id.pop(model, None)


def record_fields(record: Model, uuids: UuidMap) -> dict[str, Any]:
    """The content of ``record`` as JSON values; foreign keys (and attachment owners) as UUIDs."""
    model = type(record)
    out: dict[str, Any] = {}
    for name in content_fields(model):
        field = model._meta.fields[name]
        if isinstance(field, ForeignKeyField):
            out[name] = uuids.uuid_of(field.rel_model, record.__data__.get(name))
        else:
            out[name] = _plain(record.__data__.get(name))
    if model is Attachment:
        owner = MODEL_BY_NAME.get(record.owner_table)
        out["owner_id"] = uuids.uuid_of(owner, record.owner_id) if owner else None
    return out


def content_hash(fields: dict[str, Any]) -> str:
    """A hash of a record's content that both sides compute the same way."""
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_json(record: Model, uuids: UuidMap) -> dict[str, Any]:
    """One record as it is written into a package."""
    return {
        "uuid": record.uuid,
        "created_at": _plain(record.created_at),
        "updated_at": _plain(record.updated_at),
        "fields": record_fields(record, uuids),
    }


def python_value(field, value: Any) -> Any:
    """A JSON value turned back into what the peewee field holds."""
    if value is None:
        return None
    if isinstance(field, DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, BooleanField):
        return bool(value)
    if isinstance(field, IntegerField) and not isinstance(field, ForeignKeyField):
        return int(value)
    if isinstance(field, FloatField):
        return float(value)
    return value


def _overlaps(model: type[Model], start: dt.date, end: dt.date):
    first, last = DATED[model]
    first_col = getattr(model, first)
    if last is None:
        return first_col.between(start, end) | first_col.is_null()
    last_col = getattr(model, last)
    return ((first_col.is_null() | (first_col <= end))
            & (last_col.is_null() | (last_col >= start)))


def select_records(start: dt.date | None = None, end: dt.date | None = None) -> dict[type[Model], list[Model]]:
    """This database's own records for a period (dated records inside it, the rest whole),
    their link rows and attachments, and every record they refer to."""
    chosen: dict[type[Model], dict[int, Model]] = {m: {} for m in EXCHANGED_MODELS}
    for model in EXCHANGED_MODELS:
        if model in LINK_MODELS or model is Attachment:
            continue
        query = model.select().where(model.origin == "")
        if model in DATED and start and end:
            query = query.where(_overlaps(model, start, end))
        chosen[model] = {r.id: r for r in query}
    for model, owner_field in LINK_MODELS.items():
        owner_model = model._meta.fields[owner_field].rel_model
        owner_ids = list(chosen[owner_model])
        for chunk in _chunks(owner_ids):
            for row in model.select().where(getattr(model, owner_field).in_(chunk)):
                chosen[model][row.id] = row
    for att in Attachment.select().where(Attachment.origin == ""):
        owner = MODEL_BY_NAME.get(att.owner_table)
        if owner is not None and att.owner_id in chosen[owner]:
            chosen[Attachment][att.id] = att
    _close_over_parents(chosen)
    return {m: sorted(rows.values(), key=lambda r: r.id) for m, rows in chosen.items()}


def _close_over_parents(chosen: dict[type[Model], dict[int, Model]]) -> None:
    """Add every record a chosen record points to (children before parents, repeated until stable)."""
    for model in reversed(EXCHANGED_MODELS):
        for name, field in model._meta.fields.items():
            if not isinstance(field, ForeignKeyField) or field.rel_model not in chosen:
                continue
            parent = field.rel_model
            wanted = {r.__data__.get(name) for r in chosen[model].values()} - {None} - set(chosen[parent])
            for chunk in _chunks(sorted(wanted)):
                for row in parent.select().where(parent.id.in_(chunk)):
                    chosen[parent][row.id] = row


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
