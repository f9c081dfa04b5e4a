"""Opening, migrating, checking, backing up and restoring the database file."""

import hashlib
import sqlite3

import pytest

from bangfu_desktop.core import backup, database, records, restore, settings
from bangfu_desktop.core.errors import DatabaseDamaged, DatabaseInUse, DatabaseTooNew, NotOurDatabase
from bangfu_desktop.core.models import ALL_MODELS, Honour, Pairing, Rotation, Teacher, Unit


def make_v1_database(path):
    """A database as the first release wrote it, holding teachers with child rows."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    first = database.migrations()[0]
    for statement in database.split_statements(first.sql):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    now = "2023-09-01 08:00:00"
    conn.execute(
        "INSERT INTO unit (id, created_at, updated_at, name, short_name, kind, stage, region, address, role,"
        " contact_name, contact_title, office_phone, mobile, email, is_self, notes)"
        " VALUES (1, ?, ?, '示例中学', '', '学校', '', '', '', '', '', '', '', '', '', 1, '')", (now, now))
    for i in range(1, 51):
        conn.execute(
            "INSERT INTO teacher (id, created_at, updated_at, name, gender, unit_id, subject, position, title,"
            " phone, is_dual_qualified, is_party_member, is_helper, notes)"
            " VALUES (?, ?, ?, ?, '女', 1, '语文', ?, '', '', 0, 0, 0, '')",
            (i, now, now, f"教师{i}", "副校长" if i == 1 else "教师"))
        conn.execute("INSERT INTO honour (created_at, updated_at, teacher_id, kind, level, year, notes)"
                     " VALUES (?, ?, ?, '骨干教师', '县级', 2023, '')", (now, now, i))
        conn.execute("INSERT INTO rotation (created_at, updated_at, teacher_id, kind, is_leader, report, notes)"
                     " VALUES (?, ?, ?, '岗位轮训', 0, '', '')", (now, now, i))
    for i in range(2, 51):
        conn.execute("INSERT INTO pairing (created_at, updated_at, mentor_id, apprentice_id, subject, programme,"
                     " goals, status, evaluation) VALUES (?, ?, 1, ?, '语文', '青蓝工程', '', '进行中', '')",
                     (now, now, i))
    conn.commit()
    conn.close()


def test_upgrade_from_first_schema_keeps_every_child_row(db_path):
    """Migration 2 rebuilds the teacher table; honours, rotations and pairings all survive."""
    db_path.parent.mkdir(parents=True)
    make_v1_database(db_path)
    store = database.open_database(db_path)
    try:
        assert database.database.execute_sql("PRAGMA user_version").fetchone()[0] == database.latest_version()
        assert Teacher.select().count() == 50
        assert Honour.select().count() == 50
        assert Rotation.select().count() == 50
        assert Pairing.select().count() == 49
        assert Teacher.get_by_id(1).is_leader is True
        assert Teacher.get_by_id(2).is_leader is False
        assert Unit.get_by_id(1).group_name == ""
        assert database.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        # The new ON DELETE SET NULL holds after the rebuild.
        database.database.execute_sql("DELETE FROM unit WHERE id = 1")
        assert Teacher.get_by_id(5).unit_id is None
    finally:
        store.close()


def test_migrated_schema_matches_models(store):
    """Every model column exists in the migrated tables, and no table lacks a model."""
    conn = database.database.connection()
    for model in ALL_MODELS:
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{model._meta.table_name}")')}
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert columns == expected, model.__name__


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_untouched(db_path):
    """A file from a newer version is refused with a clear message and left byte for byte."""
    store = database.open_database(db_path)
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        database.open_database(db_path)
    assert _digest(db_path) == before


def test_truncated_file_is_reported_damaged(db_path, tmp_path):
    """A file cut in half raises DatabaseDamaged, not a raw sqlite error."""
    store = database.open_database(db_path)
    from bangfu_desktop.core import demo
    demo.load_demo()
    store.close()
    data = db_path.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseDamaged, match="已损坏"):
        database.open_database(cut)
    assert database.check_database(cut)  # problems, not an exception


def test_foreign_and_empty_files(tmp_path):
    """A text file is damaged; another program's SQLite file is not ours; an empty file is new."""
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseDamaged):
        database.open_database(text)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurDatabase, match="不是帮扶台账的数据库"):
        database.open_database(other)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    store = database.open_database(empty)
    assert Teacher.select().count() == 0
    store.close()


def test_second_instance_is_told(db_path):
    """While one instance holds the database, a second one is refused with a message."""
    store = database.open_database(db_path)
    try:
        from bangfu_desktop.core.lock import InstanceLock
        with pytest.raises(DatabaseInUse, match="正被另一个"):
            InstanceLock.acquire(db_path)
    finally:
        store.close()
    InstanceLock.acquire(db_path).release()


def test_backup_and_restore(store, tmp_path):
    """A backup holds the committed records; restore brings them back after a change."""
    unit = records.save(Unit(name="第一中学"))
    dest = backup.write_backup(database.database.connection(), tmp_path / "b.sqlite3")
    records.save(Unit(name="第二中学"))
    assert Unit.select().count() == 2
    safety = restore.restore_database(store, dest)
    assert [u.name for u in Unit.select()] == ["第一中学"]
    assert safety.exists()
    assert unit.id == Unit.get().id


def test_restore_refuses_a_bad_file(store, tmp_path):
    """Restoring from a damaged file changes nothing."""
    records.save(Unit(name="第一中学"))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(Exception):
        restore.restore_database(store, bad)
    assert [u.name for u in Unit.select()] == ["第一中学"]


def test_automatic_backups_rotate(store):
    """After every N changes a backup is written; only the last K are kept."""
    settings.put("backup.every", 3)
    settings.put("backup.keep", 2)
    folder = store.backups.folder()
    for i in range(12):
        records.save(Unit(name=f"学校{i}"))
    kept = backup.list_backups(folder)
    assert len(kept) == 2
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("SELECT count(*) FROM unit").fetchone()[0] >= 9
    conn.close()
