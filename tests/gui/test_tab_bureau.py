"""The 汇总 tab: shown for a bureau, with the grid and rates; a school's window has only the 报送 menu."""

import datetime as dt

import pytest

from bangfu_desktop.core import database
from bangfu_desktop.core.exchange import importer, rounds
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from exchange_helpers import MISSING_SCHOOL, SCHOOLS, make_bureau, make_school, opened
from gui_helpers import settle


@pytest.fixture
def county(tmp_path):
    school = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    office = make_bureau(tmp_path / "j" / "j.sqlite3")
    with opened(office):
        rounds.define_round("2026年度帮扶工作总结", "2026", dt.date(2026, 12, 5))
        rounds.write_notice(tmp_path / "notice.bfpkg")
    with opened(school):
        importer.apply_import(importer.plan_import(tmp_path / "notice.bfpkg"))
        export_package(tmp_path / "p.bfpkg", round_name="2026年度帮扶工作总结",
                       made_at=dt.datetime(2026, 12, 7, 9, 0))
    with opened(office):
        importer.apply_import(importer.plan_import(tmp_path / "p.bfpkg"))
    return school, office


def _window(qtbot, path):
    store = database.open_database(path, backup_on_open=False)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1200, 600)
    win.show()
    settle(qtbot)
    return store, win


def test_bureau_window_shows_the_grid(county, qtbot, tmp_path):
    """The bureau's window has 汇总 beside 概览: 逾期报送（2天） for the school, 未报送 for the others, 25 %."""
    _, office = county
    store, win = _window(qtbot, office)
    try:
        assert win.tabs.tabText(1) == "汇总"
        page = win.pages["bureau"]
        model = page.view.model()
        cells = {model.data(model.index(r, 0)): model.data(model.index(r, 1)) for r in range(model.rowCount())}
        assert cells[SCHOOLS[0]] == "逾期报送（2天）"
        assert cells[MISSING_SCHOOL] == "未报送"
        assert "报送率 25%" in page.rates.text() and "及时率 0%" in page.rates.text()
        win.tabs.setCurrentIndex(1)
        qtbot.wait(50)
        win.grab().save(str(tmp_path / "bureau.png"))
    finally:
        win.close()
        wait_for_jobs()
        store.close()


def test_school_window_has_no_bureau_tab(county, qtbot):
    """A school sees no 汇总 tab, but the 报送 menu before 帮助."""
    school, _ = county
    store, win = _window(qtbot, school)
    try:
        assert "bureau" not in win.pages
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[-2:] == ["报送(&S)", "帮助(&H)"]
    finally:
        win.close()
        wait_for_jobs()
        store.close()


def test_school_sees_its_round_under_baosong(county):
    """The 报送 menu's round list names the bureau's round, its deadline and that the package went out."""
    from bangfu_desktop.gui.tabs.bureau import rounds_text

    school, _ = county
    with opened(school):
        text = rounds_text()
    assert "2026年度帮扶工作总结：截止 2026-12-05" in text and "已报送" in text
