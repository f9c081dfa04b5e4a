"""Failures injected through the real dialogs: nothing half-saved, a Chinese message, the form still open."""

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bangfu_desktop.core import errorlog, records, settings
from bangfu_desktop.core.models import Activity, ActivityParticipant, Attachment, Teacher, database
from bangfu_desktop.gui import operations
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, press_save, settle, when_dialog_opens

TITLE = "语文同课异构（故障注入）"


@pytest.fixture
def window(store, qtbot):
    for name in ("甲老师", "乙老师", "丙老师", "丁老师"):
        records.save(Teacher(name=name))
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    yield win
    for box in list(operations._boxes):
        box.close()
    win.close()
    wait_for_jobs()


def message_boxes():
    """The message boxes on screen."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def wait_for_box(qtbot, title=None):
    qtbot.waitUntil(lambda: any(title is None or b.windowTitle() == title for b in message_boxes()),
                    timeout=10000)
    return next(b for b in message_boxes() if title is None or b.windowTitle() == title)


def fill_activity(dialog, participants=3):
    editor(dialog, "type").setEditText("同课异构")
    editor(dialog, "title").setText(TITLE)
    editor(dialog, "date").line.setText("2026-11-20")
    editor(dialog, "content").setPlainText("第一步\x0b第二步")
    values = [v for _, v in dialog.participants.model.items][:participants]
    dialog.participants.set_checked(values)


def save_and_expect_failure(qtbot, dialog, title):
    """Press 保存; the save fails: return the message box text, having checked the form kept everything."""
    press_save(dialog)
    box = wait_for_box(qtbot, title)
    text = box.text()
    assert dialog.isVisible(), "the form closes only on success"
    assert editor(dialog, "title").text() == TITLE
    assert editor(dialog, "content").toPlainText() == "第一步\x0b第二步"
    assert len(dialog.participants.checked()) == 3
    assert dialog.buttons.isEnabled()
    assert "未保存" in dialog.summary.text()
    box.close()
    dialog.reject()
    return text


def window_still_works(window, qtbot):
    """The window is alive and a later save goes through."""
    assert window.isVisible()
    tab = window.show_page("activities").activities

    def fill(dialog):
        editor(dialog, "type").setEditText("座谈会")
        editor(dialog, "title").setText("之后的座谈会")
        editor(dialog, "date").line.setText("2026-11-21")
        press_save(dialog)

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    settle(qtbot)
    assert Activity.select().where(Activity.title == "之后的座谈会").count() == 1


def test_third_participant_refused_by_the_database(window, qtbot):
    """A trigger aborts the third participant row: no activity, no links; the message names the error log."""
    database.execute_sql(
        "CREATE TRIGGER third_refused BEFORE INSERT ON activity_participant "
        "WHEN (SELECT count(*) FROM activity_participant) >= 2 "
        "BEGIN SELECT RAISE(ABORT, 'third participant refused'); END")
    tab = window.show_page("activities").activities
    texts = []

    def fill(dialog):
        fill_activity(dialog)
        texts.append(save_and_expect_failure(qtbot, dialog, "程序错误"))

    when_dialog_opens(qtbot, tab.add_action.trigger, fill, timeout=20000)
    log = errorlog.log_path()
    assert str(log) in texts[0] and "意外的程序错误" in texts[0]
    assert "third participant refused" in log.read_text(encoding="utf-8")
    assert Activity.select().where(Activity.title == TITLE).count() == 0
    assert ActivityParticipant.select().count() == 0
    database.execute_sql("DROP TRIGGER third_refused")
    window_still_works(window, qtbot)


def test_attachment_folder_cannot_be_written(window, store, qtbot, tmp_path):
    """The attachments folder path is a file: a Chinese message, no activity, no attachment row."""
    store.attachments_dir.write_text("not a folder")
    picture = tmp_path / "现场照片.jpg"
    picture.write_bytes(b"\xff\xd8\xffphoto")
    tab = window.show_page("activities").activities
    texts = []

    def fill(dialog):
        fill_activity(dialog)
        dialog.attachments.add_files([picture])
        texts.append(save_and_expect_failure(qtbot, dialog, "未能完成"))

    when_dialog_opens(qtbot, tab.add_action.trigger, fill, timeout=20000)
    assert "无法把文件“现场照片.jpg”复制到附件文件夹" in texts[0]
    assert Activity.select().where(Activity.title == TITLE).count() == 0
    assert Attachment.select().count() == 0
    window_still_works(window, qtbot)


def test_attachment_removed_after_choosing(window, qtbot, tmp_path):
    """The chosen file is gone when 保存 is pressed (USB stick pulled): said in Chinese, nothing saved."""
    picture = tmp_path / "签到表.jpg"
    picture.write_bytes(b"\xff\xd8\xffphoto")
    tab = window.show_page("activities").activities
    texts = []

    def fill(dialog):
        fill_activity(dialog)
        dialog.attachments.add_files([picture])
        picture.unlink()
        texts.append(save_and_expect_failure(qtbot, dialog, "未能完成"))

    when_dialog_opens(qtbot, tab.add_action.trigger, fill, timeout=20000)
    assert "找不到文件" in texts[0] and "U 盘" in texts[0]
    assert Activity.select().where(Activity.title == TITLE).count() == 0


def test_backup_folder_cannot_be_created(window, qtbot, tmp_path):
    """Backups go under a regular file: the activity is saved whole, the form closes, a warning names the log."""
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    settings.put("backup.dir", str(blocker / "backups"))
    settings.put("backup.every", 1)
    tab = window.show_page("activities").activities

    def fill(dialog):
        fill_activity(dialog)
        press_save(dialog)

    when_dialog_opens(qtbot, tab.add_action.trigger, fill, timeout=20000)
    box = wait_for_box(qtbot, "自动备份失败")
    assert "记录已保存" in box.text() and str(errorlog.log_path()) in box.text()
    assert "自动备份失败" in window.statusBar().currentMessage()
    activity = Activity.get(Activity.title == TITLE)
    assert activity.participants.count() == 3
    assert activity.content == "第一步\n第二步"  # \x0b from the line edit stored as a line break
    assert "自动备份失败" in errorlog.log_path().read_text(encoding="utf-8")
    box.close()
    settle(qtbot)
    assert tab.model.view_row_of(activity.id) is not None


def test_delete_and_undo_go_through_operations(window, qtbot):
    """Deleting several teachers and undoing restores them; the 撤销删除 action follows the stack."""
    tab = window.show_page("teachers")
    tab.view.selectAll()
    when_dialog_opens(qtbot, tab.delete_action.trigger, lambda box: box.button(QMessageBox.Yes).click())
    settle(qtbot)
    assert Teacher.live().count() == 0 and tab.model.rowCount() == 0
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    settle(qtbot)
    assert Teacher.live().count() == 4 and tab.model.rowCount() == 4
    assert not window.undo_action.isEnabled()


@pytest.mark.qt_no_exception_capture
def test_excepthook_logs_and_shows_a_message(window, qtbot):
    """An exception in a slot and one in a thread are logged with their traceback and shown; the window lives."""
    operations.install_excepthook()
    try:
        def broken_slot():
            raise ZeroDivisionError("slot went wrong")

        QTimer.singleShot(0, broken_slot)
        box = wait_for_box(qtbot, "程序错误")
        log = errorlog.log_path()
        assert str(log) in box.text() and "ZeroDivisionError" in box.text()
        content = log.read_text(encoding="utf-8")
        assert "slot went wrong" in content and "Traceback" in content and "broken_slot" in content
        box.close()
        qtbot.waitUntil(lambda: not message_boxes())

        def broken_thread():
            raise ValueError("thread went wrong")

        worker = threading.Thread(target=broken_thread, name="worker-1")
        worker.start()
        worker.join()
        box = wait_for_box(qtbot, "程序错误")
        assert "ValueError" in box.text()
        assert "thread went wrong" in log.read_text(encoding="utf-8")
        box.close()
    finally:
        operations.uninstall_excepthook()
    window_still_works(window, qtbot)


def test_import_with_failing_backup_is_reported_as_done(window, qtbot, tmp_path):
    """An import whose automatic backup fails: the tasks are written and the user is told so, not 程序错误."""
    from openpyxl import Workbook

    from bangfu_desktop.core.excel_import_tasks import preview_tasks
    from bangfu_desktop.core.models import Plan, Task
    from bangfu_desktop.gui.excel_actions import run_apply

    records.save(Plan(title="测试方案"))
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    settings.put("backup.dir", str(blocker / "backups"))
    settings.put("backup.every", 1)
    book = Workbook()
    book.active.append(["编号", "主要举措", "完成时限", "责任单位"])
    book.active.append(["1", "开展集体备课", "2026年12月底前", "教务处"])
    book.save(tmp_path / "任务清单.xlsx")
    results = []
    run_apply(window, preview_tasks(tmp_path / "任务清单.xlsx"), on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    box = wait_for_box(qtbot, "自动备份失败")
    assert "记录已保存" in box.text()
    assert not any(b.windowTitle() == "程序错误" for b in message_boxes())
    assert results[0].added == 1 and Task.live().where(Task.measure == "开展集体备课").count() == 1
    box.close()
