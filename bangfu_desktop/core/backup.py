"""Backups with SQLite's online backup API, never a plain copy of a live file.

In WAL mode recent commits live in the ``-wal`` file, so copying the main file
would lose them; ``Connection.backup`` copies a consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from .errors import BangfuError

if TYPE_CHECKING:  # pragma: no cover
    from .database import Store

BACKUP_PREFIX = "bangfu-"
BACKUP_SUFFIX = ".sqlite3"


def write_backup(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of ``source`` to ``dest`` (temp name, then rename)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # A backup is a single file that can be carried away: no WAL.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        if tmp.exists():
            tmp.unlink()
        raise BangfuError(
            f"无法写入备份文件“{dest}”：{exc}。请检查磁盘空间和文件夹权限后重试。"
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
    """Rotating automatic backups: on open and after every N changes, keep the last K."""

    def __init__(self, store: "Store"):
        self.store = store

    def folder(self) -> Path:
        """Where automatic backups go (the setting, or beside the database)."""
        from . import settings

        chosen = settings.get("backup.dir")
        return Path(chosen) if chosen else paths.default_backup_dir(self.store.path)

    def after_change(self) -> None:
        """Back up when enough changes have accumulated since the last backup."""
        from . import settings

        from .models import database

        every = max(1, settings.get("backup.every"))
        # Inside a transaction the snapshot would wait on our own lock; the next
        # change after the commit takes the backup instead.
        if self.store.changes_since_backup >= every and not database.in_transaction():
            self.run(reason="changes")

    def run(self, reason: str = "manual") -> Path:
        """Write one backup now and prune the old ones."""
        from . import settings
        from .models import database

        folder = self.folder()
        dest = folder / timestamped_name()
        n = 1
        while dest.exists():
            dest = folder / f"{dest.stem.split('_')[0]}_{n}{BACKUP_SUFFIX}"
            n += 1
        write_backup(database.connection(), dest)
        self.store.changes_since_backup = 0
        self.store.last_backup = dest
        keep = max(1, settings.get("backup.keep"))
        for old in list_backups(folder)[:-keep]:
            old.unlink(missing_ok=True)
        return dest


def restore_database(store: "Store", source: Path) -> Path:
    """Replace the open database's content with ``source``; return the safety backup.

    The source is checked in full first, and the current content is backed up
    before anything is replaced, so a wrong choice can be undone.
    """
    from .database import apply_migrations, ensure_ours, inspect_file
    from .models import AuditLog, database

    source = Path(source)
    if not source.is_file():
        raise BangfuError(f"找不到备份文件“{source}”。请检查路径后重试。")
    state = inspect_file(source, full_check=True)
    if state.empty:
        raise BangfuError(f"“{source}”是空文件，不是帮扶台账的备份。数据库未改动。")
    ensure_ours(source, state)
    if state.problems:
        raise BangfuError(f"备份文件“{source}”有问题：{'；'.join(state.problems)}。数据库未改动。")
    safety = store.backups.run(reason="before-restore")
    src = sqlite3.connect("file:" + source.resolve().as_posix() + "?mode=ro", uri=True)
    try:
        src.backup(database.connection())
    finally:
        src.close()
    apply_migrations()
    AuditLog.create(table="database", action="恢复数据库", summary=f"从“{source.name}”恢复",
                    changes={"source": str(source), "safety_backup": str(safety)})
    return safety
