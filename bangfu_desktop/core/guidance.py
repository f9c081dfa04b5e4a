"""指导记录: the guidance log of a pairing, saved with its attachments in one transaction.

The window's guidance pane, the demo data and the ledger import all write
through ``save_guidance``; deletes go to the recycle bin like every record.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Iterable, Sequence

from . import attachments as attachment_store
from . import records
from .errors import InvalidInput
from .models import GUIDANCE_KINDS, Attachment, Guidance, Pairing, database


@dataclass(frozen=True)
class GuidanceRow:
    """One line of a pairing's guidance log, as the pane shows it."""

    id: int
    date: dt.date
    kind: str
    content: str
    reflection: str
    attachments: int


def guidance_errors(pairing: Pairing | None, values: dict) -> dict[str, str]:
    """Field name → Chinese message for what is wrong with a guidance record's values."""
    errors: dict[str, str] = {}
    day = values.get("date")
    if pairing is None:
        errors["pairing_id"] = "请先选择一个师徒结对"
    if not isinstance(day, dt.date):
        errors["date"] = "请填写指导日期"
    elif pairing is not None:
        if pairing.start_date and day < pairing.start_date:
            errors["date"] = f"指导日期早于结对开始日期（{pairing.start_date:%Y-%m-%d}），请核对"
        elif pairing.end_date and day > pairing.end_date:
            errors["date"] = f"指导日期晚于结对结束日期（{pairing.end_date:%Y-%m-%d}），请核对"
    if (values.get("kind") or "") not in GUIDANCE_KINDS:
        errors["kind"] = "请选择指导形式：" + "、".join(GUIDANCE_KINDS)
    if not (values.get("content") or "").strip():
        errors["content"] = "请填写指导内容"
    return errors


def save_guidance(guidance: Guidance | None, pairing_id: int, values: dict, *,
                  add_files: Sequence[str | os.PathLike] = (),
                  remove_attachment_ids: Iterable[int] = ()) -> Guidance:
    """Insert or update a guidance record of ``pairing_id`` with its attachment changes, all or nothing."""
    pairing = Pairing.get_or_none((Pairing.id == pairing_id) & Pairing.deleted_at.is_null())
    errors = guidance_errors(pairing, values)
    if errors:
        raise InvalidInput("；".join(errors.values()) + "。未保存。")
    with database.atomic():
        record = guidance if guidance is not None else Guidance(pairing=pairing)
        record.pairing = pairing
        for name in ("date", "kind", "content", "reflection"):
            if name in values:
                setattr(record, name, values[name] if name == "date" else (values[name] or "").strip())
        records.save(record)
        for path in add_files:
            attachment_store.add_attachment(record, path)
        for attachment_id in remove_attachment_ids:
            attachment = Attachment.get_or_none(Attachment.id == attachment_id)
            if attachment is not None and attachment.owner_table == "guidance" and attachment.owner_id == record.id:
                records.trash(attachment)
    return record


def delete_guidance(ids: Iterable[int]) -> list[tuple[str, int]]:
    """Move guidance records to the recycle bin; return (table, id) for undo."""
    trashed = []
    with database.atomic():
        for record in Guidance.live().where(Guidance.id.in_(list(ids))):
            records.trash(record)
            trashed.append(("guidance", record.id))
    return trashed


def guidance_log(pairing_id: int) -> list[GuidanceRow]:
    """A pairing's live guidance records, oldest first, with attachment counts (two queries)."""
    rows = list(Guidance.live().where(Guidance.pairing == pairing_id).order_by(Guidance.date, Guidance.id))
    if not rows:
        return []
    counts: dict[int, int] = {}
    query = (Attachment.live(Attachment.owner_id)
             .where((Attachment.owner_table == "guidance") & Attachment.owner_id.in_([g.id for g in rows])).tuples())
    for (owner_id,) in query:
        counts[owner_id] = counts.get(owner_id, 0) + 1
    return [GuidanceRow(g.id, g.date, g.kind, g.content, g.reflection, counts.get(g.id, 0)) for g in rows]


def guidance_counts() -> dict[int, int]:
    """Pairing id → number of live guidance records (one aggregate query)."""
    sql = "SELECT pairing_id, count(*) FROM guidance WHERE deleted_at IS NULL GROUP BY pairing_id"
    return {pid: n for pid, n in database.execute_sql(sql).fetchall()}
