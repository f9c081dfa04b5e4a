"""概览 guides: a plan without rules says so and proposes the rules its tasks state; rules say what is missing."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Activity, FrequencyRule, Plan, Task
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, press_save, settle, when_dialog_opens

TODAY = dt.date(2025, 3, 10)  # spring semester 2024-2025


def _window(store, qtbot):
    window = MainWindow(store)
    qtbot.addWidget(window)
    tab = window.pages["overview"]
    tab.today = TODAY
    tab.semester_combo.clear()
    tab.reload()
    settle(qtbot)
    return window, tab


def _rule_rows(tab):
    return [tab.rule_model.row_at(r) for r in range(tab.rule_model.rowCount())]


def test_rule_proposed_from_task_text_is_adopted_with_one_click(store, qtbot):
    """“每学期开展同课异构不少于4次” becomes a rule with one click, and its line says how many are missing."""
    plan = records.save(Plan(title="沿河中职帮扶方案"))
    records.save(Task(plan=plan, code="5.1", measure="每学期开展同课异构活动不少于4次，每月开展集体备课"))
    records.save(Activity(type="同课异构", title="语文同课异构", date=dt.date(2025, 3, 3)))
    window, tab = _window(store, qtbot)
    panel = tab.suggestions
    assert not panel.isHidden()
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert any("方案“沿河中职帮扶方案”还没有频次要求" in t for t in texts)
    assert any("同课异构不少于4次" in t for t in texts)
    assert tab.rule_model.rowCount() == 0

    panel.findChild(QPushButton, "adopt_rule").click()
    settle(qtbot)
    rule = FrequencyRule.get()
    assert (rule.plan_id, rule.period, rule.minimum, rule.activity_types) == (plan.id, "学期", 4, ["同课异构"])
    assert tab.suggestions.isHidden()
    (row,) = _rule_rows(tab)
    assert row[1] == rule.name and row[5] == 1
    assert row[8] == "还差 3 次，截至 2025-08-31"
    header = [tab.rule_model.headerData(c, Qt.Horizontal) for c in range(tab.rule_model.columnCount())]
    assert "还差" in header
    window.close()
    wait_for_jobs()


def test_rule_proposal_can_be_edited_before_adopting(store, qtbot):
    """修改后采用… opens the rule form prefilled; the clerk lowers the number and saves."""
    plan = records.save(Plan(title="测试方案"))
    records.save(Task(plan=plan, code="1", measure="每学期召开座谈会不少于3次"))
    window, tab = _window(store, qtbot)

    def fill(dialog):
        assert editor(dialog, "minimum").value() == 3
        assert editor(dialog, "period").currentData() == "学期"
        assert "座谈会" in editor(dialog, "activity_types").text()
        editor(dialog, "minimum").setValue(2)
        press_save(dialog)

    when_dialog_opens(qtbot, tab.suggestions.findChild(QPushButton, "adopt_rule_edited").click, fill)
    settle(qtbot)
    rule = FrequencyRule.get()
    assert rule.minimum == 2 and rule.activity_types == ["座谈会"] and rule.plan_id == plan.id
    assert [r[1] for r in _rule_rows(tab)] == [rule.name]
    window.close()
    wait_for_jobs()


def test_plan_with_no_countable_text_says_where_to_add_rules(store, qtbot):
    """No rules and nothing to propose: 概览 says so and where rules are added."""
    plan = records.save(Plan(title="空方案"))
    records.save(Task(plan=plan, code="1", measure="完善制度建设"))
    window, tab = _window(store, qtbot)
    texts = " ".join(label.text() for label in tab.suggestions.findChildren(QLabel))
    assert "方案“空方案”还没有频次要求" in texts and "频次要求”中添加" in texts
    assert tab.suggestions.findChild(QPushButton, "adopt_rule") is None
    window.close()
    wait_for_jobs()
