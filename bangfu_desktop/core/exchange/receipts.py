"""Receipts and corrections: the bureau accepts or returns a package; accepted periods lock at the school.

After a round is 已接收, editing a record dated inside its period needs a 更正
reason; the audit log keeps it and the next package carries it to the bureau.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from peewee import Model

from ..errors import BangfuError, InvalidInput
from ..models import ExchangePackage, ExchangeRound, database, now
from . import package as pkg
from .outgoing import sender_info
from .records_io import DATED

ACCEPTED, RETURNED = "已接收", "退回"


class CorrectionRequired(BangfuError):
    """The record lies in a period the bureau accepted: a 更正 reason is needed to change it."""

    def __init__(self, round_name: str, action: str = "修改"):
        self.round_name, self.action = round_name, action
        then = {"修改": "保存", "删除": "删除", "恢复": "恢复"}.get(action, action)
        super().__init__(f"这条记录所在期间已被教育局接收（{round_name}）。{action}它属于“更正”，"
                         f"请填写更正原因后再{then}。")


def review(package_uuid: str, status: str, reason: str = "") -> ExchangePackage:
    """Mark a received package 已接收 or 退回 (退回 needs a reason)."""
    if status not in (ACCEPTED, RETURNED):
        raise InvalidInput("审核结果只能是“已接收”或“退回”。")
    if status == RETURNED and not reason.strip():
        raise InvalidInput("退回时请写明原因，学校才知道要改什么。")
    entry = find_received(package_uuid)
    with database.atomic():
        entry.status, entry.reason, entry.reviewed_at = status, reason.strip(), now()
        entry.save()
    return entry


def find_received(key: str) -> ExchangePackage:
    """A received package by its ID (or the first characters of it)."""
    query = ExchangePackage.select().where((ExchangePackage.direction == "in")
                                           & (ExchangePackage.uuid.startswith(key)))
    found = list(query.limit(2))
    if len(found) != 1:
        raise InvalidInput(f"找不到编号为“{key}”的已收数据包（或编号不唯一）。请用 bangfu bureau status 查看编号。")
    return found[0]


def write_receipt(package_uuid: str, dest: str | os.PathLike) -> dict[str, Any]:
    """The receipt package for a reviewed package, for the school to import."""
    entry = find_received(package_uuid)
    if not entry.status:
        raise InvalidInput("这个数据包还没有审核。请先标记“已接收”或“退回”，再写回执。")
    content = pkg.PackageContent(kind="receipt", sender=sender_info())
    content.documents["receipt.json"] = {
        "package_id": entry.uuid, "status": entry.status, "reason": entry.reason,
        "round_uuid": entry.round_uuid, "reviewed_at": entry.reviewed_at.isoformat() if entry.reviewed_at else None,
        "school_uuid": entry.sender_uuid,
    }
    if entry.round_uuid:
        content.round = {"uuid": entry.round_uuid}
    return pkg.write_package(content, dest)


def store_receipt(package: pkg.Package) -> ExchangePackage | None:
    """Note a receipt on the package it answers (inside the import's transaction)."""
    receipt = package.document("receipt.json", {}) or {}
    sent = ExchangePackage.get_or_none((ExchangePackage.uuid == receipt.get("package_id", ""))
                                       & (ExchangePackage.direction == "out"))
    if sent is None:
        return None
    sent.status, sent.reason = receipt.get("status", ""), receipt.get("reason", "")
    sent.reviewed_at = dt.datetime.fromisoformat(receipt["reviewed_at"]) if receipt.get("reviewed_at") else now()
    sent.save()
    return sent


def locked_periods() -> list[tuple[dt.date, dt.date, str]]:
    """(start, end, round name) of every period whose package the bureau accepted."""
    spans = []
    for sent in ExchangePackage.select().where((ExchangePackage.direction == "out")
                                               & (ExchangePackage.status == ACCEPTED)):
        period = (sent.summary or {}).get("period") or {}
        round_ = ExchangeRound.get_or_none(ExchangeRound.uuid == sent.round_uuid) if sent.round_uuid else None
        if round_ is not None and round_.start_date and round_.end_date:
            spans.append((round_.start_date, round_.end_date, round_.name))
        elif period.get("start"):
            spans.append((dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]),
                          period.get("label", "")))
    return spans


def lock_of(record: Model) -> str | None:
    """The name of the accepted round that locks ``record`` (by its date), or None."""
    fields = DATED.get(type(record))
    if fields is None or getattr(record, "origin", "") != "":
        return None
    day = getattr(record, fields[0])
    if day is None:
        return None
    for start, end, name in locked_periods():
        if start <= day <= end:
            return name
    return None


def check_lock(old: Model, new: Model, correction: str, action: str = "修改") -> bool:
    """Raise CorrectionRequired when ``action`` (修改/删除/恢复) changes a locked record without a reason; True if a 更正."""
    name = lock_of(old) or lock_of(new)
    if name is None:
        return False
    if not (correction or "").strip():
        raise CorrectionRequired(name, action)
    return True
