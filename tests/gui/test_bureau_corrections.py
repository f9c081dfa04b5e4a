"""In the window, deleting, restoring or editing a record of an accepted period asks for the 更正 reason."""

import pytest
from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from bangfu_desktop.core import database
from bangfu_desktop.core.models import Activity, AuditLog
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, press_save, settle, when_dialog_opens
from test_exchange_corrections import _locked_and_free, accepted_school


class Answerer:
    """Answers each 更正原因 question with the next reason (None = 取消) and keeps what it was asked."""

    def __init__(self, *reasons):
        self.reasons, self.asked = list(reasons), []
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(30)

    def _tick(self):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not self.reasons:
            return
        self.asked.append(dialog.labelText())
        reason = self.reasons.pop(0)
        if reason is None:
            dialog.reject()
        else:
            dialog.setTextValue(reason)
            dialog.accept()


@pytest.fixture
def window(tmp_path, qtbot):
    school, _ = accepted_school(tmp_path)
    store = database.open_database(school, backup_on_open=False)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1280, 700)
    win.show()
    settle(qtbot)
    yield win
    win.close()
    wait_for_jobs()
    store.close()


def _activities(window, qtbot):
    tab = window.show_page("activities").activities
    settle(qtbot)
    return tab


def test_delete_asks_for_the_reason_and_undo_asks_again(window, qtbot):
    """取消 leaves the record; a reason deletes it (更正 in the log); Ctrl+Z asks again and restores it."""
    tab = _activities(window, qtbot)
    inside, _ = _locked_and_free()
    answers = Answerer(None, "重复录入", "误删")
    assert tab.select_id(inside.id)
    tab.delete_action.trigger()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=10000)
    settle(qtbot)
    assert Activity.get_by_id(inside.id).deleted_at is None
    assert "删除它属于“更正”" in answers.asked[0] and "更正原因" in answers.asked[0]
    tab.delete_action.trigger()
    qtbot.waitUntil(lambda: Activity.get_by_id(inside.id).deleted_at is not None, timeout=10000)
    entry = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (entry.action, entry.changes) == ("更正", {"操作": "删除", "更正原因": "重复录入"})
    settle(qtbot)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: Activity.get_by_id(inside.id).deleted_at is None, timeout=10000)
    assert "恢复它属于“更正”" in answers.asked[2]
    answers.timer.stop()


def test_multi_delete_with_one_locked_record(window, qtbot):
    """Two selected, one of them in 2026: one question, then both in the bin."""
    tab = _activities(window, qtbot)
    inside, outside = _locked_and_free()
    answers = Answerer("重复录入")
    tab.select_id(inside.id)
    row = tab.model.view_row_of(outside.id)
    tab.view.selectionModel().select(tab.model.index(row, 0),
                                     QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert sorted(tab.selected_ids()) == sorted([inside.id, outside.id])
    with_yes = QTimer()
    with_yes.timeout.connect(lambda: _yes(QApplication.activeModalWidget()))
    with_yes.start(30)
    tab.delete_action.trigger()
    qtbot.waitUntil(lambda: Activity.get_by_id(outside.id).deleted_at is not None, timeout=10000)
    with_yes.stop()
    answers.timer.stop()
    assert Activity.get_by_id(inside.id).deleted_at is not None and len(answers.asked) == 1


def _yes(dialog):
    from PySide6.QtWidgets import QMessageBox

    if isinstance(dialog, QMessageBox):
        dialog.button(QMessageBox.Yes).click()


def test_edit_in_the_form_asks_for_the_reason(window, qtbot):
    """Saving a changed 2026 activity asks for the reason; the form then saves it as a 更正."""
    tab = _activities(window, qtbot)
    inside, _ = _locked_and_free()
    answers = Answerer("主题笔误")
    tab.select_id(inside.id)

    def change(dialog):
        editor(dialog, "title").setText("改过的主题")
        press_save(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    when_dialog_opens(qtbot, tab.edit_selected, change, timeout=15000)
    settle(qtbot)
    answers.timer.stop()
    assert "修改它属于“更正”" in answers.asked[0]
    assert Activity.get_by_id(inside.id).title == "改过的主题"
    entry = AuditLog.select().where(AuditLog.action == "更正").order_by(AuditLog.id.desc()).first()
    assert entry.changes["更正原因"] == "主题笔误" and entry.changes["title"][1] == "改过的主题"
