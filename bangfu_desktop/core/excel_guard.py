"""Looking inside an xlsx before openpyxl loads it: damage and bombs refused in bounded memory.

openpyxl makes one object per cell of every merged range and of every cell it
reads, so a 2 KB sheet with ``<mergeCell ref="J10:XFD3000"/>`` or a single cell
at XFD20000 fills gigabytes before anything stops it. ``scan_workbook`` reads
every zip member once (a damaged deflate stream shows here, not as a traceback
later), checks that the parts the workbook names exist, and streams each
worksheet's XML through defusedxml (no DTDs, no entities), checking cell
addresses, the declared dimension and merged ranges against the limits below.
It keeps nothing but counters, so its memory does not grow with the file.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from pathlib import Path
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from .errors import InvalidInput

MAX_ROWS = 100_000
MAX_COLS = 300
MAX_CELLS = 3_000_000
MAX_RANGE_CELLS = 200_000  # merged cells and cells under one hyperlink range, summed per sheet
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
CHUNK = 1024 * 1024

# The workbook's parts that openpyxl reads (and fails with KeyError on when they are missing).
_NEEDED_RELS = ("/worksheet", "/chartsheet", "/sharedStrings", "/styles", "/theme")
_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, ValueError,
               NotImplementedError, RuntimeError, struct.error, OSError, ParseError, expat.ExpatError)


@dataclass
class SheetScan:
    """What the scan saw of one sheet: its extent and merged ranges (min_col, min_row, max_col, max_row)."""

    name: str
    chart: bool = False
    max_row: int = 0
    max_col: int = 0
    cells: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def damaged(path: Path, detail: str) -> InvalidInput:
    """The "文件已损坏" refusal, with what was found and what to do."""
    return InvalidInput(
        f"“{path.name}”文件已损坏（{detail}），无法读取。请重新下载或向发件人索取该文件；"
        "如果它还能在 Excel/WPS 中打开，请“另存为”新的 .xlsx 文件后再导入。")


def unsafe(path: Path) -> InvalidInput:
    """The refusal of a file with DTD or entity declarations."""
    return InvalidInput(f"“{path.name}”含有不安全的 XML 内容（实体声明），已拒绝读取。"
                        "请在 Excel/WPS 中打开后另存为新的 .xlsx 文件再导入。")


def scan_workbook(path: Path) -> list[SheetScan]:
    """Refuse a damaged xlsx, or one whose sheets exceed the limits, before any full load.

    Returns what was seen of each sheet, in the workbook's order.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return _scan(path, archive)
    except InvalidInput:
        raise
    except DefusedXmlException:
        raise unsafe(path) from None
    except zipfile.BadZipFile:
        raise InvalidInput(f"“{path.name}”文件已损坏或不完整（可能下载中断）。"
                           "请重新下载或向发件人索取该文件后再导入。") from None
    except _ZIP_DAMAGE as exc:
        raise damaged(path, _describe(exc)) from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, zlib.error):
        return "压缩数据有误"
    if isinstance(exc, (ParseError, expat.ExpatError)):
        return "XML 内容有误"
    if isinstance(exc, (KeyError, IndexError)):
        return "缺少组成部分"
    return type(exc).__name__


def _scan(path: Path, archive: zipfile.ZipFile) -> list[SheetScan]:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise InvalidInput(
            f"“{path.name}”是压缩文件，但不是 Excel 工作簿。请确认选择了正确的 .xlsx 文件。")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise InvalidInput(f"“{path.name}”解压后过大，无法安全读取。请只保留需要的工作表后再导入。")
    for info in infos:
        _read_member(path, archive, info)
    if "[Content_Types].xml" not in names:
        raise damaged(path, "缺少 [Content_Types].xml")
    return [_check_sheet(path, archive, target, name) if target is not None else SheetScan(name, chart=True)
            for name, target in _sheet_parts(path, archive, names)]


def _read_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Decompress one member in chunks (checking its CRC) and refuse a DTD at its start."""
    xml = info.filename.endswith((".xml", ".rels"))
    with archive.open(info) as handle:
        head = handle.read(4096)
        if xml and (b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()):
            # No real workbook declares a DTD; with lxml, openpyxl would expand its entities.
            raise unsafe(path)
        while handle.read(CHUNK):
            pass


def _sheet_parts(path: Path, archive: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str | None]]:
    """(sheet name, worksheet part or None for a chart sheet), after checking every needed part exists."""
    if "xl/_rels/workbook.xml.rels" not in names:
        raise damaged(path, "缺少 xl/_rels/workbook.xml.rels")
    rels = {}
    for rel in safe_fromstring(archive.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True):
        if rel.get("TargetMode") == "External":
            continue
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        rels[rel.get("Id")] = (kind, part)
        if kind.endswith(_NEEDED_RELS) and part not in names:
            raise damaged(path, f"缺少 {part}")
    workbook = safe_fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True)
    sheets = []
    for elem in workbook.iter():
        if _local(elem.tag) != "sheet":
            continue
        name = elem.get("name", "")
        rid = next((v for k, v in elem.attrib.items() if _local(k) == "id"), None)
        if rid not in rels:
            raise damaged(path, f"工作表“{name}”的内容缺失")
        kind, part = rels[rid]
        sheets.append((name, part if kind.endswith("/worksheet") else None))
    if not sheets:
        raise damaged(path, "工作簿中没有工作表")
    return sheets


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


_COLUMNS: dict[str, int] = {}


def column_number(letters: str) -> int:
    """'A' → 1, 'XFD' → 16384."""
    number = _COLUMNS.get(letters)
    if number is None:
        number = 0
        for ch in letters.upper():
            number = number * 26 + ord(ch) - 64
        _COLUMNS[letters] = number
    return number


def parse_ref(ref: str) -> tuple[int, int]:
    """'B7' → (column 2, row 7); ValueError for anything else."""
    m = _REF_RE.match(ref.strip())
    if not m:
        raise ValueError(ref)
    return column_number(m.group(1)), int(m.group(2))


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """'J10:XFD3000' → (min_col, min_row, max_col, max_row); a single cell is a 1×1 range."""
    first, _, last = ref.strip().partition(":")
    c1, r1 = parse_ref(first)
    c2, r2 = parse_ref(last) if last else (c1, r1)
    return min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)


class _SheetLimits:
    """Counters for one worksheet, refusing as soon as a limit is passed."""

    def __init__(self, path: Path, sheet: str):
        self.path, self.sheet = path, sheet
        self.rows = self.cells = self.range_cells = 0
        self.row = self.col = 0
        self.result = SheetScan(sheet)

    def refuse_rows(self, row: int) -> InvalidInput:
        return InvalidInput(
            f"工作表“{self.sheet}”有内容写在第 {row:,} 行，超过 {MAX_ROWS:,} 行的上限，无法导入。"
            "请删除多余的空行或把数据拆分到几个文件后再导入。")

    def start_row(self, r: str | None) -> None:
        self.row = int(r) if r else self.row + 1
        self.col = 0
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise InvalidInput(f"工作表“{self.sheet}”超过 {MAX_ROWS:,} 行，无法导入。"
                               "请删除多余的空行或把数据拆分到几个文件后再导入。")

    def cell(self, r: str | None) -> None:
        if r:
            self.col, row = parse_ref(r)
        else:
            self.col, row = self.col + 1, self.row
        if row > MAX_ROWS:
            raise self.refuse_rows(row)
        if self.col > MAX_COLS:
            raise InvalidInput(
                f"工作表“{self.sheet}”第 {row:,} 行有内容写在第 {self.col:,} 列，超过 {MAX_COLS} 列的上限，"
                "无法导入。请在 Excel/WPS 中删除多余的列（或只把需要的数据复制到新的工作簿）后再导入。")
        self.cells += 1
        result = self.result
        result.cells = self.cells
        if row > result.max_row:
            result.max_row = row
        if self.col > result.max_col:
            result.max_col = self.col
        if self.cells > MAX_CELLS:
            raise InvalidInput(f"工作表“{self.sheet}”的单元格超过 {MAX_CELLS:,} 个，无法导入。"
                               "请只保留需要的行和列，或把数据拆分到几个文件后再导入。")

    def dimension(self, ref: str) -> None:
        _, _, max_col, max_row = parse_range(ref)
        if max_row > MAX_ROWS or max_col > MAX_COLS:
            raise InvalidInput(
                f"工作表“{self.sheet}”声明的数据范围 {ref} 超过 {MAX_ROWS:,} 行或 {MAX_COLS} 列的上限，无法导入。"
                "请在 Excel/WPS 中删除多余的行和列，另存为新的 .xlsx 文件后再导入。")

    def cell_range(self, ref: str, what: str) -> None:
        min_col, min_row, max_col, max_row = parse_range(ref)
        if max_row > MAX_ROWS or max_col > MAX_COLS:
            raise InvalidInput(
                f"工作表“{self.sheet}”的{what} {ref} 超出了 {MAX_ROWS:,} 行、{MAX_COLS} 列的范围，无法导入。"
                f"请在 Excel/WPS 中取消这处{what}（或删除多余的行和列）后再导入。")
        self.range_cells += (max_col - min_col + 1) * (max_row - min_row + 1)
        if what == "合并单元格":
            self.result.merges.append((min_col, min_row, max_col, max_row))
        if self.range_cells > MAX_RANGE_CELLS:
            raise InvalidInput(
                f"工作表“{self.sheet}”的合并单元格和超链接共覆盖超过 {MAX_RANGE_CELLS:,} 个单元格，无法导入。"
                "请取消不需要的合并单元格后再导入。")


def _check_sheet(path: Path, archive: zipfile.ZipFile, part: str, sheet: str) -> SheetScan:
    """Stream one worksheet's XML and refuse it at the first element beyond the limits.

    expat calls back once per start tag and builds no tree, so memory stays flat
    and a 5,000-row sheet takes a small fraction of openpyxl's own load. A DTD is
    refused outright (without one, no entity can be declared).
    """
    limits = _SheetLimits(path, sheet)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_dtd(*_args) -> None:
        raise DefusedXmlException("DTD")

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "v" or tag == "f":
            return
        try:
            if tag == "c":
                limits.cell(attrs.get("r"))
            elif tag == "row":
                limits.start_row(attrs.get("r"))
            elif tag == "mergeCell":
                limits.cell_range(attrs.get("ref", ""), "合并单元格")
            elif tag == "hyperlink" and ":" in attrs.get("ref", ""):
                limits.cell_range(attrs.get("ref", ""), "超链接范围")
            elif tag == "dimension" and attrs.get("ref"):
                limits.dimension(attrs["ref"])
        except ValueError:
            raise damaged(path, f"工作表“{sheet}”中的单元格地址“{attrs.get('r') or attrs.get('ref')}”有误") from None

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = start
    with archive.open(part) as handle:
        while chunk := handle.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return limits.result
