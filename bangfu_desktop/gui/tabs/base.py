"""The record tab every ledger shares: toolbar, search, filters, table, form, delete and undo.

A subclass declares its columns, how to fetch rows (one query, run off the GUI
thread), its filters and its form; this class does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core import record_ops
from ...core.models import TrashableModel
from ..bus import bus
from ..operations import run_op
from ..table_model import Column, RecordTableModel
from .. import undo


@dataclass
class FilterSpec:
    """A filter combo: its label, its options (text, value) and how a row passes."""

    label: str
    options: Callable[[], Sequence[tuple[str, Any]]]
    test: Callable[[tuple, Any], bool]


class RecordTab(QWidget):
    """A tab showing one record type."""

    title = ""
    model_class: type[TrashableModel]
    columns: Sequence[Column] = ()
    # Tables whose changes make this tab reload ("" = any change).
    watched: tuple[str, ...] = ()
    # The PDF section (core.pdf.SECTIONS key) its 打印/导出档案 button prints, if any.
    archive_kind: str | None = None
    # Emitted when a load finished, with the number of rows (tests wait on it).
    loaded = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RecordTableModel(self.columns, self)
        self.filter_specs = list(self.filters())
        self.filter_combos: list[QComboBox] = []
        self._build()
        self._loading = False
        self._reload_pending = False
        bus.changed.connect(self._on_changed)

    # -- to override -------------------------------------------------------------
    def fetch_rows(self) -> list[tuple]:
        """All rows of this tab (worker thread: no Qt here)."""
        raise NotImplementedError

    def filters(self) -> Sequence[FilterSpec]:
        """The tab's filter combos."""
        return ()

    def open_form(self, record: TrashableModel | None) -> TrashableModel | None:
        """Show the add/edit form (it saves through run_op); return the saved record or None."""
        raise NotImplementedError

    def extra_actions(self, toolbar: QToolBar) -> None:
        """Subclasses add buttons (export, print, …)."""

    def side_widget(self) -> QWidget | None:
        """An optional panel under the table (summaries)."""
        return None

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.add_action = self._action("新增", QKeySequence.New, self.add_record)
        self.edit_action = self._action("编辑", QKeySequence(Qt.Key_F2), self.edit_selected)
        self.delete_action = self._action("删除", QKeySequence.Delete, self.delete_selected)
        self.refresh_action = self._action("刷新", QKeySequence.Refresh, self.reload)
        for action in (self.add_action, self.edit_action, self.delete_action, self.refresh_action):
            self.toolbar.addAction(action)
        if self.archive_kind:
            from ..archive_actions import export_records

            self.toolbar.addSeparator()
            self.archive_action = self._action("打印/导出档案", QKeySequence.Print,
                                               lambda: export_records(self, self.archive_kind))
            self.toolbar.addAction(self.archive_action)
        self.extra_actions(self.toolbar)
        layout.addWidget(self.toolbar)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索（Ctrl+F）：输入任意文字筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text) or self._update_count())
        find = QAction(self)
        find.setShortcut(QKeySequence.Find)
        find.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        bar.addWidget(self.search, 2)
        for spec in self.filter_specs:
            bar.addWidget(QLabel(spec.label))
            combo = QComboBox()
            combo.setObjectName(f"filter_{spec.label}")
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filters)
            self.filter_combos.append(combo)
            bar.addWidget(combo)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        # Shown when another tab asked to show only some records (概览 → the records behind a line).
        self.only_ids: set[int] | None = None
        self.only_bar = QWidget()
        only = QHBoxLayout(self.only_bar)
        only.setContentsMargins(0, 0, 0, 0)
        self.only_label = QLabel()
        self.only_label.setObjectName("only_label")
        self.only_label.setStyleSheet("color:#0d47a1; font-weight:bold;")
        show_all = QPushButton(self.tr("显示全部"))
        show_all.clicked.connect(lambda: self.show_only(None))
        only.addWidget(self.only_label, 1)
        only.addWidget(show_all)
        self.only_bar.hide()
        layout.addWidget(self.only_bar)

        self.view = QTableView()
        self.view.setModel(self.model)
        # Not setSortingEnabled: it sorts at once by column 0, losing the query's order
        # (plan order, newest first…). The header sorts only when the clerk clicks it.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for n, column in enumerate(self.columns):
            self.view.setColumnWidth(n, column.width)
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view, 1)
        side = self.side_widget()
        if side is not None:
            layout.addWidget(side)

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(self.tr(text), self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.add_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the rows again (off the GUI thread) and refresh the filters."""
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        run_op(None, "", self.fetch_rows, self._loaded, on_error=self._load_failed)

    def _loaded(self, rows: list[tuple]) -> None:
        self._loading = False
        selected = self.selected_ids()
        self._refresh_filter_options()
        self.model.set_rows(rows)
        self._apply_filters()
        for record_id in selected[:1]:
            self.select_id(record_id)
        self.after_load()
        self.loaded.emit(len(rows))
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    def _load_failed(self, message: str) -> None:
        self._loading = False
        QMessageBox.warning(self, self.tr("读取失败"), message)

    def after_load(self) -> None:
        """Subclasses refresh summaries here."""

    def _on_changed(self, table: str) -> None:
        if not table or not self.watched or table in self.watched:
            self.reload()

    def _refresh_filter_options(self) -> None:
        for spec, combo in zip(self.filter_specs, self.filter_combos):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for text, value in spec.options():
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        active = [(spec, combo.currentData()) for spec, combo in zip(self.filter_specs, self.filter_combos)
                  if combo.currentData() is not None]
        only = self.only_ids
        if active or only is not None:
            def predicate(row):
                return (only is None or row[0] in only) and all(spec.test(row, value) for spec, value in active)
        else:
            predicate = None
        self.model.set_filter(predicate=predicate)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("显示 %d / 共 %d 条") % (self.model.rowCount(), len(self.model.rows)))

    def show_only(self, ids, label: str = "") -> None:
        """Show only these records (None: all again), with a banner saying why."""
        self.only_ids = set(ids) if ids is not None else None
        self.only_bar.setVisible(ids is not None)
        if ids is not None:
            self.only_label.setText(self.tr("仅显示：%s（%d 条）") % (label, len(self.only_ids)))
            self.search.clear()
        self._apply_filters()

    # -- selection and actions -------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in view order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def select_id(self, record_id: int) -> bool:
        """Select and show a record if it is visible."""
        row = self.model.view_row_of(record_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def add_record(self) -> None:
        """Open an empty form (the save announces the change itself)."""
        saved = self.open_form(None)
        if saved is not None:
            self.select_id(saved.get_id())

    def edit_selected(self) -> None:
        """Open the form of the selected record."""
        ids = self.selected_ids()
        if not ids:
            return
        record = self.model_class.get_or_none(self.model_class.id == ids[0])
        if record is None:
            return
        self.open_form(record)

    def delete_selected(self) -> None:
        """Move the selected records to the recycle bin (Ctrl+Z brings them back)."""
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) > 1:
            answer = QMessageBox.question(
                self, self.tr("删除"),
                self.tr("把选中的 %d 条记录移到回收站？可按 Ctrl+Z 撤销，或在回收站中恢复。") % len(ids))
            if answer != QMessageBox.Yes:
                return
        table = self.model_class._meta.table_name
        run_op(self, self.tr("正在删除…"), lambda: record_ops.trash_many(table, ids), self._deleted,
               changes=table)

    def _deleted(self, trashed: list[tuple[str, int]]) -> None:
        undo.push(trashed)
        bus.undo_changed.emit()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("已移到回收站 %d 条记录（Ctrl+Z 撤销）") % len(trashed), 8000)
