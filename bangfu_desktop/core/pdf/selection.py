"""Which records go into a binder: a 学年/学期 or a date range, a plan, record types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import InvalidInput
from ..models import Activity, Pairing, Plan, Rotation  # noqa: F401 (Plan: re-exported)
from ..terms import Period, SchoolCalendar, load_calendar, semester_label

# Section kinds of the binder, in binder order, with their Chinese names.
SECTIONS: dict[str, str] = {
    "tasks": "任务清单",
    "targets": "指标完成情况",
    "activities": "活动记录",
    "observations": "听课记录",
    "pairings": "师徒结对",
    "rotations": "轮训",
}


@dataclass(frozen=True)
class ArchiveSelection:
    """What to print. A date range wins over a 学年; no period at all means everything.

    ``ids`` narrows a single-kind selection to chosen records (the rows picked in a tab).
    """

    school_year: int | None = None
    semester: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    plan_id: int | None = None
    kinds: tuple[str, ...] = tuple(SECTIONS)
    ids: tuple[int, ...] | None = None

    def __post_init__(self):
        unknown = [k for k in self.kinds if k not in SECTIONS]
        if unknown:
            raise InvalidInput(f"未知的档案类别：{'、'.join(unknown)}")
        if self.semester not in (None, 1, 2):
            raise InvalidInput("学期只能是 1（第一学期/秋季）或 2（第二学期/春季）。")
        if self.semester and self.school_year is None:
            raise InvalidInput("选择学期时请同时选择学年，例如 2023-2024。")
        if self.start and self.end and self.end < self.start:
            raise InvalidInput("结束日期早于开始日期，请检查日期范围。")

    def period(self, calendar: SchoolCalendar | None = None) -> Period | None:
        """The span of days selected, or None for all records."""
        if self.start or self.end:
            start = self.start or dt.date(1900, 1, 1)
            end = self.end or dt.date(2999, 12, 31)
            return Period(start, end, _range_label(self.start, self.end))
        if self.school_year is None:
            return None
        calendar = calendar or load_calendar()
        if self.semester:
            return calendar.semester(self.school_year, self.semester)
        return calendar.school_year(self.school_year)

    def label(self) -> str:
        """'2023-2024学年', '2023-2024学年第一学期（秋季）', a date range or '全部记录'."""
        if self.start or self.end:
            return _range_label(self.start, self.end)
        if self.school_year is None:
            return "全部记录"
        if self.semester:
            return semester_label(self.school_year, self.semester)
        return f"{self.school_year}-{self.school_year + 1}学年"


def _range_label(start: dt.date | None, end: dt.date | None) -> str:
    fmt = lambda d: f"{d.year}年{d.month}月{d.day}日"  # noqa: E731
    if start and end:
        return f"{fmt(start)}至{fmt(end)}"
    return f"{fmt(start)}以后" if start else f"{fmt(end)}以前"


def _overlapping(model, period: Period | None):
    query = model.live()
    if period is not None:
        query = query.where(((model.start_date.is_null()) | (model.start_date <= period.end))
                            & ((model.end_date.is_null()) | (model.end_date >= period.start)))
    return query


def selected_plans(selection: ArchiveSelection) -> list[Plan]:
    """The plans whose 任务清单 and 指标 are printed: those overlapping the period, oldest first."""
    from ..targets import plans_in

    return plans_in(selection.period(), selection.plan_id)


def selected_activities(selection: ArchiveSelection, period: Period | None) -> list[Activity]:
    """Activities dated within the period (and under the plan), oldest first."""
    return list(activities_query(selection, period))


def activities_query(selection: ArchiveSelection, period: Period | None):
    """The query behind ``selected_activities`` (for prefetching related rows by subquery)."""
    query = Activity.live()
    if period is not None:
        query = query.where(Activity.date.between(period.start, period.end))
    if selection.plan_id is not None:
        query = query.where(Activity.plan == selection.plan_id)
    if selection.ids is not None:
        query = query.where(Activity.id.in_(list(selection.ids)))
    return query.order_by(Activity.date, Activity.start_time, Activity.id)


def selected_pairings(selection: ArchiveSelection, period: Period | None) -> list[Pairing]:
    """Pairings that ran at some time within the period."""
    return list(pairings_query(selection, period))


def pairings_query(selection: ArchiveSelection, period: Period | None):
    """The query behind ``selected_pairings``."""
    query = _overlapping(Pairing, period)
    if selection.ids is not None:
        query = query.where(Pairing.id.in_(list(selection.ids)))
    return query.order_by(Pairing.mentor, Pairing.start_date, Pairing.id)


def selected_rotations(selection: ArchiveSelection, period: Period | None) -> list[Rotation]:
    """Rotations that ran at some time within the period, oldest first."""
    return list(rotations_query(selection, period))


def rotations_query(selection: ArchiveSelection, period: Period | None):
    """The query behind ``selected_rotations``."""
    query = _overlapping(Rotation, period)
    if selection.ids is not None:
        query = query.where(Rotation.id.in_(list(selection.ids)))
    return query.order_by(Rotation.start_date, Rotation.id)
