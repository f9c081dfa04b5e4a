"""报送批次 (submission rounds): defined by a bureau, sent to its schools as a notice package.

A round names what it asks for, for which period and by when. A school that
imports the notice sees each round and its deadline in 概览 and on 报送, and its
package for a round says which round it answers.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInput
from ..models import ExchangePackage, ExchangeRound, database
from ..terms import Period, load_calendar
from . import package as pkg
from .outgoing import sender_info

# What a round may ask for: record types and ledgers, as the bureau names them.
ASKABLE = ("任务清单", "师徒结对名册", "轮训台账", "活动台账", "教师名册", "指标完成情况", "听课记录", "年度总结")


def parse_period(text: str) -> Period:
    """``2026`` (a calendar year), ``2026-2027`` (a school year) or ``2026-2027-1`` (a semester)."""
    text = (text or "").strip()
    calendar = load_calendar()
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m.group(1))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年度")
    if m := re.fullmatch(r"(\d{4})-(\d{4})", text):
        return calendar.school_year(int(m.group(1)))
    if m := re.fullmatch(r"(\d{4})-(\d{4})-([12])", text):
        return calendar.semester(int(m.group(1)), int(m.group(3)))
    raise InvalidInput(f"期间“{text}”看不懂。请写成 2026（年度）、2026-2027（学年）或 2026-2027-1（学期）。")


def define_round(name: str, period: str, due: dt.date, asks: list[str] | None = None, notes: str = "") -> ExchangeRound:
    """Define (or redefine, by name) a round of this bureau."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("报送批次需要一个名称，例如“2026年度帮扶工作总结”。")
    unknown = [a for a in (asks or []) if a not in ASKABLE]
    if unknown:
        raise InvalidInput(f"报送内容“{'、'.join(unknown)}”不认识。可选：{'、'.join(ASKABLE)}。")
    span = parse_period(period)
    issuer = sender_info()
    with database.atomic():
        round_ = ExchangeRound.get_or_none((ExchangeRound.name == name) & (ExchangeRound.origin == ""))
        round_ = round_ or ExchangeRound(name=name)
        round_.period_label, round_.start_date, round_.end_date = span.label, span.start, span.end
        round_.due_date, round_.asks, round_.notes = due, list(asks or []), notes
        round_.issuer_uuid, round_.issuer_name = issuer["uuid"], issuer["name"]
        round_.save()
    return round_


def own_rounds() -> list[ExchangeRound]:
    """The rounds this database defined, by due date."""
    return list(ExchangeRound.select().where(ExchangeRound.origin == "").order_by(ExchangeRound.due_date))


def _round_json(r: ExchangeRound) -> dict[str, Any]:
    return {"uuid": r.uuid, "name": r.name, "period_label": r.period_label,
            "start_date": r.start_date.isoformat() if r.start_date else None,
            "end_date": r.end_date.isoformat() if r.end_date else None,
            "due_date": r.due_date.isoformat(), "asks": r.asks, "notes": r.notes}


def write_notice(dest: str | os.PathLike) -> dict[str, Any]:
    """A small notice package with every round of this bureau; return its manifest."""
    rounds = own_rounds()
    if not rounds:
        raise InvalidInput("还没有定义报送批次。请先添加批次（名称、期间、截止日期），再发送通知。")
    content = pkg.PackageContent(kind="notice", sender=sender_info(),
                                 documents={"rounds.json": [_round_json(r) for r in rounds]})
    content.counts = {"exchange_round": len(rounds)}
    manifest = pkg.write_package(content, dest)
    ExchangePackage.create(uuid=content.package_id, direction="out", kind="notice",
                           sender_uuid=content.sender["uuid"], sender_name=content.sender["name"],
                           made_at=content.made_at, counts=content.counts, file_name=os.path.basename(dest))
    return manifest


def store_notice(package: pkg.Package) -> int:
    """Keep the rounds of a notice (inside the import's transaction); return how many."""
    sender = package.sender
    rows = package.document("rounds.json", []) or []
    for row in rows:
        round_ = ExchangeRound.get_or_none(ExchangeRound.uuid == row["uuid"]) or ExchangeRound(uuid=row["uuid"])
        round_.origin, round_.issuer_uuid, round_.issuer_name = sender["uuid"], sender["uuid"], sender["name"]
        round_.name, round_.period_label, round_.asks = row["name"], row.get("period_label", ""), row.get("asks", [])
        round_.start_date = dt.date.fromisoformat(row["start_date"]) if row.get("start_date") else None
        round_.end_date = dt.date.fromisoformat(row["end_date"]) if row.get("end_date") else None
        round_.due_date, round_.notes = dt.date.fromisoformat(row["due_date"]), row.get("notes", "")
        round_.save(force_insert=round_.id is None)
    return len(rows)


@dataclass(frozen=True)
class RoundDue:
    """A round as a school sees it: its deadline and what it has sent for it."""

    name: str
    period_label: str
    due_date: dt.date
    days_left: int
    issuer: str
    asks: list[str]
    sent: str  # '' (not yet) / 已报送 / 零报告 / 已接收 / 退回
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "period": self.period_label, "due_date": self.due_date.isoformat(),
                "days_left": self.days_left, "issuer": self.issuer, "asks": self.asks, "sent": self.sent,
                "reason": self.reason}


def received_rounds(today: dt.date | None = None) -> list[RoundDue]:
    """The rounds received from a bureau, by due date, with what this school sent for each."""
    today = today or dt.date.today()
    out = []
    for r in ExchangeRound.select().where(ExchangeRound.origin != "").order_by(ExchangeRound.due_date):
        sent = (ExchangePackage.select().where((ExchangePackage.direction == "out")
                                               & (ExchangePackage.round_uuid == r.uuid))
                .order_by(ExchangePackage.made_at.desc()).first())
        state, reason = "", ""
        if sent is not None:
            state = sent.status or ("零报告" if sent.kind == "zero" else "已报送")
            reason = sent.reason
        out.append(RoundDue(r.name, r.period_label, r.due_date, (r.due_date - today).days, r.issuer_name,
                            list(r.asks or []), state, reason))
    return out
