"""The stored school calendar: overrides that meet exactly are kept, gaps and overlaps refused in core."""

import datetime as dt

import pytest

from bangfu_desktop.core import settings
from bangfu_desktop.core.calendar_store import (
    CalendarInvalid,
    YearOverride,
    calendar_problems,
    save_calendar,
    stored_overrides,
)
from bangfu_desktop.core.models import AuditLog, SchoolTerm
from bangfu_desktop.core.terms import load_calendar

D = dt.date
Y2024 = YearOverride(2024, D(2024, 8, 26), D(2025, 2, 16), D(2025, 2, 17), D(2025, 8, 24))


def test_an_override_moves_its_semesters_and_the_default_neighbours_meet_it(store):
    """2024-2025 overridden: its own dates hold; 2023-2024 spring ends the day before, 2025 autumn starts after."""
    save_calendar("09-01", "02-01", [Y2024])
    cal = load_calendar()
    assert (cal.semester(2024, 1).start, cal.semester(2024, 1).end) == (D(2024, 8, 26), D(2025, 2, 16))
    assert cal.semester(2023, 2).end == D(2024, 8, 25)
    assert cal.semester(2025, 1).start == D(2025, 8, 25)
    assert cal.semester_of(D(2025, 2, 16)) == (2024, 1) and cal.semester_of(D(2025, 2, 17)) == (2024, 2)
    assert cal.semester_of(D(2024, 8, 25)) == (2023, 2) and cal.semester_of(D(2025, 8, 25)) == (2025, 1)
    assert stored_overrides() == [Y2024]
    assert AuditLog.select().where(AuditLog.table == "school_term").count() == 2
    save_calendar("08-25", "02-20", [])
    assert SchoolTerm.select().count() == 0 and settings.get("calendar.autumn_start") == "08-25"


def test_a_winter_gap_inside_a_year_is_refused_at_the_spring_start(store):
    """第一学期 ending 01-20 and 第二学期 starting 02-17 leaves 27 days: refused, nothing stored."""
    gapped = YearOverride(2024, D(2024, 8, 26), D(2025, 1, 20), D(2025, 2, 17), D(2025, 8, 24))
    with pytest.raises(CalendarInvalid) as caught:
        save_calendar("09-01", "02-01", [gapped])
    (problem,) = caught.value.problems
    assert (problem.year, problem.field) == (2024, "second_start")
    assert "空出 27 天" in problem.message and "2025-01-21" in problem.message
    assert SchoolTerm.select().count() == 0


def test_overlapping_years_and_reversed_dates_are_refused(store):
    """2025-2026 starting before 2024-2025 ends overlaps; an end before its start is named at the end field."""
    overlapping = YearOverride(2025, D(2025, 8, 20), D(2026, 2, 1), D(2026, 2, 2), D(2026, 8, 31))
    problems = calendar_problems("09-01", "02-01", [Y2024, overlapping])
    assert [(p.year, p.field) for p in problems] == [(2025, "first_start")]
    assert "重叠 5 天" in problems[0].message
    reversed_end = YearOverride(2024, D(2024, 9, 1), D(2024, 8, 1), D(2024, 8, 2), D(2025, 8, 31))
    assert ("second_end" not in {p.field for p in calendar_problems("09-01", "02-01", [reversed_end])})
    assert (2024, "first_end") in {(p.year, p.field) for p in calendar_problems("09-01", "02-01", [reversed_end])}
    assert [p.field for p in calendar_problems("9月1日", "02-01", [])] == ["autumn"]


def test_all_settings_are_read_in_one_query_and_agree_with_each_get(store):
    """The settings page reads every setting at once: the same values as one get per key, defaults included."""
    from playhouse.test_utils import count_queries

    settings.put("backup.keep", 7)
    settings.put("bureau.email", "jyj@example.cn")
    with count_queries() as counter:
        values = settings.get_all()
    assert counter.count == 1
    assert values == {key: settings.get(key) for key in settings.OPTIONS}
    assert values["backup.keep"] == 7 and values["bureau.email"] == "jyj@example.cn"
    assert values["smtp.port"] == 465  # never stored: its default
