"""Attachments are copied into a folder managed beside the database, named by content hash.

A file the user picked on a USB stick may be gone tomorrow, so it is never
referenced in place. Identical files are stored once.

Saving a record with new attachments is two steps: ``stage_file`` hashes and
copies the file into the managed folder (slow: outside any transaction), then
``attach_staged`` writes the Attachment row inside the record's transaction. When
that transaction fails, ``discard_staged`` removes the copies it made.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from peewee import Model

from . import records
from .database import current
from .errors import InvalidInput
from .models import Attachment, database
from .text import clean_text

MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024
# A stored name longer than this is shortened (keeping its suffix): file systems
# allow 255 bytes, and a Chinese character takes three.
MAX_NAME_CHARS = 120
# Longer "suffixes" (a dot early in a long name) are not suffixes: they are not kept
# in the managed file's name, which must stay short on every file system.
MAX_SUFFIX_CHARS = 10


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _suffix(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return suffix if len(suffix) <= MAX_SUFFIX_CHARS and suffix[1:].isalnum() else ""


def display_name(filename: str) -> str:
    """The name stored for a picked file: cleaned, and shortened to ``MAX_NAME_CHARS`` keeping its suffix."""
    name = clean_text(filename).replace("\n", " ").strip() or "附件"
    if len(name) <= MAX_NAME_CHARS:
        return name
    suffix = _suffix(name)
    stem = name[: len(name) - len(Path(name).suffix)] if suffix else name
    return stem[: MAX_NAME_CHARS - len(suffix) - 1] + "…" + suffix


def stored_path(attachment: Attachment, folder: Path | None = None) -> Path:
    """Where the managed copy of an attachment lives."""
    folder = folder or current().attachments_dir
    base = folder / attachment.sha256[:2]
    path = base / f"{attachment.sha256}{_suffix(attachment.filename)}"
    if not path.exists():
        # Files stored before long suffixes were dropped keep their old name.
        legacy = base / f"{attachment.sha256}{Path(attachment.filename).suffix.lower()}"
        if legacy != path and legacy.exists():
            return legacy
    return path


@dataclass(frozen=True)
class StagedFile:
    """A file copied into the managed folder, not yet attached to a record."""

    filename: str
    sha256: str
    size: int
    mime: str
    dest: Path
    created: bool  # True when this call made the copy (so a failed save removes it)


def _copy_failed(source: Path, exc: OSError) -> InvalidInput:
    reason = exc.strerror or str(exc)
    return InvalidInput(
        f"无法把文件“{source.name}”复制到附件文件夹（{reason}：{exc.filename or ''}）。"
        "请检查附件文件夹是否可以写入、磁盘空间是否足够后重试；记录未保存。"
    )


def stage_file(source: str | os.PathLike, folder: Path | None = None) -> StagedFile:
    """Hash ``source`` and copy it into the managed folder (slow: run it off the GUI thread)."""
    source = Path(source)
    try:
        if not source.is_file():
            raise InvalidInput(f"找不到文件“{source}”。请确认文件还在（U 盘是否已拔出）后重试；记录未保存。")
        size = source.stat().st_size
    except OSError as exc:  # a name too long for this file system, a vanished drive
        raise InvalidInput(f"无法读取文件“{source.name}”（{exc.strerror or exc}）。请检查文件后重试。") from exc
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(f"文件“{source.name}”超过 500 MB，太大了。请压缩或拆分后再添加。")
    try:
        sha = file_sha256(source)
    except OSError as exc:
        raise InvalidInput(f"无法读取文件“{source}”：{exc.strerror or exc}。请检查文件后重试。") from exc
    name = display_name(source.name)
    probe = Attachment(filename=name, sha256=sha)
    dest = stored_path(probe, folder)
    created = False
    if not dest.exists():
        tmp = dest.with_name(dest.name + ".part")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tmp)
            os.replace(tmp, dest)
            created = True
        except OSError as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            raise _copy_failed(source, exc) from exc
    mime = mimetypes.guess_type(name)[0] or ""
    from .pdf.photos import warm_print_copy  # here: reportlab and Pillow load only when a file is attached

    warm_print_copy(dest, sha, name, mime, dest.parent.parent)  # the first binder then finds it scaled
    return StagedFile(name, sha, size, mime, dest, created)


def discard_staged(staged: list[StagedFile]) -> None:
    """Remove the copies made for a save that failed (unless another attachment uses the file)."""
    for item in staged:
        if not item.created:
            continue
        try:
            still_used = Attachment.select().where(Attachment.sha256 == item.sha256).exists()
        except Exception:  # noqa: BLE001 - the database may be what failed; the copy is ours alone
            still_used = False
        if not still_used:
            try:
                item.dest.unlink(missing_ok=True)
            except OSError:
                pass


def attach_staged(owner: Model, staged: StagedFile, caption: str = "") -> Attachment:
    """Write the Attachment row of a staged file (inside the owner's transaction)."""
    return records.save(Attachment(
        owner_table=owner._meta.table_name,
        owner_id=owner.get_id(),
        filename=staged.filename,
        sha256=staged.sha256,
        size=staged.size,
        mime=staged.mime,
        caption=caption,
    ))


def add_attachment(owner: Model, source: str | os.PathLike, caption: str = "") -> Attachment:
    """Copy ``source`` into the managed folder and attach it to ``owner``."""
    staged = stage_file(source)
    try:
        with database.atomic():
            attachment = attach_staged(owner, staged, caption)
    except BaseException:
        discard_staged([staged])
        raise
    records.changes_committed()
    return attachment


def attachments_of(owner: Model) -> list[Attachment]:
    """The live attachments of a record, in the order they were added."""
    return list(
        Attachment.live()
        .where((Attachment.owner_table == owner._meta.table_name) & (Attachment.owner_id == owner.get_id()))
        .order_by(Attachment.id)
    )
