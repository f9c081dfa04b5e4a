"""The error log: unexpected exceptions and failed background work, with tracebacks.

One plain UTF-8 text file in the user data folder (``paths.log_dir()``), so that a
user can send it to support. Writing the log never raises: a log that cannot be
written must not turn one failure into two.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import traceback
from pathlib import Path

from .. import __version__, paths

LOG_NAME = "errors.log"
# Past this size the log is moved to errors.log.1 (one old generation kept).
MAX_BYTES = 1_000_000

_lock = threading.Lock()


def log_path() -> Path:
    """The error log file (it may not exist yet)."""
    return paths.log_dir() / LOG_NAME


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        pass


def log_exception(context: str, exc: BaseException | None = None) -> Path | None:
    """Append ``context`` and the traceback of ``exc`` (default: the one being handled).

    Returns the log file, or None when it could not be written.
    """
    if exc is None:
        exc = sys.exc_info()[1]
    lines = [f"=== {dt.datetime.now():%Y-%m-%d %H:%M:%S} bangfu {__version__} pid {os.getpid()}: {context}\n"]
    if exc is not None:
        lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return _append("".join(lines) + "\n")


def log_message(context: str, text: str) -> Path | None:
    """Append a line without a traceback (a warning worth keeping)."""
    return _append(f"=== {dt.datetime.now():%Y-%m-%d %H:%M:%S} bangfu {__version__}: {context}\n{text}\n\n")


def _append(text: str) -> Path | None:
    path = log_path()
    with _lock:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _rotate(path)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            return None
    return path
