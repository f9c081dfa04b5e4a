"""校历 in 设置: exact dates per 学年, gaps and overlaps refused at the field, a saved override moves rule periods."""

import datetime as dt

import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.compliance import evaluate_rule
from bangfu_desktop.core.models import Activity, FrequencyRule, Plan, SchoolTerm
from bangfu_desktop.core.terms import load_calendar
from bangfu_desktop.gui.tabs.settings_tab import SettingsTab

from gui_helpers import settle

D = dt.date


@pytest.fixture
def tab(store, qtbot):
    widget = SettingsTab()
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    widget.reload()
    return widget


def fill(row, first_start, first_end, second_start, second_end):
    row.year.setValue(first_start.year)
    for name, day in zip(("first_start", "first_end", "second_start", "second_end"),
                         (first_start, first_end, second_start, second_end)):
        row.dates[name].line.setText(day.isoformat())


def test_a_winter_gap_is_refused_at_the_spring_start_field(tab, qtbot):
    """第一学期 ending 01-17 and 第二学期 starting 02-16: the spring start field says 空出 29 天; nothing stored."""
    cal = tab.calendar
    row = cal.add_year()
    fill(row, D(2025, 9, 1), D(2026, 1, 17), D(2026, 2, 16), D(2026, 8, 31))
    cal.save_button.click()
    settle(qtbot)
    assert "空出 29 天" in cal.field_error(2025, "second_start")
    assert "2026-01-18" in cal.field_error(2025, "second_start")
    assert cal.field_error(2025, "first_start") == ""
    assert row.message.isVisible() and "未保存" in cal.message.text()
    assert SchoolTerm.select().count() == 0


def test_overlapping_years_and_a_bad_rule_are_refused_at_their_fields(tab, qtbot):
    """A 2026-2027 row starting before 2025-2026 ends overlaps; a rule written 9月1日 is marked at its field."""
    cal = tab.calendar
    fill(cal.add_year(), D(2025, 9, 1), D(2026, 2, 15), D(2026, 2, 16), D(2026, 8, 31))
    fill(cal.add_year(), D(2026, 8, 25), D(2027, 2, 14), D(2027, 2, 15), D(2027, 8, 31))
    cal.save_button.click()
    assert "重叠 7 天" in cal.field_error(2026, "first_start")
    cal.autumn.setText("9月1日")
    cal.save_button.click()
    assert "09-01" in cal.field_error(None, "autumn")
    assert SchoolTerm.select().count() == 0


def test_a_saved_override_moves_a_rules_semester(tab, qtbot):
    """With 2025-2026 第一学期 ending 2026-02-15, a 座谈会 on 02-10 counts in autumn, not in spring."""
    plan = records.save(Plan(title="方案"))
    rule = records.save(FrequencyRule(plan=plan, name="座谈会", activity_types=["座谈会"], period="学期", minimum=1))
    talk = records.save(Activity(type="座谈会", title="座谈会", date=D(2026, 2, 10)))
    assert evaluate_rule(rule, load_calendar().semester(2025, 2), today=D(2030, 1, 1)).counts[0].activity_ids == [talk.id]
    cal = tab.calendar
    fill(cal.add_year(), D(2025, 8, 28), D(2026, 2, 15), D(2026, 2, 16), D(2026, 8, 27))
    with qtbot.waitSignal(cal.saved, timeout=5000):
        cal.save_button.click()
    assert "已保存" in cal.message.text()
    calendar = load_calendar()
    autumn = evaluate_rule(rule, calendar.semester(2025, 1), today=D(2030, 1, 1))
    assert (autumn.counts[0].period.start, autumn.counts[0].period.end) == (D(2025, 8, 28), D(2026, 2, 15))
    assert autumn.counts[0].activity_ids == [talk.id]
    assert calendar.semester(2026, 1).start == D(2026, 8, 28)
    tab.reload()
    assert [r.year.value() for r in cal.rows] == [2025]
    assert cal.rows[0].dates["first_end"].text() == "2026-02-15"
