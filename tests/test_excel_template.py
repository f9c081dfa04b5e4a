"""Filling a bureau's own template: marks replaced, styles, merges, widths and print settings kept."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.styles import Border, Font, PatternFill, Side

from bangfu_desktop.core import records
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.excel_tasks import export_tasks
from bangfu_desktop.core.models import Plan, Task, TaskCategory, Teacher, Unit

DAY = dt.date(2024, 12, 5)
THIN = Side(style="thin")


@pytest.fixture
def small_plan(store):
    """本单位 and a plan with two categories and three tasks."""
    records.save(Unit(name="示范中学", is_self=True, contact_name="田老师", contact_title="副校长",
                      office_phone="0856-1234567", mobile="13800000000"))
    plan = records.save(Plan(title="示范帮扶工作实施方案"))
    first = records.save(TaskCategory(plan=plan, code="1", name="政策支持", position=0))
    second = records.save(TaskCategory(plan=plan, code="2", name="资金投入", position=1))
    records.save(Task(plan=plan, category=first, code="1.1", position=1, measure="制定一校一案",
                      deadline_text="2023年12月底", responsible="教育局", cooperating="办公室"))
    records.save(Task(plan=plan, category=first, code="1.2", position=2, measure="搭建平台\n深化合作",
                      deadline_text="长期坚持", responsible="示范中学"))
    records.save(Task(plan=plan, category=second, code="2.1", position=3, measure="每年投入不少于 100 万元",
                      deadline_text="2023-2025 年 12 月底", responsible="总务科", progress="已到位 60 万元"))
    return plan


def bureau_template(path, with_category: bool) -> None:
    """A bureau form: title, info line, header, a styled mark row with a merge, and a footer."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报表"
    ws.merge_cells("A1:F1")
    ws["A1"] = "重点任务推进情况表"
    ws["A1"].font = Font(size=18, bold=True)
    ws["A2"] = "填报单位：{{单位}}"
    ws["D2"] = "联系人：{{联系人}}（{{职务}}） 电话：{{手机号码}}"
    headers = ["类别" if with_category else "序号", "工作措施", "", "牵头单位", "完成时间", "推进情况"]
    for c, text in enumerate(headers, start=1):
        ws.cell(3, c, text)
    marks = ["{{类别}}" if with_category else "{{编号}}", "{{主要举措}}", None, "{{责任单位}}",
             "{{完成时限}}", "{{进展情况}}"]
    fill = PatternFill("solid", fgColor="FFF2CC")
    for c, mark in enumerate(marks, start=1):
        cell = ws.cell(4, c, mark)
        cell.fill = fill
        cell.font = Font(name="仿宋", size=12, color="1F4E79")
        cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    ws.merge_cells("B3:C3")
    ws.merge_cells("B4:C4")
    ws.merge_cells("A6:F6")
    ws["A6"] = "填报日期：{{填报日期}}    审核人："
    ws.row_dimensions[6].height = 30
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["F"].width = 25
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.print_title_rows = "1:3"
    wb.save(path)


def test_bureau_template_filled_with_its_styles(small_plan, tmp_path):
    """Marks are replaced; the mark row repeats per task with its style and merge; the footer moves down."""
    template = tmp_path / "bureau.xlsx"
    bureau_template(template, with_category=False)
    dest = export_tasks(tmp_path / "out.xlsx", template=template, day=DAY)
    ws = openpyxl.load_workbook(dest)["报表"]
    assert ws["A2"].value == "填报单位：示范中学"
    assert ws["D2"].value == "联系人：田老师（副校长） 电话：13800000000"
    merges = {str(r) for r in ws.merged_cells.ranges}
    # category row, two tasks, category row, one task
    assert ws["A4"].value == "1.政策支持" and "A4:F4" in merges
    assert [ws.cell(5, c).value for c in (1, 2, 4, 5, 6)] == ["1.1", "制定一校一案", "教育局", "2023年12月底", None]
    assert ws["B6"].value == "搭建平台\n深化合作"
    assert ws["A7"].value == "2.资金投入"
    assert ws["F8"].value == "已到位 60 万元"
    for r in (5, 6, 8):
        assert f"B{r}:C{r}" in merges
        cell = ws.cell(r, 2)
        assert cell.fill.fgColor.rgb.endswith("FFF2CC") and cell.font.name == "仿宋" and cell.font.size == 12
        assert cell.border.left.style == "thin"
    # the footer stood two rows below the mark row (a blank row between): it moves down by four
    assert ws["A10"].value == "填报日期：2024年12月5日    审核人：" and "A10:F10" in merges
    assert ws.row_dimensions[10].height == 30 and ws["A9"].value is None
    assert "A6:F6" not in merges
    assert ws.column_dimensions["B"].width == 40 and ws.column_dimensions["F"].width == 25
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 8
    assert ws.print_title_rows == "$1:$3"
    assert ws["A1"].value == "重点任务推进情况表" and ws["A1"].font.size == 18
    assert "{{" not in "".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


def test_template_category_column_is_merged_down(small_plan, tmp_path):
    """With a {{类别}} column no category rows are added; each category is merged down its rows."""
    template = tmp_path / "bureau.xlsx"
    bureau_template(template, with_category=True)
    ws = openpyxl.load_workbook(export_tasks(tmp_path / "o.xlsx", template=template, day=DAY)).active
    assert [ws.cell(r, 1).value for r in (4, 6)] == ["1.政策支持", "2.资金投入"]
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["B5"].value == "搭建平台\n深化合作"
    assert ws["A8"].value.startswith("填报日期")


def test_template_without_item_row_is_refused(small_plan, tmp_path):
    """A workbook with no item marks cannot be a template: the message says what to add."""
    path = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "{{单位}}"
    wb.save(path)
    with pytest.raises(InvalidInput, match="主要举措"):
        export_tasks(tmp_path / "o.xlsx", template=path)


INJECTED = ['=HYPERLINK("http://x","y")', "+1", "@cmd", "-2+3", "=1+1"]


def test_formulas_stay_text_in_the_task_list(small_plan, tmp_path):
    """A task text that looks like a formula is written as literal text."""
    for n, text in enumerate(INJECTED):
        records.save(Task(plan=small_plan, code=f"9.{n}", position=10 + n, stage_goal=text, measure="措施",
                          responsible=text))
    ws = openpyxl.load_workbook(export_tasks(tmp_path / "o.xlsx", day=DAY)).active
    cells = [c for row in ws.iter_rows() for c in row if c.value in INJECTED]
    assert len(cells) == 2 * len(INJECTED)
    assert all(c.data_type == "s" for c in cells)


def test_formulas_stay_text_in_ledgers(small_plan, tmp_path):
    """The same holds for every ledger (here the roster)."""
    for n, text in enumerate(INJECTED):
        records.save(Teacher(name=f"教师{n}", subject=text, notes=text))
    _, export = LEDGERS["teachers"]
    ws = openpyxl.load_workbook(export(tmp_path / "t.xlsx", day=DAY)).active
    cells = [c for row in ws.iter_rows() for c in row if c.value in INJECTED]
    assert len(cells) == 2 * len(INJECTED) and all(c.data_type == "s" for c in cells)
