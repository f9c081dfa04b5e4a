"""Writing files so that a failure or a cancel never leaves a half-written file."""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import BangfuError, Cancelled

# progress(done, total) and cancelled() let the GUI show a bar and stop long work.
ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


@contextmanager
def atomic_write(dest: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; rename it to ``dest`` only on success."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    remove_stale_parts(dest.parent, lambda name: name == f".{dest.name}")
    try:
        yield tmp
        os.replace(tmp, dest)
    except Cancelled:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BangfuError(
            f"无法写入文件“{dest}”：{exc.strerror or exc}。请检查磁盘空间、文件是否正被 Excel/WPS 打开，"
            "以及文件夹权限后重试。"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_cancel(cancelled: CancelFn | None) -> None:
    """Raise Cancelled when the user asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()


# ``.name.<pid>.part`` (atomic_write), ``name.<pid>.part`` (backups), ``name.part`` (older versions).
_PART = re.compile(r"^(?P<name>.+?)(?:\.(?P<pid>\d+))?\.part$")
# A part file this old is a leftover whoever wrote it (guards against reused pids).
STALE_AFTER_SECONDS = 24 * 3600
# Parts without a pid come from older versions: removed once they are a minute old.
LEGACY_AFTER_SECONDS = 60


def remove_stale_parts(folder: Path, ours: Callable[[str], bool]) -> list[Path]:
    """Delete half-written ``.part`` files that killed writers left in ``folder``.

    Only parts whose target name ``ours(name)`` accepts are touched (a user's folder
    may hold a browser's ``.part`` downloads); a part whose writer still runs is kept.
    """
    from .dbfile import process_alive

    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _PART.match(entry.name)
        if not match or not ours(match.group("name")) or not entry.is_file():
            continue
        try:
            age = now - entry.stat().st_mtime
            pid = match.group("pid")
            if pid is None:
                stale = age > LEGACY_AFTER_SECONDS
            else:
                stale = age > STALE_AFTER_SECONDS or not process_alive(int(pid))
            if stale:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return removed
