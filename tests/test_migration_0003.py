"""Migration 3 (指导记录 reflection, rule kinds, one override per semester) keeps every row."""

import sqlite3

from bangfu_desktop.core import database
from bangfu_desktop.core.models import Attachment, FrequencyRule, Guidance, Pairing, SchoolTerm, Teacher

NOW = "2024-03-01 08:00:00"


def make_v2_database(path):
    """A database at schema 2 with pairings, their guidance, attachments, rules and terms."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    for migration in database.migrations()[:2]:
        for statement in database.split_statements(migration.sql):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    for i in range(1, 11):
        conn.execute(
            "INSERT INTO teacher (id, created_at, updated_at, name, gender, subject, position, title, phone,"
            " is_dual_qualified, is_party_member, is_leader, is_helper, notes)"
            " VALUES (?, ?, ?, ?, '男', '数学', '教师', '', '', 0, 0, 0, ?, '')", (i, NOW, NOW, f"教师{i}", int(i == 1)))
    for i in range(2, 11):
        conn.execute("INSERT INTO pairing (id, created_at, updated_at, mentor_id, apprentice_id, subject, programme,"
                     " goals, status, evaluation) VALUES (?, ?, ?, 1, ?, '数学', '青蓝工程', '', '进行中', '')",
                     (i, NOW, NOW, i))
        for n in range(3):
            cur = conn.execute("INSERT INTO guidance (created_at, updated_at, pairing_id, date, kind, content)"
                               " VALUES (?, ?, ?, '2024-03-0%d', '听课指导', '指导内容')" % (n + 1), (NOW, NOW, i))
            conn.execute("INSERT INTO attachment (created_at, updated_at, owner_table, owner_id, filename, sha256,"
                         " size, mime, caption) VALUES (?, ?, 'guidance', ?, 'a.jpg', 'ab', 1, '', '')",
                         (NOW, NOW, cur.lastrowid))
    conn.execute("INSERT INTO plan (id, created_at, updated_at, title, doc_number, issuer, notes)"
                 " VALUES (1, ?, ?, '方案', '', '', '')", (NOW, NOW))
    conn.execute("INSERT INTO frequency_rule (created_at, updated_at, plan_id, name, activity_types, period, minimum,"
                 " scope, role, source_text) VALUES (?, ?, 1, '座谈会', '[\"座谈会\"]', '学期', 3, '单位', '', '')",
                 (NOW, NOW))
    for end in ("2024-01-20", "2024-01-31"):  # the same semester overridden twice
        conn.execute("INSERT INTO school_term (created_at, updated_at, school_year, semester, start_date, end_date)"
                     " VALUES (?, ?, 2023, 1, '2023-09-01', ?)", (NOW, NOW, end))
    conn.commit()
    conn.close()


def test_upgrade_to_schema_3_keeps_guidance_attachments_and_rules(db_path):
    """Every pairing, guidance record and attachment survives; new columns get their defaults."""
    db_path.parent.mkdir(parents=True)
    make_v2_database(db_path)
    store = database.open_database(db_path)
    try:
        assert database.database.execute_sql("PRAGMA user_version").fetchone()[0] >= 3
        assert Teacher.select().count() == 10
        assert Pairing.select().count() == 9
        assert Guidance.select().count() == 27
        assert Attachment.select().where(Attachment.owner_table == "guidance").count() == 27
        assert {g.reflection for g in Guidance.select()} == {""}
        rule = FrequencyRule.get()
        assert (rule.record_kind, rule.honour, rule.minimum) == ("活动", "", 3)
        terms = list(SchoolTerm.select())
        assert [(t.school_year, t.semester, t.end_date.isoformat()) for t in terms] == [(2023, 1, "2024-01-31")]
        assert database.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
