"""A record and its parts in one transaction (core.record_ops), without Qt: all of it or nothing."""

import datetime as dt

import pytest
from peewee import IntegrityError

from bangfu_desktop.core import attachments, errorlog, record_ops, records, settings
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.models import (
    Activity,
    ActivityParticipant,
    Attachment,
    AuditLog,
    Guidance,
    Honour,
    Observation,
    Pairing,
    Plan,
    Task,
    Teacher,
    Unit,
    database,
)

ACTIVITY = {"type": "同课异构", "title": "语文同课异构", "date": dt.date(2026, 11, 20)}


def fail_after(table: str, rows: int, message: str = "third link refused") -> None:
    """A real database-level failure: inserting more than ``rows`` rows into ``table`` aborts."""
    database.execute_sql(
        f"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} "
        f"WHEN (SELECT count(*) FROM {table}) >= {rows} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


@pytest.fixture
def teachers(store):
    return [records.save(Teacher(name=n)).id for n in ("甲老师", "乙老师", "丙老师", "丁老师")]


def photo(tmp_path, name="签到表.jpg", content=b"\xff\xd8\xffphoto"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def managed_files(store):
    folder = store.attachments_dir
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_activity_with_all_its_parts(store, teachers, tmp_path):
    """Participants, task links and an attachment are saved with the activity; links are audited."""
    plan = records.save(Plan(title="方案"))
    task = records.save(Task(plan=plan, measure="集体备课"))
    saved = record_ops.save_activity(None, ACTIVITY, participant_ids=teachers[:3], task_ids=[task.id],
                                     new_files=[photo(tmp_path)])
    assert sorted(p.teacher_id for p in saved.participants) == teachers[:3]
    assert [link.task_id for link in saved.task_links] == [task.id]
    assert [a.filename for a in attachments.attachments_of(saved)] == ["签到表.jpg"]
    link_entries = [e.changes for e in records.history(saved) if "activity_participant" in e.changes]
    assert link_entries == [{"activity_participant": [[], sorted(teachers[:3])]}]
    # Editing: one participant fewer, the attachment removed.
    attachment_id = attachments.attachments_of(saved)[0].id
    record_ops.save_activity(saved.id, {"title": "语文同课异构（改）"}, participant_ids=teachers[:2],
                             task_ids=[task.id], removed_attachment_ids=[attachment_id])
    again = Activity.get_by_id(saved.id)
    assert again.title == "语文同课异构（改）" and again.participants.count() == 2
    assert attachments.attachments_of(again) == []


def test_failure_in_the_third_link_saves_nothing(store, teachers, tmp_path):
    """A trigger refusing the third participant: no activity, no links, no attachment row or file."""
    fail_after("activity_participant", 2)
    audit_before = AuditLog.select().count()
    with pytest.raises(IntegrityError, match="third link refused"):
        record_ops.save_activity(None, ACTIVITY, participant_ids=teachers[:3], new_files=[photo(tmp_path)])
    assert Activity.select().count() == 0
    assert ActivityParticipant.select().count() == 0
    assert Attachment.select().count() == 0
    assert AuditLog.select().count() == audit_before
    assert managed_files(store) == []


def test_failed_edit_keeps_the_old_record(store, teachers):
    """An edit whose links fail leaves the stored record as it was."""
    saved = record_ops.save_activity(None, ACTIVITY, participant_ids=teachers[:1])
    fail_after("activity_participant", 2)
    with pytest.raises(IntegrityError):
        record_ops.save_activity(saved.id, {"title": "改过的主题"}, participant_ids=teachers[:3])
    again = Activity.get_by_id(saved.id)
    assert again.title == "语文同课异构" and [p.teacher_id for p in again.participants] == teachers[:1]


def test_attachment_that_cannot_be_copied(store, tmp_path):
    """The attachments folder is a file: a Chinese message, and the activity is not saved."""
    store.attachments_dir.parent.mkdir(parents=True, exist_ok=True)
    store.attachments_dir.write_text("not a folder")
    with pytest.raises(InvalidInput, match="无法把文件“签到表.jpg”复制到附件文件夹.*记录未保存"):
        record_ops.save_activity(None, ACTIVITY, new_files=[photo(tmp_path)])
    assert Activity.select().count() == 0


def test_vanished_attachment_source(store, tmp_path):
    """A file removed after it was chosen is named in the message; nothing is saved."""
    with pytest.raises(InvalidInput, match="找不到文件"):
        record_ops.save_activity(None, ACTIVITY, new_files=[tmp_path / "gone.jpg"])
    assert Activity.select().count() == 0


def test_long_attachment_names_are_stored(store, tmp_path):
    """A 252-character name and a name with a 240-character "suffix" are attached, not an OSError."""
    long_name = "x" * 248 + ".jpg"
    odd_name = "签到表." + "b" * 240
    saved = record_ops.save_activity(None, ACTIVITY, new_files=[photo(tmp_path, long_name, b"one"),
                                                                photo(tmp_path, odd_name, b"two")])
    stored = attachments.attachments_of(saved)
    assert len(stored) == 2
    assert stored[0].filename.endswith(".jpg") and len(stored[0].filename) <= attachments.MAX_NAME_CHARS
    assert len(stored[1].filename) <= attachments.MAX_NAME_CHARS and stored[1].filename.startswith("签到表")
    for item in stored:
        path = attachments.stored_path(item)
        assert path.is_file() and len(path.name) <= 64 + attachments.MAX_SUFFIX_CHARS


def test_teacher_with_honours_all_or_nothing(store):
    """A failing second honour leaves neither the teacher nor the first honour."""
    rows = [record_ops.HonourRow(None, "骨干教师", "县级", 2024), record_ops.HonourRow(None, "学科带头人", "市级", 2025)]
    fail_after("honour", 1, "honour refused")
    with pytest.raises(IntegrityError):
        record_ops.save_teacher(None, {"name": "陈晓明"}, rows)
    assert Teacher.select().count() == 0 and Honour.select().count() == 0
    database.execute_sql("DROP TRIGGER fail_honour")
    teacher = record_ops.save_teacher(None, {"name": "陈晓明"}, rows)
    assert sorted(h.kind for h in Honour.live().where(Honour.teacher == teacher.id)) == ["学科带头人", "骨干教师"]
    kept = Honour.get(Honour.kind == "骨干教师")
    record_ops.save_teacher(teacher.id, {}, [record_ops.HonourRow(kept.id, "骨干教师", "市级", 2024)])
    assert [(h.kind, h.level) for h in Honour.live().where(Honour.teacher == teacher.id)] == [("骨干教师", "市级")]


def test_pairing_with_guidance_and_observation_with_observers(store, teachers):
    """Guidance records and observers are part of their record's transaction."""
    guidance = [record_ops.GuidanceRow(None, dt.date(2026, 10, 1), "听课指导", "第一次"),
                record_ops.GuidanceRow(None, dt.date(2026, 10, 8), "备课指导", "第二次")]
    fail_after("guidance", 1)
    with pytest.raises(IntegrityError):
        record_ops.save_pairing(None, {"mentor": teachers[0], "apprentice": teachers[1],
                                       "start_date": dt.date(2026, 9, 1)}, guidance)
    assert Pairing.select().count() == 0 and Guidance.select().count() == 0
    database.execute_sql("DROP TRIGGER fail_guidance")
    pairing = record_ops.save_pairing(None, {"mentor": teachers[0], "apprentice": teachers[1],
                                             "start_date": dt.date(2026, 9, 1)}, guidance)
    assert Guidance.live().where(Guidance.pairing == pairing.id).count() == 2

    values = {"date": dt.date(2026, 11, 3), "teacher": teachers[2], "topic": "荷塘月色"}
    fail_after("observation_observer", 2)
    with pytest.raises(IntegrityError):
        record_ops.save_observation(None, values, teachers[:3])
    assert Observation.select().count() == 0
    database.execute_sql("DROP TRIGGER fail_observation_observer")
    observation = record_ops.save_observation(None, values, teachers[:3])
    assert observation.observers.count() == 3


def test_text_is_cleaned_when_saved(store):
    """\\x0b pasted from Word is stored as a line break; other control characters are dropped."""
    saved = record_ops.save_activity(None, {**ACTIVITY, "title": "座谈\x07会", "content": "第一步\x0b第二步\x01"})
    again = Activity.get_by_id(saved.id)
    assert (again.title, again.content) == ("座谈会", "第一步\n第二步")
    teacher = records.save(Teacher(name="陈\x0c晓明"))
    assert Teacher.get_by_id(teacher.id).name == "陈\n晓明"


def test_one_self_unit(store):
    """Saving a unit as 本单位 clears the mark on the others, in the same save."""
    first = record_ops.save_record(Unit, None, {"name": "第一中学", "is_self": True})
    second = record_ops.save_record(Unit, None, {"name": "第二中学", "is_self": True})
    assert not Unit.get_by_id(first.id).is_self and Unit.get_by_id(second.id).is_self


def test_task_due_date_derived_on_save(store):
    """A task's due date follows its 完成时限 text whoever saves it."""
    plan = records.save(Plan(title="方案"))
    task = record_ops.save_record(Task, None, {"plan": plan.id, "measure": "备课", "deadline_text": "2030年6月底前"})
    assert Task.get_by_id(task.id).due_date == dt.date(2030, 6, 30)


def test_failed_backup_never_fails_the_write(store, teachers, tmp_path):
    """A backup folder under a regular file: the activity and its parts stand; a warning and the log say why."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    settings.put("backup.dir", str(blocker / "backups"))
    settings.put("backup.every", 1)
    heard = []
    store.on_backup_error(heard.append)
    saved = record_ops.save_activity(None, ACTIVITY, participant_ids=teachers[:3])
    assert Activity.get_by_id(saved.id).participants.count() == 3
    assert heard == [store.last_backup_error]  # one backup attempt after the whole record, not one per part
    assert "自动备份失败" in heard[0] and str(errorlog.log_path()) in heard[0]
    assert "自动备份失败" in errorlog.log_path().read_text(encoding="utf-8")


def test_trash_and_restore_many(store, teachers):
    """Several records go to the bin in one step and come back in one step."""
    moved = record_ops.trash_many("teacher", teachers[:2])
    assert moved == [("teacher", teachers[0]), ("teacher", teachers[1])]
    assert Teacher.live().count() == 2
    record_ops.restore_many(moved)
    assert Teacher.live().count() == 4
