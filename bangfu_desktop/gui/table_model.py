"""The shared table models: a paging model over ids for the big tables, a plain one for small lists.

``PagedTableModel`` does what Anki's browser does: it holds the ids a query
selected, in order, and a small cache of named rows (a namedtuple per table)
filled on demand for what is on screen plus a margin. Sorting and filtering are
the query's (core.tablequery); the model only shows what it was given.

``RecordTableModel`` keeps every row of a small table (units, plans, 概览) in
memory and sorts them in Python (a QSortFilterProxyModel took 17 s for 100,000
rows, PITFALLS.md). Text sorts by pinyin in both.
"""

from __future__ import annotations
from .i18n import tr, translated

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..core.tablequery import PAGE, Page, TableSource

# Rows kept in the cache at most (a screen is about 30): old pages are dropped first.
CACHE_LIMIT = 3 * PAGE

# The roles ``data`` answers, looked up once: PySide6's old-style names (Qt.DisplayRole) go
# through a compatibility lookup of about 7 µs each, three per cell and role, on every paint.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _BACKGROUND))
_HORIZONTAL = Qt.Orientation.Horizontal


@dataclass(frozen=True)
class Column:
    """A displayed column: its header, where its value sits in a row (index or field name), how to show it."""

    title: str
    index: int | str
    width: int = 120
    format: Callable[[Any], str] | None = None

    def value(self, row) -> Any:
        """The cell's value in a row (a tuple or a named row)."""
        return getattr(row, self.index) if isinstance(self.index, str) else row[self.index]

    def text(self, row) -> str:
        """The cell's text as shown."""
        value = self.value(row)
        return self.format(value) if self.format else display(value)


def display(value: Any) -> str:
    """The text shown for a cell value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("table_model", "是") if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _sort_key(value: Any):
    # None sorts first; numbers by value; text by pinyin (刘 before 周).
    if value is None:
        return (0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    if isinstance(value, str):
        from ..core import pinyin  # imported on the first sort, not at start

        return (2, pinyin.sort_key(value))
    return (2, ((str(value),), ""))


class _TableBase(QAbstractTableModel):
    """Header, cell text, tooltips and row colours shared by both models."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        # Optional: a row → QColor for the background (status colours).
        self.row_colour: Callable[[Any], QColor | None] | None = None

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802 - Qt API
        if role == _DISPLAY and orientation == _HORIZONTAL:
            return translated(self.columns[section].title)
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _TOOLTIP:
            text = display(column.value(row))
            return text if len(text) > 20 else None
        if self.row_colour is not None:
            colour = self.row_colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    def row_at(self, view_row: int):
        """The row shown at a view row."""
        raise NotImplementedError

    def rows_at(self, view_rows: Sequence[int]) -> list:
        """The rows shown at these view rows (for copying)."""
        return [self.row_at(r) for r in view_rows]

    def id_at(self, view_row: int) -> int:
        """The record id shown at a view row."""
        return self.row_at(view_row)[0]


class PagedTableModel(_TableBase):
    """Row ids in display order and a cache of named rows fetched page by page."""

    # Emitted with (field, descending) when the header asks for another order; the tab reloads.
    sort_requested = Signal(object, bool)

    def __init__(self, columns: Sequence[Column], source: TableSource, parent=None):
        super().__init__(columns, parent)
        self.source = source
        self.ids: list[int] = []
        self.total = 0
        self.cache: OrderedDict[int, Any] = OrderedDict()
        self._positions: dict[int, int] | None = None
        self.sort_field: str | None = None
        self.descending = False

    def set_page(self, page: Page) -> None:
        """Show a load's result: its ids, with the rows it brought in the cache."""
        self.beginResetModel()
        self.ids = page.ids
        self.total = page.total
        self.cache = OrderedDict(page.rows)
        self._positions = None
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def row_at(self, view_row: int):
        """The named row at a view row, fetched with its page if not cached (one small query)."""
        record_id = self.ids[view_row]
        row = self.cache.get(record_id)
        if row is None:
            self._fetch(range(max(0, view_row - PAGE // 4), min(len(self.ids), view_row + PAGE * 3 // 4)))
            row = self.cache.get(record_id)
        return row

    def rows_at(self, view_rows: Sequence[int]) -> list:
        self._fetch(view_rows)
        return [self.cache.get(self.ids[r]) for r in view_rows]

    def _fetch(self, view_rows) -> None:
        missing = [self.ids[r] for r in view_rows if self.ids[r] not in self.cache]
        for start in range(0, len(missing), 500):
            self.cache.update(self.source.rows(missing[start:start + 500]))
        while len(self.cache) > max(CACHE_LIMIT, len(missing) + PAGE):
            self.cache.popitem(last=False)

    def id_at(self, view_row: int) -> int:
        return self.ids[view_row]

    def view_row_of(self, record_id: int) -> int | None:
        """Where a record is shown, if it is."""
        if self._positions is None:
            self._positions = {rid: n for n, rid in enumerate(self.ids)}
        return self._positions.get(record_id)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Ask for the rows in another order (the query sorts; the tab reloads)."""
        field = self.columns[column].index if 0 <= column < len(self.columns) else None
        descending = order == Qt.DescendingOrder
        if (field, descending) != (self.sort_field, self.descending):
            self.sort_field, self.descending = field, descending
            self.sort_requested.emit(field, descending)


class RecordTableModel(_TableBase):
    """Every row of a small table in memory; the view shows ``visible`` (indices into ``rows``)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(columns, parent)
        self.rows: list[tuple] = []
        self.visible: list[int] = []
        self._text = ""
        self._predicate: Callable[[tuple], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def total(self) -> int:
        """Rows before filtering."""
        return len(self.rows)

    def set_rows(self, rows: list[tuple]) -> None:
        """Replace all rows (after a query); keeps the current filter and sort."""
        self.beginResetModel()
        self.rows = rows
        self._recompute()
        self.endResetModel()

    def set_filter(self, text: str | None = None, predicate: Callable[[tuple], bool] | None = ...) -> None:
        """Show rows whose text contains ``text`` (characters or pinyin) and for which ``predicate`` holds."""
        self.beginResetModel()
        if text is not None:
            self._text = text.strip().lower()
        if predicate is not ...:
            self._predicate = predicate
        self._recompute()
        self.endResetModel()

    def _matches(self, row, words) -> bool:
        from ..core import pinyin

        cells = [display(c.value(row)) for c in self.columns]
        return all(any(pinyin.matches(w, cell) for cell in cells) for w in words)

    def _recompute(self) -> None:
        words = self._text.split()
        pred = self._predicate
        visible = [i for i, row in enumerate(self.rows)
                   if (not words or self._matches(row, words)) and (pred is None or pred(row))]
        if self._sort is not None:
            column, order = self._sort
            col = self.columns[column]
            visible.sort(key=lambda i: _sort_key(col.value(self.rows[i])), reverse=order == Qt.DescendingOrder)
        self.visible = visible

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.visible)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the visible rows in Python (fast for the small tables this model holds)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        col = self.columns[column]
        self.visible.sort(key=lambda i: _sort_key(col.value(self.rows[i])), reverse=order == Qt.DescendingOrder)
        self.layoutChanged.emit()

    def row_at(self, view_row: int) -> tuple:
        """The full row shown at a view row."""
        return self.rows[self.visible[view_row]]

    def view_row_of(self, record_id: int) -> int | None:
        """Where a record is shown, if it is."""
        for n, i in enumerate(self.visible):
            if self.rows[i][0] == record_id:
                return n
        return None
