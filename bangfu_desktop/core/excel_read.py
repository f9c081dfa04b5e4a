"""Reading workbooks that others wrote: refuse what is not a sane xlsx, flatten the rest.

A bureau's workbook may be an old .xls, a renamed CSV, a cut-off download, a WPS
file that declares a wrong sheet size, or full of merged cells and numbers
stored as text. ``read_grid`` turns one sheet into a plain grid of texts with
every merged range filled, which the importers then read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

import openpyxl
from openpyxl.utils.escape import unescape

from .errors import InvalidInput
from .excel_guard import MAX_COLS, MAX_ROWS, MAX_UNPACKED_BYTES, SheetScan, damaged, scan_workbook  # noqa: F401
from .excel_read_rows import can_stream, sheet_values
from .fileio import CancelFn, ProgressFn, check_cancel
from .text import clean_text

MAX_FILE_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_xlsx(path: str | os.PathLike) -> Path:
    """Refuse a file that is missing, too big, not an xlsx, damaged or beyond the limits."""
    return inspect_xlsx(path)[0]


def inspect_xlsx(path: str | os.PathLike) -> tuple[Path, list[SheetScan]]:
    """``check_xlsx``, also returning what the scan saw of each sheet (extent, merged ranges)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查文件名和所在文件夹。")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InvalidInput(
            f"文件“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过 20 MB 的上限。"
            "请删除其中的图片和无关工作表，或把数据复制到新的工作簿后再导入。")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        raise InvalidInput(
            f"“{path.name}”是旧版 Excel 97-2003（.xls）文件或设置了打开密码的工作簿。"
            "请用 Excel 或 WPS 打开它，取消密码后“另存为” Excel 工作簿（*.xlsx），再导入新文件。")
    if not head.startswith(b"PK"):
        raise InvalidInput(
            f"“{path.name}”不是 Excel 工作簿（.xlsx），可能是改了扩展名的 CSV 或网页文件。"
            "请用 Excel 或 WPS 打开它，“另存为” Excel 工作簿（*.xlsx）后再导入。")
    return path, scan_workbook(path)


def open_workbook_safely(path: str | os.PathLike, *, data_only: bool = False,
                         read_only: bool = False) -> openpyxl.Workbook:
    """Load a workbook someone else wrote, after ``check_xlsx`` refused damage and bombs.

    Every reader of outside workbooks (imports, previews, bureau templates) opens
    them here, so the limits hold everywhere; whatever still goes wrong while
    loading is a Chinese ``InvalidInput``, never a traceback.
    """
    return _load(check_xlsx(path), data_only=data_only, read_only=read_only)


def _load(path: Path, *, data_only: bool, read_only: bool) -> openpyxl.Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            return openpyxl.load_workbook(path, data_only=data_only, read_only=read_only)
    except (zipfile.BadZipFile, zlib.error, KeyError, IndexError, EOFError) as exc:
        raise damaged(path, type(exc).__name__) from exc
    except ValueError as exc:  # defusedxml rejects entity tricks with ValueError
        raise InvalidInput(f"“{path.name}”的内容无法安全读取（{exc}）。请在 Excel/WPS 中另存为新文件后再导入。") from exc
    except Exception as exc:  # noqa: BLE001 - any parse failure is a bad file for the user
        raise InvalidInput(f"无法读取“{path.name}”：文件格式有误（{type(exc).__name__}）。"
                           "请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。") from exc


def load_xlsx(path: str | os.PathLike) -> openpyxl.Workbook:
    """Open a checked xlsx for reading values (styles and merged cells included)."""
    return open_workbook_safely(path, data_only=True)


def cell_text(value: Any) -> str:
    """A cell's value as the text a clerk sees: 13800000000.0 → '13800000000', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value)
    if "_x" in text:
        # Excel stores characters XML cannot hold (Word's \x0b line break) as _x000B_; openpyxl leaves them so.
        text = unescape(text)
    text = clean_text(text).replace("\u00a0", " ")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def header_key(text: str) -> str:
    """A header as compared with known names: no blanks, half-width brackets."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@dataclass
class Grid:
    """One sheet as rows of texts (merged ranges filled), plus the raw values."""

    sheet: str
    texts: list[list[str]]
    values: list[list[Any]]

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((len(r) for r in self.texts), default=0)


def read_grid(path: str | os.PathLike, sheet: str | None = None, *,
              progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Grid:
    """Read one sheet (the named one, or the first with data) into a ``Grid``.

    The sheet is streamed in openpyxl's read-only mode (no cell objects); the
    merged ranges, which read-only mode ignores, come from the guard's scan.
    """
    path, scans = inspect_xlsx(path)
    tables = [s for s in scans if not s.chart]
    if sheet is not None:
        scan = next((s for s in scans if s.name == sheet), None)
        if scan is None:
            raise InvalidInput(f"工作簿中没有名为“{sheet}”的工作表。")
        if scan.chart:
            raise InvalidInput(f"“{sheet}”是图表，不是数据表。请选择含有数据的工作表。")
    elif not tables:
        raise InvalidInput(f"“{path.name}”中没有数据表（只有图表）。请确认选择了正确的文件。")
    else:
        scan = next((s for s in tables if s.max_row > 1 or s.max_col > 1), tables[0])
    wb = _load(path, data_only=True, read_only=True)
    try:
        ws = wb[scan.name]
        title = ws.title
        if not can_stream(wb, ws):  # an openpyxl without the internals the stream reads: its own iteration
            values = _openpyxl_values(ws, scan, progress, cancelled)
        else:  # openpyxl's own values, read with expat in a fraction of openpyxl's time (core.excel_read_rows)
            try:
                values = sheet_values(wb, scan.name, progress=progress, cancelled=cancelled, total=scan.max_row)
            except (IndexError, ValueError, expat.ExpatError) as exc:
                raise damaged(path, f"工作表“{title}”中的单元格有误：{type(exc).__name__}") from exc
    finally:
        wb.close()
    _fill_merges(values, scan.merges)
    texts = [[cell_text(v) for v in row] for row in values]
    if progress:
        progress(len(values), len(values))
    return Grid(title, texts, values)


def _openpyxl_values(ws, scan: SheetScan, progress: ProgressFn | None, cancelled: CancelFn | None) -> list[list[Any]]:
    """The sheet's values through openpyxl's read-only iteration."""
    ws.reset_dimensions()  # WPS may declare A1:A1 for a full sheet
    values = []
    for done, row in enumerate(ws.iter_rows(values_only=True)):
        if done % 500 == 0:
            check_cancel(cancelled)
            if progress:
                progress(done, scan.max_row)
        values.append(list(row))
    return values


def _fill_merges(values: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> None:
    """Square the grid (as a full load shows it) and give every cell of a merged range its top-left value."""
    width = max([len(r) for r in values] + [m[2] for m in merges], default=0)
    height = max([len(values)] + [m[3] for m in merges])
    values.extend([] for _ in range(height - len(values)))
    for row in values:
        row.extend([None] * (width - len(row)))
    for min_col, min_row, max_col, max_row in merges:
        top = values[min_row - 1][min_col - 1]
        for r in range(min_row, max_row + 1):
            values[r - 1][min_col - 1:max_col] = [top] * (max_col - min_col + 1)
