"""Query counts that do not grow with the data (issue 16): the same count for 100 and 2,000 records.

Each case fills a fresh database with the demo data (plans, rules, targets) plus ``n``
teachers, activities, 听课记录, pairings with guidance, rotations and tasks dated in the
demo's 学年, then counts the queries of one whole operation: every ledger, the 任务清单,
the yearly report (figures, PDF and workbook), the 概览 tab's load and each ledger's import
preview. The other tab loads are in tests/gui/test_table_paging.py and
tests/gui/test_tab_query_growth.py, the binder in tests/test_pdf_queries.py, the roster
and task-list previews in tests/test_excel_import_checks.py.
"""

from __future__ import annotations

import datetime as dt
import random

import openpyxl
import pytest
from conftest import DEMO_TODAY
from playhouse.test_utils import count_queries

from bangfu_desktop.core import database, demo, sortkeys
from bangfu_desktop.core.models import (
    Activity,
    ActivityParticipant,
    Guidance,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Task,
    TaskCategory,
    Teacher,
    Unit,
)

START = dt.date(2026, 9, 1)  # the demo's 学年 2026-2027 (today 2026-11-22)
SIZES = (100, 2000)


def grow(n: int, seed: int = 42) -> None:
    """Add n of every big record type to the demo data, in bulk, inside the current 学期."""
    rng = random.Random(seed)
    unit = Unit.live().order_by(Unit.id).first().id
    plan = Plan.live().order_by(Plan.id).first()
    category = TaskCategory.select().where(TaskCategory.plan == plan).first()
    with database.database.atomic():
        Teacher.insert_many([dict(name=f"增{k}老师", unit=unit, subject="语文") for k in range(n)]).execute()
        teachers = [t for (t,) in Teacher.select(Teacher.id).tuples()]
        day = lambda: START + dt.timedelta(days=rng.randrange(80))  # noqa: E731
        Activity.insert_many([dict(type=rng.choice(("集体备课", "听评课", "同课异构")), title=f"活动{k}", date=day(),
                                   place="会议室", plan=plan, others_count=1) for k in range(n)]).execute()
        new = [a for (a,) in Activity.select(Activity.id).where(Activity.title.startswith("活动")).tuples()]
        ActivityParticipant.insert_many([dict(activity=a, teacher=rng.choice(teachers)) for a in new]).execute()
        Observation.insert_many([dict(date=day(), teacher=rng.choice(teachers), subject="数学", topic=f"课{k}")
                                 for k in range(n)]).execute()
        obs = [o for (o,) in Observation.select(Observation.id).where(Observation.topic.startswith("课")).tuples()]
        ObservationObserver.insert_many([dict(observation=o, teacher=rng.choice(teachers)) for o in obs]).execute()
        Pairing.insert_many([dict(mentor=rng.choice(teachers), apprentice=rng.choice(teachers), subject="语文",
                                  start_date=START, programme=f"增{k}") for k in range(n)]).execute()
        pairs = [p for (p,) in Pairing.select(Pairing.id).where(Pairing.programme.startswith("增")).tuples()]
        Guidance.insert_many([dict(pairing=p, date=day(), kind="听课指导", content="指导") for p in pairs]).execute()
        Rotation.insert_many([dict(teacher=rng.choice(teachers), host_unit=unit, kind="岗位轮训", start_date=day(),
                                   end_date=START + dt.timedelta(days=100)) for _ in range(n)]).execute()
        Task.insert_many([dict(plan=plan, category=category, code=f"9.{k}", position=1000 + k, measure=f"举措{k}",
                               due_date=START) for k in range(n)]).execute()
    sortkeys.backfill()


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """Two database files (100 and 2,000 added records each), generated once for the module."""
    folder = tmp_path_factory.mktemp("growth")
    paths = {}
    for n in SIZES:
        paths[n] = folder / f"{n}.sqlite3"
        store = database.open_database(paths[n], backup_on_open=False)
        demo.load_demo(today=DEMO_TODAY)
        grow(n)
        store.close()
    return paths


def counts_of(grown, operation) -> dict[int, int]:
    """Queries of ``operation(n)`` on each database."""
    counts = {}
    for n, path in grown.items():
        store = database.open_database(path, backup_on_open=False)
        try:
            with count_queries() as counter:
                operation(n)
            counts[n] = counter.count
        finally:
            store.close()
    return counts


LEDGER_KINDS = ("pairings", "rotations", "activities", "teachers", "targets", "observations", "guidance")


@pytest.mark.parametrize("kind", LEDGER_KINDS)
def test_each_ledger_costs_the_same_queries(grown, tmp_path, kind):
    """Every 台账 (whole database, no date range) costs the same queries for 100 and 2,000 more records."""
    from bangfu_desktop.core.excel_ledgers import LEDGERS

    rows = {}

    def export(n):
        path = LEDGERS[kind][1](tmp_path / f"{kind}{n}.xlsx", day=DEMO_TODAY)
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows[n] = sum(1 for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], int))

    counts = counts_of(grown, export)
    assert counts[100] == counts[2000], counts
    if kind != "targets":
        assert rows[2000] - rows[100] >= 1900, rows  # the rows were really written


def test_task_list_costs_the_same_queries(grown, tmp_path):
    """The 任务清单 of a plan with 100 or 2,000 more tasks costs the same queries."""
    from bangfu_desktop.core.excel_tasks import export_tasks

    def export(n):
        plan = Plan.live().order_by(Plan.id).first()
        export_tasks(tmp_path / f"tasks{n}.xlsx", plan_id=plan.id, day=DEMO_TODAY)

    counts = counts_of(grown, export)
    assert counts[100] == counts[2000], counts


def test_year_report_costs_the_same_queries(grown, tmp_path):
    """The 年度工作统计 (figures, PDF and workbook) costs the same queries with 100 or 2,000 more records."""
    from bangfu_desktop.core.yearreport import build_year_report, write_year_report

    def report(n):
        built = build_year_report(2026, today=DEMO_TODAY)
        write_year_report(built, tmp_path / f"report{n}.pdf")
        write_year_report(built, tmp_path / f"report{n}.xlsx")

    counts = counts_of(grown, report)
    assert counts[100] == counts[2000], counts
    assert (tmp_path / "report2000.pdf").stat().st_size > 0


def test_overview_load_costs_the_same_queries(grown):
    """The 概览 tab's whole load (checklist, figures, rules, proposed rules) does not grow with the data."""
    from bangfu_desktop.gui.tabs.overview import overview_data

    loaded = {}

    def load(n):
        loaded[n] = overview_data(DEMO_TODAY, None)

    counts = counts_of(grown, load)
    assert counts[100] == counts[2000], counts
    assert not loaded[2000]["empty"] and loaded[2000]["board"].rules


@pytest.mark.parametrize("kind", ("pairings", "rotations", "activities", "observations", "guidance"))
def test_ledger_import_preview_costs_the_same_queries(grown, tmp_path, kind):
    """Reading our own exported ledger back (every row matched to its record) costs the same queries."""
    from bangfu_desktop.core.excel_import_ledgers import preview_ledger
    from bangfu_desktop.core.excel_ledgers import LEDGERS

    files = {}
    for n, path in grown.items():
        store = database.open_database(path, backup_on_open=False)
        files[n] = LEDGERS[kind][1](tmp_path / f"{kind}{n}.xlsx", day=DEMO_TODAY)
        store.close()
    previews = {}

    def preview(n):
        previews[n] = preview_ledger(kind, files[n])

    counts = counts_of(grown, preview)
    assert counts[100] == counts[2000], counts
    matched = {n: len(p.unchanged) + len(p.to_update) for n, p in previews.items()}
    assert matched[2000] - matched[100] >= 1800, matched  # (random pairs may repeat a key)
