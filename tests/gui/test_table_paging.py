"""The paging tables in the real window: sort, filter, refresh, selection, typing, pinyin, WPS habits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Activity, Teacher, Unit
from bangfu_desktop.core.pinyin import sort_key
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.tabs.activities import ActivityList
from bangfu_desktop.gui.tabs.teachers import TeachersTab
from bangfu_desktop.gui.bus import bus

from gui_helpers import open_tab, settle, until_loaded, when_dialog_opens
from table_data import fill


@pytest.fixture
def big(store):
    """2,000 records of every big table."""
    fill(2000)
    return store


@pytest.fixture
def activities(big, qtbot):
    tab = open_tab(qtbot, ActivityList)
    yield tab
    settle(qtbot, rounds=2)


def shown(tab, field: str, rows=None) -> list:
    rows = range(tab.model.rowCount()) if rows is None else rows
    return [getattr(tab.model.row_at(r), field) for r in rows]


def test_opening_fetches_only_a_page(activities):
    """2,000 ids are known, but only the first page of rows is in the cache."""
    assert activities.model.rowCount() == 2000
    assert len(activities.model.cache) <= 200
    assert activities.count_label.text() == "显示 2000 / 共 2000 条"


def test_rows_after_sort_are_the_query_order(activities, qtbot):
    """Sorting by 主题 shows every row in title order, also far below the first page."""
    column = [c.index for c in activities.columns].index("title")
    until_loaded(qtbot, activities, lambda: activities.view.sortByColumn(column, Qt.AscendingOrder))
    titles = shown(activities, "title")
    assert titles == sorted(t for (t,) in Activity.select(Activity.title).tuples())
    until_loaded(qtbot, activities, lambda: activities.view.sortByColumn(column, Qt.DescendingOrder))
    assert shown(activities, "title", range(50)) == sorted(titles, reverse=True)[:50]
    assert len(activities.model.cache) <= 3 * 200 + 200


def test_rows_after_filter_and_search(activities, qtbot):
    """The 类型 filter and a typed word narrow the rows in the query; the count says so."""
    combo = activities.findChild(type(activities.filter_combos[0]), "filter_类型")
    until_loaded(qtbot, activities, lambda: combo.setCurrentIndex(combo.findData("座谈会")))
    expected = Activity.select().where(Activity.type == "座谈会").count()
    assert activities.model.rowCount() == expected > 0
    assert set(shown(activities, "type")) == {"座谈会"}
    until_loaded(qtbot, activities, lambda: activities.search.setText("数学教研"))
    both = Activity.select().where((Activity.type == "座谈会") & Activity.title.contains("数学教研")).count()
    assert activities.model.rowCount() == both
    assert all("数学教研" in t for t in shown(activities, "title"))
    assert activities.count_label.text() == f"显示 {both} / 共 2000 条"


def test_refresh_shows_a_new_record_and_keeps_the_selection(activities, qtbot):
    """After another record is saved, the list reloads with it; the two selected rows stay selected."""
    picked = [activities.model.id_at(3), activities.model.id_at(7)]
    selection = activities.view.selectionModel()
    for row in (3, 7):
        selection.select(activities.model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert activities.selected_ids() == picked
    new = records.save(Activity(type="座谈会", title="全新的一次座谈会", date="2099-01-01"))
    until_loaded(qtbot, activities, lambda: bus.changed.emit("activity"))
    assert activities.model.rowCount() == 2001
    assert activities.model.id_at(0) == new.id  # newest first
    assert sorted(activities.selected_ids()) == sorted(picked)


def test_keystroke_while_a_query_runs_is_not_lost(activities, qtbot):
    """A query is under way when the next character arrives: its result is dropped, the newer one shown."""
    shown_counts = []
    activities.loaded.connect(shown_counts.append)
    activities.search.setText("第1")
    activities.reload()  # the query for "第1" is now running; its result cannot arrive before we return
    activities.search.setText("第1次数学")
    assert activities._search_timer.isActive()  # debounced: nothing runs per keystroke on the GUI thread
    qtbot.waitUntil(lambda: not activities._search_timer.isActive(), timeout=2000)
    settle(qtbot)
    expected = Activity.select().where(Activity.title.contains("第1次数学")).count()
    assert expected < Activity.select().where(Activity.title.contains("第1")).count()
    assert shown_counts == [expected]  # the superseded result was never shown
    assert activities.model.rowCount() == expected
    assert all("第1次数学" in t for t in shown(activities, "title"))


@pytest.fixture
def teachers(store, qtbot):
    unit = records.save(Unit(name="沿河第一中学", is_self=True))
    for name in ("周杰", "刘芳", "吴静", "曾强", "安然", "张伟"):
        records.save(Teacher(name=name, unit=unit, subject="语文"))
    tab = open_tab(qtbot, TeachersTab)
    yield tab
    settle(qtbot, rounds=2)


def test_name_column_sorts_by_pinyin(teachers, qtbot):
    """Clicking 姓名 orders 安 刘 吴 张 曾 周 as a dictionary does, not by code point."""
    until_loaded(qtbot, teachers, lambda: teachers.view.sortByColumn(0, Qt.AscendingOrder))
    names = shown(teachers, "name")
    assert names == ["安然", "刘芳", "吴静", "曾强", "张伟", "周杰"]
    assert names == sorted(names, key=lambda n: sort_key(n, True))
    assert names != sorted(names)


@pytest.mark.parametrize("typed", ["zj", "zhoujie", "周杰"])
def test_pinyin_search_finds_the_teacher(teachers, qtbot, typed):
    """Initials, full pinyin or the characters find 周杰."""
    until_loaded(qtbot, teachers, lambda: teachers.search.setText(typed))
    assert shown(teachers, "name") == ["周杰"]


def test_ctrl_c_copies_selected_rows_with_headers(teachers, qtbot):
    """Ctrl+C puts the selected rows, headers first, on the clipboard as tab-separated lines."""
    until_loaded(qtbot, teachers, lambda: teachers.view.sortByColumn(0, Qt.AscendingOrder))
    view = teachers.view
    view.setFocus()
    view.selectRow(0)
    view.selectionModel().select(teachers.model.index(1, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    qtbot.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["姓名", "性别", "单位", "学科"]
    assert [line.split("\t")[0] for line in lines[1:]] == ["安然", "刘芳"]
    assert lines[1].split("\t")[2:4] == ["沿河第一中学", "语文"]
    assert len(lines[1].split("\t")) == len(lines[0].split("\t")) == len(teachers.columns)


def test_enter_opens_the_record(teachers, qtbot):
    """Enter on a row opens that teacher's form."""
    teachers.view.setFocus()
    teachers.view.selectRow(0)
    name = teachers.model.row_at(0).name
    seen = {}

    def look(dialog):
        seen["name"] = dialog.findChild(type(teachers.search), "field_name").text()
        dialog.reject()

    when_dialog_opens(qtbot, lambda: qtbot.keyClick(teachers.view, Qt.Key_Return), look)
    assert seen["name"] == name


def test_column_widths_order_and_sort_survive_reopening_the_window(demo_store, qtbot):
    """Widths, a moved column and the sort set in one window come back in the next one."""
    first = MainWindow(demo_store)
    qtbot.addWidget(first)
    tab = first.pages["teachers"]
    settle(qtbot)
    tab.view.setColumnWidth(2, 333)
    tab.view.horizontalHeader().moveSection(3, 0)
    until_loaded(qtbot, tab, lambda: tab.view.sortByColumn(0, Qt.DescendingOrder))
    first.close()
    settle(qtbot)
    second = MainWindow(demo_store)
    qtbot.addWidget(second)
    again = second.pages["teachers"]
    settle(qtbot)
    header = again.view.horizontalHeader()
    assert again.view.columnWidth(2) == 333
    assert header.logicalIndex(0) == 3
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.DescendingOrder)
    names = shown(again, "name", range(again.model.rowCount()))
    assert names == sorted(names, key=lambda n: sort_key(n, True), reverse=True)
    second.close()


def test_a_column_change_is_written_once_it_settles_or_when_the_window_closes(demo_store, qtbot):
    """A burst of width changes is written once, after it pauses; one made just before closing is not lost."""
    from bangfu_desktop.gui.settings_store import qsettings

    first = MainWindow(demo_store)
    qtbot.addWidget(first)
    view = first.pages["teachers"].view
    settle(qtbot)
    for width in (150, 160, 170):
        view.setColumnWidth(2, width)
    assert qsettings().value(view.settings_key) != view.horizontalHeader().saveState()  # not yet
    qtbot.waitUntil(lambda: qsettings().value(view.settings_key) == view.horizontalHeader().saveState(),
                    timeout=3000)
    view.setColumnWidth(2, 321)
    first.close()  # at once: no event runs in between
    assert qsettings().value(view.settings_key) == view.horizontalHeader().saveState()


def test_dialogs_remember_their_size(teachers, qtbot):
    """A form resized by the clerk opens at that size next time."""

    def resize(dialog):
        dialog.resize(777, 555)
        dialog.reject()

    when_dialog_opens(qtbot, teachers.add_record, resize)
    sizes = {}

    def measure(dialog):
        sizes["size"] = (dialog.width(), dialog.height())
        dialog.reject()

    when_dialog_opens(qtbot, teachers.add_record, measure)
    assert sizes["size"] == (777, 555)
    assert isinstance(QApplication.activeModalWidget(), (QDialog, type(None)))


def test_each_tab_load_costs_the_same_queries_for_100_and_2000_records(tmp_path, qtbot):
    """A whole tab load (summaries, filter options, ids, total, one page) does not grow with the data."""
    from playhouse.test_utils import count_queries

    from bangfu_desktop.core import database
    from bangfu_desktop.gui.tabs.activities import ActivityList
    from bangfu_desktop.gui.tabs.observations import ObservationsTab
    from bangfu_desktop.gui.tabs.pairings import PairingsTab
    from bangfu_desktop.gui.tabs.rotations import RotationsTab
    from bangfu_desktop.gui.tabs.tasks import TasksTab

    classes = (ActivityList, ObservationsTab, TeachersTab, PairingsTab, RotationsTab, TasksTab)
    counts = {}
    for n in (100, 2000):
        store = database.open_database(tmp_path / f"{n}.sqlite3")
        try:
            fill(n)
            counts[n] = {}
            for cls in classes:
                tab = cls()
                qtbot.addWidget(tab)
                with count_queries() as counter:
                    page = tab.fetch_page(tab.current_query())
                assert len(page.ids) == n and page.rows
                counts[n][cls.__name__] = counter.count
        finally:
            store.close()
    assert counts[100] == counts[2000], counts
