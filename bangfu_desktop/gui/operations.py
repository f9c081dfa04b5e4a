"""One way to run work from the window: off the GUI thread, with progress and errors shown.

Like Anki's CollectionOp: ``run_op(parent, label, fn, on_done)`` runs ``fn`` in a
worker thread; a progress dialog appears when the work takes longer than a
moment; a BangfuError becomes a Chinese message box; on success ``on_done``
gets the result and the bus announces the change.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from ..core.errors import BangfuError, Cancelled
from ..core.models import database
from .bus import bus


class _Signals(QObject):
    # Emitted from the worker with (done, total).
    progress = Signal(int, int)
    # Emitted once with the result.
    finished = Signal(object)
    # Emitted once with (message, kind): kind is "cancelled", "user" or "bug".
    failed = Signal(str, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], wants_progress: bool):
        super().__init__()
        self.fn = fn
        self.wants_progress = wants_progress
        self.signals = _Signals()
        self.cancel_requested = False

    def run(self) -> None:  # worker thread
        try:
            if self.wants_progress:
                result = self.fn(progress=self.signals.progress.emit, cancelled=lambda: self.cancel_requested)
            else:
                result = self.fn()
        except Cancelled as exc:
            self.signals.failed.emit(str(exc), "cancelled")
        except BangfuError as exc:
            self.signals.failed.emit(str(exc), "user")
        except Exception:  # noqa: BLE001 - a bug: show the details
            self.signals.failed.emit(traceback.format_exc(), "bug")
        else:
            self.signals.finished.emit(result)
        finally:
            # peewee keeps one connection per thread; pool threads are reused.
            if not database.is_closed():
                database.close()


_running: set[_Job] = set()


def run_op(
    parent: QWidget | None,
    label: str,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    changes: str | None = None,
    progress: bool = False,
    cancellable: bool = False,
    on_error: Callable[[str], None] | None = None,
) -> _Job:
    """Run ``fn`` off the GUI thread; ``changes`` names the table to announce afterwards.

    With ``progress`` the function receives ``progress(done, total)`` and
    ``cancelled()`` keyword arguments.
    """
    job = _Job(fn, progress)
    dialog = None
    if parent is not None:
        dialog = QProgressDialog(label, "取消" if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle("请稍候")
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

    def finish(result: Any) -> None:
        _running.discard(job)
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()
        if changes is not None:
            bus.changed.emit(changes)
        if alive(on_done):
            on_done(result)

    def fail(message: str, kind: str) -> None:
        _running.discard(job)
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()
        if on_error is not None:
            if alive(on_error):
                on_error(message)
        elif kind == "cancelled":
            window = parent.window() if parent is not None else None
            if window is not None and hasattr(window, "statusBar"):
                window.statusBar().showMessage(message, 8000)
        elif kind == "user":
            QMessageBox.warning(parent, "未能完成", message)
        else:
            box = QMessageBox(QMessageBox.Critical, "程序内部错误",
                              "出现了程序错误，数据未受影响。请把详细信息发给技术支持。", parent=parent)
            box.setDetailedText(message)
            box.exec()

    job.signals.finished.connect(finish, Qt.QueuedConnection)
    job.signals.failed.connect(fail, Qt.QueuedConnection)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_jobs(timeout_ms: int = 10000) -> bool:
    """Block until background jobs are done (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
