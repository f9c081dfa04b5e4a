"""The shipped 任务清单 layout, streamed (write-only) with page breaks a printer keeps.

The layout is that of seed 001's attachment (and of ``resources/templates/任务清单*.xlsx``):
merged title, the 学校（盖章）/联系人/职务/办公电话/手机号码 line, the column headers
(repeated on every printed page), category rows, the tasks, the 填报日期 line.

Spreadsheets break pages by row height; a category row left alone at the foot of a
page reads as an orphaned heading. Row heights are known here (they are written),
so the pages are laid out as LibreOffice, Excel and WPS print them (A4 landscape,
fit to width) and a manual break is set before each category row that would end
a page, keeping it with its first task.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from .excel_common import (CENTER, TOP_LEFT, LedgerStyles, PageFlow, estimate_height, new_workbook,
                           save_workbook, setup_print)
from .excel_template import TemplateData, substitute
from .fileio import CancelFn, ProgressFn, check_cancel


@dataclass(frozen=True)
class TaskColumn:
    """A column of the form: header, what fills it (marks), width in characters, alignment."""

    header: str
    mark: str
    width: float
    align: Alignment


BASE_COLUMNS = (
    TaskColumn("目标任务（分阶段）", "{{目标任务}}", 20, TOP_LEFT),
    TaskColumn("主要举措", "{{编号}} {{主要举措}}", 62, TOP_LEFT),
    TaskColumn("完成时限", "{{完成时限}}", 14, CENTER),
    TaskColumn("责任单位", "{{责任单位}}", 18, CENTER),
    TaskColumn("配合部门", "{{配合部门}}", 14, CENTER),
)
PROGRESS_COLUMNS = (
    TaskColumn("进展情况", "{{进展情况}}", 26, TOP_LEFT),
    TaskColumn("完成情况", "{{完成情况}}", 11, CENTER),
)
HEADER_LINE = ("学校：{{单位}}（盖章）　　联系人：{{联系人}}　　职务：{{职务}}　　"
               "办公电话：{{办公电话}}　　手机号码：{{手机号码}}")
TITLE_HEIGHT, INFO_HEIGHT, HEADER_HEIGHT, CATEGORY_HEIGHT, ROW_MINIMUM, FOOTER_HEIGHT = 40, 24, 30, 22, 20, 24
BODY_SIZE = 10.5


def write_task_list(data: TemplateData, dest: str | os.PathLike, *, with_progress: bool = True,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> list[int]:
    """Write the 任务清单 of ``data`` to ``dest``; return the rows before which a page break was set."""
    columns = BASE_COLUMNS + (PROGRESS_COLUMNS if with_progress else ())
    widths = [c.width for c in columns]
    total_width = sum(widths)
    last = get_column_letter(len(columns))
    wb = new_workbook()
    ws = wb.create_sheet("任务清单")
    styles = LedgerStyles.of(wb)
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A4"
    setup_print(ws, "1:3")
    row = 0

    def write(cells, height, merge=False):
        nonlocal row
        row += 1
        ws.row_dimensions[row].height = height
        ws.append(cells)
        del ws.row_dimensions[row]
        if merge:
            ws.merged_cells.add(f"A{row}:{last}{row}")

    title = data.header.get("标题", "")
    info = substitute(HEADER_LINE, data.header)
    write([styles.cell(ws, title, "台账标题")], max(estimate_height([(title, total_width, 16)]) or 0, TITLE_HEIGHT),
          merge=True)
    info_height = max(estimate_height([(info, total_width, 11)]) or 0, INFO_HEIGHT)
    write([styles.cell(ws, info, "台账信息左")], info_height, merge=True)
    write([styles.cell(ws, c.header, "台账表头") for c in columns], HEADER_HEIGHT)

    flow = PageFlow(widths, TITLE_HEIGHT + info_height + HEADER_HEIGHT)
    breaks: list[int] = []
    pending: tuple | None = None  # a category row waiting to be placed with its first task
    current = None
    total = len(data.items)
    for done, item in enumerate(data.items):
        if done % 200 == 0:
            check_cancel(cancelled)
            if progress:
                progress(done, total)
        if item.category and item.category != current:
            pending = (item.category,)
        current = item.category
        values = {**item.values, "类别": item.category}
        texts = [substitute(c.mark, values).strip() for c in columns]
        height = max(estimate_height((t, c.width, BODY_SIZE) for t, c in zip(texts, columns)
                                     if c.align.wrap_text) or 0, ROW_MINIMUM)
        block = height + (CATEGORY_HEIGHT if pending else 0)
        if flow.add(block):
            breaks.append(row + 1)
        if pending:
            label = pending[0]
            write([styles.cell(ws, label, "台账类别"), *(styles.cell(ws, "", "台账类别") for _ in columns[1:])],
                  CATEGORY_HEIGHT, merge=True)
            pending = None
        write([styles.cell(ws, t, "台账正文", c.align) for t, c in zip(texts, columns)], height)
    footer = f"填报日期：{data.header.get('填报日期', '')}"
    write([styles.cell(ws, footer, "台账信息右")], FOOTER_HEIGHT, merge=True)
    for before in breaks:
        ws.row_breaks.append(Break(id=before - 1))
    if progress:
        progress(total, total)
    save_workbook(wb, dest)
    return breaks
