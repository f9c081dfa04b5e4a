"""Putting a backup back: over the open database, or over a damaged or missing file.

The backup is checked in full before anything is touched; the current content
is kept (a safety backup, or the damaged file renamed beside it) so that a wrong
choice can be undone. A refused restore creates nothing: no folder, no file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from . import dbfile
from .database import (FileState, Store, apply_migrations, ensure_ours, inspect_file, open_database)
from .errors import BadDatabasePath, BangfuError, DatabaseDamaged, DatabaseLocked, DatabaseReadOnly
from .lock import InstanceLock
from .models import AuditLog, database


def check_backup(source: Path) -> FileState:
    """Check a backup file in full; raise a Chinese error if it cannot be restored."""
    source = Path(source)
    if not source.is_file():
        raise BangfuError(f"找不到备份文件“{source}”。请检查路径后重试。")
    state = inspect_file(source, full_check=True)
    if state.empty:
        raise BangfuError(f"“{source}”是空文件，不是帮扶台账的备份。数据库未改动。")
    ensure_ours(source, state)
    if state.problems:
        raise BangfuError(f"备份文件“{source}”有问题：{'；'.join(state.problems)}。数据库未改动。")
    return state


def _copy_with_page_size(src: sqlite3.Connection, tmp: Path, page_size: int) -> sqlite3.Connection:
    """A copy of ``src`` at ``tmp`` rebuilt with ``page_size`` (the backup API needs equal sizes in WAL)."""
    tmp.unlink(missing_ok=True)
    copy = sqlite3.connect(str(tmp))
    src.backup(copy)
    copy.execute("PRAGMA journal_mode = DELETE")
    copy.execute(f"PRAGMA page_size = {int(page_size)}")
    copy.execute("VACUUM")
    return copy


def _backup_bounded(src: sqlite3.Connection, dest: sqlite3.Connection, path: Path) -> None:
    """``src.backup(dest)`` that gives up after the lock wait and stops on Ctrl-C."""
    deadline = time.monotonic() + dbfile.lock_wait_seconds()

    def progress(status: int, remaining: int, total: int) -> None:
        # Called after every step, also the busy ones: Python code here lets Ctrl-C in.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise DatabaseLocked(dbfile.locked_message(path))

    dest.execute("PRAGMA busy_timeout = 200")
    try:
        src.backup(dest, progress=progress, sleep=0.1)
    finally:
        dest.execute("PRAGMA busy_timeout = 5000")


def restore_database(store: Store, source: Path) -> Path:
    """Replace the open database's content with ``source``; return the safety backup."""
    source = Path(source)
    state = check_backup(source)
    if store.read_only:
        raise DatabaseReadOnly(dbfile.read_only_message(store.path))
    safety = store.backups.run(reason="before-restore")
    live = database.connection()
    live_page = live.execute("PRAGMA page_size").fetchone()[0]
    src = dbfile.connect_read_only(source)
    tmp = store.path.with_name(f".{store.path.name}.restore.{os.getpid()}.part")
    copy = None
    try:
        if state.page_size and state.page_size != live_page:
            copy = _copy_with_page_size(src, tmp, live_page)
        _backup_bounded(copy or src, live, store.path)
    except sqlite3.Error as exc:
        known = dbfile.user_error(exc, store.path)
        raise (known or BangfuError(f"无法从“{source}”恢复：{exc}。数据库未改动。")) from exc
    finally:
        src.close()
        if copy is not None:
            copy.close()
        tmp.unlink(missing_ok=True)
    apply_migrations()
    AuditLog.create(table="database", action="恢复数据库", summary=f"从“{source.name}”恢复",
                    changes={"source": str(source), "safety_backup": str(safety)})
    return safety


@dataclass
class RestoreResult:
    """What ``restore_file`` did."""

    store: Store
    kept: Path | None  # the safety backup, or the damaged file renamed aside
    replaced_damaged: bool


def _move_aside(target: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm/-journal) beside itself; return the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", "-journal"):
        part = dbfile.sibling(target, suffix)
        if part.exists():
            os.replace(part, dbfile.sibling(aside, suffix))
    os.replace(target, aside)
    return aside


def restore_file(target: Path, source: Path) -> RestoreResult:
    """Restore ``source`` into the database file ``target``, which may be damaged or missing.

    A healthy target is restored in place after a safety backup; a damaged one is
    renamed aside and replaced; a missing one is created (its folder must exist).
    """
    target, source = Path(target), Path(source)
    check_backup(source)
    dbfile.check_path(target)
    if not target.parent.is_dir():
        raise BadDatabasePath(f"文件夹“{target.parent}”不存在。请检查数据库路径（--db）后重试；没有创建任何文件。")
    if not dbfile.writable(target):
        raise DatabaseReadOnly(dbfile.read_only_message(target))
    try:
        state = inspect_file(target)
        ensure_ours(target, state)
        damaged = False
    except DatabaseDamaged:
        damaged = True
    if not damaged and state.exists and not state.empty:
        store = open_database(target, backup_on_open=False)
        return RestoreResult(store, restore_database(store, source), replaced_damaged=False)
    lock = InstanceLock.acquire(target)
    tmp = target.with_name(f".{target.name}.restore.{os.getpid()}.part")
    kept = None
    try:
        src = dbfile.connect_read_only(source)
        try:
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        if damaged:
            kept = _move_aside(target)
        else:
            target.unlink(missing_ok=True)  # a zero-byte file
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        known = dbfile.user_error(exc, target)
        raise (known or BangfuError(f"无法写入“{target}”：{exc}。请检查磁盘空间和权限后重试。")) from exc
    finally:
        tmp.unlink(missing_ok=True)
        lock.release()
    store = open_database(target, backup_on_open=False)
    AuditLog.create(table="database", action="恢复数据库", summary=f"从“{source.name}”恢复",
                    changes={"source": str(source), "damaged_kept_as": str(kept) if kept else ""})
    return RestoreResult(store, kept, replaced_damaged=damaged)
