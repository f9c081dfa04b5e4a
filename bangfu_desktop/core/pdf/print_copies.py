"""Print-size copies made ahead of the binder for photos that have none yet.

A photo gets its print copy when it is attached (``attachments.stage_file``). Photos
that arrived another way (a 数据包 from a school, a restored backup, a database from an
older version, a cleared cache) have none, and the first binder would decode every one
of them: at district scale 772 photos of 3–4 MB cost 30–40 s of CPU, more than the
whole binder with its copies ready (about 10 s). The window makes the missing copies in
the background once its tables are loaded (``warm``), one photo at a time, so that the
binder a clerk prints later finds them ready.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..attachments import stored_path
from ..models import Attachment
from .photos import PhotoProblem, cache_dir, cache_target, is_photo, prepare_photo


def missing(attachments: Path | None = None) -> list[tuple[Path, str]]:
    """(file, content hash) of every live photo whose print copy is not made yet: one query."""
    from ..database import current

    folder = attachments or current().attachments_dir
    cache = cache_dir(folder)
    found, seen = [], set()
    query = (Attachment.select(Attachment.id, Attachment.sha256, Attachment.filename, Attachment.mime)
             .where(Attachment.deleted_at.is_null()).order_by(Attachment.id.desc()))
    for attachment in query:
        if not attachment.sha256 or attachment.sha256 in seen or not is_photo(attachment):
            continue
        seen.add(attachment.sha256)
        path = stored_path(attachment, folder)
        if path.is_file() and not cache_target(path, attachment.sha256, cache).is_file():
            found.append((path, attachment.sha256))
    return found


def warm(photos: list[tuple[Path, str]], cache: Path, stop: Callable[[], bool] = lambda: False) -> int:
    """Make the print copies of these photos (newest first) until ``stop()``; how many were made.

    Touches files only (no database), so it may run in any thread while the window is used.
    A photo that is not a usable image is skipped: the binder reports it where it is printed.
    """
    made = 0
    for path, sha256 in photos:
        if stop():
            break
        try:
            prepare_photo(path, sha256, cache)
        except (PhotoProblem, OSError):
            continue
        made += 1
    return made
