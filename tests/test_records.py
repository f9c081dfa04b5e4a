"""The audit log, the recycle bin and managed attachments."""

import pytest

from bangfu_desktop.core import attachments, records
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.models import Activity, AuditLog, Teacher, Unit


def test_audit_log_records_who_what_and_changes(store):
    """Creating and editing a teacher each leave an entry with the changed fields."""
    teacher = records.save(Teacher(name="陈晓明", subject="语文"))
    teacher.subject = "数学"
    teacher.phone = "13700001234"
    records.save(teacher)
    log = records.history(teacher)
    assert [e.action for e in log] == ["新增", "修改"]
    assert log[1].changes == {"subject": ["语文", "数学"], "phone": ["", "13700001234"]}
    assert log[1].table == "teacher" and log[1].record_id == teacher.id
    assert log[1].at is not None


def test_saving_without_changes_writes_no_entry(store):
    """An unchanged save is not an edit."""
    unit = records.save(Unit(name="第一中学"))
    records.save(Unit.get_by_id(unit.id))
    assert AuditLog.select().where(AuditLog.record_id == unit.id).count() == 1


def test_delete_moves_to_recycle_bin_and_restore_brings_back(store):
    """A deleted activity leaves the live list, shows in the bin, and comes back whole."""
    import datetime as dt
    activity = records.save(Activity(type="座谈会", title="班主任座谈会", date=dt.date(2024, 3, 1)))
    records.trash(activity)
    assert Activity.live().count() == 0
    assert Activity.select().count() == 1  # never lost
    binned = records.trashed()
    assert [(b.table, b.record_id, b.label) for b in binned] == [("activity", activity.id, "活动")]
    records.restore(records.load("activity", activity.id))
    restored = Activity.live().get()
    assert restored.title == "班主任座谈会"
    assert records.trashed() == []
    assert [e.action for e in records.history(activity)] == ["新增", "删除", "恢复"]


def test_attachments_are_copied_by_content_hash(store, tmp_path):
    """The file is copied into the managed folder; the user's original may then vanish."""
    import datetime as dt
    activity = records.save(Activity(type="示范课", title="示范课", date=dt.date(2024, 3, 1)))
    src = tmp_path / "签到表.jpg"
    src.write_bytes(b"\xff\xd8\xff" + b"photo" * 100)
    first = attachments.add_attachment(activity, src, caption="签到表")
    second = attachments.add_attachment(activity, src)
    src.unlink()
    stored = attachments.stored_path(first)
    assert stored.is_file() and stored.parent.parent == store.attachments_dir
    assert stored.read_bytes().startswith(b"\xff\xd8\xff")
    assert first.sha256 == second.sha256 and attachments.stored_path(second) == stored
    assert [a.filename for a in attachments.attachments_of(activity)] == ["签到表.jpg", "签到表.jpg"]


def test_missing_attachment_source_has_a_chinese_message(store, tmp_path):
    """A file that is gone (USB stick unplugged) is reported, not a traceback."""
    import datetime as dt
    activity = records.save(Activity(type="示范课", title="示范课", date=dt.date(2024, 3, 1)))
    with pytest.raises(InvalidInput, match="找不到文件"):
        attachments.add_attachment(activity, tmp_path / "gone.jpg")


def test_replace_links_sets_exactly_the_given_rows(store):
    """Participants are replaced, not appended; repeats are stored once."""
    import datetime as dt
    from bangfu_desktop.core.models import ActivityParticipant
    activity = records.save(Activity(type="座谈会", title="座谈会", date=dt.date(2024, 3, 1)))
    a, b, c = (records.save(Teacher(name=n)) for n in ("甲老师", "乙老师", "丙老师"))
    records.replace_links(ActivityParticipant, "activity", activity, "teacher", [a.id, b.id, b.id])
    records.replace_links(ActivityParticipant, "activity", activity, "teacher", [b.id, c.id])
    assert sorted(p.teacher_id for p in activity.participants) == [b.id, c.id]
