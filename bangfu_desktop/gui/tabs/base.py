"""The record tab every ledger shares: toolbar, search, filters, table, form, delete and undo.

A subclass declares its columns, where its rows come from (a paging
``TableSource`` for the big tables, ``fetch_rows`` for small ones; either runs off
the GUI thread), its filters and its form; this class does the rest: a search
debounced while typing, filters and sort handed to the query, selection kept
across refreshes, and the WPS-like view of ``table_view``.
"""

from __future__ import annotations
from ..i18n import tr, translated

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core import record_ops
from ...core.models import TrashableModel
from ..bus import bus
from ..operations import run_op
from ...core.tablequery import TableQuery, TableSource
from ..table_model import Column, PagedTableModel, RecordTableModel
from ..table_view import RecordView
from .. import undo


@dataclass
class FilterSpec:
    """A filter combo: its label, its options (text, value) and how a row passes.

    Paged tabs give ``where`` (value → a peewee condition, the query filters);
    small in-memory tabs give ``test`` (row, value → bool).
    """

    label: str
    options: Callable[[], Sequence[tuple[str, Any]]]
    test: Callable[[tuple, Any], bool] | None = None
    where: Callable[[Any], Any] | None = None


# Typing pauses this long before the search runs (each keystroke restarts the wait).
SEARCH_DELAY_MS = 200


class RecordTab(QWidget):
    """A tab showing one record type."""

    title = ""
    model_class: type[TrashableModel]
    columns: Sequence[Column] = ()
    # The paging query of a big table (core.tablesources); None: ``fetch_rows`` returns every row.
    source: TableSource | None = None
    # Tables whose changes make this tab reload ("" = any change).
    watched: tuple[str, ...] = ()
    # The PDF section (core.pdf.SECTIONS key) its 打印/导出档案 button prints, if any.
    archive_kind: str | None = None
    # Emitted when a load finished, with the number of rows shown (tests wait on it).
    loaded = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        if self.source is not None:
            self.model = PagedTableModel(self.columns, self.source, self)
            self.model.sort_requested.connect(lambda *_: self.reload())
        else:
            self.model = RecordTableModel(self.columns, self)
        self.filter_specs = list(self.filters())
        self.filter_combos: list[QComboBox] = []
        self._generation = 0
        self._search_warmed = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._build()
        self._loading = False
        self._reload_pending = False
        bus.changed.connect(self._on_changed)

    # -- to override -------------------------------------------------------------
    def fetch_rows(self) -> list[tuple]:
        """All rows of a small tab (worker thread: no Qt here)."""
        raise NotImplementedError

    def fetch_extra(self) -> Any:
        """What a paged tab shows beside its rows (summaries), fetched with them (worker thread)."""
        return None

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

    def settings_name(self) -> str:
        """The name its column widths, order and sort are remembered under."""
        return type(self).__name__

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        style = self.style()
        self.add_action = self._action(tr("RecordTab", "新增"), QKeySequence.New, self.add_record, style.standardIcon(QStyle.SP_FileIcon))
        self.edit_action = self._action(tr("RecordTab", "编辑"), QKeySequence(Qt.Key_F2), self.edit_selected,
                                        style.standardIcon(QStyle.SP_FileDialogDetailedView))
        self.delete_action = self._action(tr("RecordTab", "删除"), QKeySequence.Delete, self.delete_selected,
                                          style.standardIcon(QStyle.SP_TrashIcon))
        self.refresh_action = self._action(tr("RecordTab", "刷新"), QKeySequence.Refresh, self.reload,
                                           style.standardIcon(QStyle.SP_BrowserReload))
        for action in (self.add_action, self.edit_action, self.delete_action, self.refresh_action):
            self.toolbar.addAction(action)
        if self.archive_kind:
            from ..archive_actions import export_records, preview_records

            self.toolbar.addSeparator()
            self.archive_action = self._action(tr("RecordTab", "打印/导出档案"), QKeySequence.Print,
                                               lambda: export_records(self, self.archive_kind),
                                               style.standardIcon(QStyle.SP_DialogSaveButton))
            self.toolbar.addAction(self.archive_action)
            self.preview_action = self._action(tr("RecordTab", "打印预览"), QKeySequence(),
                                               lambda: preview_records(self, self.archive_kind),
                                               style.standardIcon(QStyle.SP_FileDialogContentsView))
            self.toolbar.addAction(self.preview_action)
        self.extra_actions(self.toolbar)
        layout.addWidget(self.toolbar)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("RecordTab", "搜索（Ctrl+F）：输入文字或拼音首字母筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        find = QAction(self)
        find.setShortcut(QKeySequence.Find)
        find.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        bar.addWidget(self.search, 2)
        for spec in self.filter_specs:
            bar.addWidget(QLabel(translated(spec.label)))
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
        show_all = QPushButton(tr("RecordTab", "显示全部"))
        show_all.clicked.connect(lambda: self.show_only(None))
        only.addWidget(self.only_label, 1)
        only.addWidget(show_all)
        self.only_bar.hide()
        layout.addWidget(self.only_bar)

        self.view = RecordView(self.settings_name())
        self.view.setModel(self.model)
        self.view.restore_columns([column.width for column in self.columns])
        header = self.view.horizontalHeader()
        if isinstance(self.model, PagedTableModel) and 0 <= header.sortIndicatorSection() < len(self.columns):
            # The remembered sort: the first load already asks for it.
            self.model.sort_field = self.columns[header.sortIndicatorSection()].index
            self.model.descending = header.sortIndicatorOrder() == Qt.DescendingOrder
        header.sortIndicatorChanged.connect(self.model.sort)
        self.view.open_record = self.edit_selected
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view, 1)
        side = self.side_widget()
        if side is not None:
            layout.addWidget(side)

    def _action(self, text: str, shortcut, slot, icon=None) -> QAction:
        action = QAction(translated(text), self)
        if icon is not None:
            action.setIcon(icon)
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
        menu.addAction(self.view.copy_action)
        menu.addAction(self.refresh_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- loading -----------------------------------------------------------------
    @property
    def paged(self) -> bool:
        """True for a big table whose rows the query pages."""
        return isinstance(self.model, PagedTableModel)

    def reload(self) -> None:
        """Fetch the rows again (off the GUI thread) and refresh the filters."""
        if self.paged:
            self._search_timer.stop()
            self._generation += 1
            generation = self._generation
            query = self.current_query()
            first = max(0, self.view.rowAt(0))
            # A bound method (not a lambda), so that a tab closed while its load runs is not called back.
            run_op(None, "", lambda: (generation, self.fetch_page(query, first)),
                   self._generation_loaded, on_error=self._load_failed)
            return
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        run_op(None, "", self.fetch_rows, self._loaded, on_error=self._load_failed)

    def fetch_page(self, query: TableQuery, first: int = 0):
        """Everything one load of a paged tab shows (worker thread): summaries, filter options, a page."""
        extra = self.fetch_extra()
        options = [list(spec.options()) for spec in self.filter_specs]
        page = self.source.load(query, first)
        page.extra = (extra, options)
        return page

    def current_query(self) -> TableQuery:
        """The search words, filters, sort and 仅显示 ids the next load asks for."""
        conditions = tuple(spec.where(combo.currentData())
                           for spec, combo in zip(self.filter_specs, self.filter_combos)
                           if combo.currentData() is not None and spec.where is not None)
        only = frozenset(self.only_ids) if self.only_ids is not None else None
        return TableQuery(words=TableQuery.split(self.search.text()), conditions=conditions,
                          sort=self.model.sort_field, descending=self.model.descending, only_ids=only)

    def _search_changed(self, text: str) -> None:
        if not self.paged:
            self.model.set_filter(text=text)
            self._update_count()
            return
        # The result of a query for older text is dropped; the new one runs when typing pauses.
        self._generation += 1
        self._search_timer.start()

    def _generation_loaded(self, result: tuple[int, Any]) -> None:
        self._page_loaded(*result)

    def _page_loaded(self, generation: int, page) -> None:
        if generation != self._generation:
            return  # superseded by a later keystroke, filter or sort
        selected = self.selected_ids()
        scroll = self.view.verticalScrollBar().value()
        extra, options = page.extra
        self._refresh_filter_options(options)
        self.model.set_page(page)
        self.show_extra(extra)
        self._reselect(selected)
        self.view.verticalScrollBar().setValue(scroll)
        self._update_count()
        self.after_load()
        self.loaded.emit(len(page.ids))
        if not self._search_warmed:
            # The text that one- and two-character words are matched in, read once the rows are shown.
            self._search_warmed = True
            run_op(None, "", self.source.warm_search, on_error=lambda _message: None)

    def show_extra(self, extra: Any) -> None:
        """A paged tab shows what ``fetch_extra`` brought (GUI thread)."""

    def _reselect(self, ids: Sequence[int]) -> None:
        selection = QItemSelection()
        for record_id in ids:
            row = self.model.view_row_of(record_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        if not selection.isEmpty():
            self.view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)

    def _loaded(self, rows: list[tuple]) -> None:
        self._loading = False
        selected = self.selected_ids()
        self._refresh_filter_options()
        self.model.set_rows(rows)
        self._apply_filters()
        self._reselect(selected)
        for record_id in selected[:1]:
            self.select_id(record_id)
        self.after_load()
        self.loaded.emit(len(rows))
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    def _load_failed(self, message: str) -> None:
        self._loading = False
        if not self.window().isVisible():
            # A closed window's late reload (its database already closed): nobody to tell.
            return
        QMessageBox.warning(self, tr("RecordTab", "读取失败"), message)

    def after_load(self) -> None:
        """Subclasses refresh summaries here."""

    def _on_changed(self, table: str) -> None:
        if not table or not self.watched or table in self.watched:
            self.reload()

    def _refresh_filter_options(self, options: list | None = None) -> None:
        for n, (spec, combo) in enumerate(zip(self.filter_specs, self.filter_combos)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("RecordTab", "全部"), None)
            for text, value in (options[n] if options is not None else spec.options()):
                text = translated(text)
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        if self.paged:
            self.reload()
            return
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
        self.count_label.setText(tr("RecordTab", "显示 %d / 共 %d 条") % (self.model.rowCount(), self.model.total))

    def show_only(self, ids, label: str = "") -> None:
        """Show only these records (None: all again), with a banner saying why."""
        self.only_ids = set(ids) if ids is not None else None
        self.only_bar.setVisible(ids is not None)
        if ids is not None:
            self.only_label.setText(tr("RecordTab", "仅显示：%s（%d 条）") % (label, len(self.only_ids)))
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            if not self.paged:
                self.model.set_filter(text="")
        self._apply_filters()

    # -- selection and actions -------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in view order."""
        return [self.model.id_at(r) for r in self.view.selected_view_rows()]

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
                self, tr("RecordTab", "删除"),
                tr("RecordTab", "把选中的 %d 条记录移到回收站？可按 Ctrl+Z 撤销，或在回收站中恢复。") % len(ids))
            if answer != QMessageBox.Yes:
                return
        table = self.model_class._meta.table_name
        from ..dialogs.correction import run_correctable  # a locked period asks for a 更正 reason

        run_correctable(self, tr("RecordTab", "正在删除…"), lambda reason: record_ops.trash_many(table, ids, correction=reason),
                        self._deleted, changes=table)

    def _deleted(self, trashed: list[tuple[str, int]]) -> None:
        undo.push(trashed)
        bus.undo_changed.emit()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                tr("RecordTab", "已移到回收站 %d 条记录（Ctrl+Z 撤销）") % len(trashed), 8000)
