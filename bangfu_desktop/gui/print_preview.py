"""打印预览: the pages of a PDF we wrote, shown in the window, then printed through Qt's print dialog.

pypdfium2 renders one page at a time in a private one-thread pool, so a 600-page
binder opens at once and the GUI thread never waits on pdfium. pdfium is not
thread-safe: every call into it holds ``PDFIUM_LOCK``. Printing paints each
rendered page (at the printer's resolution, at most ``MAX_PRINT_DPI``) into the
QPrinter with QPainter, in a worker through ``run_op``, honouring the page range
chosen in the print dialog.
"""

from __future__ import annotations
from .i18n import tr

import shutil
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .dialog_geometry import RememberedDialog

from .operations import run_op

# pdfium keeps global state: one call at a time, from whichever thread.
PDFIUM_LOCK = threading.Lock()
# Zoom steps (1.0 = the page at its printed size on the screen).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
FIT_WIDTH, FIT_PAGE = "width", "page"
# Printers report 600-1200 dpi; a page image beyond 300 dpi only costs memory and time.
MAX_PRINT_DPI = 300
# Grey around the page, as in a PDF reader.
BACKDROP = "#7a7a7a"


def open_pdf(path: str | Path):
    """The pypdfium2 document of ``path`` (callers hold ``PDFIUM_LOCK`` while they use it)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        return pdfium.PdfDocument(str(path))


def render_page(document, index: int, scale: float) -> QImage:
    """Page ``index`` at ``scale`` pixels per point, as a QImage that owns its memory."""
    with PDFIUM_LOCK:
        page = document[index]
        try:
            bitmap = page.render(scale=scale, prefer_bgrx=True)
            # BGRx bytes are Qt's RGB32 on little-endian machines (Windows and x86/ARM Linux).
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB32).copy()
        finally:
            page.close()
    return image


def page_sizes(document) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    with PDFIUM_LOCK:
        return [document.get_page_size(i) for i in range(len(document))]


class _RenderSignals(QObject):
    # (request number, page index, image) once a page is rendered.
    rendered = Signal(int, int, QImage)


class _RenderJob(QRunnable):
    def __init__(self, document, number: int, index: int, scale: float, signals: _RenderSignals):
        super().__init__()
        self.document, self.number, self.index, self.scale, self.signals = document, number, index, scale, signals

    def run(self) -> None:  # worker thread
        try:
            image = render_page(self.document, self.index, self.scale)
        except Exception:  # noqa: BLE001 - a page pdfium cannot draw shows as blank, the rest still works
            image = QImage()
        self.signals.rendered.emit(self.number, self.index, image)


def print_pages(document, printer: QPrinter, pages: list[int], progress=None, cancelled=None) -> int:
    """Paint ``pages`` (0-based) into ``printer``, each fitted to the paper; returns how many were printed."""
    from ..core.fileio import check_cancel

    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        from ..core.errors import BangfuError

        raise BangfuError(tr("print_preview", "无法开始打印：打印机没有响应。请检查打印机是否已连接、已开机，然后再试。"))
    try:
        for done, index in enumerate(pages):
            check_cancel(cancelled)
            if done:
                printer.newPage()
            image = render_page(document, index, dpi / 72)
            target = QRectF(painter.viewport())
            size = QSize(image.width(), image.height()).scaled(target.size().toSize(), Qt.KeepAspectRatio)
            x = target.x() + (target.width() - size.width()) / 2
            y = target.y() + (target.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), image)
            if progress is not None:
                progress(done + 1, len(pages))
    finally:
        painter.end()
    return len(pages)


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The 0-based pages the print dialog asked for: all, the range(s) typed, or the current one."""
    mode = printer.printRange()
    if mode == QPrinter.CurrentPage:
        return [current]
    if mode == QPrinter.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            wanted = [p for r in ranges.toRangeList() for p in range(r.from_, r.to + 1)]
        else:
            wanted = list(range(printer.fromPage(), printer.toPage() + 1))
        return [p - 1 for p in dict.fromkeys(wanted) if 1 <= p <= count]
    return list(range(count))


class PrintPreviewDialog(RememberedDialog):
    """A PDF's pages one at a time: navigation, zoom, 打印…, 另存为…; remembers its size."""

    # Emitted with the page index once the shown page is rendered (tests, screenshots).
    page_shown = Signal(int)
    # Emitted with the number of pages once a print job has painted them all.
    printed = Signal(int)

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None, *, title: str = "",
                 temporary: bool = False, notice: str = ""):
        super().__init__(parent)
        self.notice = notice
        self.pdf_path = Path(pdf_path)
        self.temporary = temporary  # a file written only for the preview: removed on close
        self.setWindowTitle(tr("PrintPreviewDialog", "打印预览") + (f" - {title}" if title else f" - {self.pdf_path.name}"))
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.resize(900, 1000)
        self.document = open_pdf(self.pdf_path)
        self.sizes = page_sizes(self.document)
        self.page = 0
        self.zoom_mode: str | float = FIT_WIDTH
        self._request = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _RenderSignals(self)
        self._signals.rendered.connect(self._show_image, Qt.QueuedConnection)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(80)
        self._resize_timer.timeout.connect(self._render)
        self._build()
        self.show_page(0)

    # -- building ----------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        style = self.style()
        printer_icon = QIcon.fromTheme("document-print", style.standardIcon(QStyle.SP_DialogSaveButton))
        self.print_action = bar.addAction(printer_icon, tr("PrintPreviewDialog", "打印…"),
                                          self.print_document)
        self.print_action.setShortcut(QKeySequence.Print)
        self.save_action = bar.addAction(tr("PrintPreviewDialog", "另存为 PDF…"), self.save_copy)
        bar.addSeparator()
        self.first_action = bar.addAction(style.standardIcon(QStyle.SP_MediaSkipBackward), tr("PrintPreviewDialog", "首页"),
                                          lambda: self.show_page(0))
        self.previous_action = bar.addAction(style.standardIcon(QStyle.SP_MediaSeekBackward), tr("PrintPreviewDialog", "上一页"),
                                             lambda: self.show_page(self.page - 1))
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_number")
        self.page_spin.setRange(1, max(1, len(self.sizes)))
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setPrefix(tr("PrintPreviewDialog", "第 "))
        self.page_spin.setSuffix(tr("PrintPreviewDialog", " 页"))
        self.page_spin.valueChanged.connect(lambda value: self.show_page(value - 1))
        bar.addWidget(self.page_spin)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        bar.addWidget(self.page_label)
        self.next_action = bar.addAction(style.standardIcon(QStyle.SP_MediaSeekForward), tr("PrintPreviewDialog", "下一页"),
                                         lambda: self.show_page(self.page + 1))
        self.last_action = bar.addAction(style.standardIcon(QStyle.SP_MediaSkipForward), tr("PrintPreviewDialog", "末页"),
                                         lambda: self.show_page(len(self.sizes) - 1))
        bar.addSeparator()
        self.zoom_out_action = bar.addAction(tr("PrintPreviewDialog", "缩小"), lambda: self.step_zoom(-1))
        self.zoom_out_action.setShortcut(QKeySequence.ZoomOut)
        self.zoom_in_action = bar.addAction(tr("PrintPreviewDialog", "放大"), lambda: self.step_zoom(1))
        self.zoom_in_action.setShortcut(QKeySequence.ZoomIn)
        self.fit_width_action = bar.addAction(tr("PrintPreviewDialog", "适合宽度"), lambda: self.set_zoom(FIT_WIDTH))
        self.fit_page_action = bar.addAction(tr("PrintPreviewDialog", "适合页面"), lambda: self.set_zoom(FIT_PAGE))
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        bar.addWidget(self.zoom_label)
        bar.addSeparator()
        bar.addAction(tr("PrintPreviewDialog", "关闭"), self.reject)
        layout.addWidget(bar)
        self.toolbar = bar
        if self.notice:  # warnings of the export (a missing glyph…): read before printing
            notice = QLabel(self.notice)
            notice.setObjectName("preview_notice")
            notice.setWordWrap(True)
            notice.setStyleSheet("background: #fff4c2; color: #5a4500; padding: 6px;")
            layout.addWidget(notice)

        self.image = QLabel()
        self.image.setObjectName("page_image")
        self.image.setAlignment(Qt.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignCenter)
        self.scroll.setStyleSheet(f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: {BACKDROP}; }}")
        self.scroll.viewport().installEventFilter(self)
        self.scroll.installEventFilter(self)
        layout.addWidget(self.scroll, 1)
        for keys, slot in ((QKeySequence.MoveToPreviousPage, lambda: self.show_page(self.page - 1)),
                           (QKeySequence.MoveToNextPage, lambda: self.show_page(self.page + 1)),
                           (QKeySequence.MoveToStartOfDocument, lambda: self.show_page(0)),
                           (QKeySequence.MoveToEndOfDocument, lambda: self.show_page(len(self.sizes) - 1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- navigation and zoom -------------------------------------------------------
    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        return len(self.sizes)

    def show_page(self, index: int) -> None:
        """Go to page ``index`` (0-based, clamped) and render it."""
        if not self.sizes:
            self.page_label.setText(tr("PrintPreviewDialog", "（空文档）"))
            return
        self.page = max(0, min(index, self.page_count - 1))
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self.page + 1)
        self.page_spin.blockSignals(False)
        self.page_label.setText(tr("PrintPreviewDialog", " / 共 %d 页 ") % self.page_count)
        self.first_action.setEnabled(self.page > 0)
        self.previous_action.setEnabled(self.page > 0)
        self.next_action.setEnabled(self.page < self.page_count - 1)
        self.last_action.setEnabled(self.page < self.page_count - 1)
        self._render()

    def page_text(self) -> str:
        """What the navigation shows: "第 N 页 / 共 M 页"."""
        return tr("PrintPreviewDialog", "第 %d 页 / 共 %d 页") % (self.page + 1, self.page_count)

    def set_zoom(self, mode: str | float) -> None:
        """FIT_WIDTH, FIT_PAGE or a factor (1.0 = printed size)."""
        self.zoom_mode = mode
        self._render()

    def step_zoom(self, direction: int) -> None:
        """One zoom step in (+1) or out (-1) from what is shown now."""
        now = self.zoom_factor()
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > now + 0.01]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < now - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _points_per_zoom(self) -> float:
        # Screen pixels of one PDF point at zoom 1.0 (a 96-dpi screen shows 72 pt as 96 px).
        return self.logicalDpiX() / 72

    def zoom_factor(self) -> float:
        """The zoom shown now (fit modes resolved against the visible area)."""
        if not isinstance(self.zoom_mode, str) or not self.sizes:
            return float(self.zoom_mode) if not isinstance(self.zoom_mode, str) else 1.0
        width, height = self.sizes[self.page]
        # The scroll area's inside, not its viewport: the viewport shrinks when a scroll bar
        # appears, and fitting to it would render the page again at another size.
        area = self.scroll.contentsRect()
        room_w = max(100, area.width() - 24 - self.style().pixelMetric(QStyle.PM_ScrollBarExtent))
        room_h = max(100, area.height() - 24)
        factor = room_w / (width * self._points_per_zoom())
        if self.zoom_mode == FIT_PAGE:
            factor = min(factor, room_h / (height * self._points_per_zoom()))
        return max(0.1, factor)

    def _render(self) -> None:
        if not self.sizes or self.document is None:
            return
        zoom = self.zoom_factor()
        self.zoom_label.setText(f"{zoom * 100:.0f}%")
        self.fit_width_action.setChecked(self.zoom_mode == FIT_WIDTH)
        self.fit_page_action.setChecked(self.zoom_mode == FIT_PAGE)
        self._request += 1
        self._pool.clear()  # a page asked for and then passed over is never drawn
        scale = zoom * self._points_per_zoom() * self.devicePixelRatioF()
        self._pool.start(_RenderJob(self.document, self._request, self.page, scale, self._signals))

    def _show_image(self, number: int, index: int, image: QImage) -> None:
        if number != self._request:
            return  # superseded by a later page or zoom
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(pixmap)
        self.page_shown.emit(index)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if watched is self.scroll.viewport():
            if event.type() == QEvent.Wheel and event.modifiers() & Qt.ControlModifier:
                self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
                return True
        elif watched is self.scroll and event.type() == QEvent.Resize and isinstance(self.zoom_mode, str):
            self._resize_timer.start()
        return super().eventFilter(watched, event)

    # -- print and save --------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        """A printer on A4 at high resolution with no margins added (the PDF has its own)."""
        printer = QPrinter(QPrinter.HighResolution)
        printer.setFullPage(True)
        printer.setDocName(self.pdf_path.stem)
        printer.setFromTo(1, max(1, self.page_count))
        return printer

    def print_document(self) -> None:
        """打印…: Qt's print dialog, then the chosen pages into the chosen printer."""
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("PrintPreviewDialog", "打印"))
        dialog.setOption(QPrintDialog.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintCurrentPage, True)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.Accepted:
            return
        self.print_to(printer, chosen_pages(printer, self.page_count, self.page))

    def print_to(self, printer: QPrinter, pages: list[int], on_done: Callable[[int], None] | None = None):
        """Print ``pages`` into ``printer`` off the GUI thread, with progress and cancel."""
        self._printer = printer  # kept alive while the worker paints into it
        document = self.document

        def work(progress, cancelled):
            return print_pages(document, printer, pages, progress=progress, cancelled=cancelled)

        def done(count: int) -> None:
            self.printed.emit(count)
            if on_done is not None:
                on_done(count)

        return run_op(self, tr("PrintPreviewDialog", "正在打印…"), work, done, progress=True, cancellable=True)

    def save_copy(self) -> None:
        """另存为 PDF…: copy the previewed file where the clerk chooses."""
        path, _ = QFileDialog.getSaveFileName(self, tr("PrintPreviewDialog", "另存为 PDF"), str(Path.home() / self.pdf_path.name),
                                              tr("PrintPreviewDialog", "PDF 文件 (*.pdf)"))
        if path:
            shutil.copyfile(self.pdf_path, path)

    # -- closing ---------------------------------------------------------------------
    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """Stop rendering and let go of the file before the dialog closes."""
        self._shutdown()
        super().done(result)

    def _shutdown(self) -> None:
        if self.document is None:
            return
        self._request += 1
        self._pool.clear()
        self._pool.waitForDone()
        from .operations import wait_for_jobs

        if getattr(self, "_printer", None) is not None:
            wait_for_jobs(600000)  # a print job still painting holds the document
        with PDFIUM_LOCK:
            self.document.close()
        self.document = None
        if self.temporary:
            shutil.rmtree(self.pdf_path.parent, ignore_errors=True)


def show_preview(parent: QWidget | None, pdf_path: str | Path, *, title: str = "",
                 temporary: bool = False, notice: str = "") -> PrintPreviewDialog | None:
    """Open the preview of ``pdf_path`` (window-modal, without blocking); returns the dialog, or None."""
    try:
        dialog = PrintPreviewDialog(pdf_path, parent, title=title, temporary=temporary, notice=notice)
    except Exception as exc:  # noqa: BLE001 - pdfium refuses a damaged file: say so, the file stays
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, tr("print_preview", "无法预览"),
                            tr("print_preview", "无法打开这个 PDF 进行预览（%s）。可以点“打开文件”用其他阅读器查看。") % exc)
        if temporary:
            shutil.rmtree(Path(pdf_path).parent, ignore_errors=True)
        return None
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.show()
    return dialog
