"""After an export the window offers 打开文件 / 打开所在文件夹 / 关闭 (and 打印预览 for a PDF); 打印预览 from a tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.pdf import ArchiveSelection
from bangfu_desktop.gui.archive_actions import offer_open, preview_records, run_archive_export, throttled
from bangfu_desktop.gui.excel_actions import report_written, run_ledger_export
from bangfu_desktop.gui.print_preview import PrintPreviewDialog

from gui_helpers import open_tab, settle, when_dialog_opens


@pytest.fixture
def opened(monkeypatch):
    """The URLs the program asks the system to open (Qt's QDesktopServices.openUrl replaced)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def press(box: QMessageBox, text: str) -> None:
    """Click the message box button that reads ``text``."""
    next(b for b in box.buttons() if b.text() == text).click()


def test_excel_export_offers_file_and_folder(demo_store, qtbot, tmp_path, opened):
    """A 台账 written from the window: 打开文件 opens the workbook, 打开所在文件夹 its folder, 关闭 nothing."""
    parent = QWidget()
    qtbot.addWidget(parent)
    kind = next(iter(LEDGERS))
    written = []
    run_ledger_export(parent, kind, str(tmp_path / "台账.xlsx"), on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    path = Path(written[0])
    assert path.exists()
    seen = {}

    def check(box):
        seen["buttons"] = [b.text() for b in box.buttons()]
        press(box, "打开文件")

    when_dialog_opens(qtbot, lambda: report_written(parent, path), check)
    assert sorted(seen["buttons"]) == sorted(["打开文件", "打开所在文件夹", "关闭"])
    assert opened == [QUrl.fromLocalFile(str(path))]
    when_dialog_opens(qtbot, lambda: report_written(parent, path), lambda box: press(box, "打开所在文件夹"))
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))
    when_dialog_opens(qtbot, lambda: report_written(parent, path), lambda box: press(box, "关闭"))
    assert len(opened) == 2


def test_pdf_export_offers_preview(demo_store, qtbot, tmp_path, opened):
    """A PDF written from the window: the message also offers 打印预览, which shows that file."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dest = tmp_path / "听课记录表.pdf"
    reports = []
    run_archive_export(parent, ArchiveSelection(kinds=("observations",)), str(dest), cover=False,
                       on_done=reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=60000)
    seen = {}

    def check(box):
        seen["buttons"] = [b.text() for b in box.buttons()]
        press(box, "打印预览")

    when_dialog_opens(qtbot, lambda: offer_open(parent, "导出完成", reports[0].summary(), dest, preview=True), check)
    assert sorted(seen["buttons"]) == sorted(["打印预览", "打开文件", "打开所在文件夹", "关闭"])
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]
    assert len(previews) == 1 and previews[0].pdf_path == dest
    assert previews[0].page_count == len(PdfReader(dest).pages)
    previews[0].reject()
    assert dest.exists()  # the clerk's own file stays when the preview closes
    assert opened == []


def test_tab_preview_shows_the_selected_records_and_cleans_up(demo_store, qtbot):
    """听课记录's 打印预览: the selected records' pages in the preview; closing it removes the temporary PDF."""
    from bangfu_desktop.gui.tabs.observations import ObservationsTab

    tab = open_tab(qtbot, ObservationsTab)
    page = getattr(tab, "observations", tab)
    assert page.preview_action.text() == "打印预览"
    page.view.selectRow(0)
    preview_records(page, page.archive_kind)
    qtbot.waitUntil(lambda: any(isinstance(w, PrintPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=60000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible())
    path = dialog.pdf_path
    assert path.exists() and dialog.page_count == len(PdfReader(path).pages) >= 1
    dialog.reject()
    settle(qtbot)
    assert not path.exists() and not path.parent.exists()


def test_progress_reaches_the_window_at_most_every_100_ms():
    """A thousand progress steps in a burst become one or two updates, the last always included."""
    seen = []
    report = throttled(lambda done, total: seen.append(done), 0.1)
    for done in range(1, 1001):
        report(done, 1000)
    assert seen[-1] == 1000 and len(seen) <= 3
