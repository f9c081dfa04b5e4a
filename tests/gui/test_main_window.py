"""The real window on demo data: every tab shows its rows; add, edit, delete and undo through real dialogs."""

import datetime as dt

import pytest

from bangfu_desktop.core.models import Activity, Pairing, Task
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, error_text, press_save, settle, when_dialog_opens, until_loaded


@pytest.fixture
def window(demo_store, qtbot):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    yield win
    win.close()
    wait_for_jobs()


def test_title_and_status_bar(window, demo_store):
    """The title names 本单位; the status bar shows the database and the last backup."""
    assert window.windowTitle() == "帮扶台账 — 沿河土家族自治县中等职业学校"
    assert str(demo_store.path) in window.db_label.text()
    assert window.backup_label.text()


def test_every_tab_shows_demo_rows(window):
    """Each record tab lists the demo records."""
    pages = window.pages
    assert pages["tasks"].model.rowCount() == Task.live().count() > 0
    assert pages["pairings"].model.rowCount() == Pairing.live().count() > 0
    assert pages["activities"].activities.model.rowCount() == Activity.live().count() > 0
    assert pages["activities"].observations.model.rowCount() > 0
    assert pages["overview"].stack.currentWidget() is pages["overview"].dashboard
    for name in ("rotations", "teachers"):
        page = pages[name]
        if hasattr(page, "model"):
            assert page.model.rowCount() > 0, name


def test_search_filters_as_you_type(window, qtbot):
    """Typing in the search box narrows the tasks to those containing the words."""
    tab = window.show_page("tasks")
    total = tab.model.rowCount()
    until_loaded(qtbot, tab, lambda: tab.search.setText("双培养"))
    assert 0 < tab.model.rowCount() < total
    assert all("双培养" in tab.model.row_at(r)[3] for r in range(tab.model.rowCount()))
    assert tab.count_label.text() == f"显示 {tab.model.rowCount()} / 共 {total} 条"
    until_loaded(qtbot, tab, tab.search.clear)
    assert tab.model.rowCount() == total


def test_sort_by_column(window, qtbot):
    """Clicking a header sorts by that column."""
    tab = window.show_page("activities").activities
    until_loaded(qtbot, tab, lambda: tab.view.sortByColumn(0, __import__("PySide6.QtCore").QtCore.Qt.AscendingOrder))
    dates = [str(tab.model.row_at(r)[1]) for r in range(tab.model.rowCount())]
    assert dates == sorted(dates)


def test_add_edit_delete_undo_task(window, qtbot):
    """A task added through the form shows with its parsed deadline; deleting then Ctrl+Z brings it back."""
    tab = window.show_page("tasks")
    before = tab.model.rowCount()

    def fill(dialog):
        editor(dialog, "code").setText("9.9")
        editor(dialog, "measure").setPlainText("组织新教师跟岗学习")
        editor(dialog, "deadline_text").setText("2030年6月底前，并长期坚持")
        help_text = dialog.findChild(__import__("PySide6.QtWidgets").QtWidgets.QLabel, "help_deadline_text").text()
        assert "截止 2030-06-30" in help_text and "长期坚持" in help_text
        press_save(dialog)

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    settle(qtbot)
    assert tab.model.rowCount() == before + 1
    task = Task.get(Task.code == "9.9")
    assert task.due_date == dt.date(2030, 6, 30) and task.ongoing

    assert tab.select_id(task.id)

    def edit(dialog):
        editor(dialog, "progress").setPlainText("已安排 5 名教师")
        press_save(dialog)

    when_dialog_opens(qtbot, tab.edit_action.trigger, edit)
    settle(qtbot)
    assert Task.get_by_id(task.id).progress == "已安排 5 名教师"

    tab.select_id(task.id)
    tab.delete_action.trigger()
    settle(qtbot)
    assert tab.model.rowCount() == before
    assert Task.get_by_id(task.id).deleted_at is not None
    window.undo_action.trigger()
    settle(qtbot)
    assert tab.model.rowCount() == before + 1
    assert Task.get_by_id(task.id).deleted_at is None


def test_add_activity_with_participants(window, qtbot):
    """An activity added through its form keeps its participants; delete and undo work."""
    tab = window.show_page("activities").activities
    before = tab.model.rowCount()

    def fill(dialog):
        editor(dialog, "type").setEditText("同课异构")
        editor(dialog, "title").setText("语文同课异构（测试）")
        editor(dialog, "date").line.setText("2026年11月20日")
        picker = dialog.participants
        picker.set_checked([v for _, v in picker.model.items[:2]])
        press_save(dialog)

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    settle(qtbot)
    assert tab.model.rowCount() == before + 1
    activity = Activity.get(Activity.title == "语文同课异构（测试）")
    assert activity.date == dt.date(2026, 11, 20)
    assert activity.participants.count() == 2
    tab.select_id(activity.id)
    tab.delete_action.trigger()
    settle(qtbot)
    assert tab.model.rowCount() == before
    window.undo_action.trigger()
    settle(qtbot)
    assert tab.model.rowCount() == before + 1


def test_bad_date_is_refused_with_message(window, qtbot):
    """2023年13月1日 is not saved; the message says the month does not exist."""
    tab = window.show_page("activities").activities

    def fill(dialog):
        editor(dialog, "type").setEditText("座谈会")
        editor(dialog, "title").setText("座谈会")
        editor(dialog, "date").line.setText("2023年13月1日")
        press_save(dialog)
        assert dialog.isVisible()
        assert "月份 13 不存在" in error_text(dialog, "date")
        dialog.reject()

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)


def test_pairing_end_before_start_is_refused(window, qtbot):
    """A pairing ending before it starts stays in the form with the message beside 结束日期."""
    tab = window.show_page("pairings")
    before = Pairing.select().count()

    def fill(dialog):
        mentor, apprentice = editor(dialog, "mentor_id"), editor(dialog, "apprentice_id")
        mentor.setCurrentIndex(0)
        apprentice.setCurrentIndex(1)
        editor(dialog, "start_date").line.setText("2024-09-01")
        editor(dialog, "end_date").line.setText("2024-08-01")
        press_save(dialog)
        assert "早于开始日期" in error_text(dialog, "end_date")
        editor(dialog, "end_date").line.setText("2025-07-01")
        press_save(dialog)

    when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    settle(qtbot)
    assert Pairing.select().count() == before + 1


def test_mentor_loads_flag_helpers_below_three(window):
    """The pairings tab names the helpers with fewer than 3 apprentices."""
    text = window.pages["pairings"].load_label.text()
    assert "不足 3 名" in text and "⚠" in text


def test_recycle_bin_restores(window, qtbot):
    """A deleted pairing appears in the 回收站 and comes back from it."""
    from bangfu_desktop.gui.dialogs.recycle_bin import RecycleBinDialog
    tab = window.show_page("pairings")
    record_id = tab.model.id_at(0)
    tab.select_id(record_id)
    tab.delete_action.trigger()
    settle(qtbot)
    dialog = RecycleBinDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.view.selectRow(0)
    dialog.restore_button.click()
    settle(qtbot)
    assert dialog.model.rowCount() == 0
    assert Pairing.get_by_id(record_id).deleted_at is None


def test_window_remembers_size_and_tab(demo_store, qtbot):
    """Closing and reopening keeps the size and the last tab."""
    first = MainWindow(demo_store)
    qtbot.addWidget(first)
    first.resize(760, 560)  # within the offscreen screen (800×600)
    first.show_page("pairings")
    first.close()
    wait_for_jobs()
    second = MainWindow(demo_store)
    qtbot.addWidget(second)
    assert second.tabs.currentWidget().objectName() == "pairings"
    assert (second.width(), second.height()) == (760, 560)
    second.close()
    wait_for_jobs()


def test_a_window_closed_at_once_leaves_no_timer_behind(demo_store, qtbot):
    """Closed and deleted before its first loads end, the window's fallback timers never call into it."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from bangfu_desktop.gui.settings_store import qsettings

    for first in ("activities", "overview"):
        qsettings().setValue("main/tab", first)
        win = MainWindow(demo_store)
        win.show()
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    wait_for_jobs()
    qtbot.wait(3500)  # past the 3 s fallbacks: pytest-qt fails the test on an exception in a slot
