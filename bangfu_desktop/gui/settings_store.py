"""Window state kept per user (size, position, last tab), not in the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from .. import paths


def qsettings() -> QSettings:
    """The per-user settings file."""
    folder = paths.settings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.IniFormat)
