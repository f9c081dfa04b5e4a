"""A lock file beside the database so that a second instance is told, not let in.

The file also tells a clean shutdown from a crash: the holder writes its name
into it and empties it on release, so a non-empty lock file nobody holds was
left by a process that died (the next open runs the full quick check).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from .errors import DatabaseInUse

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # The locked byte lies past the holder text, so a second instance can read it.
    _LOCK_OFFSET = 4096

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(db_path: Path) -> Path:
    """The lock file of a database."""
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """An OS-level lock held for as long as one program instance uses the database.

    The OS drops the lock when the process dies, so a crash never leaves the
    database locked for good.
    """

    def __init__(self, path: Path, fd: int, unclean: bool = False):
        self.path = path
        self._fd: int | None = fd
        # The previous holder died without releasing (crash, SIGKILL, power loss).
        self.previous_unclean = unclean

    @classmethod
    def acquire(cls, db_path: Path) -> "InstanceLock":
        """Take the lock or raise DatabaseInUse naming who holds it."""
        path = lock_path(db_path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "未知进程"
            except OSError:
                holder = "未知进程"
            os.close(fd)
            raise DatabaseInUse(
                f"数据库“{db_path}”正被另一个帮扶台账程序使用（{holder}）。"
                "请先关闭那个窗口或等它完成，再重试；同时打开两个会互相覆盖修改。"
            )
        os.lseek(fd, 0, os.SEEK_SET)
        unclean = bool(os.read(fd, 200).strip())
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"进程 {os.getpid()}，计算机 {socket.gethostname()}".encode("utf-8"))
        os.fsync(fd)
        return cls(path, fd, unclean)

    def release(self) -> None:
        """Give the lock up."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)  # empty = closed cleanly
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def left_by_crash(db_path: Path) -> bool:
    """Whether the last holder of the lock died without releasing it (nobody holds it now)."""
    path = lock_path(db_path)
    try:
        if path.stat().st_size == 0:
            return False
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False  # a live holder: not a crash
        _unlock(fd)
        return True
    finally:
        os.close(fd)


def mark_clean(db_path: Path) -> None:
    """Empty a crash-left lock file after the database passed its check (if nobody holds it)."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return
    try:
        if _try_lock(fd):
            os.ftruncate(fd, 0)
            _unlock(fd)
    finally:
        os.close(fd)
