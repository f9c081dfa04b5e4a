"""Every export read back with openpyxl: values, merges, borders and print setup."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.excel_tasks import export_tasks
from bangfu_desktop.core.models import Activity, Pairing, Plan, Rotation, Target, Task, Teacher
from bangfu_desktop.core.queries import self_unit

DAY = dt.date(2026, 11, 22)


def assert_print_setup(ws, title_rows: str) -> None:
    """A4 landscape, one page wide, title rows repeated, page numbers in the footer."""
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == title_rows
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"


SEAL_ROWS = 4  # a spacer, 单位（盖章）, 负责人/填报人/联系电话, 日期


def assert_seal_lines(ws, last_data_row: int, unit_name: str) -> None:
    """After the last data row: 单位（盖章） with the unit, 负责人, 填报人, 联系电话 and a date line, full width."""
    width = openpyxl.utils.get_column_letter(ws.max_column)
    seal, people, date = (ws.cell(last_data_row + i, 1).value for i in (2, 3, 4))
    assert seal == f"单位（盖章）：{unit_name}"
    assert "负责人：" in people and "填报人：" in people and "联系电话：" in people
    assert date.startswith("日期：") and "年" in date and "月" in date and date.endswith("日")
    merges = {str(r) for r in ws.merged_cells.ranges}
    for i in (2, 3, 4):
        assert f"A{last_data_row + i}:{width}{last_data_row + i}" in merges
    assert ws.max_row == last_data_row + SEAL_ROWS


def test_task_list_has_the_seed_layout(demo_store, tmp_path):
    """The 任务清单 has the title, the 学校（盖章） line from 本单位, headers, category rows and tasks."""
    plan = Plan.get(Plan.title.contains("沿河"))
    dest = export_tasks(tmp_path / "清单.xlsx", plan_id=plan.id, day=DAY)
    ws = openpyxl.load_workbook(dest)["任务清单"]
    unit = self_unit()
    assert ws["A1"].value == "沿河土家族自治县中等职业学校教育人才“组团式”帮扶工作重点任务清单"
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    line = ws["A2"].value
    assert f"学校：{unit.name}（盖章）" in line and f"联系人：{unit.contact_name}" in line
    assert f"手机号码：{unit.mobile}" in line and f"职务：{unit.contact_title}" in line
    assert [c.value for c in ws[3]] == ["目标任务（分阶段）", "主要举措", "完成时限", "责任单位", "配合部门",
                                        "进展情况", "完成情况"]
    assert ws["A4"].value == "1.政策支持"
    assert "A4:G4" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["B5"].value.startswith("1.1 严格落实《国家乡村振兴重点帮扶县")
    assert ws["C5"].value == "2022 年 12 月底"
    assert ws["B5"].border.left.style == "thin" and ws["B5"].alignment.wrap_text
    tasks = Task.live().where(Task.plan == plan).count()
    categories = {t.category_id for t in Task.live().where(Task.plan == plan)}
    last = 3 + tasks + len(categories)
    assert ws.cell(last + 1, 1).value == "填报日期：2026年11月22日"
    assert f"A{last + 1}:G{last + 1}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.column_dimensions["B"].width > 50
    assert_print_setup(ws, "$1:$3")


def test_task_list_without_progress_columns(demo_store, tmp_path):
    """The five-column form leaves out 进展情况 and 完成情况."""
    plan = Plan.get(Plan.title.contains("沿河"))
    dest = export_tasks(tmp_path / "t.xlsx", plan_id=plan.id, with_progress=False, day=DAY)
    ws = openpyxl.load_workbook(dest).active
    assert [c.value for c in ws[3]] == ["目标任务（分阶段）", "主要举措", "完成时限", "责任单位", "配合部门"]


@pytest.mark.parametrize("kind,model,title", [
    ("pairings", Pairing, "师徒结对名册"), ("rotations", Rotation, "轮训台账"),
    ("activities", Activity, "活动台账"), ("teachers", Teacher, "教师名册"), ("targets", Target, "指标完成情况"),
])
def test_ledgers_read_back(demo_store, tmp_path, kind, model, title):
    """Each ledger: merged title, 单位 line with 本单位, 填报日期, one bordered row per record, print setup."""
    _, export = LEDGERS[kind]
    dest = export(tmp_path / f"{kind}.xlsx", day=DAY)
    ws = openpyxl.load_workbook(dest).worksheets[0]
    width = ws.max_column
    assert ws["A1"].value == title
    assert f"A1:{openpyxl.utils.get_column_letter(width)}1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == f"单位（盖章）：{self_unit().name}"
    assert "填报日期：2026年11月22日" in [c.value for c in ws[2]]
    assert ws["A3"].value == "序号"
    count = model.live().count()
    assert count > 0 and ws.cell(3 + count, 1).value == count and ws.cell(4 + count, 1).value is None
    assert ws.cell(4, 1).value == 1
    assert all(ws.cell(3 + count, c).border.bottom.style == "thin" for c in range(1, width + 1))
    assert_seal_lines(ws, 3 + count, self_unit().name)
    assert_print_setup(ws, "$1:$3")


def test_teacher_roster_values(demo_store, tmp_path):
    """A teacher's row holds name, unit, phone as text and 是/否 flags."""
    _, export = LEDGERS["teachers"]
    ws = openpyxl.load_workbook(export(tmp_path / "t.xlsx", day=DAY)).active
    teacher = Teacher.live().order_by(Teacher.unit, Teacher.id).first()
    row = [c.value for c in ws[4]]
    assert row[1] == teacher.name and row[3] == teacher.unit.name and row[7] == teacher.phone
    assert ws.cell(4, 8).data_type == "s"
    assert row[8] == ("是" if teacher.is_dual_qualified else "否")


def test_rotation_summary_sheet(demo_store, tmp_path):
    """轮训台账 has a 年度汇总 sheet counting rotations and teachers per year."""
    _, export = LEDGERS["rotations"]
    wb = openpyxl.load_workbook(export(tmp_path / "r.xlsx", day=DAY))
    ws = wb["年度汇总"]
    assert ws["A1"].value == "轮训年度汇总"
    years = {r.start_date.year for r in Rotation.live()}
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 8)]
            for r in range(4, ws.max_row + 1 - SEAL_ROWS)}
    assert set(rows) == {f"{y}年" for y in years}
    for year in years:
        items = [r for r in Rotation.live() if r.start_date.year == year]
        assert rows[f"{year}年"][0] == len(items)
        assert rows[f"{year}年"][1] == len({r.teacher_id for r in items})
    assert_print_setup(ws, "$1:$3")


def test_activities_by_date_range(demo_store, tmp_path):
    """Only activities inside the range are listed, and the title names the range."""
    _, export = LEDGERS["activities"]
    start, end = dt.date(2025, 9, 1), dt.date(2025, 12, 31)
    ws = openpyxl.load_workbook(export(tmp_path / "a.xlsx", date_from=start, date_to=end, day=DAY)).active
    expected = Activity.live().where(Activity.date.between(start, end)).count()
    assert ws["A1"].value == "活动台账（2025-09-01 至 2025-12-31）"
    assert ws.max_row == 3 + expected + SEAL_ROWS
    dates = [ws.cell(r, 2).value.date() for r in range(4, 4 + expected)]
    assert all(start <= d <= end for d in dates) and dates == sorted(dates)
