"""The window makes the print copies a 数据包 or a restore left missing, in the background, after its tabs load."""

from __future__ import annotations

import datetime as dt

from PIL import Image

from bangfu_desktop.core import records
from bangfu_desktop.core.attachments import add_attachment
from bangfu_desktop.core.models import Activity
from bangfu_desktop.core.pdf import print_copies
from bangfu_desktop.core.pdf.photos import cache_dir
from bangfu_desktop.gui import main_window
from bangfu_desktop.gui.main_window import MainWindow

from gui_helpers import settle


def test_the_window_warms_missing_print_copies(store, qtbot, tmp_path, monkeypatch):
    record = records.save(Activity(type="示范课", title="示范课活动", date=dt.date(2025, 10, 9)))
    for index in range(2):
        path = tmp_path / f"现场{index}.jpg"
        Image.new("RGB", (2400, 1800), (90 * index, 120, 60)).save(path, "JPEG", quality=90)
        add_attachment(record, path)
    for copy in cache_dir().iterdir():
        copy.unlink()
    assert len(print_copies.missing()) == 2
    monkeypatch.setattr(main_window, "PRINT_COPIES_DELAY_MS", 50)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    qtbot.waitUntil(lambda: window._print_copies is not None, timeout=10000)
    window._print_copies.join(20)
    assert print_copies.missing() == []
    window.close()
