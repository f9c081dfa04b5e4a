"""A shared PostgreSQL database: schema parity with SQLite, two clerks at once, refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import psycopg
import pytest

from bangfu_desktop.core import database, dialect, pgstore, records
from bangfu_desktop.core.errors import DatabaseTooNew, RecordChanged
from bangfu_desktop.core.models import ALL_MODELS, AuditLog, Teacher
from conftest import run_cli


def _pg_columns(url: str) -> dict[str, set[str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = 'public'").fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    found.pop(pgstore.VERSION_TABLE, None)
    return found


def test_both_dialects_reach_the_models_tables_and_columns(pg_url, tmp_path):
    """After every migration, SQLite and PostgreSQL have exactly the models' tables and columns.

    SQLite's FTS5 search index (schema 6: ``*_fts`` and its shadow tables) is the one
    SQLite-only addition; it holds no data of its own.
    """
    expected = {m._meta.table_name: {f.column_name for f in m._meta.sorted_fields} for m in ALL_MODELS}
    assert _pg_columns(pg_url) == expected
    database.open_database(tmp_path / "s.sqlite3").close()
    with sqlite3.connect(tmp_path / "s.sqlite3") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'")]
        lite = {t: {r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')} for t in tables}
    assert lite == expected
    assert [m.number for m in pgstore.pg_migrations()] == [m.number for m in database.migrations()]


def test_booleans_are_boolean_columns_on_postgresql(pg_url):
    """peewee's BooleanField maps to BOOLEAN columns on the server."""
    with psycopg.connect(pg_url) as conn:
        kinds = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name = 'teacher'").fetchall())
    assert kinds["is_helper"] == kinds["is_leader"] == "boolean"


def test_a_newer_schema_is_refused_untouched(pg_url):
    """A database written by a newer version is refused with a Chinese message; nothing changes."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'UPDATE "{pgstore.VERSION_TABLE}" SET "version" = 99')
        before = conn.execute("SELECT count(*) FROM information_schema.columns").fetchone()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        database.open_database(pg_url)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute(f'SELECT "version" FROM "{pgstore.VERSION_TABLE}"').fetchone()[0] == 99
        assert conn.execute("SELECT count(*) FROM information_schema.columns").fetchone() == before


def test_an_unreachable_server_names_host_and_port(tmp_path):
    """No server on the port: a Chinese message with host and port, exit 1, no traceback."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://clerk:secret@127.0.0.1:{port}/bangfu"
    result = run_cli("--db", url, "stats")
    assert result.returncode == 1
    assert f"127.0.0.1 端口 {port}" in result.stderr and "无法连接数据库服务器" in result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr


CLERK = textwrap.dedent("""
    import sys, time
    from bangfu_desktop.core import database, records
    from bangfu_desktop.core.errors import RecordChanged
    from bangfu_desktop.core.models import Teacher
    url, name, step = sys.argv[1], sys.argv[2], sys.argv[3]
    database.open_database(url)
    if step == "add":
        records.save(Teacher(name=name))
        print(sorted(t.name for t in Teacher.live()))
    elif step == "open-then-save":
        teacher = Teacher.get(Teacher.name == "共同编辑")
        print("opened", flush=True)
        sys.stdin.readline()  # the other clerk saves meanwhile
        teacher.phone = "13800000002"
        try:
            records.save(teacher)
            print("saved")
        except RecordChanged as exc:
            print("conflict", exc.who, exc)
""")


def _clerk(url: str, name: str, step: str, **kw):
    return subprocess.Popen([sys.executable, "-c", CLERK, url, name, step], stdout=subprocess.PIPE,
                            stdin=subprocess.PIPE, text=True, encoding="utf-8", **kw)


def test_two_clerks_on_one_server(pg_url):
    """Two processes write to one database, each sees the other's records; a concurrent edit is detected."""
    first = _clerk(pg_url, "甲老师", "add").communicate(timeout=60)[0]
    second = _clerk(pg_url, "乙老师", "add").communicate(timeout=60)[0]
    assert "甲老师" in first and "甲老师" in second and "乙老师" in second
    database.open_database(pg_url)
    try:
        assert sorted(t.name for t in Teacher.live()) == ["乙老师", "甲老师"]
        shared = records.save(Teacher(name="共同编辑", phone="13800000000"))
        slow = _clerk(pg_url, "", "open-then-save")
        assert slow.stdout.readline().strip() == "opened"
        mine = Teacher.get_by_id(shared.id)
        mine.phone = "13800000001"
        records.save(mine)  # saved while the other clerk still has the record open
        out = slow.communicate("\n", timeout=60)[0]
        assert out.startswith("conflict") and dialect.os_user() in out and "修改了" in out
        assert Teacher.get_by_id(shared.id).phone == "13800000001"  # not silently overwritten
        last = AuditLog.select().order_by(AuditLog.id.desc()).first()
        assert last.user.endswith("@" + dialect.parse_url(pg_url).user)  # OS user @ database role
    finally:
        database.current().close()


def test_keep_my_version_after_a_conflict(store):
    """Saving again with the stored version (保留我的版本) overwrites, and both edits stay in the audit log."""
    teacher = records.save(Teacher(name="王芳"))
    stale = Teacher.get_by_id(teacher.id)
    other = Teacher.get_by_id(teacher.id)
    other.subject = "数学"
    records.save(other)
    stale.subject = "语文"
    with pytest.raises(RecordChanged) as caught:
        records.save(stale)
    stale.updated_at = caught.value.stored_updated_at
    records.save(stale)
    assert Teacher.get_by_id(teacher.id).subject == "语文"
    assert [e.action for e in records.history(teacher)] == ["新增", "修改", "修改"]
    assert dialect.change_counter() == AuditLog.select().count()
