"""Looking at a database file from outside: its header, its state, safe URIs, lock waits.

Nothing here opens the file for writing except ``recover_hot_journal`` (which lets
SQLite roll back an interrupted transaction, as any open would). ``database`` and
``backup`` both build on this module; it imports neither.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from .errors import BadDatabasePath, DatabaseDamaged, DatabaseLocked, DatabaseReadOnly, DiskFull

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
# How long a command waits for another program's write lock (BANGFU_LOCK_WAIT overrides).
LOCK_WAIT_SECONDS = 20.0
# Set by the command line to tell the user it is waiting (printed once per wait).
on_wait: Callable[[str], None] | None = None

T = TypeVar("T")


@dataclass(frozen=True)
class Header:
    """The fields of SQLite's 100-byte file header that we use."""

    page_size: int
    wal: bool  # file format versions 2/2: the file is in WAL mode
    page_count: int
    user_version: int


def read_header(path: Path) -> Header | None:
    """The header of ``path``, or None when the file is not an SQLite database."""
    with open(path, "rb") as fh:
        raw = fh.read(HEADER_SIZE)
    if len(raw) < HEADER_SIZE or raw[:16] != SQLITE_MAGIC:
        return None
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    write_version, read_version = raw[18], raw[19]
    page_count = struct.unpack(">I", raw[28:32])[0]
    user_version = struct.unpack(">i", raw[60:64])[0]
    return Header(page_size, write_version == 2 and read_version == 2, page_count, user_version)


def sqlite_uri(path: Path, *, read_only: bool = True, immutable: bool = False) -> str:
    """A ``file:`` URI for ``path`` with every special character (#, ?, %, space) escaped."""
    uri = Path(path).absolute().as_uri()
    params = (["mode=ro"] if read_only else []) + (["immutable=1"] if immutable else [])
    return uri + ("?" + "&".join(params) if params else "")


def sibling(path: Path, suffix: str) -> Path:
    """``bangfu.sqlite3-wal`` and friends."""
    return path.with_name(path.name + suffix)


def writable(path: Path) -> bool:
    """Whether the file (if it exists) and its folder can be written.

    A folder still to be made counts as its nearest existing ancestor.
    """
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def read_only_message(path: Path) -> str:
    """What to tell a user whose database cannot be written."""
    return (f"数据库“{path}”是只读的（文件或所在文件夹不可写）。可以查看、检查、统计和导出，但不能修改。"
            "要修改，请把它复制到可写的文件夹（例如“文档”），或请管理员改为可写后重试。")


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a database file at all, or None."""
    if path.is_dir():
        return (f"“{path}”是一个文件夹，不是数据库文件。请选择文件夹里的数据库文件（.sqlite3），"
                "或在文件夹后写上新文件的名字。")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"路径“{path}”中的“{parent}”是一个文件，不是文件夹。请检查路径后重试。"
            break
    return None


def check_path(path: Path) -> None:
    """Raise BadDatabasePath when ``path`` cannot be a database file."""
    problem = path_problem(path)
    if problem:
        raise BadDatabasePath(problem)


def damaged(path: Path, detail: str) -> DatabaseDamaged:
    """The message for a file we cannot read as a database."""
    return DatabaseDamaged(
        f"数据库文件“{path}”已损坏或不是帮扶台账的数据库（{detail}）。"
        "请用“恢复”从备份还原（bangfu restore 备份文件），或联系技术人员；原文件未作任何改动。"
    )


def is_locked_error(exc: BaseException) -> bool:
    """SQLite's busy/locked errors (another connection holds the lock)."""
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text


def locked_message(path: Path) -> str:
    """What to tell a user whose database another program holds."""
    return (f"数据库“{path}”正被另一个程序占用（它正在写入，或打开后没有关闭，例如数据库查看工具）。"
            "请关闭那个程序后重试；数据未作任何改动。")


def lock_wait_seconds() -> float:
    """The bound on waiting for a lock."""
    try:
        return float(os.environ.get("BANGFU_LOCK_WAIT", LOCK_WAIT_SECONDS))
    except ValueError:
        return LOCK_WAIT_SECONDS


def retry_locked(fn: Callable[[], T], path: Path, *, wait: float | None = None) -> T:
    """Call ``fn`` until it stops failing with "database is locked", for a bounded time.

    The sleeps are short Python sleeps, so Ctrl-C (KeyboardInterrupt) stops the wait.
    """
    deadline = time.monotonic() + (lock_wait_seconds() if wait is None else wait)
    told = False
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if not is_locked_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseLocked(locked_message(path)) from exc
            if not told and on_wait is not None:
                on_wait(f"数据库正被另一个程序占用，正在等待它完成（最多 {lock_wait_seconds():.0f} 秒，按 Ctrl-C 取消）…")
            told = True
            time.sleep(0.2)


def recover_hot_journal(path: Path) -> bool:
    """Let SQLite roll back the rollback journal a killed writer left; True if there was one.

    A read-only probe cannot do this (it fails with "attempt to write a readonly
    database"), but the file is not damaged: a read-write open rolls back cleanly.
    """
    journal = sibling(path, "-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return False
    if not writable(path):
        raise DatabaseReadOnly(
            f"数据库“{path}”上次写入时被中断，留下了日志文件“{journal.name}”；它在只读位置，无法自动恢复。"
            "请把数据库文件和同名的 -journal 文件一起复制到可写的文件夹后再打开。")

    def roll_back() -> None:
        # A plain path (not a URI) has no special characters; the file exists.
        conn = sqlite3.connect(str(path), timeout=0.2)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()

    try:
        retry_locked(roll_back, path)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from exc
    return True


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only, also in a read-only folder.

    A WAL file in a read-only folder cannot get its ``-shm`` file ("unable to open
    database file"); with no ``-wal`` content pending it is read as immutable.
    """
    uri = sqlite_uri(path)
    if writable(path):
        return uri
    conn = sqlite3.connect(uri, uri=True, timeout=0.2)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return uri
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
    finally:
        conn.close()
    wal = sibling(path, "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DatabaseReadOnly(
            f"数据库“{path}”在只读文件夹中，且有尚未写回的日志文件“{wal.name}”。"
            "请把整个文件夹复制到可写的位置后再打开。")
    return sqlite_uri(path, immutable=True)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that works in a read-only folder and with any file name."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)


def user_error(exc: BaseException, path: Path | None = None) -> Exception | None:
    """A Chinese BangfuError for an SQLite/OS failure a user can act on, or None.

    Looks along the exception chain, since a failed rollback can hide the cause.
    """
    where = f"“{path}”" if path else ""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen).lower()
        if "database or disk is full" in text or getattr(seen, "errno", None) == 28:
            return DiskFull(f"磁盘空间已满，数据库{where}写入失败。本次修改已全部撤销，数据库完好。"
                            "请腾出磁盘空间（删除不用的文件、清空回收站）后重试。")
        if "readonly database" in text or "read-only" in text:
            return DatabaseReadOnly(read_only_message(path) if path else
                                    "数据库是只读的，不能修改。请把它复制到可写的文件夹后重试。")
        if is_locked_error(seen) and type(seen).__module__ in ("sqlite3", "peewee"):
            return DatabaseLocked(locked_message(path) if path else
                                  "数据库正被另一个程序占用，请关闭那个程序后重试；本次修改已撤销。")
        seen = seen.__cause__ or seen.__context__
    return None


def process_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs (always True where we cannot tell safely)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would terminate it there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
