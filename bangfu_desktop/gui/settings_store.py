"""Window state kept per user (size, position, last tab), not in the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from .. import paths


def qsettings() -> QSettings:
    """The per-user settings file."""
    folder = paths.settings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.IniFormat)


def remember_geometry(widget: QWidget, default: tuple[int, int] | None = None) -> None:
    """Restore a dialog's size under its class name and save it when it closes."""
    key = f"geometry/{type(widget).__name__}"
    saved = qsettings().value(key)
    if saved is not None:
        widget.restoreGeometry(saved)
    elif default:
        widget.resize(*default)
    if hasattr(widget, "finished"):
        widget.finished.connect(lambda *_: qsettings().setValue(key, widget.saveGeometry()))
