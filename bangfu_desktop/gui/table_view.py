"""A table view that behaves like WPS: remembered columns, Ctrl+C as tab-separated rows, Enter opens."""

from __future__ import annotations
from .i18n import tr, translated

import weakref
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from .settings_store import qsettings

# Views whose column change is not written yet: the window writes them when it closes.
_pending: "weakref.WeakSet[RecordView]" = weakref.WeakSet()
SAVE_DELAY_MS = 500


def save_pending_columns() -> None:
    """Write every view's column state that a recent change has not written yet."""
    from shiboken6 import isValid

    for view in list(_pending):
        if isValid(view):
            view.save_columns_now()


def _clean(text: str) -> str:
    # A tab or a line break inside a cell would split it in WPS and Excel.
    return " ".join(text.replace("\t", " ").splitlines())


class RecordView(QTableView):
    """The record tables' view: column widths, order and sort kept under ``name`` in QSettings."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.settings_key = f"tables/{name}/header"
        # Column changes come in bursts (a reset or a resized window moves every section, each
        # save reads and writes the settings file): written once they settle.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_columns_now)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        # Not setSortingEnabled: it sorts at once by column 0, losing the query's order.
        header.setSortIndicator(-1, Qt.AscendingOrder)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        copy = QAction(tr("RecordView", "复制"), self)
        copy.setShortcut(QKeySequence.Copy)
        copy.setShortcutContext(Qt.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.copy_action = copy
        self.open_record: Callable[[], None] | None = None
        for key in (Qt.Key_Return, Qt.Key_Enter):
            enter = QAction(self)
            enter.setShortcut(QKeySequence(key))
            enter.setShortcutContext(Qt.WidgetShortcut)
            enter.triggered.connect(lambda: self.open_record and self.open_record())
            self.addAction(enter)

    # -- column state ----------------------------------------------------------------
    def restore_columns(self, widths: list[int]) -> None:
        """Default widths, then the clerk's saved widths, order and sort; save every later change."""
        for n, width in enumerate(widths):
            self.setColumnWidth(n, width)
        header = self.horizontalHeader()
        saved = qsettings().value(self.settings_key)
        if saved is not None:
            header.restoreState(saved)
        header.sectionResized.connect(self.save_columns)
        header.sectionMoved.connect(self.save_columns)
        header.sortIndicatorChanged.connect(self.save_columns)

    def save_columns(self, *_) -> None:
        """Store widths, order and sort of the columns, once changes pause (or the window closes)."""
        _pending.add(self)
        self._save_timer.start()

    def save_columns_now(self) -> None:
        """Store widths, order and sort of the columns now."""
        _pending.discard(self)
        self._save_timer.stop()
        qsettings().setValue(self.settings_key, self.horizontalHeader().saveState())

    # -- copying -----------------------------------------------------------------------
    def selected_view_rows(self) -> list[int]:
        """Selected rows, top to bottom."""
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def copy_text(self) -> str:
        """The selected rows with their headers as tab-separated text (columns in the order shown)."""
        model = self.model()
        header = self.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        columns = [c for c in columns if not header.isSectionHidden(c)]
        rows = model.rows_at(self.selected_view_rows())
        lines = ["\t".join(_clean(translated(model.columns[c].title)) for c in columns)]
        lines += ["\t".join(_clean(model.columns[c].text(row)) for c in columns) for row in rows if row is not None]
        return "\r\n".join(lines) + "\r\n"

    def copy_selection(self) -> None:
        """Ctrl+C: the selected rows, pasteable into WPS and Excel."""
        if self.selected_view_rows():
            QApplication.clipboard().setText(self.copy_text())
