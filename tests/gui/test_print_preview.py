"""打印预览: a PDF we wrote shown page by page, zoomed, printed into a QPrinter (a PDF file here)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from bangfu_desktop.gui.operations import wait_for_jobs
from bangfu_desktop.gui.print_preview import FIT_PAGE, FIT_WIDTH, PrintPreviewDialog, chosen_pages


@pytest.fixture
def observations_pdf(demo_store, tmp_path):
    """The demo's 听课记录表, one per page, written as the window writes them."""
    report = export_archive(tmp_path / "听课记录表.pdf", ArchiveSelection(kinds=("observations",)), cover=False)
    assert report.pages >= 4
    return report.path


def open_preview(qtbot, path) -> PrintPreviewDialog:
    """The preview of ``path`` shown at a realistic size, its first page rendered."""
    dialog = PrintPreviewDialog(path)
    qtbot.addWidget(dialog)
    dialog.resize(900, 900)
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        dialog.show()
        dialog.set_zoom(FIT_WIDTH)
    return dialog


def shown_image(dialog):
    """What the clerk sees of the page now."""
    return dialog.image.pixmap().toImage()


def test_opens_on_page_one_of_all(qtbot, observations_pdf):
    """The preview starts at page 1 and counts the pages the PDF has."""
    pages = len(PdfReader(observations_pdf).pages)
    dialog = open_preview(qtbot, observations_pdf)
    assert dialog.page_spin.text() == "第 1 页"
    assert dialog.page_label.text().strip() == f"/ 共 {pages} 页"
    assert dialog.page_text() == f"第 1 页 / 共 {pages} 页"
    assert not dialog.image.pixmap().isNull()
    assert not dialog.previous_action.isEnabled() and dialog.next_action.isEnabled()


def test_next_page_changes_label_and_image(qtbot, observations_pdf):
    """下一页 shows page 2 with another picture; PgDn/PgUp and 末页/首页 move the same way."""
    dialog = open_preview(qtbot, observations_pdf)
    first = shown_image(dialog)
    with qtbot.waitSignal(dialog.page_shown, timeout=10000) as shown:
        dialog.next_action.trigger()
    assert shown.args == [1]
    assert dialog.page_spin.text() == "第 2 页"
    assert shown_image(dialog) != first
    with qtbot.waitSignal(dialog.page_shown, timeout=10000) as shown:
        qtbot.keyClick(dialog.scroll.viewport(), Qt.Key_PageDown)
    assert dialog.page == 2 and dialog.page_spin.text() == "第 3 页"
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        qtbot.keyClick(dialog.scroll.viewport(), Qt.Key_PageUp)
    assert dialog.page == 1
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        dialog.last_action.trigger()
    assert dialog.page == dialog.page_count - 1 and not dialog.next_action.isEnabled()
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        dialog.first_action.trigger()
    assert dialog.page == 0 and shown_image(dialog) == first


def test_zoom_changes_image_size(qtbot, observations_pdf):
    """放大 makes the page bigger, 缩小 smaller, 适合页面 fits it whole; Ctrl+wheel zooms too."""
    dialog = open_preview(qtbot, observations_pdf)
    fit_width = dialog.image.pixmap().size()
    assert abs(fit_width.width() - dialog.scroll.viewport().width()) < 80  # the page fills the width
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        dialog.zoom_in_action.trigger()
    bigger = dialog.image.pixmap().size()
    assert bigger.width() > fit_width.width() and bigger.height() > fit_width.height()
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        dialog.set_zoom(FIT_PAGE)
    whole = dialog.image.pixmap().size()
    assert whole.height() <= dialog.scroll.viewport().height() and whole.width() < fit_width.width()
    before = dialog.zoom_factor()
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, -120), Qt.NoButton,
                        Qt.ControlModifier, Qt.NoScrollPhase, False)
    with qtbot.waitSignal(dialog.page_shown, timeout=10000):
        QApplication.sendEvent(dialog.scroll.viewport(), wheel)
    assert dialog.zoom_factor() < before
    assert dialog.image.pixmap().width() < whole.width()
    assert dialog.zoom_label.text() == f"{dialog.zoom_factor() * 100:.0f}%"


def test_printing_into_a_pdf_printer_honours_the_range(qtbot, observations_pdf, tmp_path):
    """Pages 2–3 chosen in the print dialog: the printer's output has exactly those two A4 pages."""
    dialog = open_preview(qtbot, observations_pdf)
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "打印输出.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PageRange)
    printer.setFromTo(2, 3)
    pages = chosen_pages(printer, dialog.page_count, dialog.page)
    assert pages == [1, 2]
    printed = []
    dialog.print_to(printer, pages, on_done=printed.append)
    qtbot.waitUntil(lambda: bool(printed), timeout=60000)
    assert printed == [2]
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3
    printer.setPrintRange(QPrinter.AllPages)
    assert chosen_pages(printer, dialog.page_count, 3) == list(range(dialog.page_count))
    printer.setPrintRange(QPrinter.CurrentPage)
    assert chosen_pages(printer, dialog.page_count, 3) == [3]


def test_printed_page_shows_the_rendered_page(qtbot, observations_pdf, tmp_path):
    """What reaches the printer is the page itself: the printed PDF renders like the original."""
    from bangfu_desktop.gui.print_preview import open_pdf, render_page

    dialog = open_preview(qtbot, observations_pdf)
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "一页.pdf"
    printer.setOutputFileName(str(out))
    done = []
    dialog.print_to(printer, [0], on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    printed = render_page(open_pdf(out), 0, 2)
    differences = [_difference(render_page(dialog.document, i, 2), printed) for i in range(dialog.page_count)]
    # The copy is the first page: closer to it than to any other (the 听课记录表 share one layout).
    assert differences[0] == min(differences) and differences[0] < 0.1, differences


def _difference(a, b) -> float:
    """How unlike two renderings are: the ink of each pixel row compared (0 = the same).

    Profiles, not pixels: the printer's copy is a JPEG-compressed image, so single pixels differ.
    """
    def rows(image):
        grey = image.convertToFormat(QImage.Format_Grayscale8)
        data, stride, width = bytes(grey.constBits()), grey.bytesPerLine(), grey.width()
        return [width * 255 - sum(data[y * stride:y * stride + width]) for y in range(grey.height())]
    ra, rb = rows(a), rows(b)
    return sum(abs(x - y) for x, y in zip(ra, rb)) / (sum(ra) or 1)


def test_the_dialog_remembers_its_size(qtbot, observations_pdf):
    """Resized and closed, the preview opens again at that size."""
    dialog = open_preview(qtbot, observations_pdf)
    dialog.resize(700, 640)
    dialog.reject()
    again = PrintPreviewDialog(observations_pdf)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (700, 640)
    again.reject()


def test_a_binder_of_many_pages_opens_at_once(qtbot, demo_store, tmp_path):
    """The whole binder opens without rendering every page first: only the page shown is drawn."""
    import time

    report = export_archive(tmp_path / "年度档案.pdf", ArchiveSelection(), cover=True)
    began = time.perf_counter()
    dialog = open_preview(qtbot, report.path)
    assert time.perf_counter() - began < 5
    assert dialog.page_count == report.pages == len(PdfReader(report.path).pages)
    dialog.reject()
    wait_for_jobs()


def test_print_through_qt_print_dialog(qtbot, observations_pdf, tmp_path):
    """打印… opens Qt's print dialog; pages 2 to 4 chosen there and printed to its PDF file: three pages."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QLineEdit, QRadioButton, QSpinBox

    from gui_helpers import when_dialog_opens

    dialog = open_preview(qtbot, observations_pdf)
    out = tmp_path / "选页.pdf"

    def answer(print_dialog):
        assert isinstance(print_dialog, QPrintDialog)
        print_dialog.findChild(QLineEdit, "filename").setText(str(out))
        assert print_dialog.findChild(QSpinBox, "to").maximum() == dialog.page_count
        print_dialog.findChild(QRadioButton, "printRange").setChecked(True)
        print_dialog.findChild(QSpinBox, "to").setValue(4)
        print_dialog.findChild(QSpinBox, "from").setValue(2)
        print_dialog.accept()

    with qtbot.waitSignal(dialog.printed, timeout=120000) as printed:
        when_dialog_opens(qtbot, dialog.print_document, answer)
    assert printed.args == [3]
    assert len(PdfReader(out).pages) == 3
