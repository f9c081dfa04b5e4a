"""Make the print-size copies a document needs before it is laid out, on every core.

A binder of a school year carries some 800 photos; each that is not in the print-size
cache yet costs one reduced-size JPEG decode (libjpeg's DCT scaling, see ``photos``),
about 40–90 ms. Done one by one inside the layout that is a minute on the first run.
Here the photos that miss the cache are scaled in a pool of threads: Pillow
decodes and encodes without holding the GIL, so threads use every core with no extra
process, no pickling and nothing to set up in the frozen (PyInstaller) build. Workers
hand back only a path and a size; no decoded photo outlives its worker's call. A
binder lays out a draft pass (for its 目录) while they work, with each photo's size
read from its header, and waits for them before the final pass.

``BANGFU_PHOTO_WORKERS`` (a number; 1 = in this thread) and ``BANGFU_PHOTO_POOL``
(``thread`` or ``process``) override the choice, for benchmarks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path

from ..attachments import stored_path
from ..models import Attachment
from .context import ExportContext
from .photos import PhotoProblem, PreparedPhoto, cache_dir, cached_photo, is_photo, planned_photo, prepare_photo


def photo_key(attachment: Attachment, path: Path) -> str:
    """The key of a photo in ``ExportContext.photo_cache`` (its content hash)."""
    return attachment.sha256 or str(path)


def worker_count() -> int:
    """How many photos to scale at once: the cores this process may use (or the override)."""
    override = os.environ.get("BANGFU_PHOTO_WORKERS", "").strip()
    if override.isdigit() and int(override) > 0:
        return int(override)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # Windows and macOS have no affinity call
        return max(1, os.cpu_count() or 1)


def _prepare(path: Path, key: str | None, cache: Path) -> PreparedPhoto | PhotoProblem:
    """One photo, its problem returned rather than raised (so a pool passes it back as it is)."""
    try:
        return prepare_photo(path, key, cache)
    except PhotoProblem as problem:
        return problem


def _executor(workers: int) -> Executor:
    if os.environ.get("BANGFU_PHOTO_POOL", "thread").strip() == "process":
        return ProcessPoolExecutor(workers)
    return ThreadPoolExecutor(workers, thread_name_prefix="bangfu-photo")


class PhotoBatch:
    """Photos being scaled in a pool while a draft layout pass runs; ``wait`` before the final pass."""

    def __init__(self, pool: Executor, futures: dict[Future, str]):
        self.pool, self.futures = pool, futures

    def wait(self, ctx: ExportContext) -> None:
        """Put every finished copy (or its problem) into ``ctx.photo_cache``, one progress step each."""
        pending, self.futures = self.futures, {}
        try:
            for future in as_completed(pending):
                ctx.photo_cache[pending[future]] = future.result()
                ctx.step()  # raises Cancelled when the user stopped the export
        except BaseException:
            self.futures = pending
            raise
        self.pool.shutdown()

    def close(self) -> None:
        """Drop the photos not started yet (after a cancel) and let the running ones end."""
        for future in self.futures:
            future.cancel()
        self.futures = {}
        self.pool.shutdown(wait=True)


def prepare_photos(attachments: Iterable[Attachment], ctx: ExportContext, workers: int | None = None,
                   overlap: bool = False) -> int:
    """Fill ``ctx.photo_cache`` for every photo among ``attachments``; returns how many are scaled.

    Photos already in the print-size cache are only looked up (their JPEG header read).
    The others are scaled in parallel, each advancing the progress bar by one step (the
    caller adds nothing to ``ctx.total``: this does). A damaged photo is recorded as its
    PhotoProblem, which ``photo_flowable`` turns into a placeholder and a warning.

    With ``overlap`` (a document laid out twice, the first pass a draft) this returns at
    once: the cache holds each photo's planned size (``PlannedPhoto``, from its header) and
    ``ctx.photo_batch``, which ``document.build`` waits for before the final pass.
    """
    cache = cache_dir()
    jobs: dict[str, tuple[Path, str | None]] = {}
    for attachment in attachments:
        if not is_photo(attachment):
            continue
        path = stored_path(attachment)
        key = photo_key(attachment, path)
        if key in ctx.photo_cache or key in jobs:
            continue
        hit = cached_photo(path, attachment.sha256 or None, cache)
        if hit is not None:
            ctx.photo_cache[key] = hit
        else:
            jobs[key] = (path, attachment.sha256 or None)
    if not jobs:
        return 0
    ctx.total += len(jobs)
    workers = min(workers or worker_count(), len(jobs))
    if workers <= 1:  # one photo or one core: no pool
        for key, (path, sha) in jobs.items():
            ctx.photo_cache[key] = _prepare(path, sha, cache)
            ctx.step()
        return len(jobs)
    if overlap:
        for key, (path, sha) in list(jobs.items()):
            try:
                ctx.photo_cache[key] = planned_photo(path, sha, cache)
            except PhotoProblem as problem:  # not an image at all: nothing to scale
                ctx.photo_cache[key] = problem
                del jobs[key]
                ctx.step()
    pool = _executor(workers)
    batch = PhotoBatch(pool, {pool.submit(_prepare, path, sha, cache): key for key, (path, sha) in jobs.items()})
    if overlap:
        ctx.photo_batch = batch
        return len(jobs)
    try:
        batch.wait(ctx)
    finally:
        batch.close()
    return len(jobs)
