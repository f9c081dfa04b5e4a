"""Filling a template workbook: the bureau's own form, or the one we ship.

Marks such as ``{{单位}}`` may sit anywhere in a cell's text and are replaced
in every sheet. One row (the first that holds an item mark such as
``{{主要举措}}``) is the repeating row: it is written once per item with that
row's style and merges, and whatever stood below it moves down. When the
repeating row has no ``{{类别}}`` mark, a category row (``1.政策支持``) spanning
the row's columns is written before each group.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from typing import Sequence

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from .errors import InvalidInput
from .excel_common import CATEGORY_FILL, column_width, fit_row, put, save_workbook
from .excel_read import open_workbook_safely
from .fileio import CancelFn, ProgressFn, check_cancel

HEADER_MARKS = ("单位", "联系人", "职务", "办公电话", "手机号码", "填报日期", "标题")
ITEM_MARKS = ("类别", "编号", "目标任务", "主要举措", "完成时限", "责任单位", "配合部门",
              "进展情况", "完成情况")
MARK = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")


@dataclass
class TemplateItem:
    """One repeated row: mark name → text, and the category it belongs to."""

    values: dict[str, str]
    category: str = ""


@dataclass
class TemplateData:
    """What fills a template: header marks and the items in order."""

    header: dict[str, str]
    items: list[TemplateItem] = field(default_factory=list)


def substitute(text: str, values: dict[str, str]) -> str:
    """Replace every known mark in ``text``; unknown marks are left as written."""
    def repl(match: re.Match) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)
    return MARK.sub(repl, text)


def find_repeat_row(ws: Worksheet) -> int | None:
    """The first row holding an item mark, or None."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and any(m.group(1) in ITEM_MARKS for m in MARK.finditer(cell.value)):
                return cell.row
    return None


def fill_template(template: str | os.PathLike, data: TemplateData, dest: str | os.PathLike, *,
                  progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> None:
    """Fill ``template`` with ``data`` and save the result to ``dest`` (the template is not changed)."""
    wb = open_workbook_safely(template)
    target = None
    for ws in wb.worksheets:
        if target is None and find_repeat_row(ws) is not None:
            target = ws
    if target is None:
        raise InvalidInput("模板中没有找到明细行标记（如 {{主要举措}}）。请在模板的一行中写入"
                           "{{目标任务}}、{{主要举措}}、{{完成时限}} 等标记后再试。")
    _fill_rows(target, data, progress, cancelled)
    for ws in wb.worksheets:
        _fill_header(ws, data.header)
    save_workbook(wb, dest)


def _fill_header(ws: Worksheet, header: dict[str, str]) -> None:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "{{" in cell.value:
                put(cell, substitute(cell.value, header))


def _fill_rows(ws: Worksheet, data: TemplateData, progress, cancelled) -> None:
    r0 = find_repeat_row(ws)
    width = ws.max_column
    template = [ws.cell(r0, c) for c in range(1, width + 1)]
    marks_by_col = {c.column: c.value for c in template if isinstance(c.value, str) and "{{" in c.value}
    used_cols = [c.column for c in template if c.value is not None or c.has_style]
    first_col = min(marks_by_col)
    last_col = max(max(marks_by_col), max(used_cols or [first_col]))
    styles = {c.column: copy.copy(c._style) for c in template}
    height = ws.row_dimensions[r0].height
    row_merges = [m for m in ws.merged_cells.ranges if m.min_row == m.max_row == r0]
    widths = {c: column_width(ws, c) for c in range(1, width + 1)}
    for m in row_merges:
        widths[m.min_col] = sum(column_width(ws, c) for c in range(m.min_col, m.max_col + 1))
    has_category_mark = any("{{类别}}" in re.sub(r"\s", "", v) for v in marks_by_col.values())

    plan: list[tuple[str, object]] = []  # ("category", name) or ("item", TemplateItem)
    current = None
    for item in data.items:
        if not has_category_mark and item.category and item.category != current:
            plan.append(("category", item.category))
        current = item.category
        plan.append(("item", item))
    extra = max(len(plan) - 1, 0)
    if extra:
        _shift_below(ws, r0, extra)
    for m in row_merges:
        ws.unmerge_cells(m.coord)
    total = len(plan)
    for offset, (kind, payload) in enumerate(plan):
        if offset % 200 == 0:
            check_cancel(cancelled)
            if progress:
                progress(offset, total)
        r = r0 + offset
        for c, style in styles.items():
            cell = ws.cell(r, c)
            cell._style = copy.copy(style)
            if kind == "item":
                text = marks_by_col.get(c)
                put(cell, substitute(text, {**payload.values, "类别": payload.category}).strip()
                    if text is not None else template[c - 1].value)
            else:
                put(cell, payload if c == first_col else None)
        if kind == "category":
            head = ws.cell(r, first_col)
            head.font = Font(name=head.font.name, size=head.font.size, bold=True)
            head.fill = copy.copy(CATEGORY_FILL)
            if last_col > first_col:
                ws.merge_cells(start_row=r, start_column=first_col, end_row=r, end_column=last_col)
        else:
            for m in row_merges:
                ws.merge_cells(start_row=r, start_column=m.min_col, end_row=r, end_column=m.max_col)
            fit_row(ws, r, widths, minimum=height, columns=styles)
        if kind == "category":
            ws.row_dimensions[r].height = max(height or 0, 20)
    if not plan:
        for c in marks_by_col:
            put(ws.cell(r0, c), None)
    elif has_category_mark:
        _merge_categories(ws, r0, plan, marks_by_col)
    if progress:
        progress(total, total)


def _shift_below(ws: Worksheet, r0: int, extra: int) -> None:
    """Move everything below row ``r0`` down by ``extra`` rows, merges and heights included."""
    max_row = ws.max_row
    below = [m for m in ws.merged_cells.ranges if m.min_row > r0]
    for m in below:
        ws.unmerge_cells(m.coord)
    heights = {r: ws.row_dimensions[r].height for r in range(r0 + 1, max_row + 1)}
    if max_row > r0:
        ws.move_range(f"A{r0 + 1}:{get_column_letter(ws.max_column)}{max_row}", rows=extra)
    for r in range(r0 + 1, max_row + 1):
        ws.row_dimensions[r].height = None
    for r, h in heights.items():
        ws.row_dimensions[r + extra].height = h
    for m in below:
        moved = CellRange(m.coord)
        moved.shift(row_shift=extra)
        ws.merge_cells(moved.coord)
    if ws.print_area:
        ws.print_area = [_extend_area(area, r0, extra) for area in ws.print_area.split(",")]


def _extend_area(area: str, r0: int, extra: int) -> str:
    rng = CellRange(area.split("!")[-1].replace("$", ""))
    if rng.max_row >= r0:
        rng.expand(down=extra)
    return rng.coord


def _merge_categories(ws: Worksheet, r0: int, plan: Sequence, marks_by_col: dict[int, str]) -> None:
    """Merge runs of the same category down the {{类别}} column, as bureau forms do."""
    col = next(c for c, v in marks_by_col.items() if "{{类别}}" in re.sub(r"\s", "", v))
    start = 0
    items = [p for _, p in plan]
    for i in range(1, len(items) + 1):
        if i == len(items) or items[i].category != items[start].category:
            if i - start > 1 and items[start].category:
                ws.merge_cells(start_row=r0 + start, start_column=col, end_row=r0 + i - 1, end_column=col)
            start = i


def template_marks(path: str | os.PathLike) -> set[str]:
    """Every mark a template workbook uses (shown to the user when picking a template)."""
    wb = open_workbook_safely(path)
    found = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found.update(m.group(1) for m in MARK.finditer(cell.value))
    return found
