"""Every dialog remembers its size (as Picard's PreserveGeometry), in one place.

Our dialogs derive from ``RememberedDialog``: it restores the dialog's saved
geometry when it is first shown and saves it when it hides, under the dialog's
class name (and its object name, when it has one). Message boxes, file dialogs
and progress dialogs size themselves and are left alone.

It was an application-wide event filter; that put a Python call on every event
of the program and, on the first events of each kind, made PySide6 create about
a hundred enum types on the GUI thread (30 ms in one piece after the window
first appears).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from .settings_store import qsettings

_RESTORED = "_bangfu_geometry_restored"


def geometry_key(dialog: QDialog) -> str:
    """Where a dialog's geometry is kept."""
    name = type(dialog).__name__
    if dialog.objectName():
        name += "." + dialog.objectName()
    return f"dialogs/{name}"


class RememberedDialog(QDialog):
    """A dialog that opens at the size and place it was last closed at."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.property(_RESTORED):
            self.setProperty(_RESTORED, True)
            saved = qsettings().value(geometry_key(self))
            if saved is not None:
                self.restoreGeometry(saved)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        qsettings().setValue(geometry_key(self), self.saveGeometry())
        super().hideEvent(event)
