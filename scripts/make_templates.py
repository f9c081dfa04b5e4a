"""Regenerate the shipped 任务清单 templates under resources/templates/.

Run from the checkout: ``python scripts/make_templates.py``. The layout follows
the attachment of seed 001 (title, 学校（盖章）/联系人/职务/办公电话/手机号码 line,
the five columns, optional 进展情况 and 完成情况); the program fills them with
``core.excel_template.fill_template`` exactly as it fills a bureau's own form.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bangfu_desktop.core.excel_common import (  # noqa: E402
    BODY_FONT, BORDER, CENTER, HEADER_FILL, HEADER_FONT, INFO_FONT, TITLE_FONT, TOP_LEFT, put, setup_print,
)

BASE_COLUMNS = [
    ("目标任务（分阶段）", "{{目标任务}}", 20, TOP_LEFT),
    ("主要举措", "{{编号}} {{主要举措}}", 62, TOP_LEFT),
    ("完成时限", "{{完成时限}}", 14, CENTER),
    ("责任单位", "{{责任单位}}", 18, CENTER),
    ("配合部门", "{{配合部门}}", 14, CENTER),
]
PROGRESS_COLUMNS = [
    ("进展情况", "{{进展情况}}", 26, TOP_LEFT),
    ("完成情况", "{{完成情况}}", 11, CENTER),
]
HEADER_LINE = ("学校：{{单位}}（盖章）　　联系人：{{联系人}}　　职务：{{职务}}　　"
               "办公电话：{{办公电话}}　　手机号码：{{手机号码}}")


def build(columns) -> Workbook:
    """The template workbook for ``columns`` (header, mark, width, alignment)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    put(ws["A1"], "{{标题}}").font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 40
    ws.merge_cells(f"A2:{last}2")
    put(ws["A2"], HEADER_LINE).font = INFO_FONT
    ws["A2"].alignment = Alignment(horizontal="left", vertical="center")
    ws.row_dimensions[2].height = 24
    for index, (header, mark, width, align) in enumerate(columns, start=1):
        head = put(ws.cell(3, index), header)
        head.font, head.fill, head.border, head.alignment = HEADER_FONT, HEADER_FILL, BORDER, CENTER
        body = put(ws.cell(4, index), mark)
        body.font, body.border, body.alignment = BODY_FONT, BORDER, align
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[3].height = 30
    ws.merge_cells(f"A5:{last}5")
    put(ws["A5"], "填报日期：{{填报日期}}").font = INFO_FONT
    ws["A5"].alignment = Alignment(horizontal="right", vertical="center")
    ws.row_dimensions[5].height = 24
    setup_print(ws, "1:3")
    ws.freeze_panes = "A4"
    return wb


def main() -> None:
    """Write both templates."""
    out = ROOT / "resources" / "templates"
    out.mkdir(parents=True, exist_ok=True)
    build(BASE_COLUMNS).save(out / "任务清单.xlsx")
    build(BASE_COLUMNS + PROGRESS_COLUMNS).save(out / "任务清单_含进展.xlsx")
    print(f"templates written to {out}")


if __name__ == "__main__":
    main()
