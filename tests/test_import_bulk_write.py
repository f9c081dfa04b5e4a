"""The roster import's apply step, written as a few direct statements per batch (records.insert_rows /
update_rows), leaves the same records, pinyin keys and audit entries that saving each row would."""

from __future__ import annotations

import datetime as dt

import openpyxl
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records, sortkeys
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_teachers import preview_teachers
from bangfu_desktop.core.models import AuditLog, Teacher, Unit


def roster(path, rows):
    """A 教师名册 workbook: header, then ``rows``."""
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "性别", "单位", "学科", "手机号码", "党员", "帮扶人才", "备注"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_new_teachers_get_their_keys_and_one_audit_entry_each(store, tmp_path):
    names = ["曾小明", "单田芳", "王芳", "王芳芳", "李四", "长孙无忌", "乐乐", "张 三"]
    path = roster(tmp_path / "new.xlsx", [[n, "女", "第一中学", "数学", 13800000000 + i, "中共党员", "否", f"备注{i}"]
                                          for i, n in enumerate(names)])
    before = AuditLog.select().count()
    result = apply_import(preview_teachers(path))
    assert result.added == len(names)
    unit = Unit.get(Unit.name == "第一中学")
    teachers = {t.name: t for t in Teacher.select().where(Teacher.unit == unit)}
    assert sorted(teachers) == sorted(n.replace(" ", "") for n in names)
    for name, t in teachers.items():
        # The keys ``records.save`` would compute (surname readings included: 曾 zeng, 单 shan).
        assert (t.name_key, t.name_py) == (sortkeys.sort_text(name, True), sortkeys.search_text(name, True))
        assert t.is_party_member and not t.is_helper and t.gender == "女" and t.subject == "数学"
        assert t.uuid and t.deleted_at is None and isinstance(t.created_at, dt.datetime)
    assert teachers["曾小明"].name_py == "zengxiaoming zxm" and teachers["单田芳"].name_key.startswith("shan4 ")
    entries = list(AuditLog.select().where(AuditLog.id > 0, AuditLog.table == "teacher").order_by(AuditLog.id))
    assert AuditLog.select().count() == before + len(names) + 1  # and the new unit
    for entry in entries:  # each entry names the record it is about (ids matched to the right rows)
        assert entry.action == "导入" and entry.changes == {} and entry.user == records.current_user()
        assert entry.summary == f"教师：{Teacher.get_by_id(entry.record_id).name}"
    assert sorted(e.record_id for e in entries) == sorted(t.id for t in teachers.values())
    # Sorted by the stored key, as the 教师 tab sorts: 李 before 王 before 张 before 长孙 (zhang3) …
    order = [t.name for t in Teacher.select().where(Teacher.unit == unit).order_by(Teacher.name_key)]
    assert order.index("李四") < order.index("王芳") < order.index("王芳芳") < order.index("曾小明")


def test_changed_teachers_are_updated_and_audited_field_by_field(store, tmp_path):
    a = Unit.create(name="甲校")
    records.add_many([Teacher(name=f"教师{i}", unit=a, phone=f"138{i:08d}", subject="语文", notes="旧")
                      for i in range(250)])
    stamps = {t.id: t.updated_at for t in Teacher.select()}
    rows = [[f"教师{i}", "男" if i % 2 else "", "乙校", "数学" if i < 200 else "语文", f"138{i:08d}", "", "是", ""]
            for i in range(250)]
    preview = preview_teachers(roster(tmp_path / "changed.xlsx", rows))
    assert len(preview.to_update) == 250
    result = apply_import(preview)
    assert result.updated == 250
    b = Unit.get(Unit.name == "乙校")
    for t in Teacher.select():
        i = int(t.name[2:])
        assert (t.unit_id, t.subject, t.gender, t.is_helper, t.notes) == (
            b.id, "数学" if i < 200 else "语文", "男" if i % 2 else "", True, "旧")
        assert t.updated_at != stamps[t.id]
        assert t.name_key == sortkeys.sort_text(t.name, True)
    changed = {e.record_id: e.changes for e in AuditLog.select().where(AuditLog.action == "修改")}
    assert len(changed) == 250
    first = Teacher.get(Teacher.name == "教师1")
    assert changed[first.id] == {"gender": ["", "男"], "unit": [a.id, b.id], "subject": ["语文", "数学"],
                                 "is_helper": [False, True]}
    assert changed[Teacher.get(Teacher.name == "教师200").id] == {"unit": [a.id, b.id], "is_helper": [False, True]}


def test_the_apply_step_costs_a_few_statements_per_batch_not_per_row(store, tmp_path):
    """2,000 new and 2,000 changed teachers: a few statements per batch of rows, none per row."""
    a = Unit.create(name="甲校")
    records.add_many([Teacher(name=f"老教师{i}", unit=a, phone=f"137{i:08d}") for i in range(2000)])
    rows = [[f"老教师{i}", "", "甲校", "化学", f"137{i:08d}", "", "", ""] for i in range(2000)]
    rows += [[f"新教师{i}", "", "甲校", "物理", f"139{i:08d}", "", "", ""] for i in range(2000)]
    preview = preview_teachers(roster(tmp_path / "big.xlsx", rows))
    with count_queries() as counter:
        result = apply_import(preview)
    assert (result.added, result.updated) == (2000, 2000)
    assert counter.count <= 120, counter.count  # at most 3 per 100 rows; one per row would be 4,000 or more
    assert Teacher.select().where(Teacher.subject == "化学").count() == 2000
    assert AuditLog.select().where(AuditLog.table == "teacher", AuditLog.action == "导入").count() == 4000
