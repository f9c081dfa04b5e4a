"""报送 from the window: the clerk picks the round, the draft carries the package and the round's workbooks."""

import datetime as dt
import email

from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from bangfu_desktop.core import database, settings
from bangfu_desktop.core.exchange import importer, rounds
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs
from bangfu_desktop.gui.tabs.bureau import submit_package

from exchange_helpers import SCHOOLS, make_bureau, make_school, opened
from gui_helpers import settle

YEARLY = "2026年度帮扶工作总结"


def test_submit_from_the_window_attaches_package_and_workbook(tmp_path, qtbot):
    """Choose the round in the dialog; the .eml draft in the outbox holds the .bfpkg and the 活动台账."""
    school = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    office = make_bureau(tmp_path / "j" / "j.sqlite3")
    with opened(office):
        rounds.define_round(YEARLY, "2026", dt.date(2026, 12, 5), ["活动台账"])
        rounds.write_notice(tmp_path / "notice.bfpkg")
    with opened(school):
        importer.apply_import(importer.plan_import(tmp_path / "notice.bfpkg"))
    store = database.open_database(school, backup_on_open=False)
    settings.put("outbox.dir", str(tmp_path / "outbox"))
    settings.put("bureau.email", "jyj@example.cn")
    win = MainWindow(store)
    qtbot.addWidget(win)
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            seen["items"] = dialog.comboBoxItems()
            dialog.setTextValue(YEARLY)
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            seen["message"] = dialog.text()
            dialog.accept()

    try:
        timer = qtbot_timer(answer)
        submit_package(win)
        qtbot.waitUntil(lambda: "message" in seen, timeout=30000)
        timer.stop()
        settle(qtbot)
    finally:
        win.close()
        wait_for_jobs()
        store.close()
    assert seen["items"] == [YEARLY, "（不针对具体批次）"]
    assert "邮件草稿" in seen["message"]
    [draft] = (tmp_path / "outbox").glob("*.eml")
    parsed = email.message_from_bytes(draft.read_bytes())
    names = sorted(p.get_filename() for p in parsed.walk() if p.get_filename())
    day = dt.date.today().strftime("%Y%m%d")
    assert names == sorted([f"{SCHOOLS[0]}_数据包_{day}.bfpkg", f"{SCHOOLS[0]}_活动台账_{day}.xlsx"])
    for part in parsed.walk():
        if part.get_filename():
            assert part.get_payload(decode=True) == (tmp_path / "outbox" / part.get_filename()).read_bytes()


def qtbot_timer(callback):
    """A timer that answers whatever modal dialog is open, every 30 ms."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(callback)
    timer.start(30)
    return timer
