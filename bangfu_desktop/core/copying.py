"""Copy a whole database between an SQLite file and a PostgreSQL server, attachments included.

``copy_database(source, target)`` reads every table of the source (ids kept),
writes them into an empty target in one transaction, copies the attachment files
into the target's folder, and checks at the end that every table has the same
row count and the same content hash on both sides. ``bangfu copy-to`` moves an
office from one SQLite file to a shared server and back; ``bangfu backup`` on a
server writes a portable SQLite copy this way, and ``restore`` reads one back
into an empty server database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import database as db_mod
from . import dialect
from .errors import BangfuError
from .models import ALL_MODELS, Attachment, database


@dataclass
class CopyResult:
    """What was copied: rows per table, attachment files, the content hash per table."""

    counts: dict[str, int] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    files: int = 0


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _read_all() -> dict[type, list[dict]]:
    """Every row of every table of the open database, by primary key."""
    rows = {}
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        rows[model] = list(model.select().order_by(pk).dicts())
    return rows


def content_hashes(rows: dict[type, list[dict]]) -> dict[str, str]:
    """SHA-256 of each table's rows in a form both backends give alike."""
    hashes = {}
    for model, items in rows.items():
        digest = hashlib.sha256()
        pk = model._meta.primary_key.name
        for row in sorted(items, key=lambda r: r[pk]):
            plain = {k: _plain(v) for k, v in row.items()}
            digest.update(json.dumps(plain, ensure_ascii=False, sort_keys=True, default=str).encode())
            digest.update(b"\n")
        hashes[model._meta.table_name] = digest.hexdigest()
    return hashes


def _attachment_files(rows: dict[type, list[dict]], folder: Path | None) -> list[tuple[Path, Path]]:
    """(absolute source path, path relative to the attachments folder) of every attachment row."""
    from .attachments import stored_path

    if folder is None:
        return []
    found = {}
    for row in rows[Attachment]:
        source = stored_path(Attachment(filename=row["filename"], sha256=row["sha256"]), folder)
        found[source] = source.relative_to(folder)
    return list(found.items())


def _is_empty() -> bool:
    return not any(m.select().exists() for m in ALL_MODELS if m._meta.table_name != "setting")


def _reset_sequences() -> None:
    if not dialect.is_postgres():
        return
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        if pk.field_type != "AUTO":
            continue
        table = model._meta.table_name
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT max("id") FROM "{table}"), 1), '
            f'(SELECT max("id") FROM "{table}") IS NOT NULL)')


def _write_all(rows: dict[type, list[dict]], batch: int = 500) -> None:
    with database.atomic():
        # Settings (and the schema version) of the fresh target make way for the source's.
        for model in reversed(ALL_MODELS):
            model.delete().execute()
        for model, items in rows.items():
            for start in range(0, len(items), batch):
                model.insert_many(items[start:start + batch]).execute()
        _reset_sequences()


def copy_database(source: str | Path, target: str | Path, *,
                  attachments_dir: str | Path | None = None, files: bool = True) -> CopyResult:
    """Copy everything from ``source`` into the empty ``target`` (each a file path or a URL); verify.

    ``attachments_dir`` names the target's attachment folder when the target is a
    server (stored in its settings); an SQLite target keeps them beside its file.
    ``files=False`` copies the rows only (a backup file, whose attachments stay in
    the shared folder). Leaves no database open.
    """
    if str(source) == str(target):
        raise BangfuError("源数据库和目标数据库是同一个。请换一个目标。")
    store = db_mod.open_database(source, create=False, backup_on_open=False, exclusive=False)
    try:
        rows = _read_all()
        has_files = files and bool(rows[Attachment])
        source_folder = store.attachments_dir if has_files else None
    finally:
        store.close()
    expected = content_hashes(rows)
    files = _attachment_files(rows, source_folder)
    missing = [str(p) for p, _ in files if not p.is_file()]
    if missing:
        raise BangfuError(f"源数据库有 {len(missing)} 个附件文件找不到（例如“{missing[0]}”），未复制任何内容。"
                          "请先找回这些文件（bangfu check-archive 可列出），再复制。")
    target_store = db_mod.open_database(target, create=True, backup_on_open=False)
    try:
        if not _is_empty():
            raise BangfuError(f"目标数据库“{target_store.path}”已有记录。复制只写入空的数据库，"
                              "以免两份数据混在一起；请换一个空数据库。目标未作任何改动。")
        if attachments_dir is not None:
            rows_settings = [r for r in rows[ALL_MODELS[0]] if r["key"] != "attachments.dir"]
            rows[ALL_MODELS[0]] = rows_settings + [{"key": "attachments.dir", "value": str(attachments_dir)}]
            expected = content_hashes(rows)
        target_folder = _target_folder(target_store, rows, files)
        copied = _copy_files(files, target_folder)
        _write_all(rows)
        if hasattr(target_store, "settings_changed"):
            target_store.settings_changed("attachments.dir")
        got = content_hashes(_read_all())
    finally:
        target_store.close()
    bad = [t for t in expected if expected[t] != got.get(t)]
    if bad:
        raise BangfuError(f"复制后核对不一致：{'、'.join(bad)}。请不要使用目标数据库，并联系技术人员。")
    return CopyResult({m._meta.table_name: len(r) for m, r in rows.items()}, got, copied)


def _target_folder(target_store, rows: dict[type, list[dict]], files) -> Path | None:
    """Where the target keeps attachments: beside its file, or the folder in its (copied) settings."""
    if not files:
        return None
    if not dialect.is_postgres():
        return target_store.attachments_dir
    chosen = next((r["value"] for r in rows[ALL_MODELS[0]] if r["key"] == "attachments.dir"), "")
    if not chosen:
        raise BangfuError("源数据库有附件，但目标服务器数据库还没有附件文件夹。请加上 --attachments-dir "
                          "共享文件夹（每台电脑都能访问），目标未作任何改动。")
    folder = Path(chosen)
    if not folder.is_dir():
        raise BangfuError(f"找不到附件文件夹“{folder}”。请确认共享盘已连接后重试；目标未作任何改动。")
    return folder


def _copy_files(files: list[tuple[Path, Path]], folder: Path | None) -> int:
    copied = 0
    for source, relative in files:
        dest = folder / relative
        if dest.is_file() and dest.stat().st_size == source.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(dest)
        copied += 1
    return copied


__all__ = ["CopyResult", "content_hashes", "copy_database"]
