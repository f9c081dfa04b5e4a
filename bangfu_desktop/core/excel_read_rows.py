"""A sheet's cell values streamed with expat: what openpyxl's read-only ``iter_rows(values_only=True)`` gives.

openpyxl builds an element tree per row and parses every inline string as a
serialisable object; for a 5,000-row roster that is most of an import's time.
``sheet_values`` reads the same XML with expat callbacks and applies openpyxl's own
rules (number casting, date styles and epoch, shared strings, booleans, inline and
rich-text strings, missing rows and cells), using the shared strings and date styles
that openpyxl's read-only workbook already loaded. tests/test_excel_read_rows.py
compares the two on workbooks with every kind of cell.
"""

from __future__ import annotations

import re
import warnings
from typing import Any
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS

from .excel_guard import column_number
from .fileio import CancelFn, ProgressFn, check_cancel

_MAIN = SHEET_MAIN_NS + " "
_ROW, _CELL, _VALUE, _INLINE = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "is"
_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")  # openpyxl refuses "$A$1" in a cell's address too
CHUNK = 1024 * 1024


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)


def _cast_number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class _Reader:
    """expat callbacks keeping the state of the row and cell being read."""

    def __init__(self, workbook, worksheet, progress: ProgressFn | None, cancelled: CancelFn | None, total: int):
        self.shared = worksheet._shared_strings
        self.dates = workbook._date_formats
        self.timedeltas = workbook._timedelta_formats
        self.epoch = workbook.epoch
        self.progress, self.cancelled, self.total = progress, cancelled, total
        self.rows: list[list[Any]] = []
        self.depth = 0
        self.row_depth = -1  # depth of the open <row>, -1 outside one
        self.row_counter = self.col_counter = 0
        self.cells: list[tuple[int, Any]] = []
        self.counter = 1  # the next row number openpyxl would yield
        self.read = 0
        # The open cell: type, style, coordinate; its first <v> text; its inline string parts.
        self.cell: tuple[str, int, str | None] | None = None
        self.value: list[str] | None = None
        self.value_done = False
        self.inline: dict | None = None  # {"t": plain or None, "r": [run texts]} while <is> was seen
        self.text: list[str] | None = None  # char data being collected
        self.text_target = ""  # "v", "t" or "r"
        self.text_depth = -1
        self.inline_depth = -1
        self.run: list | None = None  # the open <r>: [its last <t> text]

    def start(self, name: str, attrs: dict[str, str]) -> None:
        depth = self.depth = self.depth + 1
        rd = self.row_depth
        if rd < 0:
            if name == _ROW:
                self.row_depth = depth
                r = attrs.get("r")
                self.row_counter = _row_number(r) if r is not None else self.row_counter + 1
                self.col_counter = 0
                self.cells = []
            return
        if depth == rd + 1:  # every child of <row> is a cell to openpyxl
            style = attrs.get("s", 0)
            self.cell = (attrs.get("t", "n"), int(style) if style else 0, attrs.get("r"))
            self.value, self.value_done, self.inline = None, False, None
            return
        if depth == rd + 2:
            if name == _VALUE and not self.value_done:
                self.text, self.text_target, self.text_depth = [], "v", depth
            elif name == _INLINE and self.inline is None:
                self.inline, self.inline_depth = {"t": None, "r": []}, depth
            return
        inline_depth = self.inline_depth
        if self.inline is None or inline_depth < 0:
            return
        local = name.rpartition(" ")[2]
        if depth == inline_depth + 1:
            if local == "t":
                self.text, self.text_target, self.text_depth = [], "t", depth
            elif local == "r":
                self.run = [None]
        elif depth == inline_depth + 2 and self.run is not None and local == "t":
            self.text, self.text_target, self.text_depth = [], "r", depth

    def chars(self, data: str) -> None:
        if self.text is not None and self.depth == self.text_depth:
            self.text.append(data)

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth = depth - 1
        if self.text is not None and depth == self.text_depth:
            text, target = "".join(self.text), self.text_target
            self.text, self.text_depth = None, -1
            if target == "v":
                self.value, self.value_done = text, True
            elif target == "t":
                self.inline["t"] = text
            else:
                self.run[0] = text
            return
        rd = self.row_depth
        if rd < 0:
            return
        if self.inline is not None and depth == self.inline_depth + 1 and self.run is not None \
                and name.rpartition(" ")[2] == "r":
            self.inline["r"].append(self.run[0])
            self.run = None
        elif depth == self.inline_depth:
            self.inline_depth = -1
        elif depth == rd + 1:
            self._end_cell()
        elif depth == rd:
            self.row_depth = -1
            self._end_row()

    def _end_cell(self) -> None:
        data_type, style, ref = self.cell
        if ref:
            m = _REF.match(ref)
            if not m:
                raise ValueError(ref)
            column = column_number(m.group(1))
            self.col_counter = column
        else:
            self.col_counter += 1
            column = self.col_counter
        value: Any = None if data_type == "inlineStr" else (self.value or None)
        if value is not None:
            if data_type == "n":
                value = _cast_number(value)
                if style in self.dates:
                    try:
                        value = from_excel(value, self.epoch, timedelta=style in self.timedeltas)
                    except (OverflowError, ValueError):
                        warnings.warn(f"Cell {ref} is marked as a date but the serial value {value} is outside "
                                      "the limits for dates. The cell will be treated as an error.")
                        value = "#VALUE!"
            elif data_type == "s":
                value = self.shared[int(value)]
            elif data_type == "b":
                value = bool(int(value))
            elif data_type == "d":
                value = from_ISO8601(value)
        elif data_type == "inlineStr" and self.inline is not None:
            parts = [self.inline["t"]] if self.inline["t"] is not None else []
            value = "".join(parts + [t for t in self.inline["r"] if t is not None])
        self.cells.append((column, value))
        self.cell, self.inline = None, None

    def _end_row(self) -> None:
        idx = self.row_counter
        while self.counter < idx:  # rows the sheet leaves out are empty
            self.counter += 1
            self.rows.append([])
        if self.counter <= idx:
            cells = self.cells
            row: list[Any] = [None] * cells[-1][0] if cells else []
            for column, value in cells:
                if column <= len(row):
                    row[column - 1] = value
            self.rows.append(row)
            self.counter += 1
        self.read += 1
        if self.read % 500 == 0:
            check_cancel(self.cancelled)
            if self.progress:
                self.progress(self.read, self.total)


def can_stream(workbook, worksheet) -> bool:
    """Whether this openpyxl's read-only workbook has the parts ``sheet_values`` reads."""
    return all(hasattr(workbook, a) for a in ("_archive", "_date_formats", "_timedelta_formats", "epoch")) \
        and all(hasattr(worksheet, a) for a in ("_worksheet_path", "_shared_strings"))


def sheet_values(workbook, sheet_name: str, *, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None, total: int = 0) -> list[list[Any]]:
    """Every row of a sheet of a read-only, data-only openpyxl workbook, as lists of values.

    The rows are those of ``ws.iter_rows(values_only=True)`` after ``ws.reset_dimensions()``
    (each row as long as its last cell; missing rows empty). Check ``can_stream`` first.
    """
    ws = workbook[sheet_name]
    archive, part = workbook._archive, ws._worksheet_path
    reader = _Reader(workbook, ws, progress, cancelled, total)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.chars
    check_cancel(cancelled)
    with archive.open(part) as handle:
        while chunk := handle.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return reader.rows
