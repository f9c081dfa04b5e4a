"""Shared pieces of every workbook we write: safe text, styles, sizes, print setup, ledgers.

Every value goes through ``put``: text is cleaned of the control characters that
openpyxl refuses (``core.text.clean_text``) and stored as text, so a task that
reads ``=HYPERLINK(...)``, ``+1`` or ``@cmd`` stays literal, never a formula.

Ledgers are streamed (openpyxl write-only mode): ``new_workbook()`` gives a
write-only workbook, ``write_ledger(wb.create_sheet(name), ...)`` writes a whole
sheet from any iterable of rows with the styles defined once (``LedgerStyles``),
so cost is linear in rows and memory flat. The public API here (``Column``,
``put``, ``new_workbook``, ``write_ledger``, ``LedgerSheet``, ``save_workbook``,
``setup_print``, ``estimate_height``, ``fit_row``, ``PageFlow``) is shared by other
writers; keep it stable.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from copy import copy
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .fileio import atomic_write
from .text import clean_text

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
INFO_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
INFO_RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True)
FOOTER = "第 &P 页 / 共 &N 页"
# Room to write by hand after a label (ideographic spaces keep their width in every font).
BLANK = "\u3000" * 8

# Any character that clean_text would change; most texts have none and skip the cleaning.
_NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0b\x0c\r\x0e-\x1f\x7f\u2028\u2029]")
# East Asian wide and full-width characters (two column units each).
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display(value: Any) -> Any:
    """The value as a cell should hold it: dates stay dates, booleans become 是/否, text is cleaned."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, dt.date)):
        return value
    text = value if isinstance(value, str) else str(value)
    return clean_text(text) if _NEEDS_CLEANING.search(text) else text


def put(cell, value: Any):
    """Write ``value`` into a cell (normal or write-only); text is cleaned and forced literal, never a formula."""
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
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def column_width(ws: Worksheet, column: int) -> float:
    """The width of a column in characters (8.43 when the sheet leaves it default)."""
    dim = ws.column_dimensions.get(get_column_letter(column))
    return dim.width if dim is not None and dim.customWidth and dim.width else 8.43


def estimate_height(cells: Iterable[tuple[str, float, float]]) -> float | None:
    """Row height in points that shows every wrapped (text, width, font size) in full.

    Spreadsheets do not grow rows for wrapped text in a file they open, so the
    height is written; None means one line is enough.
    """
    lines_needed, size_used = 1, 11.0
    for text, width, size in cells:
        if not text:
            continue
        usable = max((width - 1.5) * 11.0 / max(size, 1.0), 2.0)
        if "\n" not in text and len(text) * 2 <= usable:
            continue  # one line whatever the characters
        lines = sum(max(1, math.ceil(text_units(part) / usable)) for part in text.split("\n"))
        if lines * size > lines_needed * size_used:
            lines_needed, size_used = lines, size
    if lines_needed <= 1:
        return None
    return round(lines_needed * size_used * 1.4 + 6, 1)


def fit_row(ws: Worksheet, row: int, widths: dict[int, float] | None = None, minimum: float | None = None,
            columns: Iterable[int] | None = None) -> None:
    """Set row ``row``'s height so its wrapped texts show in full (cells that do not wrap are ignored).

    ``columns`` names the columns to look at; without it the row is read with
    ``ws[row]``, which scans the whole sheet (avoid in loops).
    """
    if columns is None:
        cells = ws[row]
    else:
        cells = [c for c in (ws._cells.get((row, col)) for col in columns) if c is not None]
    texts = []
    for cell in cells:
        if isinstance(cell.value, str) and cell.value and cell.alignment.wrap_text:
            width = (widths or {}).get(cell.column) or column_width(ws, cell.column)
            texts.append((cell.value, width, float(cell.font.size or 11)))
    height = estimate_height(texts)
    if minimum and (height is None or height < minimum):
        height = minimum
    ws.row_dimensions[row].height = height


def setup_print(ws, title_rows: str, *, landscape: bool = True) -> None:
    """A4, landscape, fit to one page wide, title rows on every page, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if hasattr(ws, "PAPERSIZE_A4") else "9"
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


# -- pages -------------------------------------------------------------------------------------------

A4_SHORT_PT, A4_LONG_PT = 595.3, 841.9


def width_points(widths: Iterable[float]) -> float:
    """Printed width in points of columns of these widths (characters of Calibri 11: 7 px + 5 px padding)."""
    return sum(w * 7 + 5 for w in widths) * 0.75


class PageFlow:
    """Where a spreadsheet printed A4, fit to width, breaks its pages, so breaks can be set by hand.

    ``add(height)`` returns True when the row must start a new page. The scale is
    the one fit-to-width applies; a safety margin absorbs the spreadsheets' rounding.
    """

    def __init__(self, column_widths: Iterable[float], title_height: float, *, landscape: bool = True,
                 margins_in: tuple[float, float, float, float] = (0.5, 0.5, 0.6, 0.7), safety: float = 0.94):
        page_w, page_h = (A4_LONG_PT, A4_SHORT_PT) if landscape else (A4_SHORT_PT, A4_LONG_PT)
        left, right, top, bottom = (m * 72 for m in margins_in)
        scale = min(1.0, (page_w - left - right) / max(width_points(column_widths), 1.0))
        self.capacity = (page_h - top - bottom) * safety / scale - title_height
        self.used = 0.0

    def add(self, height: float) -> bool:
        """Place a row of ``height`` points; True when it starts a new page."""
        if self.used and self.used + height > self.capacity:
            self.used = height
            return True
        self.used += height
        return False


# -- ledgers ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A ledger column: its header and its width in characters."""

    header: str
    width: float = 12
    align: Alignment = CENTER
    number_format: str | None = None  # e.g. "0.0%" for a ratio stored as a number


class LedgerStyles:
    """The named styles of a workbook, registered once; each cell copies a ready style array."""

    SPECS = {
        "台账标题": dict(font=TITLE_FONT, alignment=CENTER),
        "台账信息左": dict(font=INFO_FONT, alignment=INFO_LEFT),
        "台账信息右": dict(font=INFO_FONT, alignment=INFO_RIGHT),
        "台账表头": dict(font=HEADER_FONT, fill=HEADER_FILL, border=BORDER, alignment=CENTER),
        "台账类别": dict(font=HEADER_FONT, fill=CATEGORY_FILL, border=BORDER, alignment=LEFT),
    }

    def __init__(self, wb: Workbook):
        self.wb = wb
        self._arrays: dict[tuple, Any] = {}
        self._probe_sheet = None

    @classmethod
    def of(cls, wb: Workbook) -> "LedgerStyles":
        """The styles of ``wb`` (created on first use)."""
        styles = getattr(wb, "_bangfu_styles", None)
        if styles is None:
            styles = wb._bangfu_styles = cls(wb)
        return styles

    def _named(self, name: str, **spec) -> str:
        if name not in self.wb.named_styles:
            style = NamedStyle(name=name)
            for key, value in spec.items():
                setattr(style, key, copy(value))
            self.wb.add_named_style(style)
        return name

    def _body_name(self, align: Alignment) -> str:
        known = {CENTER: "台账正文居中", LEFT: "台账正文靠左", TOP_LEFT: "台账正文左上"}
        name = known.get(align) or f"台账正文{abs(hash(align)) % 10**6}"
        return self._named(name, font=BODY_FONT, border=BORDER, alignment=align)

    def array(self, ws, name: str, align: Alignment | None = None, *, date: bool = False,
              number_format: str | None = None):
        """The style array of named style ``name`` (body cells: ``"台账正文"`` with ``align``)."""
        number_format = "yyyy-mm-dd" if date else number_format
        key = (name, align, number_format)
        if key not in self._arrays:
            named = self._body_name(align or CENTER) if name == "台账正文" else self._named(name, **self.SPECS[name])
            probe = WriteOnlyCell(ws)
            probe.style = named
            if number_format:
                probe.number_format = number_format
            self._arrays[key] = probe._style
        return self._arrays[key]

    def cell(self, ws, value: Any, name: str, align: Alignment | None = None,
             number_format: str | None = None) -> WriteOnlyCell:
        """A write-only cell holding ``value`` (cleaned, text kept literal) in named style ``name``."""
        value = display(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        cell = WriteOnlyCell(ws)
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        cell._style = copy(self.array(ws, name, align, date=isinstance(value, dt.date),
                                      number_format=number_format if is_number else None))
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
        return cell


def seal_lines(unit_name: str, width: float = 200.0, day_text: str = "") -> list[tuple[str, float]]:
    """The closing lines of a form (text, row height): 单位（盖章）, 负责人/填报人/联系电话, date.

    负责人, 填报人 and 联系电话 share a line when it fits ``width`` (characters), else
    each gets its own, so a label never breaks.
    """
    date = day_text or f"{BLANK}年{BLANK[:3]}月{BLANK[:3]}日"
    lines = [(f"单位（盖章）：{unit_name}", 42.0)]
    line = ""
    for part in (f"负责人：{BLANK}", f"填报人：{BLANK}", f"联系电话：{BLANK}"):
        joined = f"{line}\u3000\u3000{part}" if line else part
        if line and text_units(joined) > width - 2:
            lines.append((line, 30.0))
            joined = part
        line = joined
    lines.append((line, 30.0))
    lines.append((f"日期：{date}", 30.0))
    return lines


class LedgerSheet:
    """A ledger streamed into a write-only sheet: title, 单位/填报日期 line, header, rows, seal lines.

    Call ``append`` for each row (in column order), then ``close``. Rows with
    wrapped text get the height that shows it in full.
    """

    def __init__(self, ws, title: str, unit_name: str, day: dt.date, columns: Sequence[Column]):
        self.ws, self.columns, self.unit_name = ws, list(columns), unit_name
        self.styles = LedgerStyles.of(ws.parent)
        self.row = 0
        self.widths = [c.width for c in self.columns]
        self._wrapped = [i for i, c in enumerate(self.columns) if c.align.wrap_text]
        for index, column in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A4"
        setup_print(ws, "1:3")  # before the first row: sheet properties are written at the top
        self._banner(title, "台账标题", 32, TITLE_FONT.size)
        self._info_line(f"单位（盖章）：{unit_name}", f"填报日期：{chinese_date(day)}")
        self._write([self.styles.cell(ws, c.header, "台账表头") for c in self.columns],
                    max(estimate_height((c.header, c.width, 11.0) for c in self.columns) or 0, 22))

    def _write(self, cells: list, height: float | None) -> None:
        self.row += 1
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        if height:
            del self.ws.row_dimensions[self.row]  # written; keep memory flat

    def _merge(self, first: int, last: int) -> None:
        if last > first:
            self.ws.merged_cells.add(f"{get_column_letter(first)}{self.row}:{get_column_letter(last)}{self.row}")

    def _banner(self, text: str, style: str, minimum: float, size: float = 11.0) -> None:
        """One merged line across every column, wrapped and as high as its text needs."""
        total = sum(self.widths)
        height = max(estimate_height([(text, total, size)]) or 0, minimum)
        self._write([self.styles.cell(self.ws, text, style)], height)
        self._merge(1, len(self.columns))

    def _info_line(self, left: str, right: str) -> None:
        """单位 on the left and 填报日期 on the right when both fit whole; else one wrapped line."""
        need = text_units(left) + 3
        split, acc = 0, 0.0
        for split, width in enumerate(self.widths, start=1):
            acc += width
            if acc >= need:
                break
        rest = sum(self.widths) - acc
        if acc >= need and rest >= text_units(right) + 2:
            cells = [self.styles.cell(self.ws, left, "台账信息左"), *([None] * (split - 1)),
                     self.styles.cell(self.ws, right, "台账信息右")]
            self._write(cells, 22)
            self._merge(1, split)
            self._merge(split + 1, len(self.columns))
        else:
            self._banner(f"{left}\n{right}", "台账信息左", 22)

    def append(self, values: Sequence[Any]) -> None:
        """One bordered data row."""
        ws, styles, columns = self.ws, self.styles, self.columns
        cells = [styles.cell(ws, value, "台账正文", column.align, column.number_format)
                 for column, value in zip(columns, values)]
        texts = [(cells[i].value, self.widths[i], 10.5) for i in self._wrapped
                 if i < len(cells) and isinstance(cells[i].value, str)]
        self._write(cells, max(estimate_height(texts) or 0, 20))

    def close(self, *, seal: bool = True) -> None:
        """End the sheet with the seal lines (单位（盖章）, 负责人, 填报人, 联系电话, date)."""
        if not seal:
            return
        self._write([], 12)
        total = sum(self.widths)
        for text, height in seal_lines(self.unit_name, total):
            style = "台账信息右" if text.startswith("日期") else "台账信息左"
            self._write([self.styles.cell(self.ws, text, style)],
                        max(estimate_height([(text, total, 11.0)]) or 0, height))
            self._merge(1, len(self.columns))


def write_ledger(ws, title: str, unit_name: str, day: dt.date, columns: Sequence[Column],
                 rows: Iterable[Sequence[Any]], *, seal: bool = True) -> int:
    """Stream a ledger into the write-only sheet ``ws``; return the number of data rows.

    Layout: merged title, 单位（盖章）/填报日期 line, header, bordered rows (any
    iterable, consumed once), the seal lines; A4 landscape, fit to width, rows 1-3
    repeated on every page, page numbers.
    """
    sheet = LedgerSheet(ws, title, unit_name, day, columns)
    count = 0
    for row in rows:
        sheet.append(row)
        count += 1
    sheet.close(seal=seal)
    return count


def new_workbook(write_only: bool = True) -> Workbook:
    """An empty workbook without a default sheet (write-only unless asked otherwise)."""
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    return wb


def save_workbook(wb: Workbook, dest: str | os.PathLike) -> None:
    """Save through a temporary file so a failure never leaves half a workbook."""
    with atomic_write(dest) as tmp:
        with open(tmp, "wb") as handle:
            wb.save(handle)
