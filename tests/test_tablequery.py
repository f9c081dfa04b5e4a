"""Tables that page from SQLite: constant query counts, FTS5 and LIKE agreeing, pinyin keys, migration 6."""

from __future__ import annotations

import sqlite3

import pytest
from playhouse.test_utils import count_queries

from bangfu_desktop.core import database, records, sortkeys
from bangfu_desktop.core.models import Activity, Teacher, Unit
from bangfu_desktop.core.pinyin import sort_key
from bangfu_desktop.core.tablequery import TableQuery, fts_available
from bangfu_desktop.core.tablesources import ACTIVITIES, OBSERVATIONS, PAIRINGS, ROTATIONS, TASKS, TEACHERS

from table_data import fill

SOURCES = (ACTIVITIES, OBSERVATIONS, TEACHERS, PAIRINGS, ROTATIONS, TASKS)


def queries_of_load(source) -> int:
    with count_queries() as counter:
        page = source.load(TableQuery())
    assert page.rows, source.name
    return counter.count


def test_load_costs_the_same_queries_for_100_and_2000_records(tmp_path):
    """Each table's load (ids, total, one page and its computed fields) does not grow with the data."""
    counts = {}
    for n in (100, 2000):
        store = database.open_database(tmp_path / f"{n}.sqlite3")
        try:
            fill(n)
            counts[n] = {source.name: queries_of_load(source) for source in SOURCES}
            assert len(ACTIVITIES.ids(TableQuery())) == n
        finally:
            store.close()
    assert counts[100] == counts[2000]
    assert max(counts[2000].values()) <= 8  # FTS lookup and data key of the caches, ids, total, page, finish


def test_fts_and_like_find_the_same_rows(store):
    """A 3+ character word goes through the trigram index, a shorter one through LIKE; both agree with a scan."""
    fill(300)
    assert fts_available("activity_fts")
    titles = dict(Activity.select(Activity.id, Activity.title).tuples())
    for word in ("数学教研", "第12", "语文", "1次"):
        expected = {aid for aid, title in titles.items() if word in title}
        assert set(ACTIVITIES.ids(TableQuery(words=(word,)))) == expected, word


def test_short_words_follow_edits_deletes_and_filters(store):
    """A word of one or two characters is matched in memory: it sees a rename, a filter and a delete at once."""
    fill(40)
    activity = Activity.select().order_by(Activity.id).first()
    assert ACTIVITIES.ids(TableQuery(words=("振兴",))) == []
    ACTIVITIES.warm_search()
    activity.title = "乡村振兴"
    records.save(activity)
    assert ACTIVITIES.ids(TableQuery(words=("振兴",))) == [activity.id]
    assert ACTIVITIES.ids(TableQuery(words=("振兴",), conditions=(Activity.id != activity.id,))) == []
    assert ACTIVITIES.ids(TableQuery(words=("振兴", "教研"))) == []  # every word must appear
    activity.title = "PPT展示课"
    records.save(activity)
    assert ACTIVITIES.ids(TableQuery(words=("pp",))) == [activity.id]  # ASCII in any case, as LIKE
    assert ACTIVITIES.ids(TableQuery(words=("pp", "展示课"))) == [activity.id]  # a short and an FTS word
    records.trash(activity)
    assert ACTIVITIES.ids(TableQuery(words=("pp",))) == []


def test_a_short_word_after_a_load_reads_no_rows_again(tmp_path):
    """After a load, a one- or two-character word asks only whether the data changed (same for 100 and 2,000)."""
    counts = {}
    for n in (100, 2000):
        store = database.open_database(tmp_path / f"{n}.sqlite3")
        try:
            fill(n)
            ACTIVITIES.load(TableQuery())
            ACTIVITIES.warm_search()
            titles = dict(Activity.select(Activity.id, Activity.title).tuples())
            order = ACTIVITIES.ids(TableQuery())
            with count_queries() as counter:
                found = ACTIVITIES.ids(TableQuery(words=("数学",)))
            counts[n] = counter.count
            statements = [entry.msg[0] for entry in counter.get_queries()]
            assert not any("LIKE" in sql or "ORDER BY" in sql for sql in statements), statements
            assert found == [aid for aid in order if "数学" in titles[aid]]
        finally:
            store.close()
    assert counts[100] == counts[2000] == 1  # whether the data changed


def test_fts_follows_edits_and_deletes(store):
    """The triggers keep the index in step: a renamed activity is found by its new title only."""
    fill(20)
    activity = Activity.select().first()
    activity.title = "乡村振兴专题讲座"
    records.save(activity)
    assert ACTIVITIES.ids(TableQuery(words=("振兴专题",))) == [activity.id]
    records.trash(activity)
    assert ACTIVITIES.ids(TableQuery(words=("振兴专题",))) == []
    Activity.delete().where(Activity.id == activity.id).execute()
    count = database.database.execute_sql(
        "SELECT count(*) FROM activity_fts WHERE activity_fts MATCH '\"振兴专题\"'").fetchone()[0]
    assert count == 0


def test_names_sort_by_pinyin_and_are_found_by_initials(store):
    """Saved teachers get keys: 刘 before 周, and zj / zhoujie find 周杰."""
    unit = records.save(Unit(name="测试中学"))
    for name in ("周杰", "刘芳", "吴静", "曾强", "安然"):
        records.save(Teacher(name=name, unit=unit))
    names = [TEACHERS.rows([i])[i].name for i in TEACHERS.ids(TableQuery(sort="name"))]
    assert names == sorted(names, key=lambda n: sort_key(n, True)) == ["安然", "刘芳", "吴静", "曾强", "周杰"]
    for query in ("zj", "zhoujie", "ZJ"):
        found = [TEACHERS.rows([i])[i].name for i in TEACHERS.ids(TableQuery(words=(query,)))]
        assert found == ["周杰"], query


def test_renamed_teacher_gets_new_keys(store):
    """Renaming re-keys the name (the save hook), so the sort follows the new name."""
    teacher = records.save(Teacher(name="周杰"))
    teacher.name = "安杰"
    records.save(teacher)
    assert Teacher.get_by_id(teacher.id).name_py == "anjie aj"


def _old_database(path) -> None:
    """A schema-5 database (before this change) holding teachers, activities and their child rows."""
    conn = sqlite3.connect(path)
    for migration in database.migrations():
        if migration.number > 5:
            break
        for statement in database.split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {migration.number}")
    conn.commit()
    conn.close()
    # The models write only the columns they are given or have defaults for: none of schema 6's.
    from bangfu_desktop.core.models import ActivityParticipant, Honour
    from bangfu_desktop.core.models import database as peewee_db
    peewee_db.init(str(path))
    with peewee_db.atomic():
        Unit.insert(id=1, name="第一中学").execute()
        for k, name in enumerate(("周杰", "刘芳", "吴静"), start=1):
            Teacher.insert(id=k, name=name, unit=1).execute()
        for k in range(1, 51):
            Activity.insert(id=k, type="集体备课", title=f"第{k}次语文集体备课", date="2025-10-01").execute()
            ActivityParticipant.insert(activity=k, teacher=k % 3 + 1).execute()
        Honour.insert(teacher=1, kind="骨干教师").execute()
    peewee_db.close()


def test_migration_6_keeps_child_rows_and_indexes_old_rows(tmp_path):
    """Upgrading a database with child rows loses none; old titles are searchable; keys are backfilled."""
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    store = database.open_database(path, backup_on_open=False)
    try:
        from bangfu_desktop.core.models import database as conn
        assert conn.execute_sql("PRAGMA user_version").fetchone()[0] >= 6
        assert conn.execute_sql("SELECT count(*) FROM activity_participant").fetchone()[0] == 50
        assert conn.execute_sql("SELECT count(*) FROM honour").fetchone()[0] == 1
        assert len(ACTIVITIES.ids(TableQuery(words=("语文集体",)))) == 50
        assert Teacher.select().where(Teacher.name_key.is_null()).count() == 3
        assert sortkeys.backfill() == 4  # three teachers and the unit
        names = [TEACHERS.rows([i])[i].name for i in TEACHERS.ids(TableQuery(sort="name"))]
        assert names == ["刘芳", "吴静", "周杰"]
        assert sortkeys.backfill() == 0
    finally:
        store.close()


@pytest.mark.parametrize("word", ["ab", "语文集体备课"])
def test_like_fallback_without_fts(store, word, monkeypatch):
    """Without the FTS table (another database) the same words are found with LIKE."""
    fill(50)
    with_fts = set(ACTIVITIES.ids(TableQuery(words=(word,))))
    from bangfu_desktop.core import tablequery
    monkeypatch.setattr(tablequery, "fts_available", lambda table: False)
    assert set(ACTIVITIES.ids(TableQuery(words=(word,)))) == with_fts


@pytest.mark.parametrize("source, fields", [
    (ACTIVITIES, ("date", "type", "title", "place", "host", "subject")),
    (OBSERVATIONS, ("date", "period", "subject", "grade_class", "topic", "lesson_type", "observers")),
])
def test_sorting_by_a_text_column_walks_an_index(store, source, fields):
    """Each sortable column of 活动记录 and 听课记录 is ordered by an index, not by sorting every row.

    With the planner statistics the program gathers as the tables grow (``refresh_statistics``).
    """
    from bangfu_desktop.core.models import database as conn

    fill(300)
    database.refresh_statistics(minimum=1)
    for name in fields:
        for descending in (False, True):
            sql, params = source.id_query(TableQuery(sort=name, descending=descending)).sql()
            plan = " ".join(str(row[-1]) for row in conn.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
            assert "TEMP B-TREE" not in plan, (name, plan)
            assert "INDEX" in plan, (name, plan)
