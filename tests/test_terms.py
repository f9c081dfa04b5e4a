"""学年 and 学期 of a date, with the default and a configured calendar."""

import datetime as dt

import pytest

from bangfu_desktop.core import settings
from bangfu_desktop.core.models import SchoolTerm
from bangfu_desktop.core.terms import SchoolCalendar, load_calendar, parse_school_year

D = dt.date
CAL = SchoolCalendar()


@pytest.mark.parametrize("day,expected", [
    (D(2023, 9, 1), (2023, 1)),
    (D(2023, 8, 31), (2022, 2)),
    (D(2024, 1, 31), (2023, 1)),
    (D(2024, 2, 1), (2023, 2)),
    (D(2024, 2, 29), (2023, 2)),
    (D(2024, 7, 15), (2023, 2)),
])
def test_semester_edges(day, expected):
    """The first and last days of each semester fall on the right side."""
    assert CAL.semester_of(day) == expected


def test_semester_periods_cover_the_year_without_gaps():
    """第一学期 ends the day before 第二学期 starts; the year ends before the next autumn."""
    first, second = CAL.semester(2023, 1), CAL.semester(2023, 2)
    assert first.start == D(2023, 9, 1) and first.end == D(2024, 1, 31)
    assert second.start == D(2024, 2, 1) and second.end == D(2024, 8, 31)
    assert CAL.school_year(2023).label == "2023-2024学年"


def test_periods_of_rule_kinds():
    """Month, quarter and year periods, including 29 February."""
    assert CAL.period_of("月", D(2024, 2, 10)).end == D(2024, 2, 29)
    q = CAL.period_of("季度", D(2024, 3, 31))
    assert (q.start, q.end) == (D(2024, 1, 1), D(2024, 3, 31))
    assert CAL.period_of("季度", D(2024, 4, 1)).start == D(2024, 4, 1)
    assert CAL.period_of("年", D(2024, 6, 1)).end == D(2024, 12, 31)


def test_configured_calendar(store):
    """A province whose spring semester starts on 02-20, plus one overridden semester."""
    settings.put("calendar.spring_start", "02-20")
    SchoolTerm.create(school_year=2024, semester=1, start_date=D(2024, 8, 26), end_date=D(2025, 1, 19))
    cal = load_calendar()
    assert cal.semester_of(D(2024, 2, 19)) == (2023, 1)
    assert cal.semester_of(D(2024, 2, 20)) == (2023, 2)
    assert cal.semester_of(D(2024, 8, 26)) == (2024, 1)
    assert cal.semester(2024, 1).end == D(2025, 1, 19)


def test_invalid_setting_falls_back():
    """A month-day that does not exist falls back to the default."""
    assert SchoolCalendar.parse_month_day("13-40", (9, 1)) == (9, 1)


def test_parse_school_year():
    """'2023-2024' and '2023' name the same 学年; nonsense gets a Chinese message."""
    assert parse_school_year("2023-2024") == 2023 == parse_school_year("2023")
    with pytest.raises(ValueError, match="格式不对"):
        parse_school_year("2023-2025")
