"""The school calendar: 学年 and 学期 of a date, and the periods rules count in.

A 学年 runs from the autumn semester's start to the day before the next one;
第一学期 (秋季) from the autumn start, 第二学期 (春季) from the spring start to the
end of the school year, so every date belongs to exactly one semester. The start
days are settings (the default rule); a 学年's semesters can be given exact start
and end dates by SchoolTerm rows (overrides). A semester without an override
begins the day after an overridden predecessor ends and ends the day before an
overridden successor begins, so an override never opens a gap beside a default
semester; two overridden neighbours must meet exactly (``calendar_problems``).
Storing the calendar is in ``core.calendar_store``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

DEFAULT_AUTUMN = (9, 1)
DEFAULT_SPRING = (2, 1)


@dataclass(frozen=True)
class Period:
    """A span of days [start, end] with a Chinese label."""

    start: dt.date
    end: dt.date
    label: str

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def is_over(self, today: dt.date) -> bool:
        """True once the last day has passed."""
        return today > self.end


@dataclass(frozen=True)
class SchoolCalendar:
    """Semester start days (month, day) plus per-semester overrides."""

    autumn_start: tuple[int, int] = DEFAULT_AUTUMN
    spring_start: tuple[int, int] = DEFAULT_SPRING
    overrides: tuple[tuple[int, int, dt.date, dt.date], ...] = ()

    @staticmethod
    def parse_month_day(text: str, fallback: tuple[int, int]) -> tuple[int, int]:
        """'09-01' → (9, 1); anything invalid → fallback."""
        try:
            month, day = (int(p) for p in text.replace("/", "-").split("-"))
            dt.date(2024, month, day)  # a leap year accepts 02-29 as a day
            return month, day
        except (ValueError, AttributeError):
            return fallback

    def _start(self, year: int, month_day: tuple[int, int]) -> dt.date:
        month, day = month_day
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))

    def override(self, year: int, number: int) -> tuple[dt.date, dt.date] | None:
        """The (start, end) an override gives this semester, if any."""
        for o_year, o_sem, start, end in self.overrides:
            if o_year == year and o_sem == number:
                return start, end
        return None

    def _default_start(self, year: int, number: int) -> dt.date:
        if number == 1:
            return self._start(year, self.autumn_start)
        return self._start(year + 1, self.spring_start)

    def _start_of(self, year: int, number: int) -> dt.date:
        # An overridden semester keeps its dates; a default one begins the day after an
        # overridden predecessor ends, so overrides never leave days in no semester.
        own = self.override(year, number)
        if own:
            return own[0]
        previous = self.override(*_previous(year, number))
        if previous:
            return previous[1] + dt.timedelta(days=1)
        return self._default_start(year, number)

    def _end_of(self, year: int, number: int) -> dt.date:
        own = self.override(year, number)
        if own:
            return own[1]
        return self._start_of(*_next(year, number)) - dt.timedelta(days=1)

    def school_year_of(self, day: dt.date) -> int:
        """The first calendar year of the 学年 ``day`` is in (2023 for 2023-2024)."""
        guess = day.year if day >= self._start(day.year, self.autumn_start) else day.year - 1
        for year in (guess, guess - 1, guess + 1):
            if day in self.school_year(year):
                return year
        return guess

    def school_year(self, year: int) -> Period:
        """The 学年 that starts in autumn of ``year``."""
        return Period(self._start_of(year, 1), self._end_of(year, 2), f"{year}-{year + 1}学年")

    def semester(self, year: int, number: int) -> Period:
        """第一学期 (1, autumn) or 第二学期 (2, spring) of the 学年 starting in ``year``."""
        return Period(self._start_of(year, number), self._end_of(year, number), semester_label(year, number))

    def semester_of(self, day: dt.date) -> tuple[int, int]:
        """(学年 start year, 1 or 2) of a date."""
        year = self.school_year_of(day)
        return (year, 1) if day in self.semester(year, 1) else (year, 2)

    def semester_period(self, day: dt.date) -> Period:
        """The semester a date is in."""
        return self.semester(*self.semester_of(day))

    def period_of(self, kind: str, day: dt.date) -> Period:
        """The 月/季度/学期/学年/年 that contains ``day``."""
        if kind == "月":
            last = calendar.monthrange(day.year, day.month)[1]
            return Period(day.replace(day=1), day.replace(day=last), f"{day.year}年{day.month}月")
        if kind == "季度":
            q = (day.month - 1) // 3
            start = dt.date(day.year, q * 3 + 1, 1)
            end_month = q * 3 + 3
            end = dt.date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
            return Period(start, end, f"{day.year}年第{q + 1}季度")
        if kind == "学期":
            return self.semester_period(day)
        if kind == "学年":
            return self.school_year(self.school_year_of(day))
        if kind == "年":
            return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), f"{day.year}年")
        raise ValueError(f"unknown period kind: {kind}")


def _previous(year: int, number: int) -> tuple[int, int]:
    return (year - 1, 2) if number == 1 else (year, 1)


def _next(year: int, number: int) -> tuple[int, int]:
    return (year, 2) if number == 1 else (year + 1, 1)


def semester_label(year: int, number: int) -> str:
    """'2023-2024学年第一学期（秋季）'."""
    name = "第一学期（秋季）" if number == 1 else "第二学期（春季）"
    return f"{year}-{year + 1}学年{name}"


def parse_school_year(text: str) -> int:
    """'2023-2024' or '2023' → 2023; raises ValueError with a Chinese message otherwise."""
    cleaned = text.strip().replace("学年", "").replace("—", "-").replace("–", "-")
    parts = cleaned.split("-")
    try:
        first = int(parts[0])
        if len(parts) == 2 and int(parts[1]) != first + 1:
            raise ValueError
        if len(parts) > 2 or not 1990 <= first <= 2100:
            raise ValueError
    except ValueError:
        raise ValueError(f"学年“{text}”格式不对，应写成 2023-2024") from None
    return first


def load_calendar() -> SchoolCalendar:
    """The calendar as configured in the open database."""
    from . import settings
    from .models import SchoolTerm

    autumn = SchoolCalendar.parse_month_day(settings.get("calendar.autumn_start"), DEFAULT_AUTUMN)
    spring = SchoolCalendar.parse_month_day(settings.get("calendar.spring_start"), DEFAULT_SPRING)
    overrides = tuple(
        (t.school_year, t.semester, t.start_date, t.end_date) for t in SchoolTerm.select()
    )
    return SchoolCalendar(autumn, spring, overrides)
