"""The school calendar as stored: the default rule (settings) and per-学年 overrides (SchoolTerm).

``calendar_problems`` says, per field, what is wrong with a calendar before it is
stored (the 设置 editor shows each message at its field); ``save_calendar``
refuses the same problems, so no caller can store overlapping or gapped terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from . import records, settings
from .errors import InvalidInput
from .models import SchoolTerm, database
from .terms import DEFAULT_AUTUMN, DEFAULT_SPRING, SchoolCalendar, semester_label

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class YearOverride:
    """Exact dates of both semesters of one 学年 (``year`` 2024 means 2024-2025)."""

    year: int
    first_start: dt.date
    first_end: dt.date
    second_start: dt.date
    second_end: dt.date

    def terms(self) -> list[tuple[int, int, dt.date, dt.date]]:
        """As SchoolCalendar overrides."""
        return [(self.year, 1, self.first_start, self.first_end), (self.year, 2, self.second_start, self.second_end)]


@dataclass(frozen=True)
class CalendarProblem:
    """What is wrong at one field: ``field`` is autumn/spring (the rule) or first_start … second_end."""

    year: int | None
    field: str
    message: str


class CalendarInvalid(InvalidInput):
    """A calendar that would overlap or leave gaps; ``problems`` locate each message."""

    def __init__(self, problems: list[CalendarProblem]):
        super().__init__("；".join(p.message for p in problems) + "。校历未保存。")
        self.problems = problems


def _fmt(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}"


def _year_label(year: int) -> str:
    return f"{year}-{year + 1}学年"


def calendar_problems(autumn: str, spring: str, overrides: Sequence[YearOverride]) -> list[CalendarProblem]:
    """Every problem of a calendar (empty when it can be stored)."""
    problems: list[CalendarProblem] = []
    rule = {}
    for name, text, fallback, label in (("autumn", autumn, DEFAULT_AUTUMN, "第一学期（秋季）"),
                                        ("spring", spring, DEFAULT_SPRING, "第二学期（春季）")):
        parsed = SchoolCalendar.parse_month_day(text or "", (0, 0))
        if parsed == (0, 0):
            problems.append(CalendarProblem(None, name, f"{label}开始日期“{text}”应写成 09-01 这样的月-日"))
            parsed = fallback
        rule[name] = parsed
    seen: set[int] = set()
    for o in overrides:
        if o.year in seen:
            problems.append(CalendarProblem(o.year, "first_start", f"{_year_label(o.year)}重复设置了两次，请删去一行"))
        seen.add(o.year)
        for number, start, end in ((1, o.first_start, o.first_end), (2, o.second_start, o.second_end)):
            prefix = "first" if number == 1 else "second"
            if end < start:
                problems.append(CalendarProblem(o.year, f"{prefix}_end", f"{semester_label(o.year, number)}的结束日期"
                                                f" {_fmt(end)} 早于开始日期 {_fmt(start)}"))
        if not dt.date(o.year, 6, 1) <= o.first_start <= dt.date(o.year, 11, 30):
            problems.append(CalendarProblem(o.year, "first_start", f"{semester_label(o.year, 1)}应在 {o.year} 年"
                                            f"6 至 11 月间开始，现在是 {_fmt(o.first_start)}，请检查年份"))
        if o.first_end >= o.first_start and o.second_start != o.first_end + ONE_DAY:
            problems.append(CalendarProblem(o.year, "second_start", _meet_message(
                semester_label(o.year, 1), o.first_end, semester_label(o.year, 2), o.second_start)))
    if problems:
        return problems
    # Between 学年: two overridden neighbours must meet; a default semester squeezed to nothing is refused.
    calendar = SchoolCalendar(rule["autumn"], rule["spring"], tuple(t for o in overrides for t in o.terms()))
    by_year = {o.year: o for o in overrides}
    for o in sorted(overrides, key=lambda o: o.year):
        following = by_year.get(o.year + 1)
        if following is not None and following.first_start != o.second_end + ONE_DAY:
            problems.append(CalendarProblem(following.year, "first_start", _meet_message(
                semester_label(o.year, 2), o.second_end, semester_label(following.year, 1), following.first_start)))
        for year, number, field in ((o.year - 1, 2, "first_start"), (o.year + 1, 1, "second_end")):
            if calendar.override(year, number):
                continue
            neighbour = calendar.semester(year, number)
            if neighbour.end - neighbour.start < dt.timedelta(days=30):
                problems.append(CalendarProblem(o.year, field, f"按此日期，{neighbour.label}只剩"
                                                f" {_fmt(neighbour.start)} 至 {_fmt(neighbour.end)}，"
                                                "与默认规则冲突；请同时设置相邻学年的日期"))
    return problems


def _meet_message(first: str, first_end: dt.date, second: str, second_start: dt.date) -> str:
    expected = first_end + ONE_DAY
    if second_start > expected:
        gap = (second_start - expected).days
        return (f"{second}开始日期 {_fmt(second_start)} 与{first}（{_fmt(first_end)} 结束）之间空出 {gap} 天；"
                f"学期须首尾相接（假期计入前一学期），请改为 {_fmt(expected)}，或把前一学期的结束日期延后")
    overlap = (expected - second_start).days
    return (f"{second}开始日期 {_fmt(second_start)} 与{first}（{_fmt(first_end)} 结束）重叠 {overlap} 天；"
            f"请改为 {_fmt(expected)}，或把前一学期的结束日期提前")


def stored_overrides() -> list[YearOverride]:
    """The overrides in the open database, one per 学年 that has both semesters set."""
    terms = {(t.school_year, t.semester): t for t in SchoolTerm.select()}
    result = []
    for year in sorted({y for y, _ in terms}):
        first, second = terms.get((year, 1)), terms.get((year, 2))
        if first and second:
            result.append(YearOverride(year, first.start_date, first.end_date, second.start_date, second.end_date))
    return result


def save_calendar(autumn: str, spring: str, overrides: Sequence[YearOverride]) -> None:
    """Store the default rule and exactly these overrides (audited), or raise CalendarInvalid."""
    problems = calendar_problems(autumn, spring, overrides)
    if problems:
        raise CalendarInvalid(problems)
    wanted = {(y, n): (s, e) for o in overrides for (y, n, s, e) in o.terms()}
    with database.atomic():
        settings.put("calendar.autumn_start", autumn.strip())
        settings.put("calendar.spring_start", spring.strip())
        existing = {(t.school_year, t.semester): t for t in SchoolTerm.select()}
        for key, term in existing.items():
            if key not in wanted:
                records.audit(term, "删除", {"start_date": [term.start_date.isoformat(), None]})
                term.delete_instance()
        for (year, number), (start, end) in sorted(wanted.items()):
            term = existing.get((year, number)) or SchoolTerm(school_year=year, semester=number)
            term.start_date, term.end_date = start, end
            records.save(term)
