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
