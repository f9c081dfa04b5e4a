"""What the import preview refuses or flags by row, and that it costs the same queries for any size."""

from __future__ import annotations

import openpyxl
import pytest
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_tasks import preview_tasks
from bangfu_desktop.core.excel_import_teachers import preview_teachers
from bangfu_desktop.core.models import Plan, Task, TaskCategory, Teacher, Unit
from excel_helpers import rewrite


def workbook(path, rows):
    """A one-sheet workbook of the given rows (first row the header)."""
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("phone, words", [
    (1e300, "手机号码“1e+300”位数过多"),
    (-13800000000, "手机号码“-13800000000”是负数"),
    (-13800000000.0, "手机号码“-13800000000”是负数"),
    (13800000000.5, "手机号码“13800000000.5”带有小数"),
    ("1.38E+10", "手机号码“1.38E+10”无法识别"),
    ("-13800000000", "手机号码“-13800000000”是负数"),
])
def test_bad_phone_is_refused_by_row(store, tmp_path, phone, words):
    """A phone that cannot be one skips its row with the reason; the other rows import."""
    path = workbook(tmp_path / "r.xlsx", [["姓名", "手机号码"], ["好老师", 13812345678], ["坏号码", phone]])
    preview = preview_teachers(path)
    assert [r.summary for r in preview.to_add] == ["好老师"]
    assert preview.to_add[0].record.phone == "13812345678"
    [skip] = preview.skipped
    assert skip.row == 3 and words in skip.reason
    assert f"跳过 第3行：{words}" in preview.report()
    apply_import(preview)
    assert [t.name for t in Teacher.select()] == ["好老师"]


def test_number_and_text_phones_are_kept(store, tmp_path):
    """A phone stored as a number or as text (a landline with its area code) is read as typed."""
    path = workbook(tmp_path / "r.xlsx", [["姓名", "联系电话"], ["甲", 13812345678.0], ["乙", "0951-1234567"]])
    preview = preview_teachers(path)
    assert [r.record.phone for r in preview.to_add] == ["13812345678", "0951-1234567"]


@pytest.mark.parametrize("deadline, words", [
    ("2023年13月", "完成时限“2023年13月”的月份 13 不存在"),
    ("2023-02-30", "完成时限“2023-02-30”的日期不存在（2023年2月没有30日）"),
    ("每学期", "完成时限“每学期”没有可识别的截止日期"),
])
def test_impossible_deadline_is_kept_and_flagged(store, tmp_path, deadline, words):
    """The task is imported with 完成时限 as typed and no due date, and the preview says so by row."""
    path = workbook(tmp_path / "t.xlsx", [["编号", "主要举措", "完成时限"], ["1.1", "选派干部", "2023年12月底"],
                                          ["1.2", "建立制度", deadline]])
    preview = preview_tasks(path)
    ok, flagged = preview.to_add
    assert ok.warnings == [] and ok.record.due_date is not None
    assert flagged.row == 3 and words in flagged.warnings[0]
    report = preview.report()
    assert "其中 1 行需要核对" in report and f"注意 第3行：{words}" in report
    apply_import(preview)
    task = Task.get(Task.code == "1.2")
    assert task.deadline_text == deadline and task.due_date is None


def test_impossible_completion_date_is_flagged(store, tmp_path):
    """'已完成 2023-02-30' keeps the status, records no completion date, and warns (no traceback)."""
    path = workbook(tmp_path / "t.xlsx", [["编号", "主要举措", "完成时限", "完成情况"],
                                          ["1.1", "选派干部", "2023年12月底", "已完成 2023-02-30"]])
    [row] = preview_tasks(path).to_add
    assert row.record.status == "已完成" and row.record.completed_on is None
    assert "“2023-02-30”的日期不存在" in row.warnings[0]


def test_ongoing_deadline_is_not_flagged(store, tmp_path):
    """长期坚持 has no due date by design: no warning."""
    path = workbook(tmp_path / "t.xlsx", [["编号", "主要举措", "完成时限"], ["1.1", "帮扶", "长期坚持"]])
    assert preview_tasks(path).flagged == []


def test_control_characters_are_cleaned_on_import(store, tmp_path):
    """Text pasted from Word (\\x0b as a line break, \\x07) arrives clean."""
    plain = workbook(tmp_path / "plain.xlsx", [["编号", "主要举措", "完成时限"], ["1.1", "PASTED", "2023年底"]])
    # Excel stores control characters escaped as _xHHHH_ (openpyxl itself refuses to write them).
    path = rewrite(plain, tmp_path / "t.xlsx", lambda name, data: data.replace(
        b"PASTED", "第一段_x000B_第二段_x0007_".encode()))
    [row] = preview_tasks(path).to_add
    assert row.record.measure == "第一段\n第二段"


def _teachers_and_roster(tmp_path, n):
    """n teachers at unit A; a roster moving each to unit B, changing the subject, and adding n new ones."""
    a, b = Unit.create(name="甲校"), Unit.create(name="乙校")
    records.add_many([Teacher(name=f"教师{i}", unit=a, phone=f"138{i:08d}", subject="语文") for i in range(n)])
    rows = [["姓名", "单位", "学科", "手机号码"]]
    rows += [[f"教师{i}", "乙校", "数学", f"138{i:08d}"] for i in range(n)]
    rows += [[f"新教师{i}", "丙校", "英语", f"139{i:08d}"] for i in range(n)]
    return workbook(tmp_path / f"r{n}.xlsx", rows), b


def _tasks_and_list(tmp_path, n):
    """A plan of n tasks in category 甲; a list moving each to category 乙 and adding n new tasks."""
    plan = Plan.create(title=f"方案{n}")
    first = TaskCategory.create(plan=plan, name="甲类", position=0)
    records.add_many([Task(plan=plan, category=first, code=f"1.{i}", measure=f"举措{i}", position=i)
                      for i in range(n)])
    rows = [["类别", "编号", "主要举措", "完成时限"]]
    rows += [["乙类", f"1.{i}", f"举措{i}改", "2024年12月底"] for i in range(n)]
    rows += [["丙类", f"2.{i}", f"新举措{i}", "2025年"] for i in range(n)]
    return workbook(tmp_path / f"t{n}.xlsx", rows), plan


def test_teacher_preview_queries_do_not_grow(store, tmp_path):
    """Matching 100 or 2,000 rows against existing teachers costs the same number of queries."""
    counts = []
    for n in (100, 2000):
        Teacher.delete().execute()
        Unit.delete().execute()
        path, _ = _teachers_and_roster(tmp_path, n)
        with count_queries() as counter:
            preview = preview_teachers(path)
        assert len(preview.to_update) == n and len(preview.to_add) == n
        assert all(r.changes["unit"] == ("甲校", "乙校") for r in preview.to_update)
        counts.append(counter.count)
    assert counts[0] == counts[1], counts


def test_task_preview_queries_do_not_grow(store, tmp_path):
    """Matching 100 or 2,000 task rows against a plan's tasks costs the same number of queries."""
    counts = []
    for n in (100, 2000):
        path, plan = _tasks_and_list(tmp_path, n)
        with count_queries() as counter:
            preview = preview_tasks(path, plan_id=plan.id)
        assert len(preview.to_update) == n and len(preview.to_add) == n
        assert all(r.changes["category"] == ("甲类", "乙类") for r in preview.to_update)
        counts.append(counter.count)
    assert counts[0] == counts[1], counts


def test_bulk_apply_writes_and_audits_each_row(store, tmp_path):
    """The batched apply step gives every new and changed record its row and its audit entry."""
    from bangfu_desktop.core.models import AuditLog

    path, b = _teachers_and_roster(tmp_path, 300)
    before = AuditLog.select().count()
    result = apply_import(preview_teachers(path))
    assert (result.added, result.updated) == (300, 300)
    assert Teacher.select().where(Teacher.unit == b, Teacher.subject == "数学").count() == 300
    assert Teacher.select().where(Teacher.name.startswith("新教师"), Teacher.subject == "英语").count() == 300
    entries = AuditLog.select().where(AuditLog.id > 0).order_by(AuditLog.id.desc()).limit(601)
    actions = [e.action for e in entries][:601]
    assert actions.count("修改") == 300 and actions.count("导入") == 300
    changed = AuditLog.get(AuditLog.action == "修改", AuditLog.summary == "教师：教师7")
    assert changed.changes["subject"] == ["语文", "数学"] and changed.changes["unit"] == [b.id - 1, b.id]
    assert AuditLog.select().count() == before + 600 + 1  # and the new unit 丙校
