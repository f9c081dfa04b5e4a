"""Every dialog remembers its size (as Picard's PreserveGeometry), in one place.

An application-wide event filter restores a dialog's saved geometry when it is
first shown and saves it when it hides, under the dialog's class name (and its
object name, when it has one). Message boxes, file dialogs and progress dialogs
size themselves and are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QProgressDialog

from .settings_store import qsettings

_SKIPPED = (QMessageBox, QFileDialog, QProgressDialog)
_RESTORED = "_bangfu_geometry_restored"


def geometry_key(dialog: QDialog) -> str:
    """Where a dialog's geometry is kept."""
    name = type(dialog).__name__
    if dialog.objectName():
        name += "." + dialog.objectName()
    return f"dialogs/{name}"


class _DialogGeometry(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Show, QEvent.Hide) and isinstance(watched, QDialog) \
                and not isinstance(watched, _SKIPPED):
            if kind == QEvent.Show and not watched.property(_RESTORED):
                watched.setProperty(_RESTORED, True)
                saved = qsettings().value(geometry_key(watched))
                if saved is not None:
                    watched.restoreGeometry(saved)
            elif kind == QEvent.Hide:
                qsettings().setValue(geometry_key(watched), watched.saveGeometry())
        return False


_filter: _DialogGeometry | None = None


def install(app: QApplication | None = None) -> None:
    """Make every dialog of the application remember its size (once per application)."""
    global _filter
    app = app or QApplication.instance()
    if app is None or _filter is not None:
        return
    _filter = _DialogGeometry(app)
    app.installEventFilter(_filter)
