"""The shared table model: plain rows fetched in one query, sorted and filtered in Python.

A QSortFilterProxyModel took 17 s to sort 100,000 rows (PITFALLS.md); sorting a
list of tuples and emitting layoutChanged takes milliseconds. Each row is a
tuple whose first item is the record id; ``Column.index`` points into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor


@dataclass(frozen=True)
class Column:
    """A displayed column: its header, where its value sits in a row, how to show it."""

    title: str
    index: int
    width: int = 120
    format: Callable[[Any], str] | None = None


def display(value: Any) -> str:
    """The text shown for a cell value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _sort_key(value: Any):
    # None sorts first; mixed types compare by text.
    if value is None:
        return (0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    return (2, str(value))


class RecordTableModel(QAbstractTableModel):
    """Rows of one record type; the view shows ``visible`` (indices into ``rows``)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[tuple] = []
        self.haystacks: list[str] = []
        self.visible: list[int] = []
        self._text = ""
        self._predicate: Callable[[tuple], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Optional: a row → QColor for the background (status colours).
        self.row_colour: Callable[[tuple], QColor | None] | None = None

    # -- loading and filtering -------------------------------------------------
    def set_rows(self, rows: list[tuple]) -> None:
        """Replace all rows (after a query); keeps the current filter and sort."""
        self.beginResetModel()
        self.rows = rows
        self.haystacks = [
            "\x1f".join(display(row[c.index]) for c in self.columns).lower() for row in rows
        ]
        self._recompute()
        self.endResetModel()

    def set_filter(self, text: str | None = None, predicate: Callable[[tuple], bool] | None = ...) -> None:
        """Show rows whose text contains ``text`` and for which ``predicate`` holds."""
        self.beginResetModel()
        if text is not None:
            self._text = text.strip().lower()
        if predicate is not ...:
            self._predicate = predicate
        self._recompute()
        self.endResetModel()

    def _recompute(self) -> None:
        words = self._text.split()
        pred = self._predicate
        visible = []
        for i, row in enumerate(self.rows):
            if words:
                hay = self.haystacks[i]
                if not all(w in hay for w in words):
                    continue
            if pred is not None and not pred(row):
                continue
            visible.append(i)
        if self._sort is not None:
            column, order = self._sort
            index = self.columns[column].index
            visible.sort(key=lambda i: _sort_key(self.rows[i][index]), reverse=order == Qt.DescendingOrder)
        self.visible = visible

    # -- Qt model interface ----------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[self.visible[index.row()]]
        column = self.columns[index.column()]
        if role == Qt.DisplayRole:
            value = row[column.index]
            return column.format(value) if column.format else display(value)
        if role == Qt.ToolTipRole:
            text = display(row[column.index])
            return text if len(text) > 20 else None
        if role == Qt.BackgroundRole and self.row_colour is not None:
            colour = self.row_colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the visible rows in Python (fast even for 100,000 rows)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        index = self.columns[column].index
        self.visible.sort(key=lambda i: _sort_key(self.rows[i][index]), reverse=order == Qt.DescendingOrder)
        self.layoutChanged.emit()

    # -- helpers ---------------------------------------------------------------
    def row_at(self, view_row: int) -> tuple:
        """The full row shown at a view row."""
        return self.rows[self.visible[view_row]]

    def id_at(self, view_row: int) -> int:
        """The record id shown at a view row."""
        return self.row_at(view_row)[0]

    def view_row_of(self, record_id: int) -> int | None:
        """Where a record is shown, if it is."""
        for n, i in enumerate(self.visible):
            if self.rows[i][0] == record_id:
                return n
        return None
