"""Stable record IDs: given at creation, backfilled by migration 5, kept through backup and restore."""

import re
import sqlite3

from bangfu_desktop.core import backup, restore, database, records
from bangfu_desktop.core.models import ALL_MODELS, Honour, Pairing, Rotation, Teacher, Unit

from test_database import make_v1_database

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_migration_backfills_unique_uuids_and_keeps_child_rows(db_path):
    """A first-release database with 50 teachers and their children gets a UUID on every row, losing none."""
    db_path.parent.mkdir(parents=True)
    make_v1_database(db_path)
    store = database.open_database(db_path)
    try:
        assert Teacher.select().count() == 50
        assert Honour.select().count() == 50
        assert Rotation.select().count() == 50
        assert Pairing.select().count() == 49
        for model in (Unit, Teacher, Honour, Rotation, Pairing):
            ids = [row.uuid for row in model.select()]
            assert all(UUID_RE.match(u) for u in ids), model.__name__
            assert len(set(ids)) == len(ids)
        assert all(t.origin == "" for t in Teacher.select())
        assert Teacher.live().count() == 50
    finally:
        store.close()


def test_uuid_is_unique_per_table(store):
    """The database itself refuses a second record with the same UUID."""
    first = records.save(Unit(name="甲校"))
    conn = database.database.connection()
    try:
        conn.execute("INSERT INTO unit (created_at, updated_at, uuid, name, short_name, kind, stage, region,"
                     " address, role, group_name, contact_name, contact_title, office_phone, mobile, email,"
                     " is_self, notes) VALUES ('2026-01-01', '2026-01-01', ?, '乙校', '', '学校', '', '', '',"
                     " '', '', '', '', '', '', '', 0, '')", (first.uuid,))
    except sqlite3.IntegrityError as exc:
        assert "uuid" in str(exc)
    else:  # pragma: no cover - the test fails here
        raise AssertionError("duplicate uuid accepted")


def test_new_records_get_uuid_and_backup_restore_keeps_it(store, tmp_path):
    """A record created now has a UUID; a backup restored into the database brings the same UUID back."""
    teacher = records.save(Teacher(name="林晓明"))
    assert UUID_RE.match(teacher.uuid)
    copy = backup.write_backup(database.database.connection(), tmp_path / "b.sqlite3")
    records.trash(teacher)
    records.save(Teacher(name="另一位"))
    restore.restore_database(store, copy)
    names = {t.name: t.uuid for t in Teacher.select()}
    assert names == {"林晓明": teacher.uuid}


def test_every_exchanged_table_has_uuid_column(store):
    """Every table whose model has a uuid field has the column and a unique index on it."""
    conn = database.database.connection()
    for model in ALL_MODELS:
        if "uuid" not in model._meta.fields:
            continue
        table = model._meta.table_name
        unique = [row for row in conn.execute(f'PRAGMA index_list("{table}")') if row[2]]
        cols = {conn.execute(f'PRAGMA index_info("{row[1]}")').fetchone()[2] for row in unique}
        assert "uuid" in cols, table
