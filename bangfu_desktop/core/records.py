"""Saving, deleting and restoring records, with an audit log entry for each change.

Every write made on the user's behalf (window, import, command line) goes
through these functions, so the audit log and the recycle bin see all of them.
"""

from __future__ import annotations

import datetime as dt
import getpass
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterable

from peewee import CharField, Model, TextField

from . import database as db_mod
from .sortkeys import fill_keys
from .text import clean_text
from .models import (
    MODEL_BY_TABLE,
    TRASHABLE_MODELS,
    AuditLog,
    TrashableModel,
    database,
    now,
)

# Bookkeeping columns that are not "what changed" for a clerk.
_IGNORED = {"id", "created_at", "updated_at", "deleted_at", "name_key", "name_py"}
# The 更正 reason of the writes in a ``correcting`` block (a form's save reaches ``save`` through record_ops).
_correction: ContextVar[str] = ContextVar("correction", default="")


@contextmanager
def correcting(reason: str):
    """Within the block, saves, deletes and restores of records in accepted periods are 更正 with ``reason``."""
    token = _correction.set((reason or "").strip())
    try:
        yield
    finally:
        _correction.reset(token)


def current_user() -> str:
    """Who is recorded in the audit log: the login name, plus the database role on PostgreSQL."""
    from .dialect import account

    try:
        return account()
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        try:
            return getpass.getuser()
        except Exception:  # noqa: BLE001
            return ""


def version_stamp() -> dt.datetime:
    """``updated_at`` of a save: to the microsecond, so two saves within a second differ."""
    return dt.datetime.now()


def _same_time(a: Any, b: Any) -> bool:
    return str(_plain(a) or "").replace("T", " ") == str(_plain(b) or "").replace("T", " ")


def check_unchanged(old: Model, record: Model) -> None:
    """Raise ``RecordChanged`` when the stored record is not the version ``record`` was edited from.

    The version is the ``updated_at`` (and ``deleted_at``) the record carried when it was
    loaded, or the one the caller set (a form passes the value it opened with).
    """
    from .errors import RecordChanged

    if "updated_at" not in record._meta.fields:
        return
    seen, stored = record.__data__.get("updated_at"), old.updated_at
    trashed = "deleted_at" in record._meta.fields and old.deleted_at is not None \
        and record.__data__.get("deleted_at") is None
    if (seen is None or stored is None or _same_time(seen, stored)) and not trashed:
        return
    last = (AuditLog.select().where((AuditLog.table == record._meta.table_name)
                                    & (AuditLog.record_id == record.get_id()))
            .order_by(AuditLog.id.desc()).first())
    who = (last.user if last else "") or "另一位用户"
    when = last.at if last else stored
    what = "删除了" if trashed else "修改了"
    label = record.describe() if hasattr(record, "describe") else f"记录 #{record.get_id()}"
    raise RecordChanged(
        f"“{label}”在您打开之后已被 {who} 于 {_plain(when).replace('T', ' ') if when else '刚才'} {what}。"
        "您的修改尚未保存：可以重新载入对方保存的内容，或保留您的版本（覆盖对方的修改）。",
        table=record._meta.table_name, record_id=record.get_id(), who=who, when=when, stored_updated_at=stored)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Model):
        return value.get_id()
    return value


def field_values(record: Model) -> dict[str, Any]:
    """The record's user-visible values, JSON-ready (foreign keys as ids)."""
    values = {}
    for name, field in record._meta.fields.items():
        if name in _IGNORED:
            continue
        key = field.name
        raw = record.__data__.get(key)
        values[name] = _plain(raw)
    return values


# Warnings about committed writes (an automatic backup that failed), for the window to show.
_warnings: list[str] = []


def _note_change(count: int = 1) -> None:
    """Count a committed change (the store backs up after every N; a failed backup never raises)."""
    try:
        store = db_mod.current()
    except RuntimeError:
        return  # no Store (a bare database opened by a test): nothing to back up
    store.note_change(count)


def add_warning(text: str) -> None:
    """Remember a warning about a committed write (any thread); the window shows it after the write."""
    _warnings.append(text)


def changes_committed() -> None:
    """Call after an outer transaction committed: takes the automatic backup that was due."""
    _note_change(0)


def take_warnings() -> list[str]:
    """The warnings gathered since the last call (and forget them)."""
    taken = list(_warnings)
    del _warnings[:len(taken)]
    return taken


def clean_fields(record: Model) -> None:
    """Clean every text field of ``record`` (control characters pasted from Word, \\x0b as a line break)."""
    for name, field in record._meta.fields.items():
        if isinstance(field, (CharField, TextField)):
            value = record.__data__.get(name)
            if isinstance(value, str):
                cleaned = clean_text(value)
                if cleaned != value:
                    setattr(record, name, cleaned)


def audit(record: Model | None, action: str, changes: dict | None = None,
          *, table: str | None = None, summary: str = "") -> AuditLog:
    """Write one audit log entry."""
    return AuditLog.create(
        user=current_user(),
        table=table or record._meta.table_name,
        record_id=record.get_id() if record is not None else None,
        action=action,
        summary=(summary or (record.describe() if hasattr(record, "describe") else ""))[:250],
        changes=changes or {},
    )


def save(record: Model, *, correction: str = "") -> Model:
    """Insert or update ``record`` and log what changed; return it.

    A record in a period the bureau accepted changes only with a ``correction``
    reason (更正); without one, ``CorrectionRequired`` is raised and nothing is written.
    """
    correction = correction or _correction.get()
    clean_fields(record)
    fill_keys(record)
    with database.atomic():
        if record.get_id() is None:
            record.save()
            audit(record, "新增", {k: [None, v] for k, v in field_values(record).items()})
        else:
            old = type(record).get_by_id(record.get_id())
            check_unchanged(old, record)
            before, after = field_values(old), field_values(record)
            changes = {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}
            if not changes:
                return record
            corrected = _is_correction(old, record, correction)
            if hasattr(record, "updated_at"):
                record.updated_at = version_stamp()
            record.save()
            if corrected:
                audit(record, "更正", {**changes, "更正原因": correction.strip()})
            else:
                audit(record, "修改", changes)
    _note_change()
    return record


def _is_correction(old: Model, new: Model, correction: str, action: str = "修改") -> bool:
    """True when the change is a 更正 of an accepted period (raises when the reason is missing)."""
    from .exchange.receipts import check_lock

    return check_lock(old, new, correction, action)


def _trash_or_restore(record: TrashableModel, action: str, deleted_at: dt.datetime | None, correction: str) -> None:
    reason = (correction or _correction.get()).strip()
    with database.atomic():
        corrected = _is_correction(record, record, reason, action)
        record.deleted_at = deleted_at
        record.save(only=[type(record).deleted_at])
        if corrected:  # travels in the next package as a 更正 (core.exchange.outgoing)
            audit(record, "更正", {"操作": action, "更正原因": reason})
        else:
            audit(record, action)
    _note_change()


def save_many(records: Iterable[Model], action: str = "导入") -> int:
    """Insert many new records in one transaction (imports, demo data)."""
    count = 0
    with database.atomic():
        for record in records:
            clean_fields(record)
            fill_keys(record)
            record.save()
            audit(record, action, {})
            count += 1
    if count:
        _note_change(count)
    return count


def add_many(records: Iterable[Model], action: str = "导入", batch: int = 200) -> int:
    """Insert many new records with their audit entries, one statement per batch (imports).

    The same result as ``save_many``, at the cost of a few statements per
    hundred records instead of two per record; every record gets its id.
    """
    records = list(records)
    for record in records:
        fill_keys(record)
    user = current_user()
    with database.atomic():
        start = 0
        while start < len(records):
            model, rows, chunk = type(records[start]), [], []
            keys = None
            for record in records[start:start + batch]:
                data = record.__data__.copy()
                record._populate_unsaved_relations(data)
                data.pop(model._meta.primary_key.name, None)
                if type(record) is not model or (keys is not None and data.keys() != keys):
                    break  # one statement needs one model and one set of columns
                keys = data.keys()
                rows.append(data)
                chunk.append(record)
            ids = sorted(insert_rows(model, rows, returning=True))
            entries = []
            for record, new_id in zip(chunk, ids):
                record._pk = new_id
                record._dirty.clear()
                summary = record.describe() if hasattr(record, "describe") else ""
                entries.append({"at": now(), "user": user, "table": model._meta.table_name,
                                "record_id": new_id, "action": action, "summary": summary[:250], "changes": {}})
            insert_rows(AuditLog, entries)
            start += len(chunk)
    if records:
        _note_change(len(records))
    return len(records)


def insert_rows(model: type[Model], rows: list[dict[str, Any]], *, returning: bool = False) -> list[int]:
    """Insert ``rows`` (dicts of field name → value) in one statement, as ``model.insert_many`` does.

    Columns, defaults and value conversion are peewee's own (``db_value``); only the
    statement is written directly, since peewee builds a node per value (most of a
    5,000-row import's write time). Returns the new primary keys when ``returning``.
    """
    from .dialect import sql

    if not rows:
        return []
    meta = model._meta
    defaults = {f.name: value for f, value in meta.defaults.items()}
    names = list(rows[0]) + [n for n in defaults if n not in rows[0]]
    fields = [meta.fields[n] for n in names]
    params: list[Any] = []
    for row in rows:
        for name, fld in zip(names, fields):
            if name in row:
                value = row[name]
            elif name in defaults:
                value = defaults[name]() if callable(defaults[name]) else defaults[name]
            else:
                value = None
            params.append(fld.db_value(value))
    marks = "(" + ", ".join("?" * len(names)) + ")"
    columns = ", ".join('"%s"' % f.column_name for f in fields)
    text = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES {", ".join([marks] * len(rows))}'
    if returning:
        text += f' RETURNING "{meta.primary_key.column_name}"'
    cursor = database.execute_sql(sql(text), params)
    return [row[0] for row in cursor.fetchall()] if returning else []


def update_rows(model: type[Model], items: list[Model], names: list[str]) -> None:
    """``model.bulk_update(items, fields=names)`` as one statement written directly (as ``insert_rows``).

    The same ``UPDATE … SET col = CASE id WHEN ? THEN ? … END WHERE id IN (…)`` with the
    same converted values; fields whose CASE values peewee casts (JSON) go through peewee.
    """
    from peewee import Field, Node

    from .dialect import sql

    meta, pk = model._meta, model._meta.primary_key
    fields = [meta.fields[n] for n in names]
    ids = [pk.db_value(r._pk) for r in items]
    columns: list[list[Any]] = []
    for fld in fields:
        values = [getattr(r, fld.safe_name) for r in items]
        if type(fld).case_value is not Field.case_value or any(isinstance(v, Node) for v in values):
            model.bulk_update(items, fields=fields)
            return
        columns.append([fld.db_value(v) for v in values])
    table, key = meta.table_name, pk.column_name
    whens = "WHEN ? THEN ? " * len(items)
    sets = ", ".join(f'"{fld.column_name}" = CASE "{table}"."{key}" {whens}END' for fld in fields)
    params: list[Any] = []
    for values in columns:
        for rid, value in zip(ids, values):
            params += (rid, value)
    params += ids
    text = f'UPDATE "{table}" SET {sets} WHERE ("{table}"."{key}" IN ({", ".join("?" * len(ids))}))'
    database.execute_sql(sql(text), params)


def update_many(records: Iterable[Model], action: str = "修改", batch: int = 200) -> int:
    """Update many existing records as ``save`` does (what changed is audited), a few statements per batch."""
    records = list(records)
    user, count = current_user(), 0
    with database.atomic():
        for start in range(0, len(records), batch):
            by_model: dict[type, list[Model]] = {}
            for record in records[start:start + batch]:
                by_model.setdefault(type(record), []).append(record)
            for model, items in by_model.items():
                pk = model._meta.primary_key
                old = {o.get_id(): o for o in model.select().where(pk.in_([r.get_id() for r in items]))}
                changed, entries, names = [], [], set()
                for record in items:
                    before, after = field_values(old[record.get_id()]), field_values(record)
                    changes = {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}
                    if not changes:
                        continue
                    if hasattr(record, "updated_at"):
                        record.updated_at = version_stamp()
                        names.add("updated_at")
                    if fill_keys(record):
                        names.update(("name_key", "name_py"))
                    names.update(changes)
                    changed.append(record)
                    summary = record.describe() if hasattr(record, "describe") else ""
                    entries.append({"at": now(), "user": user, "table": model._meta.table_name,
                                    "record_id": record.get_id(), "action": action, "summary": summary[:250],
                                    "changes": changes})
                if changed:
                    update_rows(model, changed, sorted(names))
                    insert_rows(AuditLog, entries)
                    for record in changed:
                        record._dirty.clear()
                    count += len(changed)
    if count:
        _note_change(count)
    return count


def trash(record: TrashableModel, *, correction: str = "") -> TrashableModel:
    """Move a record to the recycle bin (回收站); it can be restored.

    In a period the bureau accepted this is a 更正: without a reason ``CorrectionRequired`` is raised.
    """
    _trash_or_restore(record, "删除", now(), correction)
    return record


def restore(record: TrashableModel, *, correction: str = "") -> TrashableModel:
    """Bring a record back from the recycle bin (a 更正 with a reason in an accepted period, as ``trash``)."""
    _trash_or_restore(record, "恢复", None, correction)
    return record


@dataclass(frozen=True)
class TrashedRecord:
    """A line of the recycle bin."""

    table: str
    record_id: int
    label: str
    description: str
    deleted_at: dt.datetime


def trashed(limit: int | None = None) -> list[TrashedRecord]:
    """Everything in the recycle bin, most recently deleted first."""
    items: list[TrashedRecord] = []
    for model in TRASHABLE_MODELS:
        for record in model.select().where(model.deleted_at.is_null(False)):
            items.append(
                TrashedRecord(model._meta.table_name, record.id, model.label,
                              record.describe(), record.deleted_at)
            )
    items.sort(key=lambda t: t.deleted_at, reverse=True)
    return items[:limit] if limit else items


def load(table: str, record_id: int) -> Model:
    """A record by table name and id (for the recycle bin and the audit log)."""
    return MODEL_BY_TABLE[table].get_by_id(record_id)


def history(record: Model) -> list[AuditLog]:
    """The audit log of one record, oldest first."""
    return list(
        AuditLog.select()
        .where((AuditLog.table == record._meta.table_name) & (AuditLog.record_id == record.get_id()))
        .order_by(AuditLog.id)
    )


def replace_links(link_model: type[Model], owner_field: str, owner: Model,
                  target_field: str, target_ids: Iterable[int]) -> None:
    """Make ``owner``'s rows in a link table (participants, observers, task links) exactly ``target_ids``.

    A change is written to the audit log of the owner, as ``{link table: [old ids, new ids]}``.
    """
    owner_column = getattr(link_model, owner_field)
    target_column = getattr(link_model, target_field)
    wanted = list(dict.fromkeys(target_ids))
    rows = [{owner_field: owner.get_id(), target_field: target_id} for target_id in wanted]
    with database.atomic():
        before = [row[0] for row in link_model.select(target_column).where(owner_column == owner.get_id())
                  .order_by(link_model._meta.primary_key).tuples()]
        if sorted(before) == sorted(wanted):
            return
        link_model.delete().where(owner_column == owner.get_id()).execute()
        if rows:
            link_model.insert_many(rows).execute()
        audit(owner, "修改", {link_model._meta.table_name: [sorted(before), sorted(wanted)]})
    _note_change()
