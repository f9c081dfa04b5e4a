"""Writing files so that a failure or a cancel never leaves a half-written file."""

from __future__ import annotations

import os
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
