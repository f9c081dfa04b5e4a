"""Helpers shared by the Excel tests (not fixtures of conftest: owned by these tests)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import Callable

import openpyxl

from bangfu_desktop.core.models import ALL_MODELS, AuditLog, database

SHEET = "xl/worksheets/sheet1.xml"


def content_snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, ordered: equal snapshots mean an unchanged database."""
    snapshot = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        cursor = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1')
        snapshot[table] = [tuple(row) for row in cursor.fetchall()]
    return snapshot


def audit_count() -> int:
    """Entries in the audit log."""
    return AuditLog.select().count()


def write_roster(path: Path, rows: int = 3) -> Path:
    """A small valid roster (姓名, 性别, 手机号码)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "手机号码"])
    for n in range(rows):
        ws.append([f"教师{n}", "男", f"1380000{n:04d}"])
    wb.save(path)
    return path


def write_template(path: Path) -> Path:
    """A small valid bureau template with a repeating row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["{{标题}}"])
    ws.append(["编号", "主要举措", "完成时限"])
    ws.append(["{{编号}}", "{{主要举措}}", "{{完成时限}}"])
    wb.save(path)
    return path


def rewrite(src: Path, dst: Path, edit: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy a workbook member by member; ``edit(name, data)`` returns new data, or None to drop it."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = edit(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return dst


def _sheet_edit(transform: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, data: transform(data) if name == SHEET else data


def _before_sheet_data_end(xml: bytes, insert: bytes) -> bytes:
    assert b"</sheetData>" in xml
    return xml.replace(b"</sheetData>", insert + b"</sheetData>", 1)


def merge_bomb(src: Path, dst: Path) -> Path:
    """One merged range J10:XFD3000 (48 million cells for openpyxl) in a file of about 2 KB."""
    return rewrite(src, dst, _sheet_edit(lambda x: x.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="J10:XFD3000"/></mergeCells>', 1)))


def far_cell(src: Path, dst: Path) -> Path:
    """A cell at XFD20000 besides the data at the top."""
    return rewrite(src, dst, _sheet_edit(lambda x: _before_sheet_data_end(
        x, b'<row r="20000"><c r="XFD20000" t="inlineStr"><is><t>x</t></is></c></row>')))


def far_dimension(src: Path, dst: Path) -> Path:
    """A sheet declaring the whole grid A1:XFD1048576 as its used range."""
    import re

    def edit(xml: bytes) -> bytes:
        out, n = re.subn(rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        assert n == 1
        return out
    return rewrite(src, dst, _sheet_edit(edit))


def missing_sheet_part(src: Path, dst: Path) -> Path:
    """workbook.xml still names sheet1, whose part is gone from the zip."""
    return rewrite(src, dst, lambda name, data: None if name == SHEET else data)


def truncated(src: Path, dst: Path) -> Path:
    """The first half of the file, as an interrupted download leaves it."""
    dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    return dst


def bit_flipped_deflate(src: Path, dst: Path) -> Path:
    """The sheet's deflate stream with its block-type bits flipped: zlib refuses it (not a CRC error)."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as archive:
        info = archive.getinfo(SHEET)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start] ^= 0b110  # BTYPE 10 (dynamic) → 00 (stored, lengths then mismatch) or 01 → 11 (reserved)
    dst.write_bytes(bytes(data))
    return dst


HOSTILE = {
    "merge_bomb": merge_bomb,
    "far_cell": far_cell,
    "far_dimension": far_dimension,
    "bit_flipped_deflate": bit_flipped_deflate,
    "missing_part": missing_sheet_part,
    "truncated_zip": truncated,
}
