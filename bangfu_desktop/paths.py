"""Where the database, its attachments and its backups live.

Order for the database: an explicit path (``--db``), the ``BANGFU_DB`` variable,
a ``db/`` folder beside a frozen executable (portable mode), the user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "bangfu-desktop"
DB_FILENAME = "bangfu.sqlite3"
ENV_DB = "BANGFU_DB"


def portable_dir() -> Path | None:
    """The ``db/`` folder beside the frozen executable, when there is one."""
    if not getattr(sys, "frozen", False):
        return None
    candidate = Path(sys.executable).resolve().parent / "db"
    return candidate if candidate.is_dir() else None


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    portable = portable_dir()
    if portable is not None:
        return portable / DB_FILENAME
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike | None) -> Path:
    """``explicit`` when given, else the default."""
    return Path(explicit).expanduser() if explicit else default_db_path()


def attachments_dir(db_path: Path) -> Path:
    """The managed folder of attachment files beside the database."""
    return db_path.with_name(db_path.stem + "_attachments")


def default_backup_dir(db_path: Path) -> Path:
    """Automatic backups go here unless the settings name another folder."""
    return db_path.with_name(db_path.stem + "_backups")


def documents_dir() -> Path:
    """The user's Documents folder (``BANGFU_DOCUMENTS_DIR`` overrides; tests use a tmp folder)."""
    env = os.environ.get("BANGFU_DOCUMENTS_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_documents_dir())


def default_outbox_dir() -> Path:
    """Where 报送 files go unless 设置 names another folder: Documents/帮扶台账/报送."""
    return documents_dir() / "帮扶台账" / "报送"


def settings_dir() -> Path:
    """Per-user folder for window state and similar preferences (``BANGFU_CONFIG_DIR`` overrides)."""
    env = os.environ.get("BANGFU_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Folder of the error log: the user data folder (``BANGFU_LOG_DIR`` overrides, e.g. in tests)."""
    env = os.environ.get("BANGFU_LOG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "logs"
