"""The 概览 tab turns a rule green when the missing activity is recorded."""

import datetime as dt

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Activity, FrequencyRule, Plan, Task
from bangfu_desktop.gui.bus import bus
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import settle

TODAY = dt.date(2025, 3, 10)  # spring semester of 2024-2025; the autumn one is over


def rule_status(tab, name):
    for r in range(tab.rule_model.rowCount()):
        row = tab.rule_model.row_at(r)
        if row[1] == name:
            return row[6]
    raise AssertionError(f"rule {name} not shown")


def test_one_activity_turns_rule_met(store, qtbot):
    """座谈会 ≥1 per semester: 未达标 for last semester until one is added, then 达标."""
    plan = records.save(Plan(title="测试方案"))
    records.save(FrequencyRule(plan=plan, name="班主任座谈会", activity_types=["座谈会"], period="学期", minimum=1))
    records.save(Task(plan=plan, code="1", measure="按期召开座谈会", deadline_text="2025年3月31日",
                      due_date=dt.date(2025, 3, 31)))
    window = MainWindow(store)
    qtbot.addWidget(window)
    tab = window.pages["overview"]
    tab.today = TODAY
    tab.semester_combo.clear()
    tab.reload()
    settle(qtbot)
    assert tab.stack.currentWidget() is tab.dashboard
    tab.semester_combo.setCurrentIndex(1)  # 2024-2025 第一学期, already over
    settle(qtbot)
    assert "第一学期" in tab.semester_combo.currentText()
    assert rule_status(tab, "班主任座谈会") == "未达标"
    assert tab.due_model.rowCount() == 1  # the task due within 30 days

    records.save(Activity(type="座谈会", title="期末班主任座谈会", date=dt.date(2024, 12, 20)))
    bus.changed.emit("activity")
    settle(qtbot)
    assert rule_status(tab, "班主任座谈会") == "达标"

    # Double-clicking the rule opens the activity that counts.
    tab._open_rule(tab.rule_model.index(0, 0))
    settle(qtbot)
    activities = window.pages["activities"].activities
    assert activities.model.rowCount() == 1
    assert activities.model.row_at(0)[3] == "期末班主任座谈会"
    assert "仅显示" in activities.only_label.text()
    window.close()
    wait_for_jobs()


def test_welcome_page_on_empty_database(store, qtbot):
    """An empty database shows the welcome page; 载入演示数据 fills it and shows the dashboard."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    settle(qtbot)
    tab = window.pages["overview"]
    assert tab.stack.currentWidget() is tab.welcome
    tab.welcome.findChild(__import__("PySide6.QtWidgets").QtWidgets.QPushButton, "welcome_demo").click()
    qtbot.waitUntil(lambda: Activity.select().count() > 0, timeout=20000)
    settle(qtbot)
    assert tab.stack.currentWidget() is tab.dashboard
    assert window.pages["tasks"].model.rowCount() > 0
    window.close()
    wait_for_jobs()


def test_targets_box_shows_the_year_reports_figures(demo_store, qtbot):
    """The 指标 box shows the chosen semester's 学年 exactly as its year report does; the 2016
    山东 plan's 2017 targets never appear in 2026, and an empty 学年 says so."""
    from bangfu_desktop.core.yearreport import build_year_report
    from conftest import DEMO_TODAY

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    tab = window.pages["overview"]
    tab.today = DEMO_TODAY  # 2026-2027 第一学期: every demo plan ended in 2025
    tab.skip_welcome = True
    tab.semester_combo.clear()
    tab.reload()
    settle(qtbot)
    assert tab.target_model.rowCount() == 0
    assert not tab.target_empty.isHidden() and "2026-2027学年没有在期方案的指标" in tab.target_empty.text()
    assert tab.target_box.title().startswith("2026-2027学年")

    tab.semester_combo.setCurrentIndex(1)  # 2025-2026 第二学期
    settle(qtbot)
    report = build_year_report(2025, today=DEMO_TODAY)
    shown = [tab.target_model.row_at(r) for r in range(tab.target_model.rowCount())]
    assert [(row[0], row[2], row[4], row[6]) for row in shown] == \
        [(t.target_id, t.stage_year, _num(t.actual, t.unit_label), t.status) for t in report.targets]
    assert shown and all(row[2] >= 2025 for row in shown)  # no 2017 target of the 山东 plan
    assert tab.target_empty.isHidden() and tab.target_box.title().startswith("2025-2026学年")
    window.close()
    wait_for_jobs()


def _num(value, unit):
    return "" if value is None else f"{value:g}{unit}"
