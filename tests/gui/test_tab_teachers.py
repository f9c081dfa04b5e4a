"""教师名册 on demo data: rows with honours, filters, and the real form with its honours table."""

import pytest
from PySide6.QtCore import Qt
from playhouse.test_utils import count_queries

from bangfu_desktop.core.models import Honour, Teacher
from bangfu_desktop.gui.tabs.teachers import TeachersTab

from gui_helpers import editor, error_text, open_tab, press_save, settle, when_dialog_opens, until_loaded


@pytest.fixture
def tab(demo_store, qtbot):
    widget = open_tab(qtbot, TeachersTab)
    yield widget
    settle(qtbot, rounds=3)  # reloads started by the bus deliver before the widget goes


def shown_names(tab):
    return [tab.model.row_at(r)[1] for r in range(tab.model.rowCount())]


def test_demo_teachers_and_honours_are_shown(tab):
    """Every live teacher is a row; honours read like “县级骨干教师 2024”."""
    assert tab.model.rowCount() == Teacher.live().count() == 80
    honour = Honour.live().order_by(Honour.id).first()
    row = tab.model.row_at(tab.model.view_row_of(honour.teacher_id))
    assert f"{honour.level}{honour.kind} {honour.year}" in row[8]
    headers = [tab.model.headerData(c, Qt.Horizontal) for c in range(tab.model.columnCount())]
    assert headers[:8] == ["姓名", "性别", "单位", "学科", "职务", "职称", "手机号码", "荣誉"]


def test_rows_cost_five_queries(tab):
    """Whether the data changed, ids, total, a page of teachers (lesson counts inside) and their honours.

    Five queries, not one per teacher; the same load again takes the ids and total from its cache.
    """
    from bangfu_desktop.core import records
    from bangfu_desktop.core.tablequery import TableQuery
    teacher = Teacher.live().order_by(Teacher.id).first()
    teacher.subject = "美术"
    records.save(teacher)
    with count_queries() as counter:
        tab.source.load(TableQuery())
    assert counter.count == 5
    with count_queries() as counter:
        page = tab.source.load(TableQuery())
    assert counter.count == 3
    assert page.rows[teacher.id].subject == "美术"


def test_search_and_filters(tab, qtbot):
    """Typing a name finds the teacher; the 帮扶人才 filter keeps the eight helpers."""
    name = Teacher.live().order_by(Teacher.id).first().name
    until_loaded(qtbot, tab, lambda: tab.search.setText(name))
    assert shown_names(tab) == [name]
    until_loaded(qtbot, tab, tab.search.clear)
    combo = tab.findChild(type(tab.filter_combos[0]), "filter_帮扶人才")
    until_loaded(qtbot, tab, lambda: combo.setCurrentIndex(combo.findText("是")))
    assert tab.model.rowCount() == 8
    assert tab.count_label.text() == "显示 8 / 共 80 条"
    subject = tab.findChild(type(combo), "filter_学科")
    until_loaded(qtbot, tab, lambda: subject.setCurrentIndex(subject.findText("语文")))
    assert all(tab.model.row_at(r)[4] == "语文" for r in range(tab.model.rowCount()))


def test_add_teacher_with_honour_through_the_form(tab, qtbot):
    """A teacher added in the form appears with the honour typed in its honours table."""

    def fill(dialog):
        editor(dialog, "name").setText("测试教师")
        editor(dialog, "subject").setEditText("语文")
        editor(dialog, "phone").setText("137 0000 1234")
        editor(dialog, "is_dual_qualified").setChecked(True)
        dialog.honours.add_button.click()
        table = dialog.honours.table
        table.cellWidget(0, 0).setCurrentText("学科带头人")
        table.cellWidget(0, 1).setCurrentText("市级")
        table.cellWidget(0, 2).setValue(2025)
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    teacher = Teacher.get(Teacher.name == "测试教师")
    assert teacher.phone == "13700001234" and teacher.is_dual_qualified
    assert teacher.unit.is_self  # new teachers default to 本单位
    assert [(h.kind, h.level, h.year) for h in teacher.honours] == [("学科带头人", "市级", 2025)]
    row = tab.model.row_at(tab.model.view_row_of(teacher.id))
    assert row[8] == "市级学科带头人 2025" and row[9] is True


def test_edit_removes_an_honour_to_the_recycle_bin(tab, qtbot):
    """Deleting a row of the honours table moves that honour to the recycle bin."""
    honour = Honour.live().order_by(Honour.id).first()
    assert tab.select_id(honour.teacher_id)

    def remove(dialog):
        table = dialog.honours.table
        assert table.rowCount() >= 1
        table.selectRow(0)
        dialog.honours.remove_button.click()
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.edit_action.trigger, remove)
    assert Honour.get_by_id(honour.id).deleted_at is not None
    row = tab.model.row_at(tab.model.view_row_of(honour.teacher_id))
    assert f"{honour.level}{honour.kind}" not in row[8]


def test_bad_phone_and_helper_period_are_refused(tab, qtbot):
    """A 10-digit phone and a 帮扶 period ending before it starts show messages beside their fields."""
    before = Teacher.select().count()
    seen = {}

    def fill(dialog):
        editor(dialog, "name").setText("错号教师")
        editor(dialog, "phone").setText("1370000123")
        editor(dialog, "is_helper").setChecked(True)
        editor(dialog, "helper_start").line.setText("2024-09-01")
        editor(dialog, "helper_end").line.setText("2024-03-01")
        press_save(dialog)
        seen["phone"] = error_text(dialog, "phone")
        editor(dialog, "phone").setText("13700001234")
        press_save(dialog)
        seen["end"] = error_text(dialog, "helper_end")
        seen["phone_after"] = error_text(dialog, "phone")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["phone"] == "手机号码应为 11 位数字，现在是 10 位"
    assert seen["end"] == "结束日期 2024-03-01 早于开始日期 2024-09-01，请检查"
    assert seen["phone_after"] == "" and seen["open"]
    assert Teacher.select().count() == before


def test_honour_without_kind_is_refused(tab, qtbot):
    """An honours row with an empty 类别 keeps the form open with a message under the table."""
    seen = {}

    def fill(dialog):
        editor(dialog, "name").setText("无类别")
        dialog.honours.add_button.click()
        dialog.honours.table.cellWidget(0, 0).setCurrentText("")
        press_save(dialog)
        label = dialog.findChild(type(dialog.summary), "error_honours")
        seen["text"] = label.text() if not label.isHidden() else ""
        dialog.reject()

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["text"] == "每条荣誉都要填写“类别”"
    assert not Teacher.select().where(Teacher.name == "无类别").exists()
