"""Backup files: written with SQLite's online backup API, never a plain copy of a live file.

In WAL mode recent commits live in the ``-wal`` file, so copying the main file
would lose them; ``Connection.backup`` copies a consistent snapshot.

This module knows backup files and the automatic-backup policy only; opening
and restoring databases is ``database``/``restore``, which build on it (it
imports neither).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Protocol

from .. import paths
from . import errorlog
from .errors import BangfuError
from .fileio import remove_stale_parts

BACKUP_PREFIX = "bangfu-"
BACKUP_SUFFIX = ".sqlite3"


class BackupOwner(Protocol):
    """What the automatic backups need from the open database (``database.Store``)."""

    path: Path
    changes_since_backup: int
    last_backup: Path | None


def part_path(dest: Path) -> Path:
    """The temporary name a backup is written under (the writer's pid marks it as live)."""
    return dest.with_name(f"{dest.name}.{os.getpid()}.part")


def write_backup(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of ``source`` to ``dest`` (temp name, then rename)."""
    dest = Path(dest)
    tmp = part_path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(dest.parent, lambda name: name == dest.name or name.startswith(BACKUP_PREFIX))
        tmp.unlink(missing_ok=True)
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
            # A backup is a single file that can be carried away: no WAL.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        reason = getattr(exc, "strerror", None) or exc
        raise BangfuError(
            f"无法写入备份文件“{dest}”：{reason}。请检查磁盘空间和文件夹权限后重试。"
        ) from exc
    return dest


def timestamped_name(when: dt.datetime | None = None) -> str:
    """``bangfu-20261122-120000.sqlite3``."""
    when = when or dt.datetime.now()
    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"


def list_backups(folder: Path) -> list[Path]:
    """Automatic backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(BACKUP_PREFIX) and p.suffix == BACKUP_SUFFIX
    )


class AutoBackup:
    """Rotating automatic backups: on open and after every N changes, keep the last K.

    A failed automatic backup never fails the write that triggered it: it is
    logged, kept in ``last_error`` and handed to every listener (the window's
    status bar); the next attempt comes after another N changes.
    """

    def __init__(self, store: BackupOwner):
        self.store = store
        self.last_error: str | None = None
        # Called with the Chinese message (None after a backup succeeds again); any thread.
        self.listeners: list[Callable[[str | None], None]] = []
        self._lock = threading.Lock()

    def folder(self) -> Path:
        """Where automatic backups go (the setting, or beside the database)."""
        from . import settings

        chosen = settings.get("backup.dir")
        return Path(chosen) if chosen else paths.default_backup_dir(self.store.path)

    def after_change(self) -> None:
        """Back up when enough changes have accumulated since the last backup (never raises)."""
        from . import settings
        from .models import database

        try:
            every = max(1, settings.get("backup.every"))
            # Inside a transaction the snapshot would wait on our own lock; the next
            # change after the commit takes the backup instead.
            if self.store.changes_since_backup >= every and not database.in_transaction():
                self.run_quietly(reason="changes")
        except Exception as exc:  # noqa: BLE001 - the committed write must stand
            self._failed(exc)

    def run_quietly(self, reason: str) -> Path | None:
        """``run`` that reports a failure to the log and the listeners instead of raising."""
        try:
            return self.run(reason=reason)
        except Exception as exc:  # noqa: BLE001 - see the class docstring
            self._failed(exc)
            return None

    def run(self, reason: str = "manual") -> Path:
        """Write one backup now and prune the old ones."""
        from . import settings
        from .models import database

        with self._lock:
            try:
                folder = self.folder()
                dest = folder / timestamped_name()
                n = 1
                while dest.exists():
                    dest = folder / f"{dest.stem.split('_')[0]}_{n}{BACKUP_SUFFIX}"
                    n += 1
                write_backup(database.connection(), dest)
            except BaseException:
                # Try again only after another N changes, not on every keystroke-save.
                self.store.changes_since_backup = 0
                raise
            self.store.changes_since_backup = 0
            self.store.last_backup = dest
            keep = max(1, settings.get("backup.keep"))
            for old in list_backups(folder)[:-keep]:
                old.unlink(missing_ok=True)
        if self.last_error is not None:
            self.last_error = None
            self._tell(None)
        return dest

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else f"{type(exc).__name__}: {exc}"
        log = errorlog.log_exception("自动备份失败", exc)
        self.last_error = f"自动备份失败：{text}" + (f"（详见 {log}）" if log else "")
        self._tell(self.last_error)

    def _tell(self, message: str | None) -> None:
        for listener in list(self.listeners):
            try:
                listener(message)
            except Exception:  # noqa: BLE001 - a broken listener must not break the write
                errorlog.log_exception("备份提示回调失败")
