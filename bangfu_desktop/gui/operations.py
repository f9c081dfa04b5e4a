"""One way to run work from the window: off the GUI thread, with progress, errors and announcements.

Like Anki's CollectionOp. Every write the window makes goes through ``run_op``; no
widget writes to the database itself.

``run_op(parent, label, fn, on_done=None, *, changes=None, progress=False,
cancellable=False, on_error=None, always=None) -> job``

- ``fn`` runs in a worker thread (no Qt in it: call a core function). With
  ``progress=True`` it is called as ``fn(progress=cb(done, total), cancelled=() -> bool)``.
- ``label``: the text of the progress dialog that appears (window-modal, after
  0.4 s) when ``parent`` is given; with ``cancellable`` it has a 取消 button.
- On success, in this order: ``changes`` is announced on ``bus.changed`` (a table
  name, a sequence of them, or "" for everything), ``on_done(result)`` is called,
  and warnings about the committed write (an automatic backup that failed,
  ``core.records.take_warnings``) appear in the status bar and once in a message box.
- On failure nothing is announced and ``on_done`` is not called. ``on_error(message)``
  is called if given; otherwise a BangfuError shows its Chinese text (未能完成), a
  ``Cancelled`` goes to the status bar, and any other exception is written with its
  traceback to the error log (``core.errorlog``) and shown as a message naming
  that file. Message boxes are opened window-modal without blocking.
- ``always(ok)`` is called last in both cases (a form re-enables its buttons).
- Callbacks whose owner QObject was deleted while the job ran are skipped.

``install_excepthook()`` makes ``sys.excepthook`` and ``threading.excepthook`` log any
unexpected exception and show the same message; the program keeps running.
``wait_for_jobs(ms)`` blocks until background jobs are done (exit, tests).
"""

from __future__ import annotations
from .i18n import tr

import sys
import threading
import traceback
from typing import Any, Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from ..core import errorlog, records
from ..core.errors import BangfuError, Cancelled
from ..core.models import database
from .bus import bus


class _Signals(QObject):
    # Emitted from the worker with (done, total).
    progress = Signal(int, int)
    # Emitted once with the result.
    finished = Signal(object)
    # Emitted once with (message, kind, details): kind is "cancelled", "user" or "bug".
    failed = Signal(str, str, str)


def unexpected_message(exc: BaseException, log: Any) -> str:
    """The Chinese text shown for an exception nobody expected."""
    where = (tr("operations", "详细信息已写入错误日志“{log}”，请把这个文件发给技术支持。").format(log=log) if log
             else tr("operations", "错误日志也无法写入，请截图后发给技术支持。"))
    return (tr("operations", "出现了意外的程序错误（{name}：{exc}），本次操作没有完成，已保存的数据不受影响。{where}程序可以继续使用。").format(name=type(exc).__name__, exc=exc, where=where))


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], wants_progress: bool, label: str):
        super().__init__()
        self.fn = fn
        self.wants_progress = wants_progress
        self.label = label
        self.signals = _Signals()
        self.cancel_requested = False

    def run(self) -> None:  # worker thread
        try:
            if self.wants_progress:
                result = self.fn(progress=self.signals.progress.emit, cancelled=lambda: self.cancel_requested)
            else:
                result = self.fn()
        except Cancelled as exc:
            self._emit("failed", str(exc), "cancelled", "")
        except BangfuError as exc:
            self._emit("failed", str(exc), "user", "")
        except Exception as exc:  # noqa: BLE001 - a bug: log it and say where the log is
            log = errorlog.log_exception(f"后台操作失败：{self.label or getattr(self.fn, '__name__', '')}", exc)  # notr
            self._emit("failed", unexpected_message(exc, log), "bug", traceback.format_exc())
        else:
            self._emit("finished", result)
        finally:
            # peewee keeps one connection per thread; pool threads are reused.
            if not database.is_closed():
                database.close()

    def _emit(self, name: str, *args) -> None:
        """Report to the GUI thread, unless the application has already gone (its signals deleted)."""
        try:
            getattr(self.signals, name).emit(*args)
        except RuntimeError:
            if isValid(self.signals):
                raise


_running: set[_Job] = set()
# Message boxes opened without blocking, kept alive until closed.
_boxes: list[QMessageBox] = []
_warned: set[str] = set()


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                 details: str = "") -> QMessageBox:
    """Open a message box window-modal over ``parent`` without blocking the caller."""
    box = QMessageBox(icon, title, text, QMessageBox.Ok, parent)
    box.setObjectName("operation_message")
    box.button(QMessageBox.Ok).setText(tr("operations", "确定"))
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WA_DeleteOnClose)
    _boxes.append(box)
    box.destroyed.connect(lambda *_: _boxes.remove(box) if box in _boxes else None)
    box.open()
    return box


def _main_window(widget: QWidget | None) -> QWidget | None:
    """The window with a status bar that ``widget`` (maybe a form over it) belongs to."""
    while widget is not None and isValid(widget):
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    return None


def _status(parent: QWidget | None, text: str) -> None:
    window = _main_window(parent)
    if window is not None:
        window.statusBar().showMessage(text, 15000)


def watch_backup_failures(store) -> None:
    """Have a failed automatic backup shown after the write that triggered it (once per store)."""
    if getattr(store, "_window_watches_backups", False) or not hasattr(store, "on_backup_error"):
        return
    store._window_watches_backups = True
    store.on_backup_error(lambda message: message and records.add_warning(
        tr("operations", "记录已保存，但{message}。请在“设置”中选择一个可以写入的备份文件夹。").format(message=message)))


def _show_warnings(parent: QWidget | None) -> None:
    for text in records.take_warnings():
        _status(parent, text)
        if text not in _warned:  # the same failing backup is not a new box at every save
            _warned.add(text)
            # Over the window: the form that saved is closing.
            show_message(_main_window(parent) or parent, QMessageBox.Warning, tr("operations", "自动备份失败"), text)


def _announce(changes: str | Sequence[str] | None) -> None:
    if changes is None:
        return
    for table in ([changes] if isinstance(changes, str) else list(dict.fromkeys(changes))):
        bus.changed.emit(table)


def run_op(
    parent: QWidget | None,
    label: str,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    changes: str | Sequence[str] | None = None,
    progress: bool = False,
    cancellable: bool = False,
    on_error: Callable[[str], None] | None = None,
    always: Callable[[bool], None] | None = None,
) -> _Job:
    """Run ``fn`` off the GUI thread; see the module docstring for what happens afterwards."""
    job = _Job(fn, progress, label)
    dialog = None
    if parent is not None:
        dialog = QProgressDialog(label, tr("operations", "取消") if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(tr("operations", "请稍候"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(lambda: setattr(job, "cancel_requested", True))

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        job.signals.progress.connect(show_progress)

    def alive(callback) -> bool:
        # A tab closed while its job ran must not be called back.
        owner = getattr(callback, "__self__", None)
        return callback is not None and (not isinstance(owner, QObject) or isValid(owner))

    def live_parent() -> QWidget | None:
        return parent if parent is not None and isValid(parent) else None

    def close_dialog() -> None:
        _running.discard(job)
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()

    def finish(result: Any) -> None:
        close_dialog()
        try:
            _announce(changes)
            if alive(on_done):
                on_done(result)
            _show_warnings(live_parent())
        finally:
            if alive(always):
                always(True)

    def fail(message: str, kind: str, details: str) -> None:
        close_dialog()
        try:
            if on_error is not None:
                if alive(on_error):
                    on_error(message)
            elif kind == "cancelled":
                _status(live_parent(), message)
            elif kind == "user":
                show_message(live_parent(), QMessageBox.Warning, tr("operations", "未能完成"), message)
            else:
                show_message(live_parent(), QMessageBox.Critical, tr("operations", "程序错误"), message, details)
        finally:
            if alive(always):
                always(False)

    job.signals.finished.connect(finish, Qt.QueuedConnection)
    job.signals.failed.connect(fail, Qt.QueuedConnection)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_jobs(timeout_ms: int = 10000) -> bool:
    """Block until background jobs are done (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


# -- unexpected exceptions anywhere ----------------------------------------------------------
class _CrashRelay(QObject):
    # Carries a message from any thread to the GUI thread.
    show = Signal(str, str)


_relay: _CrashRelay | None = None
_previous_hooks: tuple | None = None


def _show_crash(text: str, details: str) -> None:
    if any(isValid(b) and b.isVisible() and b.windowTitle() == tr("operations", "程序错误") for b in _boxes):
        return  # one box at a time; the log holds every one
    show_message(QApplication.activeWindow(), QMessageBox.Critical, tr("operations", "程序错误"), text, details)


def handle_exception(exc_type, exc: BaseException, tb, context: str = "未处理的异常") -> None:  # notr (log text)
    """Log an unexpected exception with its traceback and show a Chinese message naming the log."""
    if exc is None:
        return
    if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    log = errorlog.log_exception(context, exc)
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    text = unexpected_message(exc, log)
    if isinstance(exc, BangfuError):
        text = str(exc)
    if _relay is not None and isValid(_relay):
        _relay.show.emit(text, details)  # queued when raised off the GUI thread
    elif sys.__stderr__ is not None:
        sys.__stderr__.write(details)


def install_excepthook() -> None:
    """Route ``sys.excepthook`` and ``threading.excepthook`` to the error log and a message box."""
    global _relay, _previous_hooks
    app = QApplication.instance()
    if _relay is None or not isValid(_relay):
        _relay = _CrashRelay()
        if app is not None and _relay.thread() is not app.thread():
            _relay.moveToThread(app.thread())
        _relay.show.connect(_show_crash, Qt.QueuedConnection)
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    sys.excepthook = handle_exception
    threading.excepthook = lambda args: handle_exception(
        args.exc_type, args.exc_value, args.exc_traceback, f"线程 {getattr(args.thread, 'name', '')} 中的异常")  # notr (log text)


def uninstall_excepthook() -> None:
    """Put back the hooks that were there before (tests)."""
    global _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None
