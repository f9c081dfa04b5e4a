"""The main window: assembles the tabs, menus and status bar, nothing more."""

from __future__ import annotations
from .i18n import tr, translated

import threading
import time

from PySide6.QtCore import QSize, Qt, QThread, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStyle, QTabWidget

from ..core import backup, database, queries, record_ops, restore, sortkeys
from .lazy_core import LEDGERS
from .table_view import save_pending_columns

# Print copies are made this long after the tables are loaded: start-up work comes first.
PRINT_COPIES_DELAY_MS = 10_000
from .archive_actions import export_year_archive, export_year_report, preview_year_archive
from .bus import bus
from .shared_poll import follow_other_clients
from .excel_actions import export_ledger, export_submission_dialog, export_tasks_workbook, import_workbook
from .excel_actions import add_ledger_imports
from .operations import run_op, wait_for_jobs, watch_backup_failures
from .settings_store import qsettings
from . import undo
from .dialogs.recycle_bin import RecycleBinDialog
from .tabs.activities import ActivitiesTab
from .tabs.bureau import add_exchange_ui
from .tabs.overview import OverviewTab
from .tabs.pairings import PairingsTab
from .tabs.rotations import RotationsTab
from .tabs.settings_tab import SettingsTab
from .tabs.tasks import TasksTab
from .tabs.teachers import TeachersTab
from .tabs.units_plans import UnitsPlansTab

# (object name, tab class) in the order the clerk sees them.
TABS = (
    ("overview", OverviewTab),
    ("tasks", TasksTab),
    ("pairings", PairingsTab),
    ("rotations", RotationsTab),
    ("activities", ActivitiesTab),
    ("teachers", TeachersTab),
    ("units_plans", UnitsPlansTab),
    ("settings", SettingsTab),
)


class MainWindow(QMainWindow):
    """帮扶台账's window on one open database."""

    def __init__(self, store: database.Store):
        super().__init__()
        self.store = store
        self._closing = threading.Event()
        self._print_copies: threading.Thread | None = None
        undo.clear()  # deletes remembered for another database cannot be undone here
        watch_backup_failures(store)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages = {}
        for name, cls in TABS:
            page = cls(self)
            page.setObjectName(name)
            self.pages[name] = page
            self.tabs.addTab(page, translated(page.title))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        add_exchange_ui(self)
        self.db_label = QLabel()
        self.backup_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        bus.changed.connect(self._refresh_chrome)
        bus.backed_up.connect(self._refresh_chrome)
        bus.undo_changed.connect(self._refresh_chrome)
        follow_other_clients(self, store)  # a shared database: others' changes appear without F5
        self._refresh_chrome()
        self._build_toolbar()
        self._restore_state()
        self._load_pages()

    def _load_pages(self) -> None:
        """Load the visible tab first, the other tables once it is shown, 概览 when it is first shown.

        The loads at start run one at a time: on two cores a second worker left the GUI thread
        waiting for a core (stalls of 70–90 ms at district scale against 40–50 ms with one).
        Both workers are back once the start's loads are done.
        """
        pool = QThreadPool.globalInstance()
        pool.setMaxThreadCount(1)
        self._start_done = QTimer(self)
        self._start_done.setInterval(100)
        latest = time.monotonic() + 10  # both workers back by then whatever still runs

        def start_done() -> None:
            if pool.activeThreadCount() == 0 or time.monotonic() > latest:
                self._start_done.stop()
                pool.setMaxThreadCount(QThread.idealThreadCount())

        self._start_done.timeout.connect(start_done)
        first = self.tabs.currentWidget()
        overview = self.pages.get("overview")
        # 概览's figures are one heavy pass in Python: computed when it is first shown, so that
        # at start they never compete with the visible tab for the GIL and the two worker threads.
        rest = [page for page in self.pages.values()
                if page is not first and page is not overview and hasattr(page, "reload")]
        if overview is not None and overview is not first:
            def first_show(index):
                if self.tabs.widget(index) is overview:
                    self.tabs.currentChanged.disconnect(first_show)
                    overview.reload()
            self.tabs.currentChanged.connect(first_show)
        signal = getattr(getattr(first, "activities", first), "loaded", None)
        started = []

        def load_rest(*_):
            if started:
                return
            started.append(True)
            for page in rest:
                # Each in an event of its own: the GUI thread answers in between.
                QTimer.singleShot(0, page, page.reload)
            if not getattr(self.store, "read_only", False):
                run_op(None, "", sortkeys.backfill, self._keys_filled, on_error=lambda _message: None)
                QTimer.singleShot(PRINT_COPIES_DELAY_MS, self, self._warm_print_copies)
            self._start_done.start()

        if signal is not None:
            signal.connect(load_rest)
            QTimer.singleShot(3000, self, load_rest)  # a failed first load: go on (unless the window is gone)
        else:
            QTimer.singleShot(0, load_rest)
        if hasattr(first, "reload"):
            first.reload()

    def _warm_print_copies(self) -> None:
        """Photos without a print copy (from a 数据包, a restore, an older version) get one now, in the background."""
        def missing():
            from ..core.pdf import print_copies

            return print_copies.missing()

        def start(photos) -> None:
            if not photos or self._closing.is_set():
                return
            from ..core.pdf import print_copies
            from ..core.pdf.photos import cache_dir

            # A thread of its own, not the pool's: the tabs keep both pool threads for their loads.
            self._print_copies = threading.Thread(
                target=print_copies.warm, args=(photos, cache_dir(self.store.attachments_dir), self._closing.is_set),
                name="print-copies", daemon=True)
            self._print_copies.start()

        run_op(None, "", missing, start, on_error=lambda _message: None)

    def _keys_filled(self, count: int) -> None:
        # Rows saved without pinyin keys (bulk inserts, older databases) sort right from now on.
        if count:
            bus.changed.emit("teacher")
            bus.changed.emit("unit")

    def _build_toolbar(self) -> None:
        """The window's toolbar: icons with text for what a clerk does every day."""
        bar = self.addToolBar(tr("MainWindow", "常用"))
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        style = self.style()
        for text, icon, slot in (
            (tr("MainWindow", "立即备份"), QStyle.SP_DriveHDIcon, self.backup_now),
            (tr("MainWindow", "撤销删除"), QStyle.SP_ArrowBack, self.undo_delete),
            (tr("MainWindow", "回收站"), QStyle.SP_TrashIcon, self.show_recycle_bin),
            (tr("MainWindow", "导入任务清单"), QStyle.SP_DialogOpenButton, self.import_tasks),
            (tr("MainWindow", "导出报送文件"), QStyle.SP_DialogSaveButton, lambda: export_submission_dialog(self)),
            (tr("MainWindow", "年度档案"), QStyle.SP_FileDialogContentsView, lambda: export_year_archive(self)),
        ):
            action = bar.addAction(style.standardIcon(icon), translated(text))
            action.triggered.connect(slot)
        self.main_toolbar = bar

    # -- chrome ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("MainWindow", "文件(&F)"))
        self._add(file_menu, tr("MainWindow", "立即备份"), self.backup_now, "Ctrl+B")
        self._add(file_menu, tr("MainWindow", "从备份恢复…"), self.restore_backup)
        file_menu.addSeparator()
        self._add(file_menu, tr("MainWindow", "导出年度档案（PDF）…"), lambda: export_year_archive(self), "Ctrl+Shift+P")
        self._add(file_menu, tr("MainWindow", "打印预览年度档案…"), lambda: preview_year_archive(self), "Ctrl+Alt+P")
        self._add(file_menu, tr("MainWindow", "导出年度工作统计（PDF/Excel）…"), lambda: export_year_report(self))
        file_menu.addSeparator()
        self._add(file_menu, tr("MainWindow", "退出"), self.close, QKeySequence.Quit)
        edit_menu = self.menuBar().addMenu(tr("MainWindow", "编辑(&E)"))
        self.undo_action = self._add(edit_menu, tr("MainWindow", "撤销删除"), self.undo_delete, QKeySequence.Undo)
        self._add(edit_menu, tr("MainWindow", "回收站…"), self.show_recycle_bin, "Ctrl+Shift+Delete")
        excel_menu = self.menuBar().addMenu(tr("MainWindow", "Excel(&X)"))
        self._add(excel_menu, tr("MainWindow", "导出任务清单…"), lambda: export_tasks_workbook(self))
        self._add(excel_menu, tr("MainWindow", "导入任务清单…"), self.import_tasks)
        self._add(excel_menu, tr("MainWindow", "导入教师名册…"), lambda: import_workbook(self, "teachers"))
        add_ledger_imports(excel_menu, self)
        ledger_menu = excel_menu.addMenu(tr("MainWindow", "导出台账"))
        for kind, (name, _) in LEDGERS.items():
            self._add(ledger_menu, name + "…", lambda _=False, k=kind: export_ledger(self, k))
        excel_menu.addSeparator()
        self._add(excel_menu, tr("MainWindow", "导出报送文件…"), lambda: export_submission_dialog(self))
        help_menu = self.menuBar().addMenu(tr("MainWindow", "帮助(&H)"))
        self._add(help_menu, tr("MainWindow", "关于帮扶台账"), self.about)

    def _add(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(translated(text), self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _refresh_chrome(self, *_):
        self.undo_action.setEnabled(undo.can_undo())
        name = queries.self_unit_name()
        self.setWindowTitle(tr("MainWindow", "帮扶台账 — {name}").format(name=name) if name else tr("MainWindow", "帮扶台账"))
        self.db_label.setText(tr("MainWindow", "数据库：%s") % self.store.path
                              + (tr("MainWindow", "（只读）") if getattr(self.store, "read_only", False) else ""))
        last = self.store.last_backup
        if last is None:
            existing = backup.list_backups(self.store.backups.folder())
            last = existing[-1] if existing else None
        if last is not None and last.exists():
            import datetime as dt
            stamp = dt.datetime.fromtimestamp(last.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            self.backup_label.setText(tr("MainWindow", "最近备份：%s") % stamp)
        else:
            self.backup_label.setText(tr("MainWindow", "尚未备份"))
        error = getattr(self.store, "last_backup_error", None)
        if error:
            self.backup_label.setText(tr("MainWindow", "⚠ 自动备份失败"))
        self.backup_label.setToolTip(error or "")

    # -- state ------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = qsettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        last = settings.value("main/tab")
        if last in self.pages:
            self.tabs.setCurrentWidget(self.pages[last])

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._closing.set()  # the print copies stop after the photo they are making
        self._start_done.stop()
        QThreadPool.globalInstance().setMaxThreadCount(QThread.idealThreadCount())
        save_pending_columns()
        settings = qsettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/tab", self.tabs.currentWidget().objectName())
        settings.sync()
        wait_for_jobs(15000)
        if self._print_copies is not None:
            self._print_copies.join(5)
        super().closeEvent(event)

    def show_page(self, name: str):
        """Switch to a tab by its object name and return it."""
        self.tabs.setCurrentWidget(self.pages[name])
        return self.pages[name]

    # -- actions ------------------------------------------------------------------------
    def backup_now(self) -> None:
        """Write a backup now (off the GUI thread)."""
        def done(path):
            bus.backed_up.emit(str(path))
            self.statusBar().showMessage(tr("MainWindow", "已备份到 %s") % path, 8000)
        run_op(self, tr("MainWindow", "正在备份…"), lambda: self.store.backups.run(reason="manual"), done)

    def restore_backup(self) -> None:
        """Pick a backup file and restore it (the current data is backed up first)."""
        path, _ = QFileDialog.getOpenFileName(self, tr("MainWindow", "选择备份文件"), str(self.store.backups.folder()),
                                              tr("MainWindow", "帮扶台账数据库 (*.sqlite3 *.db);;所有文件 (*)"))
        if not path:
            return
        answer = QMessageBox.question(self, tr("MainWindow", "从备份恢复"),
                                      tr("MainWindow", "用“%s”替换当前数据？当前数据会先自动备份。") % path)
        if answer != QMessageBox.Yes:
            return

        def done(safety):
            undo.clear()
            bus.changed.emit("")
            QMessageBox.information(self, tr("MainWindow", "已恢复"), tr("MainWindow", "已恢复。原数据已备份到：\n%s") % safety)
        run_op(self, tr("MainWindow", "正在恢复…"), lambda: restore.restore_database(self.store, path), done)

    def import_tasks(self) -> None:
        """导入任务清单 (also the 概览 welcome page's button)."""
        import_workbook(self, "tasks")

    def start_step(self, key: str) -> None:
        """A step of the 概览 checklist: open the form or action that does it."""
        if key == "self_unit":
            self.show_page("settings")
        elif key == "plan":
            page = self.show_page("units_plans")
            page.inner.setCurrentWidget(page.plans)
            page.plans.add_record()
        elif key == "tasks":
            self.import_tasks()
        elif key == "teachers":
            import_workbook(self, "teachers")
        elif key == "activity":
            page = self.show_page("activities")
            page.inner.setCurrentWidget(page.activities)
            page.activities.add_record()

    def undo_delete(self) -> None:
        """Bring back the records of the last delete (through run_op; kept on the stack if it fails)."""
        items = undo.take_last()
        self.undo_action.setEnabled(undo.can_undo())
        if not items:
            self.statusBar().showMessage(tr("MainWindow", "没有可撤销的删除"), 5000)
            return

        def done(restored):
            self.statusBar().showMessage(tr("MainWindow", "已撤销删除，恢复 %d 条记录") % len(restored), 8000)

        def ended(ok: bool) -> None:
            if not ok:
                undo.push(items)
            self._refresh_chrome()

        from .dialogs.correction import run_correctable  # a locked period asks for a 更正 reason

        run_correctable(self, tr("MainWindow", "正在撤销删除…"), lambda reason: record_ops.restore_many(items, correction=reason),
                        done, on_cancel=lambda: (undo.push(items), self._refresh_chrome()),
                        changes=sorted({table for table, _ in items}), always=ended)

    def show_recycle_bin(self) -> None:
        """Open the 回收站."""
        RecycleBinDialog(self).exec()

    def about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, tr("MainWindow", "关于帮扶台账"),
                          tr("MainWindow", "帮扶台账 %s\n离线记录帮扶工作：任务清单、师徒结对、轮训、活动记录。\n数据库：%s")
                          % (__version__, self.store.path))
