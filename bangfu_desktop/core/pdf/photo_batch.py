"""Make the print-size copies a document needs while it is laid out, on every core.

A binder of a school year carries some 800 photos; each that is not in the print-size
cache yet costs one reduced-size JPEG decode (libjpeg's DCT scaling, see ``photos``),
about 40–90 ms, nearly all of it the entropy decoding of the whole 3–4 MB file (which
no DCT scaling shortens). Done one by one inside the layout that is a minute on the
first run. Here the photos that miss the cache are scaled in a pool of threads: Pillow
decodes and encodes without holding the GIL, so threads use every core with no extra
process, no pickling and nothing to set up in the frozen (PyInstaller) build. Workers
hand back only a path and a size; no decoded photo outlives its worker's call.

A binder is a pipeline: every photo is queued in story order before the layout starts;
both layout passes place each photo at its planned size (read from its header) and
only the final pass, when it draws a photo, waits for that one copy (``PhotoBatch.result``).
The pure-Python layout thus runs beside the decoding and the binder costs about the
larger of the two instead of their sum. A photo that turns out different from its plan
(damaged past its header) asks ``document.build`` for one more pass.

``BANGFU_PHOTO_WORKERS`` (a number; 1 = in this thread) and ``BANGFU_PHOTO_POOL``
(``thread`` or ``process``) override the choice, for benchmarks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
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
    """Photos being scaled in a pool while the document is laid out, in the order its story needs them."""

    def __init__(self, pool: Executor, futures: dict[str, Future]):
        self.pool, self.futures = pool, futures
        self.replan = False  # a photo came out other than planned: its pass must be laid out again

    def result(self, key: str, ctx: ExportContext) -> PreparedPhoto | PhotoProblem:
        """The copy (or problem) of photo ``key``, waiting for it if needed; one progress step when it arrives.

        Records it in ``ctx.photo_cache`` and sets ``replan`` when it differs from the planned
        size placed so far. Raises Cancelled when the user stopped the export.
        """
        future = self.futures.pop(key, None)
        if future is None:  # already resolved (the same photo twice), or not one of the batch
            return ctx.photo_cache[key]
        planned = ctx.photo_cache.get(key)
        prepared = future.result()
        ctx.photo_cache[key] = prepared
        if not (isinstance(prepared, PreparedPhoto) and isinstance(planned, PreparedPhoto)
                and (prepared.width, prepared.height) == (planned.width, planned.height)):
            self.replan = True
        ctx.step()  # raises Cancelled when the user stopped the export
        return prepared

    def wait(self, ctx: ExportContext) -> bool:
        """Resolve the photos not drawn yet and end the pool; True when a further pass is needed."""
        for key in list(self.futures):
            self.result(key, ctx)
        self.pool.shutdown()
        return self.replan

    def close(self) -> None:
        """Drop the photos not started yet (after a cancel) and let the running ones end."""
        for future in self.futures.values():
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
    ``ctx.photo_batch``; the final pass waits for each photo when it draws it (``PendingPhoto``)
    and ``document.build`` for any left at its end.
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
    pool = _executor(workers)
    # Submitted in story order, before the headers are read: the pool works ahead of the page being drawn.
    batch = PhotoBatch(pool, {key: pool.submit(_prepare, path, sha, cache) for key, (path, sha) in jobs.items()})
    if overlap:
        ctx.photo_batch = batch  # closed by the caller whatever happens next
        for key, (path, sha) in jobs.items():
            try:
                ctx.photo_cache[key] = planned_photo(path, sha, cache)
            except PhotoProblem as problem:  # not an image at all: nothing to scale
                ctx.photo_cache[key] = problem
                batch.futures.pop(key).cancel()
                ctx.step()
        return len(jobs)
    try:
        batch.wait(ctx)
    finally:
        batch.close()
    return len(jobs)
