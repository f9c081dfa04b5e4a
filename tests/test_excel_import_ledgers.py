"""Ledger imports from messy bureau sheets: merged cells, spacer rows, text dates, names matched to the roster."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli
from excel_helpers import content_snapshot

from bangfu_desktop.core import database, records
from bangfu_desktop.core.errors import Cancelled, InvalidInput
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_ledgers import preview_ledger
from bangfu_desktop.core.models import (Activity, Guidance, Observation, ObservationObserver, Pairing, Rotation,
                                        Teacher, Unit)


@pytest.fixture
def roster(store):
    """A small roster: two schools, namesakes 王芳 at each, one pairing."""
    home = records.save(Unit(name="红寺堡区第一中学", short_name="一中", is_self=True))
    other = records.save(Unit(name="银川市实验中学"))
    people = {}
    for name, unit in (("马晓燕", home), ("李建国", home), ("王芳", home), ("王芳#2", other), ("周海", other)):
        people[name] = records.save(Teacher(name=name.split("#")[0], unit=unit, subject="数学"))
    records.save(Pairing(mentor=people["周海"], apprentice=people["马晓燕"], start_date=dt.date(2025, 9, 1),
                         end_date=dt.date(2026, 7, 15)))
    return people


def bureau_sheet(path, title: str, header: list[str], rows: list[list], merges: tuple[str, ...] = ()):
    """A sheet as bureaus send them: merged title, 填报单位 line, a blank row, header, data, a signature."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["填报单位：红寺堡区第一中学", None, None, "填报时间：2025年12月"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    ws.append([])
    ws.append(["填报人：张老师", None, "审核人：李主任"])
    wb.save(path)
    return path


def test_observations_from_a_bureau_sheet(roster, tmp_path):
    """Text and real dates, merged 授课人 cells, spaced names; unknown 授课人 skipped by row, nobody created."""
    header = ["序号", "日期", "授课人", "班级", "课题", "听课教师", "评价等级"]
    path = bureau_sheet(tmp_path / "听课.xlsx", "2025年秋季学期听课记录统计表", header, [
        ["九月"] * 7,
        [1, "2025.9.3", "马 晓燕", "八(2)班", "一次函数", "李建国、外校刘老师", "优秀"],
        [2, dt.datetime(2025, 9, 10), None, "八(3)班", "函数图像", "李建国", "良"],
        [3, "20250915", "赵无名", "七(1)班", "有理数", "李建国", "中"],
        [4, "2025年9月32日", "李建国", "七(2)班", "整式", "马晓燕", ""],
        [5, "2025-09-20", "王芳", "七(3)班", "方程", "马晓燕", ""],
        [6, "2025-09-22", "李建国", "七(4)班", "几何", "马晓燕", "甲等"],
    ], merges=("C6:C7",))
    before = content_snapshot()
    preview = preview_ledger("observations", path)
    assert content_snapshot() == before, "a preview writes nothing"
    assert preview.header_row == 3
    added = {r.row: r for r in preview.to_add}
    assert set(added) == {6, 7}
    reasons = {r.row: r.reason for r in preview.skipped}
    assert set(reasons) == {8, 9, 10, 11}
    assert "赵无名" in reasons[8] and "不在教师名册中" in reasons[8]
    assert "9月没有32日" in reasons[9]
    assert "多位名为“王芳”" in reasons[10]
    assert "甲等" in reasons[11]
    assert any("外校刘老师" in note and "名册外" in note for note in preview.notes)
    apply_import(preview)
    first, second = Observation.select().order_by(Observation.date)
    assert (first.date, first.teacher.name, first.grade_class, first.grade) == (dt.date(2025, 9, 3), "马晓燕",
                                                                              "八(2)班", "优")
    assert first.observers_text == "外校刘老师"
    assert [o.teacher.name for o in ObservationObserver.select().where(ObservationObserver.observation == first)] \
        == ["李建国"]
    assert (second.date, second.teacher.name, second.grade) == (dt.date(2025, 9, 10), "马晓燕", "良")
    assert Teacher.select().count() == 5, "no teacher was created"


def test_pairings_namesakes_resolved_by_unit(roster, tmp_path):
    """王芳 exists twice: the 徒弟单位 column picks the right one; an ambiguous row is reported."""
    header = ["序号", "导师", "导师单位", "青年教师", "徒弟单位", "结对学科", "起始日期", "截止日期"]
    path = bureau_sheet(tmp_path / "结对.xlsx", "师徒结对名单", header, [
        [1, "周海", "银川市实验中学", "王芳", "一中", "数学", "2025/9/1", "2026/7/15"],
        [2, "周海", "银川市实验中学", "王芳", "", "数学", "2025/9/1", "2026/7/15"],
        [3, "周海", "", "李建国", "", "数学", "2026/7/15", "2025/9/1"],
    ])
    preview = preview_ledger("pairings", path)
    assert [r.row for r in preview.to_add] == [5]
    reasons = {r.row: r.reason for r in preview.skipped}
    assert "多位名为“王芳”" in reasons[6] and "早于开始日期" in reasons[7]
    apply_import(preview)
    pairing = Pairing.select().where(Pairing.apprentice == roster["王芳"].id).get()
    assert pairing.mentor_id == roster["周海"].id and pairing.start_date == dt.date(2025, 9, 1)


def test_rotations_create_host_units_and_say_so(roster, tmp_path):
    """A host unit not yet known is created with the import and named in the notes; dates as text."""
    header = ["序号", "姓名", "所在单位", "跟岗单位", "形式", "开始时间", "结束时间", "是否干部"]
    path = bureau_sheet(tmp_path / "轮训.xlsx", "轮训登记", header, [
        [1, "李建国", "红寺堡区第一中学", "银川市实验中学", "跟岗学习", "2025-10-08", "2025-10-30", "否"],
        [2, "马晓燕", "红寺堡区第一中学", "宁夏职业技术学院", "实践锻炼", "2025年11月3日", "2025年11月28日", "√"],
    ])
    preview = preview_ledger("rotations", path)
    assert len(preview.to_add) == 2 and not preview.skipped
    assert "将新建单位：宁夏职业技术学院" in preview.notes and not any("银川市实验中学" in n for n in preview.notes)
    apply_import(preview)
    rotation = Rotation.select().where(Rotation.teacher == roster["马晓燕"].id).get()
    assert rotation.host_unit.name == "宁夏职业技术学院" and rotation.is_leader is True
    assert rotation.end_date == dt.date(2025, 11, 28)


def test_activities_time_ranges_and_counts(roster, tmp_path):
    """时间 '14:30-16:00' splits into start and end; 参加人数 becomes the count of others; bad count skipped."""
    header = ["序号", "活动日期", "时间", "活动类型", "活动名称", "地点", "参加人数"]
    path = bureau_sheet(tmp_path / "活动.xlsx", "教研活动台账", header, [
        [1, dt.datetime(2025, 10, 9), "14:30-16:00", "同课异构", "一次函数同课异构", "录播室", 23],
        [2, "2025-10-16", "", "", "无类型的活动", "", ""],
        [3, "2025-10-23", "", "座谈会", "期中座谈", "", "约20人"],
    ])
    preview = preview_ledger("activities", path)
    assert [r.row for r in preview.to_add] == [5]
    reasons = {r.row: r.reason for r in preview.skipped}
    assert "活动类型为空" in reasons[6] and "约20人" in reasons[7]
    apply_import(preview)
    a = Activity.get()
    assert (a.start_time, a.end_time, a.others_count, a.type) == ("14:30", "16:00", 23, "同课异构")


def test_guidance_needs_a_pairing(roster, tmp_path):
    """A guidance row finds its pairing by 师傅 and 徒弟; a pair with no pairing is reported by row."""
    header = ["序号", "指导时间", "导师", "徒弟", "指导类型", "指导内容"]
    path = bureau_sheet(tmp_path / "指导.xlsx", "指导记录", header, [
        [1, "2025-10-10", "周海", "马晓燕", "听课指导", "听《一次函数》并评课"],
        [2, "2025-10-11", "李建国", "马晓燕", "备课指导", "指导教学设计"],
    ])
    preview = preview_ledger("guidance", path)
    assert [r.row for r in preview.to_add] == [5]
    assert "没有找到师傅“李建国”与徒弟“马晓燕”" in preview.skipped[0].reason and preview.skipped[0].row == 6
    apply_import(preview)
    g = Guidance.get()
    assert (g.date, g.kind, g.content, g.pairing.mentor.name) == (dt.date(2025, 10, 10), "听课指导",
                                                                 "听《一次函数》并评课", "周海")


def test_column_mapped_by_hand(roster, tmp_path):
    """A header nobody recognises (执教) is mapped in the preview; without it the import says what is missing."""
    header = ["日期", "执教", "课题"]
    path = bureau_sheet(tmp_path / "x.xlsx", "听课", header, [["2025-11-05", "马晓燕", "二次函数"]])
    with pytest.raises(InvalidInput, match="授课教师"):
        preview_ledger("observations", path)
    preview = preview_ledger("observations", path, mapping={0: "date", 1: "teacher", 2: "topic"})
    assert len(preview.to_add) == 1
    again = preview.remap({0: "date", 1: "teacher", 2: "topic"})
    assert len(again.to_add) == 1


def test_cancelled_import_writes_nothing(roster, tmp_path):
    """One transaction: a cancel midway leaves every table as it was."""
    header = ["序号", "指导日期", "师傅", "徒弟", "指导内容"]
    rows = [[n, dt.datetime(2025, 10, 1) + dt.timedelta(days=n), "周海", "马晓燕", f"第{n}次指导"] for n in range(1, 120)]
    preview = preview_ledger("guidance", bureau_sheet(tmp_path / "g.xlsx", "指导", header, rows))
    before = content_snapshot()
    calls = []
    with pytest.raises(Cancelled):
        # Cancelled at the last check, after every row was written inside the transaction.
        apply_import(preview, cancelled=lambda: calls.append(1) or len(calls) >= 2)
    assert content_snapshot() == before


def test_cli_import_reports_rows_and_dry_run(roster, db_path, tmp_path):
    """bangfu import observations FILE --dry-run lists the skipped row and writes nothing; then it imports."""
    header = ["日期", "授课教师", "课题"]
    path = bureau_sheet(tmp_path / "o.xlsx", "听课", header, [["2025-11-05", "马晓燕", "二次函数"],
                                                              ["2025-11-06", "钱多多", "概率"]])
    result = run_cli("--db", str(db_path), "import", "observations", str(path), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "跳过 第6行：授课教师“钱多多”不在教师名册中" in result.stdout and "试运行" in result.stdout
    assert Observation.select().count() == 0
    database.current().close()  # the import needs the database to itself
    result = run_cli("--db", str(db_path), "import", "observations", str(path))
    assert result.returncode == 0 and "新增 1 条" in result.stdout, result.stderr
    store = database.open_database(db_path)
    try:
        assert [o.topic for o in Observation.select()] == ["二次函数"]
    finally:
        store.close()
