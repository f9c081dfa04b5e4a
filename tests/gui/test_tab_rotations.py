"""轮训 on demo data: rows, filters, the yearly summary, the not-yet-rotated list and the form."""

import datetime as dt

import pytest

from bangfu_desktop.core.models import Rotation, Teacher
from bangfu_desktop.core.rotation_stats import load_rotation_summary
from bangfu_desktop.gui.tabs.rotations import RotationsTab

from gui_helpers import editor, error_text, open_tab, press_save, settle, when_dialog_opens, until_loaded


@pytest.fixture
def tab(demo_store, qtbot):
    widget = open_tab(qtbot, RotationsTab)
    yield widget
    settle(qtbot, rounds=3)  # reloads started by the bus deliver before the widget goes


def filter_combo(tab, label):
    return next(c for c in tab.filter_combos if c.objectName() == f"filter_{label}")


def test_demo_rotations_and_summary(tab):
    """62 demo rotations; the summary gives each year's 人次, leaders and kinds; 10 teachers are missing."""
    assert tab.model.rowCount() == Rotation.live().count() == 62
    summary = tab.summary_label.text().splitlines()
    assert summary == ["2023年：40 人次（校领导 3）；实践锻炼 31，岗位轮训 9",
                       "2024年：22 人次（校领导 0）；实践锻炼 19，岗位轮训 3"]
    missing = tab.missing_label.text()
    assert missing.startswith("尚未轮训（10 人，共 72 人）：")
    expected = [name for _, name in load_rotation_summary().not_rotated]
    assert missing.split("：", 1)[1].split("、") == expected
    assert tab.summary_label.isVisible() and tab.missing_label.isVisible()


def test_days_column(tab):
    """天数 counts both the first and the last day."""
    rotation = Rotation.live().order_by(Rotation.id).first()
    row = tab.model.row_at(tab.model.view_row_of(rotation.id))
    assert row[7] == (rotation.end_date - rotation.start_date).days + 1


def test_filters_by_year_kind_and_search(tab, qtbot):
    """The year filter keeps the rotations that started that year; search finds a teacher."""
    years = filter_combo(tab, "年份")
    assert [years.itemText(i) for i in range(years.count())] == ["全部", "2024年", "2023年"]
    until_loaded(qtbot, tab, lambda: years.setCurrentIndex(years.findData(2024)))
    assert tab.model.rowCount() == 22
    kinds = filter_combo(tab, "类型")
    until_loaded(qtbot, tab, lambda: kinds.setCurrentIndex(kinds.findData("岗位轮训")))
    assert tab.model.rowCount() == 3
    until_loaded(qtbot, tab, lambda: years.setCurrentIndex(0))
    until_loaded(qtbot, tab, lambda: kinds.setCurrentIndex(0))
    name = tab.model.row_at(0)[1]
    until_loaded(qtbot, tab, lambda: tab.search.setText(name))
    assert {tab.model.row_at(r)[1] for r in range(tab.model.rowCount())} == {name}


def test_add_rotation_updates_the_missing_list(tab, qtbot):
    """A rotation added for a missing teacher takes them off the list and counts in its year."""
    teacher_id, name = load_rotation_summary().not_rotated[0]

    def fill(dialog):
        picker = editor(dialog, "teacher_id")
        picker.setCurrentIndex(picker.findData(teacher_id))
        host = editor(dialog, "host_unit_id")
        host.setCurrentIndex(0)
        editor(dialog, "start_date").line.setText("2025年3月2日")
        editor(dialog, "end_date").line.setText("2025-03-20")
        editor(dialog, "report").setPlainText("跟岗学习两周")
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    rotation = Rotation.get(Rotation.teacher == teacher_id)
    assert rotation.start_date == dt.date(2025, 3, 2) and rotation.kind == "岗位轮训"
    assert tab.model.rowCount() == 63
    assert "2025年：1 人次（校领导 0）；岗位轮训 1" in tab.summary_label.text()
    assert tab.missing_label.text().startswith("尚未轮训（9 人，共 72 人）：")
    assert name not in tab.missing_label.text()


def test_end_before_start_is_refused(tab, qtbot):
    """An end date before the start is shown beside 结束日期 and nothing is saved."""
    seen = {}

    def fill(dialog):
        picker = editor(dialog, "teacher_id")
        picker.setCurrentIndex(0)
        editor(dialog, "start_date").line.setText("2025-05-10")
        editor(dialog, "end_date").line.setText("2025-05-01")
        press_save(dialog)
        seen["end"] = error_text(dialog, "end_date")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["end"] == "结束日期 2025-05-01 早于开始日期 2025-05-10，请检查" and seen["open"]
    assert Rotation.select().count() == 62


def test_teacher_is_required(tab, qtbot):
    """Without a teacher the form says so beside 教师."""
    seen = {}

    def fill(dialog):
        editor(dialog, "start_date").line.setText("2025-05-10")
        press_save(dialog)
        seen["teacher"] = error_text(dialog, "teacher_id")
        dialog.reject()

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["teacher"] == "“教师”必须填写"


def test_without_self_unit_the_list_explains(tab, qtbot):
    """With no 本单位 the tab says why it cannot list missing teachers."""
    from bangfu_desktop.core import records
    from bangfu_desktop.core.queries import self_unit
    unit = self_unit()
    unit.is_self = False
    records.save(unit)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    assert tab.missing_label.text().startswith("尚未设置本单位")
    assert Teacher.live().count() == 80
