"""Attachments are copied into a folder managed beside the database, named by content hash.

A file the user picked on a USB stick may be gone tomorrow, so it is never
referenced in place. Identical files are stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
from pathlib import Path

from peewee import Model

from . import records
from .database import current
from .errors import InvalidInput
from .models import Attachment

MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_path(attachment: Attachment, folder: Path | None = None) -> Path:
    """Where the managed copy of an attachment lives."""
    folder = folder or current().attachments_dir
    suffix = Path(attachment.filename).suffix.lower()
    return folder / attachment.sha256[:2] / f"{attachment.sha256}{suffix}"


def add_attachment(owner: Model, source: str | os.PathLike, caption: str = "") -> Attachment:
    """Copy ``source`` into the managed folder and attach it to ``owner``."""
    source = Path(source)
    if not source.is_file():
        raise InvalidInput(f"找不到文件“{source}”。请确认文件还在（U 盘是否已拔出）后重试。")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(f"文件“{source.name}”超过 500 MB，太大了。请压缩或拆分后再添加。")
    try:
        sha = file_sha256(source)
    except OSError as exc:
        raise InvalidInput(f"无法读取文件“{source}”：{exc}。请检查文件后重试。") from exc
    attachment = Attachment(
        owner_table=owner._meta.table_name,
        owner_id=owner.get_id(),
        filename=source.name,
        sha256=sha,
        size=size,
        mime=mimetypes.guess_type(source.name)[0] or "",
        caption=caption,
    )
    dest = stored_path(attachment)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        try:
            shutil.copyfile(source, tmp)
            os.replace(tmp, dest)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise InvalidInput(
                f"无法复制文件“{source.name}”到附件文件夹：{exc}。请检查磁盘空间后重试。"
            ) from exc
    return records.save(attachment)


def attachments_of(owner: Model) -> list[Attachment]:
    """The live attachments of a record, in the order they were added."""
    return list(
        Attachment.live()
        .where((Attachment.owner_table == owner._meta.table_name) & (Attachment.owner_id == owner.get_id()))
        .order_by(Attachment.id)
    )
