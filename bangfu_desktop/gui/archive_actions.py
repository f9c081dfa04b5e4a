"""打印/导出档案 from the window: ask where, run the PDF export off the GUI thread, report."""

from __future__ import annotations
from .i18n import tr

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .dialog_geometry import RememberedDialog

from ..core import queries
from .lazy_core import SECTIONS, ArchiveSelection, export_archive  # core.pdf imports reportlab
from ..core.terms import load_calendar
from .operations import run_op

# Progress of a long export reaches the window at most this often (seconds).
PROGRESS_INTERVAL = 0.1


def ask_save_path(parent: QWidget, title: str, name: str, pattern: str) -> str | None:
    """A file name to write, or None when the clerk cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), pattern)
    return path or None


def open_path(path) -> None:
    """Open a file or folder with the system's program."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path) -> None:
    """Open the folder that holds ``path``; on Windows the Explorer window selects the file."""
    path = Path(path)
    if sys.platform == "win32" and path.exists():
        import subprocess

        try:
            subprocess.Popen(["explorer", "/select,", str(path)])  # noqa: S603, S607 - the system's Explorer
            return
        except OSError:
            pass  # fall back to opening the folder
    open_path(path.parent)


def offer_open(parent: QWidget, title: str, text: str, path, *, preview: bool = False,
               extra: tuple[tuple[str, str], ...] = ()) -> str:
    """After an export: 打开文件 / 打开所在文件夹 (/ 打印预览 for a PDF, / ``extra``) / 关闭.

    Does what the clerk chose and returns its key ("open", "folder", "preview", an
    ``extra`` key, or "close") so the caller can act on its own ``extra`` buttons.
    """
    box = QMessageBox(QMessageBox.Information, title, text, parent=parent)
    box.setObjectName("export_done")
    buttons = {}
    if preview:
        buttons["preview"] = box.addButton(tr("archive_actions", "打印预览"), QMessageBox.ActionRole)
    buttons["open"] = box.addButton(tr("archive_actions", "打开文件"), QMessageBox.AcceptRole)
    buttons["folder"] = box.addButton(tr("archive_actions", "打开所在文件夹"), QMessageBox.ActionRole)
    for key, label in extra:
        buttons[key] = box.addButton(label, QMessageBox.ActionRole)
    buttons["close"] = box.addButton(tr("archive_actions", "关闭"), QMessageBox.RejectRole)
    box.setDefaultButton(buttons["open"])
    box.exec()
    chosen = next((key for key, button in buttons.items() if box.clickedButton() is button), "close")
    if chosen == "open":
        open_path(path)
    elif chosen == "folder":
        open_folder(path)
    elif chosen == "preview":
        from .print_preview import show_preview

        show_preview(parent, path)
    return chosen


def report_done(parent: QWidget, report) -> None:
    """Say what was written (and any warnings); offer to preview, open it or its folder."""
    offer_open(parent, tr("archive_actions", "导出完成"), report.summary(), report.path, preview=True)


def throttled(progress, interval: float = PROGRESS_INTERVAL):
    """``progress(done, total)`` passed on at most every ``interval`` seconds (and always at the end).

    Every signal to the GUI thread wakes it and takes the GIL from the worker: a binder
    that reports each document must not pay for hundreds of repaints.
    """
    if progress is None:
        return None
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= interval:
            last[0] = now
            progress(done, total)

    return report


def run_archive_export(parent: QWidget, selection: ArchiveSelection, dest: str, *, cover: bool,
                       title: str = "帮扶工作档案资料", on_done=None):  # notr (the PDF's own title)
    """Export with a progress bar and a cancel button."""
    def work(progress, cancelled):
        return export_archive(dest, selection, title=title, cover=cover, progress=throttled(progress),
                              cancelled=cancelled)

    return run_op(parent, tr("archive_actions", "正在生成 PDF…"), work, on_done or (lambda r: report_done(parent, r)),
                  progress=True, cancellable=True)


def preview_archive(parent: QWidget, selection: ArchiveSelection, name: str, *, cover: bool,
                    title: str = "帮扶工作档案资料"):  # notr (the PDF's own title)
    """打印预览: write the PDF into a temporary folder, then show it (the folder goes when the preview closes)."""
    folder = Path(tempfile.mkdtemp(prefix="bangfu-preview-"))
    dest = folder / name

    def work(progress, cancelled):
        return export_archive(dest, selection, title=title, cover=cover, progress=throttled(progress),
                              cancelled=cancelled)

    def done(report):
        from .print_preview import show_preview

        notice = "\n".join(report.summary().splitlines()[1:]) if report.warnings else ""
        show_preview(parent, report.path, title=Path(name).stem, temporary=True, notice=notice)

    def always(ok):
        if not ok:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)

    return run_op(parent, tr("archive_actions", "正在生成打印预览…"), work, done, progress=True, cancellable=True, always=always)


def _records_to_print(tab, kind: str) -> tuple[ArchiveSelection, str] | None:
    """The selected rows (or all rows shown when none is selected) and a file name; None when empty."""
    ids = tab.selected_ids() or [tab.model.id_at(r) for r in range(tab.model.rowCount())]
    if not ids:
        QMessageBox.information(tab, tr("archive_actions", "打印/导出档案"), tr("archive_actions", "没有可导出的记录。"))
        return None
    name = f"{queries.self_unit_name() or '本单位'}_{SECTIONS[kind]}_{dt.date.today():%Y%m%d}.pdf"  # notr
    return ArchiveSelection(kinds=(kind,), ids=tuple(ids)), name


def export_records(tab, kind: str) -> None:
    """A tab's 打印/导出档案: the selected rows, or all rows shown when none is selected."""
    chosen = _records_to_print(tab, kind)
    if chosen is None:
        return
    selection, name = chosen
    dest = ask_save_path(tab, tr("archive_actions", "导出档案（PDF）"), name, tr("archive_actions", "PDF 文件 (*.pdf)"))
    if dest:
        run_archive_export(tab, selection, dest, cover=False, title=SECTIONS[kind])


def preview_records(tab, kind: str) -> None:
    """A tab's 打印预览: the same pages as 打印/导出档案, shown in the window before printing."""
    chosen = _records_to_print(tab, kind)
    if chosen is not None:
        selection, name = chosen
        preview_archive(tab, selection, name, cover=False, title=SECTIONS[kind])


class YearArchiveDialog(RememberedDialog):
    """Choose the 学年 and 学期 of the yearly binder."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("YearArchiveDialog", "导出年度档案"))
        form = QFormLayout(self)
        calendar = load_calendar()
        this_year = calendar.school_year_of(dt.date.today())
        self.year = QComboBox()
        for year in range(this_year, this_year - 8, -1):
            self.year.addItem(tr("YearArchiveDialog", "{start}-{end}学年").format(start=year, end=year + 1), year)
        self.semester = QComboBox()
        for text, value in ((tr("YearArchiveDialog", "全学年"), None), (tr("YearArchiveDialog", "第一学期（秋季）"), 1), (tr("YearArchiveDialog", "第二学期（春季）"), 2)):
            self.semester.addItem(text, value)
        form.addRow(tr("YearArchiveDialog", "学年"), self.year)
        form.addRow(tr("YearArchiveDialog", "学期"), self.semester)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("YearArchiveDialog", "选择保存位置…"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("YearArchiveDialog", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def selection(self) -> ArchiveSelection:
        """The chosen period."""
        return ArchiveSelection(school_year=self.year.currentData(), semester=self.semester.currentData())


class ArchiveCheckDialog(RememberedDialog):
    """档案体检 before printing: each finding opens its record; the clerk fixes or prints anyway."""

    def __init__(self, findings, period, parent=None):
        super().__init__(parent)
        self.period = period
        self.setWindowTitle(tr("ArchiveCheckDialog", "档案体检"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.itemActivated.connect(self.open_item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(tr("ArchiveCheckDialog", "打开记录"), QDialogButtonBox.ActionRole)
        self.recheck_button = buttons.addButton(tr("ArchiveCheckDialog", "重新检查"), QDialogButtonBox.ActionRole)
        self.print_button = buttons.addButton(tr("ArchiveCheckDialog", "仍然打印"), QDialogButtonBox.AcceptRole)
        cancel = buttons.addButton(tr("ArchiveCheckDialog", "取消"), QDialogButtonBox.RejectRole)
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        self.recheck_button.clicked.connect(self.recheck)
        buttons.accepted.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.show_findings(findings)

    def show_findings(self, findings) -> None:
        """Fill the list; the first finding is selected."""
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(finding.line())
            item.setData(Qt.UserRole, (finding.table, finding.record_id))
            self.list.addItem(item)
        if findings:
            self.list.setCurrentRow(0)
            self.summary.setText(tr("ArchiveCheckDialog", "打印前发现 %d 个检查时会被指出的问题。双击一条打开对应记录修改，"
                                         "改好后点“重新检查”；也可以“仍然打印”。") % len(findings))
        else:
            self.summary.setText(tr("ArchiveCheckDialog", "未发现问题，可以打印。"))
        self.open_button.setEnabled(bool(findings))

    def recheck(self) -> None:
        """Check again after the clerk's fixes."""
        from ..core.archive_check import check_archive

        self.show_findings(check_archive(self.period))

    def open_item(self, item) -> None:
        """Open the record of a finding in its tab's form."""
        if item is None:
            return
        table, record_id = item.data(Qt.UserRole)
        open_record(self.parent(), table, record_id)


def open_record(window, table: str, record_id: int | None) -> bool:
    """Open a record's form in the tab that holds its table; False when no tab shows it."""
    pages = getattr(window, "pages", {}) if window is not None else {}
    for name, page in pages.items():
        model = getattr(page, "model_class", None)
        if model is None or model._meta.table_name != table:
            continue
        window.show_page(name)
        record = model.get_or_none(model.id == record_id) if record_id is not None else None
        if record is not None and hasattr(page, "select_id"):
            page.select_id(record_id)
        from .bus import bus

        if page.open_form(record) is not None:
            bus.changed.emit(table)
        return True
    return False


def check_before_printing(window: QWidget, period, proceed) -> None:
    """Run 档案体检 off the GUI thread; call ``proceed()`` when nothing was found or the clerk prints anyway."""
    from ..core.archive_check import check_archive

    def done(findings):
        if not findings:
            proceed()
            return
        dialog = ArchiveCheckDialog(findings, period, window)
        if dialog.exec() == QDialog.Accepted:
            proceed()

    run_op(window, tr("archive_actions", "正在进行档案体检…"), lambda: check_archive(period), done)


def _ask_year_archive(window: QWidget) -> tuple[ArchiveSelection, str] | None:
    """The binder's 学年/学期 and file name, or None when the clerk cancelled."""
    dialog = YearArchiveDialog(window)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.selection(), f"{queries.self_unit_name() or '本单位'}_年度档案_{dialog.year.currentText()}.pdf"  # notr


def export_year_archive(window: QWidget) -> None:
    """The yearly binder: 档案体检 first, then cover, 目录, one section per record type."""
    chosen = _ask_year_archive(window)
    if chosen is None:
        return
    selection, name = chosen

    def proceed():
        dest = ask_save_path(window, tr("archive_actions", "导出年度档案（PDF）"), name, tr("archive_actions", "PDF 文件 (*.pdf)"))
        if dest:
            run_archive_export(window, selection, dest, cover=True)

    check_before_printing(window, selection.period(), proceed)


def preview_year_archive(window: QWidget) -> None:
    """打印预览 of the yearly binder: 档案体检, then the binder shown in the window, ready to print."""
    chosen = _ask_year_archive(window)
    if chosen is None:
        return
    selection, name = chosen
    check_before_printing(window, selection.period(),
                          lambda: preview_archive(window, selection, name, cover=True))


def year_report_work(year: int, dest: str):
    """Build and write the 年度工作统计 (worker thread); returns the written path."""
    from ..core.yearreport import build_year_report, write_year_report

    return write_year_report(build_year_report(year), dest)


def export_year_report(window: QWidget) -> None:
    """年度工作统计 as PDF (with charts) or Excel, by the chosen file type."""
    dialog = YearArchiveDialog(window)
    dialog.setWindowTitle(tr("archive_actions", "导出年度工作统计"))
    dialog.semester.setEnabled(False)
    if dialog.exec() != QDialog.Accepted:
        return
    year = dialog.year.currentData()
    name = f"{queries.self_unit_name() or '本单位'}_年度工作统计_{dialog.year.currentText()}.pdf"  # notr
    dest = ask_save_path(window, tr("archive_actions", "导出年度工作统计"), name,
                         tr("archive_actions", "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"))
    if not dest:
        return

    def done(path):
        offer_open(window, tr("archive_actions", "导出完成"), tr("archive_actions", "已写入：%s") % path, path, preview=str(path).lower().endswith(".pdf"))

    run_op(window, tr("archive_actions", "正在统计…"), lambda: year_report_work(year, dest), done)
