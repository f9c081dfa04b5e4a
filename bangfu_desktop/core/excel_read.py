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

import openpyxl

from .errors import InvalidInput
from .excel_guard import MAX_COLS, MAX_ROWS, MAX_UNPACKED_BYTES, damaged, scan_workbook  # noqa: F401
from .fileio import CancelFn, ProgressFn, check_cancel
from .text import clean_text

MAX_FILE_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_xlsx(path: str | os.PathLike) -> Path:
    """Refuse a file that is missing, too big, or not an xlsx, with a message saying what to do."""
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
    scan_workbook(path)
    return path


def open_workbook_safely(path: str | os.PathLike, *, data_only: bool = False,
                         read_only: bool = False) -> openpyxl.Workbook:
    """Load a workbook someone else wrote, after ``check_xlsx`` refused damage and bombs.

    Every reader of outside workbooks (imports, previews, bureau templates) opens
    them here, so the limits hold everywhere; whatever still goes wrong while
    loading is a Chinese ``InvalidInput``, never a traceback.
    """
    path = check_xlsx(path)
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
    text = clean_text(str(value)).replace("\u00a0", " ")
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
    """Read one sheet (the named one, or the first with data) into a ``Grid``."""
    wb = load_xlsx(path)
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise InvalidInput(f"工作簿中没有名为“{sheet}”的工作表。")
            ws = wb[sheet]
        else:
            ws = next((w for w in wb.worksheets if w.max_row > 1 or w.max_column > 1), wb.worksheets[0])
        values = [list(row) for row in ws.iter_rows(values_only=True)]
        total = len(values)
        for done, row in enumerate(values):
            if done % 500 == 0:
                check_cancel(cancelled)
                if progress:
                    progress(done, total)
        for merged in ws.merged_cells.ranges:
            top = values[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= total else None
            for r in range(merged.min_row, min(merged.max_row, total) + 1):
                row = values[r - 1]
                for c in range(merged.min_col, merged.max_col + 1):
                    if c - 1 < len(row):
                        row[c - 1] = top
        texts = [[cell_text(v) for v in row] for row in values]
        if progress:
            progress(total, total)
        return Grid(ws.title, texts, values)
    finally:
        wb.close()
