"""Imports of messy bureau workbooks built here, the preview, the apply step and round trips."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from bangfu_desktop.core import database, records
from bangfu_desktop.core.errors import Cancelled
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_tasks import preview_tasks
from bangfu_desktop.core.excel_import_teachers import preview_teachers
from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.excel_tasks import export_tasks
from bangfu_desktop.core.models import AuditLog, Plan, Task, TaskCategory, Teacher, Unit

from excel_helpers import content_snapshot


def messy_task_list(path) -> None:
    """A bureau's 任务清单: header on row 5 with variant words, category merged down column A,
    category rows, codes leading the measure, multi-line cells, spacer rows, a real date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "附件2"
    ws.merge_cells("A3:F3")
    ws["A3"] = "某某县教育人才“组团式”帮扶工作重点任务清单"
    ws["A4"] = "学校：（盖章）  联系人：  职务："
    for c, text in enumerate(["类别", "目标任务\n（分阶段）", "工作措施", "完成时间", "牵头单位", "配合单位"], 1):
        ws.cell(5, c, text)
    rows = [
        ("一、政策支持", "", "1.1 严格落实帮扶工作方案，指导学校制定\n“一校一案”。", "2022年12月底",
         "某某县\n中等职业学校", "办公室"),
        ("一、政策支持", "形成工作体系", "1.2 搭建平台，推动交流合作。", dt.datetime(2023, 12, 31),
         "某某县教育局", "招就办、教务科"),
        None,
        ("二、资金投入", "", "2.1 每年投入不少于 100 万元。", "2023-2025 年 12 月底", "总务科", ""),
        (None, None, None, None, None, None),
    ]
    r = 6
    for row in rows:
        if row is not None:
            for c, value in enumerate(row, 1):
                ws.cell(r, c, value)
        r += 1
    ws.merge_cells("A6:A7")  # the category merged down; A7 holds nothing of its own
    ws.merge_cells("A10:F10")
    ws["A10"] = "3.人员选派"
    ws.cell(11, 3, "3.1 选派 50 名教师到帮扶学校跟岗学习。")
    ws.cell(11, 4, "2023年12月底")
    ws.cell(11, 5, "教务科\n教研科")
    ws.cell(12, 3, "")  # spacer
    ws.cell(13, 1, "备注：请于 12 月 5 日前报送。")
    wb.save(path)


def test_messy_task_list_preview_and_apply(store, tmp_path):
    """Header found on row 5, variants mapped, categories and codes read, then written in one go."""
    path = tmp_path / "bureau.xlsx"
    messy_task_list(path)
    preview = preview_tasks(path)
    assert preview.header_row == 4
    assert sorted(preview.mapping.values()) == sorted(
        ["category", "stage_goal", "measure", "deadline", "responsible", "cooperating"])
    assert [r.summary.split()[0] for r in preview.to_add] == ["1.1", "1.2", "2.1", "3.1"]
    assert preview.to_update == [] and preview.skipped == []
    assert "将新建方案：某某县教育人才“组团式”帮扶工作" in preview.notes
    assert Task.select().count() == 0  # nothing written yet

    result = apply_import(preview)
    assert (result.added, result.updated) == (4, 0)
    plan = Plan.get(Plan.title == "某某县教育人才“组团式”帮扶工作")
    cats = list(TaskCategory.select().where(TaskCategory.plan == plan).order_by(TaskCategory.position))
    assert [(c.code, c.name) for c in cats] == [("一", "政策支持"), ("二", "资金投入"), ("3", "人员选派")]
    tasks = {t.code: t for t in Task.select().where(Task.plan == plan)}
    assert tasks["1.1"].measure == "严格落实帮扶工作方案，指导学校制定\n“一校一案”。"
    assert tasks["1.1"].responsible == "某某县中等职业学校"
    assert tasks["1.1"].category.name == "政策支持" and tasks["1.2"].category.name == "政策支持"
    assert tasks["1.2"].stage_goal == "形成工作体系"
    assert tasks["1.2"].due_date == dt.date(2023, 12, 31) and tasks["1.2"].deadline_text == "2023年12月31日"
    assert tasks["2.1"].start_year == 2023 and tasks["2.1"].due_date == dt.date(2025, 12, 31)
    assert tasks["3.1"].category.name == "人员选派" and tasks["3.1"].responsible == "教务科、教研科"
    assert AuditLog.select().where(AuditLog.action == "导入", AuditLog.table == "task").count() == 4


def test_user_can_map_a_column_by_hand(store, tmp_path):
    """An unknown header ('内容') is unmapped until the user maps it in the preview."""
    path = tmp_path / "odd.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "内容", "完成时限", "责任单位"])
    ws.append(["1", "制定方案", "2024年6月", "办公室"])
    wb.save(path)
    preview = preview_tasks(path)
    assert preview.mapping == {0: "code", 2: "deadline", 3: "responsible"}
    assert not preview.to_add and "没有" in preview.skipped[0].reason
    remapped = preview.remap({0: "code", 1: "measure", 2: "deadline", 3: "responsible"})
    assert [r.record.measure for r in remapped.to_add] == ["制定方案"]
    assert remapped.to_add[0].record.due_date == dt.date(2024, 6, 30)


def test_update_of_an_exported_list(demo_store, tmp_path):
    """Changing a cell of our own export updates that one task, logged as 修改."""
    plan = Plan.get(Plan.title.contains("沿河"))
    path = export_tasks(tmp_path / "t.xlsx", plan_id=plan.id)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    code = Task.live().where((Task.plan == plan) & (Task.status != "已完成")).order_by(Task.position).first().code
    row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 2).value).startswith(f"{code} "))
    ws.cell(row, 6).value = "已印发一校一案"
    ws.cell(row, 7).value = "已完成（2024-03-01）"
    wb.save(path)
    preview = preview_tasks(path)
    assert len(preview.to_update) == 1 and len(preview.to_add) == 0
    assert set(preview.to_update[0].changes) == {"progress", "status", "completed_on"}
    apply_import(preview)
    task = Task.get(Task.plan == plan, Task.code == code)
    assert (task.progress, task.status, task.completed_on) == ("已印发一校一案", "已完成", dt.date(2024, 3, 1))
    assert records.history(task)[-1].action == "修改"


def _task_fields(plan_id: int) -> list[tuple]:
    cats = {c.id: (c.code, c.name, c.position) for c in TaskCategory.select()}
    return [(cats.get(t.category_id), t.code, t.stage_goal, t.measure, t.deadline_text, t.due_date, t.start_year,
             t.ongoing, t.responsible, t.cooperating, t.progress, t.status)
            for t in Task.live().where(Task.plan == plan_id).order_by(Task.position)]


def test_task_list_round_trip(demo_store, tmp_path):
    """Our export imported into an empty database gives identical tasks; into the same one, no change."""
    plan = Plan.get(Plan.title.contains("沿河"))
    path = export_tasks(tmp_path / "t.xlsx", plan_id=plan.id)
    before = _task_fields(plan.id)
    same = preview_tasks(path)
    assert len(same.unchanged) == len(before) and not same.to_add and not same.to_update and not same.skipped

    database.open_database(tmp_path / "fresh.sqlite3")
    preview = preview_tasks(path)
    apply_import(preview)
    fresh = Plan.get()  # titled after the list: 实施方案 is not in the workbook
    assert fresh.title == "沿河土家族自治县中等职业学校教育人才“组团式”帮扶工作"
    assert _task_fields(fresh.id) == before


def _teacher_fields() -> list[tuple]:
    return sorted((t.name, t.gender, t.unit.name if t.unit_id else "", t.subject, t.position, t.title, t.phone,
                   t.is_dual_qualified, t.is_party_member, t.is_leader, t.is_helper, t.notes)
                  for t in Teacher.live())


def test_teacher_roster_round_trip(demo_store, tmp_path):
    """The roster export read back into an empty database gives the same teachers."""
    _, export = LEDGERS["teachers"]
    path = export(tmp_path / "roster.xlsx")
    before = _teacher_fields()
    assert not preview_teachers(path).to_add
    database.open_database(tmp_path / "fresh.sqlite3")
    apply_import(preview_teachers(path))
    assert _teacher_fields() == before


def test_messy_teacher_roster(store, tmp_path):
    """Phones as int and float, 政治面貌, an unknown unit, a blank name, a duplicate and a bad phone."""
    records.save(Unit(name="示范中学", is_self=True))
    existing = records.save(Teacher(name="王丽", gender="女", subject="语文", phone="13900000001"))
    path = tmp_path / "roster.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2024年骨干教师名册"
    ws.append([])
    ws.append(["序号", "姓 名", "性别", "所在学校", "任教学科", "专业技术职务", "联系电话", "政治面貌"])
    ws.append([1, "张伟", "男", "", "数学", "一级教师", 13800000000, "中共党员"])
    ws.append([2, "李娜", "女", "二中", "英语", "二级教师", 13800000001.0, "群众"])
    ws.append([3, "王丽", "女", "", "语文", "高级教师", "13900000001", ""])
    ws.append([])
    ws.append([4, "", "男", "", "", "", "", ""])
    ws.append([5, "张伟", "男", "", "数学", "一级教师", 13800000000, "中共党员"])
    ws.append([6, "赵强", "男", "", "体育", "", "1.38E+10", ""])
    wb.save(path)
    preview = preview_teachers(path)
    assert preview.header_row == 2
    added = {r.record.name: r.record for r in preview.to_add}
    assert set(added) == {"张伟", "李娜"}
    assert added["张伟"].phone == "13800000000" and added["李娜"].phone == "13800000001"
    assert added["张伟"].is_party_member is True and added["李娜"].is_party_member is False
    assert [r.changes for r in preview.to_update] == [{"title": ("", "高级教师")}]
    reasons = [r.reason for r in preview.skipped]
    assert any("姓名为空" in r for r in reasons) and any("重复" in r for r in reasons)
    assert any("科学计数法" in r for r in reasons)
    assert "将新建单位：二中" in preview.notes
    apply_import(preview)
    assert Teacher.get(Teacher.name == "李娜").unit.name == "二中"
    assert Teacher.get(Teacher.name == "张伟").unit.name == "示范中学"
    assert Teacher.get_by_id(existing.id).title == "高级教师"


def test_cancelled_apply_leaves_the_database_unchanged(demo_store, tmp_path):
    """A cancel in the middle of writing rolls everything back."""
    path = tmp_path / "bureau.xlsx"
    messy_task_list(path)
    preview = preview_tasks(path)
    before = content_snapshot()
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        apply_import(preview, cancelled=lambda: next(calls) >= 3)
    assert content_snapshot() == before


@pytest.mark.parametrize("writer", ["streamed", "template"])
def test_task_list_round_trip_keeps_every_status(store, tmp_path, writer):
    """Export then import gives back each task's status (overdue ones included), 责任单位, deadline and
    text: an overdue 推进中 task stays 推进中, an overdue 未开始 one stays 未开始."""
    from bangfu_desktop.core.excel_tasks import default_template

    plan = records.save(Plan(title="某某县教育人才“组团式”帮扶工作实施方案"))
    category = records.save(TaskCategory(plan=plan, code="1", name="政策支持", position=0))
    rows = [  # (status, due date, completed on)
        ("未开始", dt.date(2025, 12, 31), None),
        ("推进中", dt.date(2025, 12, 31), None),
        ("推进中", dt.date(2023, 12, 31), None),  # overdue on the export day
        ("未开始", dt.date(2023, 6, 30), None),  # overdue too
        ("已完成", dt.date(2023, 12, 31), dt.date(2023, 11, 20)),
        ("已完成", dt.date(2025, 12, 31), None),
    ]
    for n, (status, due, done) in enumerate(rows, start=1):
        records.save(Task(plan=plan, category=category, code=f"1.{n}", position=n, stage_goal=f"阶段目标{n}",
                          measure=f"举措{n}：第一行\n第二行", deadline_text=f"{due.year}年{due.month}月底",
                          due_date=due, responsible="沿河县第二中学、铜仁市第一中学", cooperating="教务科",
                          progress=f"进展{n}", status=status, completed_on=done))
    day = dt.date(2024, 6, 1)
    template = default_template(with_progress=True) if writer == "template" else None
    path = export_tasks(tmp_path / "t.xlsx", plan_id=plan.id, template=template, day=day)
    overdue = [Task.get(Task.code == code).effective_status(day) for code in ("1.3", "1.4")]
    assert overdue == ["逾期", "逾期"]
    texts = [c for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True) for c in row if c]
    assert "推进中（已逾期）" in texts and "未开始（已逾期）" in texts  # the form still says they are late

    def fields(plan_id):
        return [(t.code, t.stage_goal, t.measure, t.deadline_text, t.due_date, t.responsible, t.cooperating,
                 t.progress, t.status, t.completed_on)
                for t in Task.live().where(Task.plan == plan_id).order_by(Task.position)]

    before = fields(plan.id)
    same = preview_tasks(path)
    assert len(same.unchanged) == len(rows) and not same.to_update and not same.to_add

    database.open_database(tmp_path / "fresh.sqlite3")
    apply_import(preview_tasks(path))
    assert fields(Plan.get().id) == before
