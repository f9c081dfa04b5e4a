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
# Looked up once: the filter sees every event of the application, and PySide6's old-style
# names (QEvent.Show) cost a compatibility lookup each time.
_SHOW = QEvent.Type.Show
_HIDE = QEvent.Type.Hide
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
        if kind != _SHOW and kind != _HIDE:
            return False
        if isinstance(watched, QDialog) and not isinstance(watched, _SKIPPED):
            if kind == _SHOW and not watched.property(_RESTORED):
                watched.setProperty(_RESTORED, True)
                saved = qsettings().value(geometry_key(watched))
                if saved is not None:
                    watched.restoreGeometry(saved)
            elif kind == _HIDE:
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
