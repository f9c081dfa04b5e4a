"""Reading a package into this database: everything checked first, a preview, then one transaction.

Records are matched by UUID. A record received before is compared three ways with
what it looked like at the last exchange (``exchange_base``): changed only there →
updated; changed only here → kept; changed on both sides → a conflict the user
decides. Received records carry the sender's UUID in ``origin`` and never touch the
receiver's own records or another sender's.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from typing import Any

from peewee import ForeignKeyField, Model

from .. import database as db_mod
from .. import records
from ..attachments import stored_path
from ..errors import BangfuError
from ..models import Attachment, ExchangeBase, ExchangePackage, database, now
from ..queries import self_unit
from . import package as pkg
from .records_io import (EXCHANGED_MODELS, LABELS, LINK_MODELS, MODEL_BY_NAME, UuidMap, content_fields,
                         content_hash, python_value, record_fields)

ADD, UPDATE, UNCHANGED, KEEP_MINE, CONFLICT, SKIP = "新增", "更新", "未变", "保留本地修改", "冲突", "跳过"


class ConflictsUnresolved(BangfuError):
    """Conflicts remain and no choice was made; nothing was written."""


@dataclass
class Change:
    """What importing does to one record."""

    table: str
    uuid: str
    action: str
    theirs: dict[str, Any]
    mine: dict[str, Any] | None = None
    note: str = ""
    choice: str = ""  # for conflicts: mine / theirs

    @property
    def label(self) -> str:
        return LABELS.get(self.table, self.table)

    def differences(self) -> dict[str, tuple[Any, Any]]:
        """field → (mine, theirs) for a conflict or an update."""
        if self.mine is None:
            return {}
        return {k: (self.mine.get(k), v) for k, v in self.theirs.items() if self.mine.get(k) != v}


@dataclass
class ImportPlan:
    """The preview of an import: what would be added, updated, kept and what conflicts."""

    package: pkg.Package
    changes: list[Change] = field(default_factory=list)
    already_imported: bool = False

    def count(self, action: str) -> int:
        """How many records get ``action``."""
        return sum(1 for c in self.changes if c.action == action)

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.changes if c.action == CONFLICT]

    def counts_by_table(self) -> dict[str, dict[str, int]]:
        """table label → action → count."""
        out: dict[str, dict[str, int]] = {}
        for c in self.changes:
            out.setdefault(c.label, {}).setdefault(c.action, 0)
            out[c.label][c.action] += 1
        return out


def _refuse_own(package: pkg.Package) -> None:
    sender = package.sender
    own = self_unit()
    if sender.get("database_id") == pkg.database_id() or (own is not None and sender.get("uuid") == own.uuid):
        raise pkg.PackageRefused(
            f"数据包“{package.path.name}”是本数据库自己制作的（{sender.get('name', '')}），不能导入回来。"
            "请导入其他单位发来的数据包；数据库未作任何改动。")


def _base_hashes() -> dict[tuple[str, str], str]:
    return {(b.table_name, b.record_uuid): b.content_hash for b in ExchangeBase.select()}


def plan_import(path: str | os.PathLike) -> ImportPlan:
    """Check a package completely and work out what importing it would do; write nothing."""
    package = pkg.read_package(path)
    _refuse_own(package)
    plan = ImportPlan(package)
    if ExchangePackage.get_or_none(ExchangePackage.uuid == package.package_id) is not None:
        plan.already_imported = True
        return plan
    if package.kind not in ("data", "zero"):
        return plan
    origin = package.sender["uuid"]
    bases = _base_hashes()
    uuids = UuidMap()
    for model in EXCHANGED_MODELS:
        table = model._meta.table_name
        rows = package.document(f"records/{table}.json", []) or []
        local = {r.uuid: r for r in model.select().where(model.uuid.in_([row["uuid"] for row in rows]))} if rows else {}
        for row in rows:
            theirs = row["fields"]
            existing = local.get(row["uuid"])
            if existing is None:
                plan.changes.append(Change(table, row["uuid"], ADD, theirs))
                continue
            if model not in LINK_MODELS and existing.origin != origin:
                note = "本单位自己的记录" if existing.origin == "" else "其他单位的记录"
                plan.changes.append(Change(table, row["uuid"], SKIP, theirs, note=f"编号与{note}相同，未改动"))
                continue
            mine = record_fields(existing, uuids)
            mine_hash, their_hash = content_hash(mine), content_hash(theirs)
            base = bases.get((table, row["uuid"]))
            if mine_hash == their_hash:
                action = UNCHANGED
            elif base is None or mine_hash == base:
                action = UPDATE
            elif their_hash == base:
                action = KEEP_MINE
            else:
                action = CONFLICT
            plan.changes.append(Change(table, row["uuid"], action, theirs, mine))
    return plan


def apply_import(plan: ImportPlan, *, prefer: str | None = None,
                 choices: dict[tuple[str, str], str] | None = None) -> ExchangePackage | None:
    """Write a planned import in one transaction; None when the package was imported before.

    Each conflict takes ``choices[(table, uuid)]`` or else ``prefer`` ('mine'/'theirs');
    with neither, ConflictsUnresolved is raised before anything is written.
    """
    if plan.already_imported:
        return None
    choices = choices or {}
    open_conflicts = [c for c in plan.conflicts if not (choices.get((c.table, c.uuid)) or prefer)]
    if open_conflicts:
        raise ConflictsUnresolved(
            f"有 {len(open_conflicts)} 条记录在双方都被修改过（如{open_conflicts[0].label}），请逐条选择保留哪一方"
            "（命令行：--prefer mine 保留本地，--prefer theirs 采用对方）；数据库未作任何改动。")
    for c in plan.conflicts:
        c.choice = choices.get((c.table, c.uuid)) or prefer or ""
    package = plan.package
    _copy_attachment_files(package)
    with database.atomic():
        _write_records(plan)
        entry = _record_package(package)
        if package.kind == "notice":
            from .rounds import store_notice

            store_notice(package)
        elif package.kind == "receipt":
            from .receipts import store_receipt

            store_receipt(package)
        added, updated = plan.count(ADD), plan.count(UPDATE) + sum(1 for c in plan.conflicts if c.choice == "theirs")
        records.audit(entry, "导入", {"新增": added, "更新": updated},
                      summary=f"导入数据包：{package.sender.get('name', '')} 新增 {added} 条，更新 {updated} 条")
    try:
        db_mod.current().note_change(max(1, added + updated))
    except RuntimeError:
        pass
    return entry


def _record_package(package: pkg.Package) -> ExchangePackage:
    manifest = package.manifest
    round_ = manifest.get("round") or {}
    period = manifest.get("period") or {}
    summary = package.document("summary.json", {}) or {}
    summary["corrections"] = package.document("corrections.json", []) or []
    if package.kind == "receipt":
        summary["receipt"] = package.document("receipt.json", {})
    return ExchangePackage.create(
        uuid=package.package_id, direction="in", kind=package.kind, sender_uuid=package.sender.get("uuid", ""),
        sender_name=package.sender.get("name", ""), round_uuid=round_.get("uuid", ""),
        period_label=period.get("label", ""), made_at=package.made_at, counts=manifest.get("counts") or {},
        summary=summary, file_name=package.path.name)


def _copy_attachment_files(package: pkg.Package) -> None:
    """Put the package's attachment files into the managed folder (by content hash: idempotent)."""
    rows = package.document("records/attachment.json", []) or []
    for row in rows:
        sha = row["fields"].get("sha256")
        data = package.members.get(f"attachments/{sha}")
        if data is None:
            continue
        dest = stored_path(Attachment(sha256=sha, filename=row["fields"].get("filename", "")))
        if dest.exists():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, dest)


class _Ids:
    """UUID → local row id, per table, rebuilt after a table was written."""

    def __init__(self) -> None:
        self._maps: dict[type[Model], dict[str, int]] = {}

    def id_of(self, model: type[Model], value: str | None) -> int | None:
        if value is None:
            return None
        if model not in self._maps:
            self._maps[model] = {u: i for i, u in model.select(model.id, model.uuid).tuples()}
        return self._maps[model].get(value)

    def forget(self, model: type[Model]) -> None:
        self._maps.pop(model, None)


def _values(model: type[Model], theirs: dict[str, Any], ids: _Ids) -> dict[str, Any]:
    values = {}
    for name in content_fields(model):
        if name not in theirs:
            continue  # a field the sender's version does not have keeps its default
        field_ = model._meta.fields[name]
        if isinstance(field_, ForeignKeyField):
            values[name] = ids.id_of(field_.rel_model, theirs[name])
        elif model is Attachment and name == "owner_id":
            owner = MODEL_BY_NAME.get(theirs.get("owner_table", ""))
            values[name] = ids.id_of(owner, theirs[name]) if owner else None
        else:
            values[name] = python_value(field_, theirs[name])
    return values


def _write_records(plan: ImportPlan) -> None:
    origin = plan.package.sender["uuid"]
    ids = _Ids()
    by_table: dict[str, list[Change]] = {}
    for change in plan.changes:
        by_table.setdefault(change.table, []).append(change)
    rows_by_uuid = {}
    for model in EXCHANGED_MODELS:
        table = model._meta.table_name
        for row in plan.package.document(f"records/{table}.json", []) or []:
            rows_by_uuid[(table, row["uuid"])] = row
    stamp = now()
    for model in EXCHANGED_MODELS:
        table = model._meta.table_name
        for change in by_table.get(table, []):
            take_theirs = change.action in (ADD, UPDATE) or (change.action == CONFLICT and change.choice == "theirs")
            if take_theirs:
                values = _values(model, change.theirs, ids)
                if change.action == ADD:
                    row = rows_by_uuid[(table, change.uuid)]
                    extra = {"origin": origin} if "origin" in model._meta.fields else {}
                    model.insert(uuid=change.uuid, created_at=dt.datetime.fromisoformat(row["created_at"]),
                                 updated_at=stamp, **extra, **values).execute()
                else:
                    model.update(updated_at=stamp, **values).where(model.uuid == change.uuid).execute()
            if change.action != SKIP and model not in LINK_MODELS:
                ExchangeBase.insert(table_name=table, record_uuid=change.uuid,
                                    content_hash=content_hash(change.theirs)).on_conflict(
                    conflict_target=[ExchangeBase.table_name, ExchangeBase.record_uuid],
                    update={ExchangeBase.content_hash: content_hash(change.theirs)}).execute()
        ids.forget(model)
        if model in LINK_MODELS:
            _drop_stale_links(model, by_table.get(table, []), plan, ids)


def _drop_stale_links(model: type[Model], changes: list[Change], plan: ImportPlan, ids: _Ids) -> None:
    """Link rows of an owner that the package carries but that are gone from the package: remove them."""
    owner_field = LINK_MODELS[model]
    owner_model = model._meta.fields[owner_field].rel_model
    owner_table = owner_model._meta.table_name
    owners = [c.uuid for c in plan.changes if c.table == owner_table
              and (c.action in (ADD, UPDATE, UNCHANGED) or (c.action == CONFLICT and c.choice == "theirs"))]
    keep = {c.uuid for c in changes}
    for owner_uuid in owners:
        owner_id = ids.id_of(owner_model, owner_uuid)
        model.delete().where((getattr(model, owner_field) == owner_id) & model.uuid.not_in(keep or {""})).execute()
