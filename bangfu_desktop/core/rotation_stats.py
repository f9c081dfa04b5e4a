"""轮训 statistics: rotations per calendar year and kind, and who has not rotated yet.

The counting is done by pure functions over plain tuples so that the window, the
command line and tests share it; ``load_rotation_summary`` runs the two queries
it needs (rotations, the 本单位 roster) and hands their rows to them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .models import Rotation, Teacher
from .queries import self_unit


@dataclass(frozen=True)
class YearCount:
    """Rotations that started in one calendar year."""

    year: int
    total: int  # 人次: one per rotation record
    leaders: int  # of which flagged as 校领导
    teachers: int  # distinct teachers
    by_kind: tuple[tuple[str, int], ...]  # (kind, count), most frequent first


@dataclass(frozen=True)
class RotationSummary:
    """What the 轮训 tab shows under its table."""

    years: tuple[YearCount, ...]
    undated: int  # rotations without a start date (not in any year)
    unit_name: str  # 本单位, or "" when it is not set
    roster_size: int  # live, non-helper teachers of 本单位
    not_rotated: tuple[tuple[int, str], ...] = field(default=())  # (teacher id, name)


def count_by_year(rows: Iterable[tuple[int, str, dt.date | None, bool]]) -> tuple[list[YearCount], int]:
    """(per-year counts, undated count) from (teacher id, kind, start date, is leader) rows."""
    totals: Counter[int] = Counter()
    leaders: Counter[int] = Counter()
    kinds: dict[int, Counter[str]] = {}
    teachers: dict[int, set[int]] = {}
    undated = 0
    for teacher_id, kind, start, is_leader in rows:
        if start is None:
            undated += 1
            continue
        year = start.year
        totals[year] += 1
        leaders[year] += bool(is_leader)
        kinds.setdefault(year, Counter())[kind or "未分类"] += 1
        teachers.setdefault(year, set()).add(teacher_id)
    years = [
        YearCount(year, totals[year], leaders[year], len(teachers[year]),
                  tuple(sorted(kinds[year].items(), key=lambda kv: (-kv[1], kv[0]))))
        for year in sorted(totals)
    ]
    return years, undated


def not_rotated(roster: Iterable[tuple[int, str]],
                rotations: Iterable[tuple[int, str, dt.date | None, bool]],
                as_of: dt.date | None = None) -> list[tuple[int, str]]:
    """Roster teachers (id, name) with no rotation started by ``as_of`` (any rotation when None).

    A rotation with no start date counts as done: the clerk recorded it without the date.
    """
    done = {tid for tid, _kind, start, _leader in rotations
            if as_of is None or start is None or start <= as_of}
    return [(tid, name) for tid, name in roster if tid not in done]


def summarise(rotations: list[tuple[int, str, dt.date | None, bool]], roster: list[tuple[int, str]],
              unit_name: str = "", as_of: dt.date | None = None) -> RotationSummary:
    """The whole summary from rotation rows and the 本单位 roster rows."""
    years, undated = count_by_year(rotations)
    return RotationSummary(tuple(years), undated, unit_name, len(roster),
                           tuple(not_rotated(roster, rotations, as_of)))


def rotation_rows() -> list[tuple[int, str, dt.date | None, bool]]:
    """(teacher id, kind, start date, is leader) of every live rotation of a live teacher."""
    return list(
        Rotation.live(Rotation.teacher, Rotation.kind, Rotation.start_date, Rotation.is_leader)
        .join(Teacher).where(Teacher.deleted_at.is_null()).tuples()
    )


def self_roster() -> tuple[str, list[tuple[int, str]]]:
    """(本单位 name, [(id, name)] of its live teachers who are not 帮扶人才), ordered by name."""
    unit = self_unit()
    if unit is None:
        return "", []
    query = (Teacher.live(Teacher.id, Teacher.name)
             .where((Teacher.unit == unit.id) & (Teacher.is_helper == False))  # noqa: E712 - peewee
             .order_by(Teacher.name).tuples())
    return unit.name, list(query)


def load_rotation_summary(as_of: dt.date | None = None,
                          rotations: list[tuple[int, str, dt.date | None, bool]] | None = None) -> RotationSummary:
    """The summary of the open database; ``as_of`` defaults to today.

    ``rotations`` may be passed when the caller already fetched them (the tab does).
    """
    as_of = as_of or dt.date.today()
    rows = rotation_rows() if rotations is None else rotations
    unit_name, roster = self_roster()
    return summarise(rows, roster, unit_name, as_of)
