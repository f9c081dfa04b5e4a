"""Shared pieces of every workbook we write: safe text, styles, header block, print setup.

Every value goes through ``put`` so that text is stored as text: a task that
reads ``=HYPERLINK(...)``, ``+1`` or ``@cmd`` must stay literal, never a formula.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from dataclasses import dataclass
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .fileio import atomic_write

FONT_NAME = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
INFO_FONT = Font(name=FONT_NAME, size=11)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=10.5)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
CATEGORY_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
FOOTER = "第 &P 页 / 共 &N 页"


def display(value: Any) -> Any:
    """The value as a cell should hold it: dates stay dates, booleans become 是/否."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, dt.date)):
        return value
    return str(value)


def put(cell: Cell, value: Any) -> Cell:
    """Write ``value``; any text is forced to be a literal string, never a formula."""
    value = display(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def chinese_date(day: dt.date) -> str:
    """2024年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def text_units(text: str) -> int:
    """Width of a line in column-width units: a Chinese character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(ws: Worksheet, column: int) -> float:
    """The width of a column in characters (8.43 when the sheet leaves it default)."""
    dim = ws.column_dimensions.get(get_column_letter(column))
    return dim.width if dim is not None and dim.customWidth and dim.width else 8.43


def estimate_height(cells: Sequence[tuple[str, float, float]]) -> float | None:
    """Row height in points that shows every wrapped (text, width, font size) in full.

    Spreadsheets do not grow rows for wrapped text in a file they open, so the
    height is written; None means one line is enough.
    """
    lines_needed, size_used = 1, 11.0
    for text, width, size in cells:
        if not text:
            continue
        usable = max((width - 1.5) * 11.0 / max(size, 1.0), 2.0)
        lines = sum(max(1, math.ceil(text_units(part) / usable)) for part in text.split("\n"))
        if lines * size > lines_needed * size_used:
            lines_needed, size_used = lines, size
    if lines_needed <= 1:
        return None
    return round(lines_needed * size_used * 1.4 + 6, 1)


def fit_row(ws: Worksheet, row: int, widths: dict[int, float] | None = None, minimum: float | None = None) -> None:
    """Set row ``row``'s height so its wrapped texts show in full (cells that do not wrap are ignored)."""
    cells = []
    for cell in ws[row]:
        if isinstance(cell.value, str) and cell.value and cell.alignment.wrap_text:
            width = (widths or {}).get(cell.column) or column_width(ws, cell.column)
            cells.append((cell.value, width, float(cell.font.size or 11)))
    height = estimate_height(cells)
    if minimum and (height is None or height < minimum):
        height = minimum
    ws.row_dimensions[row].height = height


def setup_print(ws: Worksheet, title_rows: str, *, landscape: bool = True) -> None:
    """A4, landscape, fit to one page wide, title rows on every page, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.oddFooter.center.text = FOOTER
    ws.evenFooter.center.text = FOOTER


@dataclass(frozen=True)
class Column:
    """A ledger column: its header and its width in characters."""

    header: str
    width: float = 12
    align: Alignment = CENTER


def write_ledger(ws: Worksheet, title: str, unit_name: str, day: dt.date,
                 columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
    """Fill ``ws`` as a ledger: title, 单位/填报日期 line, header, bordered rows, print setup."""
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    put(ws["A1"], title).font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 32
    split = max(1, len(columns) // 2)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=split)
    put(ws.cell(2, 1), f"单位（盖章）：{unit_name}").font = INFO_FONT
    ws.cell(2, 1).alignment = Alignment(horizontal="left", vertical="center")
    if split < len(columns):
        ws.merge_cells(start_row=2, start_column=split + 1, end_row=2, end_column=len(columns))
    put(ws.cell(2, split + 1), f"填报日期：{chinese_date(day)}").font = INFO_FONT
    ws.cell(2, split + 1).alignment = RIGHT
    ws.row_dimensions[2].height = 22
    for index, column in enumerate(columns, start=1):
        cell = put(ws.cell(3, index), column.header)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for r, row in enumerate(rows, start=4):
        for c, (column, value) in enumerate(zip(columns, row), start=1):
            cell = put(ws.cell(r, c), value)
            cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, column.align
        fit_row(ws, r, minimum=20)
    ws.freeze_panes = "A4"
    setup_print(ws, "1:3")


def new_workbook() -> Workbook:
    """An empty workbook without its default sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def save_workbook(wb: Workbook, dest: str | os.PathLike) -> None:
    """Save through a temporary file so a failure never leaves half a workbook."""
    with atomic_write(dest) as tmp:
        with open(tmp, "wb") as handle:
            wb.save(handle)
