"""A lock file beside the database so that a second instance is told, not let in."""

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

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

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
        os.ftruncate(fd, 0)
        os.write(fd, f"进程 {os.getpid()}，计算机 {socket.gethostname()}".encode("utf-8"))
        return cls(path, fd)

    def release(self) -> None:
        """Give the lock up."""
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None
