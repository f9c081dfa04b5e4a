"""The bureau's 汇总: schools × rounds, with reporting and on-time rates as DHIS2 computes them.

Reporting rate = packages received (零报告 included) / schools expected; on-time
rate = those received by the due date / schools expected. A package sent back
(退回) and not sent again counts as not received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..models import ExchangePackage, ExchangeRound, Unit
from ..queries import self_unit
from .receipts import RETURNED

ON_TIME, LATE, ZERO, MISSING, SENT_BACK = "按时报送", "逾期报送", "零报告", "未报送", "退回"
BUREAU_KINDS = ("教育局",)
BUREAU_ROLES = ("核心校", "主管部门")


def is_bureau() -> bool:
    """True when 本单位 is a 教育局 or a 核心校 (the 汇总 tab is shown)."""
    unit = self_unit()
    return unit is not None and (unit.kind in BUREAU_KINDS or unit.role in BUREAU_ROLES)


@dataclass
class Cell:
    """One school in one round."""

    status: str
    days_late: int = 0
    package_uuid: str = ""
    made_at: dt.datetime | None = None
    reason: str = ""

    @property
    def received(self) -> bool:
        return self.status in (ON_TIME, LATE, ZERO)

    @property
    def on_time(self) -> bool:
        return self.received and self.days_late == 0

    def text(self) -> str:
        """What the grid shows."""
        return f"{LATE}（{self.days_late}天）" if self.status == LATE else self.status

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "days_late": self.days_late, "package": self.package_uuid,
                "made_at": self.made_at.isoformat() if self.made_at else None, "reason": self.reason}


@dataclass
class SchoolRow:
    """A school: its cell per round and what its latest package says."""

    name: str
    sender_uuid: str = ""
    cells: dict[str, Cell] = field(default_factory=dict)  # round uuid → cell
    rules_met: int = 0
    rules_total: int = 0
    targets: list[dict[str, Any]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, rounds: list[ExchangeRound]) -> dict[str, Any]:
        return {"school": self.name, "sender_uuid": self.sender_uuid,
                "rounds": {r.name: self.cells[r.uuid].as_dict() for r in rounds},
                "rules": {"met": self.rules_met, "total": self.rules_total},
                "targets": self.targets, "corrections": self.corrections}


@dataclass
class Status:
    """The whole grid with per-round rates."""

    rounds: list[ExchangeRound]
    schools: list[SchoolRow]

    def rates(self, round_: ExchangeRound) -> tuple[float, float]:
        """(reporting rate, on-time rate) of a round, 0..1."""
        expected = len(self.schools)
        if not expected:
            return 0.0, 0.0
        cells = [s.cells[round_.uuid] for s in self.schools]
        return (sum(c.received for c in cells) / expected, sum(c.on_time for c in cells) / expected)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (what ``bangfu bureau status --json`` prints)."""
        rounds = []
        for r in self.rounds:
            reporting, on_time = self.rates(r)
            rounds.append({"name": r.name, "uuid": r.uuid, "period": r.period_label,
                           "due_date": r.due_date.isoformat(), "expected": len(self.schools),
                           "reporting_rate": round(reporting, 4), "on_time_rate": round(on_time, 4)})
        return {"rounds": rounds, "schools": [s.as_dict(self.rounds) for s in self.schools]}


def _key(name: str) -> str:
    return "".join((name or "").split())


def expected_schools() -> list[Unit]:
    """The bureau's own school units (not itself): whom every round expects to hear from."""
    return list(Unit.live().where((Unit.kind == "学校") & (Unit.is_self == False))  # noqa: E712
                .order_by(Unit.name))


def _cell(package: ExchangePackage | None, round_: ExchangeRound) -> Cell:
    if package is None:
        return Cell(MISSING)
    if package.status == RETURNED:
        return Cell(SENT_BACK, package_uuid=package.uuid, made_at=package.made_at, reason=package.reason)
    late = max(0, (package.made_at.date() - round_.due_date).days)
    status = ZERO if package.kind == "zero" else (LATE if late else ON_TIME)
    return Cell(status, late, package.uuid, package.made_at, package.reason)


def bureau_status(round_name: str | None = None) -> Status:
    """The grid of every expected school (and any other sender) × the bureau's rounds."""
    rounds = list(ExchangeRound.select().where(ExchangeRound.origin == "").order_by(ExchangeRound.due_date))
    if round_name:
        rounds = [r for r in rounds if r.name == round_name or r.uuid == round_name]
        if not rounds:
            from ..errors import InvalidInput

            raise InvalidInput(f"没有名为“{round_name}”的报送批次。请用 bangfu round list 查看已有批次。")
    received = list(ExchangePackage.select().where((ExchangePackage.direction == "in")
                                                   & (ExchangePackage.kind.in_(["data", "zero"])))
                    .order_by(ExchangePackage.made_at))
    rows: dict[str, SchoolRow] = {_key(u.name): SchoolRow(u.name) for u in expected_schools()}
    latest_of: dict[str, ExchangePackage] = {}
    for p in received:
        row = rows.setdefault(_key(p.sender_name), SchoolRow(p.sender_name))
        row.sender_uuid = p.sender_uuid
        latest_of[_key(p.sender_name)] = p  # made_at order: the last one wins
    for key, row in rows.items():
        mine = [p for p in received if _key(p.sender_name) == key]
        for r in rounds:
            answers = [p for p in mine if p.round_uuid == r.uuid]
            row.cells[r.uuid] = _cell(answers[-1] if answers else None, r)
        latest = latest_of.get(key)
        if latest is not None:
            summary = latest.summary or {}
            rules = summary.get("rules") or []
            row.rules_total = len(rules)
            row.rules_met = sum(1 for x in rules if x.get("status") == "达标")
            row.targets = summary.get("targets") or []
            row.corrections = [c for p in mine for c in (p.summary or {}).get("corrections") or []]
    return Status(rounds, list(rows.values()))
