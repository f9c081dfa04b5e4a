"""Writing packages from this database: data packages, 零报告, and what they carry beside the records."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ..attachments import stored_path
from ..errors import InvalidInput
from ..models import AuditLog, ExchangePackage, ExchangeRound, Unit, database, now
from ..queries import self_unit
from ..terms import Period, load_calendar, parse_school_year
from . import package as pkg
from .records_io import EXCHANGED_MODELS, UuidMap, select_records, to_json


def sender_info() -> dict[str, str]:
    """本单位 as a package names its sender."""
    unit = self_unit()
    if unit is None:
        raise InvalidInput("还没有设置本单位。请先在“单位”中把本单位标记出来，数据包以它为发送单位。")
    return {"uuid": unit.uuid, "name": unit.name, "kind": unit.kind, "role": unit.role,
            "database_id": pkg.database_id()}


def period_of(year: str | int | None = None, semester: int | None = None) -> Period | None:
    """The school year (``2025-2026`` or 2025) or one of its semesters; None for everything."""
    if year is None:
        if semester is not None:
            raise InvalidInput("指定学期时也要指定学年，例如 --year 2025-2026 --semester 1。")
        return None
    number = year if isinstance(year, int) else parse_school_year(str(year))
    calendar = load_calendar()
    if semester is None:
        return calendar.school_year(number)
    if semester not in (1, 2):
        raise InvalidInput("学期只能是 1（秋季）或 2（春季）。")
    return calendar.semester(number, semester)


def _period_json(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"label": period.label, "start": period.start.isoformat(), "end": period.end.isoformat()}


def _round_period(round_: ExchangeRound) -> Period | None:
    if round_.start_date and round_.end_date:
        return Period(round_.start_date, round_.end_date, round_.period_label or round_.name)
    return None


def find_round(name_or_uuid: str) -> ExchangeRound:
    """A round by its name or UUID; a clear message when there is none."""
    found = ExchangeRound.get_or_none((ExchangeRound.name == name_or_uuid) | (ExchangeRound.uuid == name_or_uuid))
    if found is None:
        names = "、".join(r.name for r in ExchangeRound.select().order_by(ExchangeRound.due_date)) or "（无）"
        raise InvalidInput(f"没有名为“{name_or_uuid}”的报送批次。已有批次：{names}。请先导入教育局的报送通知。")
    return found


def _summary(period: Period | None, today: dt.date) -> dict[str, Any]:
    """Rule compliance and target progress as the sender sees them (the bureau shows these)."""
    from ..compliance import evaluate_rules
    from ..targets import evaluate_targets

    rules = evaluate_rules(selection=period, today=today) if period else evaluate_rules(today=today)
    targets = evaluate_targets(today=today)
    return {
        "rules": [{"plan": r.plan_title, "name": r.name, "required": r.required, "done": r.done,
                   "status": r.status} for r in rules],
        "targets": [{"plan": t.plan_title, "stage_year": t.stage_year, "description": t.description,
                     "target": t.target_value, "actual": t.actual, "unit": t.unit_label,
                     "progress": t.progress, "status": t.status} for t in targets],
    }


def _corrections_since(since: dt.datetime | None) -> list[dict[str, Any]]:
    """更正 entries of the audit log made since the last package (they travel to the bureau)."""
    query = AuditLog.select().where(AuditLog.action == "更正").order_by(AuditLog.id)
    if since is not None:
        query = query.where(AuditLog.at >= since)
    uuids = UuidMap()
    from .records_io import MODEL_BY_NAME

    out = []
    for entry in query:
        model = MODEL_BY_NAME.get(entry.table)
        out.append({"table": entry.table, "uuid": uuids.uuid_of(model, entry.record_id) if model else None,
                    "at": entry.at.isoformat(), "user": entry.user, "summary": entry.summary,
                    "reason": (entry.changes or {}).get("更正原因", ""),
                    "operation": (entry.changes or {}).get("操作", "修改"),
                    "changes": {k: v for k, v in (entry.changes or {}).items() if k not in ("更正原因", "操作")}})
    return out


def export_package(dest: str | os.PathLike, *, year: str | int | None = None, semester: int | None = None,
                   round_name: str | None = None, zero: bool = False, today: dt.date | None = None,
                   made_at: dt.datetime | None = None) -> dict[str, Any]:
    """Write a data package (or an explicit 零报告 when ``zero``) of this database; return the manifest."""
    today = today or dt.date.today()
    sender = sender_info()
    round_ = find_round(round_name) if round_name else None
    period = _round_period(round_) if round_ and year is None else period_of(year, semester)
    content = pkg.PackageContent(kind="zero" if zero else "data", sender=sender, period=_period_json(period),
                                 made_at=made_at or now())
    if round_ is not None:
        content.round = {"uuid": round_.uuid, "name": round_.name, "due_date": round_.due_date.isoformat()}
    last_out = (ExchangePackage.select().where((ExchangePackage.direction == "out")
                                                & (ExchangePackage.kind.in_(["data", "zero"])))
                .order_by(ExchangePackage.made_at.desc()).first())
    content.documents["corrections.json"] = _corrections_since(last_out.made_at if last_out else None)
    content.documents["summary.json"] = _summary(period, today)
    if not zero:
        chosen = select_records(period.start if period else None, period.end if period else None)
        uuids = UuidMap()
        for model in EXCHANGED_MODELS:
            rows = chosen[model]
            table = model._meta.table_name
            content.documents[f"records/{table}.json"] = [to_json(r, uuids) for r in rows]
            live = [r for r in rows if getattr(r, "deleted_at", None) is None]
            if live:
                content.counts[table] = len(live)
        for att in chosen[next(m for m in EXCHANGED_MODELS if m._meta.table_name == "attachment")]:
            path = stored_path(att)
            if path.is_file():
                content.files[f"attachments/{att.sha256}"] = path
    manifest = pkg.write_package(content, dest)
    with database.atomic():
        ExchangePackage.create(
            uuid=content.package_id, direction="out", kind=content.kind, sender_uuid=sender["uuid"],
            sender_name=sender["name"], round_uuid=round_.uuid if round_ else "",
            period_label=period.label if period else "", made_at=content.made_at, counts=content.counts,
            summary={"period": content.period}, file_name=Path(dest).name)
    return manifest


def unit_by_uuid(value: str) -> Unit | None:
    """Any unit (own or received) with this UUID."""
    return Unit.get_or_none(Unit.uuid == value)
