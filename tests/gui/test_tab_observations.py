"""听课记录 tab: a scored observation entered through the real form, then printed from the tab."""

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QWidget
from pypdf import PdfReader

from bangfu_desktop.core import settings
from bangfu_desktop.core.models import Observation, ObservationObserver, Teacher
from bangfu_desktop.core.pdf import ArchiveSelection
from bangfu_desktop.gui.archive_actions import run_archive_export
from bangfu_desktop.gui.tabs.observations import ObservationsTab

from gui_helpers import editor, open_tab, press_save, settle, when_dialog_opens


@pytest.fixture
def tab(demo_store, qtbot):
    settings.put("observation.criteria", "教学目标 10\n教学效果 30")
    widget = open_tab(qtbot, ObservationsTab)
    yield widget
    settle(qtbot, rounds=3)


def test_add_scored_observation_and_print_it(tab, qtbot, tmp_path):
    """The form offers the unit's criteria and 等级; the saved record prints as a 听课记录表 from the tab."""
    teacher, observer = Teacher.live().order_by(Teacher.id)[:2]
    before = tab.model.rowCount()

    def fill(dialog):
        picker = editor(dialog, "teacher_id")
        picker.setCurrentIndex(picker.findData(teacher.id))
        editor(dialog, "date").line.setText("2025-10-14")
        editor(dialog, "period").setText("第3节")
        editor(dialog, "topic").setText("一次函数的图像")
        editor(dialog, "notes").setPlainText("导入：以出租车计价引入。")
        editor(dialog, "evaluation").setPlainText("建议增加学生板演。")
        grade = editor(dialog, "grade")
        grade.setCurrentIndex(grade.findData("良"))
        dialog.observers.set_checked([observer.id])
        labels = [n for n, _, _ in dialog.score_inputs.spins]
        assert labels == ["教学目标", "教学效果"]
        dialog.findChild(QWidget, "score_0").setValue(8.5)
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    saved = Observation.get(Observation.topic == "一次函数的图像")
    assert saved.grade == "良" and saved.date == dt.date(2025, 10, 14)
    assert saved.scores == [{"name": "教学目标", "max": 10.0, "score": 8.5},
                            {"name": "教学效果", "max": 30.0, "score": None}]
    assert [o.teacher_id for o in ObservationObserver.select().where(ObservationObserver.observation == saved)] \
        == [observer.id]
    assert tab.model.rowCount() == before + 1

    other = Observation.live().where(Observation.id != saved.id).order_by(Observation.id).first()
    tab.select_id(saved.id)
    assert tab.archive_action.text() == "打印/导出档案"
    results = []
    dest = tmp_path / "听课.pdf"
    run_archive_export(tab, ArchiveSelection(kinds=("observations",), ids=(saved.id, other.id)), str(dest),
                       cover=False, title="听课记录", on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(dest).pages]
    assert len(pages) == 2, "one 听课记录表 per page"
    first = next(p for p in pages if "一次函数的图像" in p)
    assert f"授课教师{teacher.name}" in first and "节次第3节" in first and "■良" in first
    assert "教学目标108.5" in first and "建议增加学生板演" in first
    assert any(other.topic in p for p in pages)


def test_editing_keeps_the_records_own_criteria(tab, qtbot):
    """A record scored under old criteria shows those, not the unit's current list."""
    o = Observation.live().order_by(Observation.id).first()
    o.scores = [{"name": "旧项目", "max": 50, "score": 40}]
    o.save()
    tab.select_id(o.id)

    def check(dialog):
        assert [(n, m) for n, m, _ in dialog.score_inputs.spins] == [("旧项目", 50)]
        assert dialog.findChild(QWidget, "score_0").value() == 40
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.edit_action.trigger, check)
    assert Observation.get_by_id(o.id).scores == [{"name": "旧项目", "max": 50, "score": 40.0}]


def test_criteria_are_configured_in_settings(demo_store, qtbot):
    """设置 stores the unit's criteria; a malformed line is refused with the line named."""
    from bangfu_desktop.core.observations import unit_criteria
    from bangfu_desktop.gui.tabs.settings_tab import SettingsTab

    page = SettingsTab()
    qtbot.addWidget(page)
    page.reload()
    assert page.criteria.toPlainText().startswith("教学目标 10")
    page.criteria.setPlainText("教学设计 40\n课堂效果")
    assert page.save() is False
    assert "第 2 行“课堂效果”" in page.message.text()
    page.criteria.setPlainText("教学设计 40\n课堂效果 60")
    assert page.save() is True
    settle(qtbot)  # 设置 is saved off the GUI thread
    assert page.message.text() == "已保存。"
    assert unit_criteria() == [("教学设计", 40.0), ("课堂效果", 60.0)]
