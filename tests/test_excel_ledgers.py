"""Ledgers at scale and under hostile text: one truth for targets, control characters, constant queries."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from playhouse.test_utils import count_queries

from bangfu_desktop.core import database, records
from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.excel_tasks import export_tasks
from bangfu_desktop.core.models import (Activity, ActivityParticipant, Guidance, Pairing, Plan, Rotation, Target, Task,
                                        Teacher, Unit)
from bangfu_desktop.core.submission import export_submission
from bangfu_desktop.core.targets import evaluate_targets
from bangfu_desktop.core.yearreport import build_year_report, write_year_report
from conftest import DEMO_TODAY, run_cli

HOSTILE = "甲\x0b乙\x07丙\x01丁\x0c戊"
CLEANED = "甲\n乙丙丁\n戊"
FORMULA = "=HYPERLINK(\"http://x\")\x0b1"


def _hostile_database() -> None:
    """Control characters written straight into the database, past the save-side cleaning."""
    teacher = Teacher.live().order_by(Teacher.unit, Teacher.id).first()
    Teacher.update(notes=HOSTILE, subject=FORMULA).where(Teacher.id == teacher.id).execute()
    Task.update(measure=HOSTILE, progress=FORMULA).where(Task.id.in_(Task.select(Task.id).limit(3))).execute()
    Activity.update(title=HOSTILE, content=FORMULA).execute()
    Pairing.update(goals=HOSTILE).execute()
    Rotation.update(report=HOSTILE).execute()
    Target.update(notes=HOSTILE).execute()


def _texts(path) -> list:
    wb = openpyxl.load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_control_characters_never_break_an_export(demo_store, tmp_path):
    """Every export writes; \\x0b/\\x0c become line breaks, \\x07/\\x01 vanish, formulas stay text."""
    _hostile_database()
    outputs = [export(tmp_path / f"{kind}.xlsx", day=DEMO_TODAY) for kind, (_, export) in LEDGERS.items()]
    plan = Plan.get(Plan.title.contains("沿河"))
    outputs.append(export_tasks(tmp_path / "tasks.xlsx", plan_id=plan.id, day=DEMO_TODAY))
    outputs.append(write_year_report(build_year_report(2025, today=DEMO_TODAY), tmp_path / "year.xlsx"))
    outputs.append(export_submission("activities", day=DEMO_TODAY))
    found = set()
    for path in outputs:
        for cell in _texts(path):
            assert not ILLEGAL_CHARACTERS_RE.search(cell.value), (path.name, cell.value)
            assert cell.data_type == "s"
            if CLEANED in cell.value:
                found.add(path.name)
            if cell.value.startswith("=HYPERLINK"):
                assert cell.value == "=HYPERLINK(\"http://x\")\n1"
                found.add(path.name + ":formula")
    for kind in ("teachers", "pairings", "rotations", "activities", "targets", "tasks"):
        assert f"{kind}.xlsx" in found
    assert {"teachers.xlsx:formula", "activities.xlsx:formula", "tasks.xlsx:formula"} <= found


def test_control_characters_through_the_command_line(demo_store, tmp_path):
    """`bangfu export tasks|teachers|activities` exit 0 on such texts (no IllegalCharacterError)."""
    _hostile_database()
    path = demo_store.path
    plan = Plan.get(Plan.title.contains("沿河"))
    demo_store.close()
    for args in (["tasks", "--plan", str(plan.id)], ["teachers"], ["activities"]):
        out = tmp_path / f"{args[0]}.xlsx"
        result = run_cli("--db", str(path), "export", *args, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert any(CLEANED in c.value for c in _texts(out))


def _target_rows(path) -> dict[str, list]:
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[3]]
    rows = {}
    for r in range(4, ws.max_row + 1):
        values = [ws.cell(r, c).value for c in range(1, len(header) + 1)]
        if isinstance(values[0], int):
            rows[values[0]] = dict(zip(header, values))
    return rows


def test_target_ledger_shows_the_figures_of_core_and_of_bangfu_targets(demo_store, tmp_path):
    """实际值, 完成率 and 来源 of every target equal core.targets and `bangfu targets --json` on the same day."""
    expected = evaluate_targets(today=DEMO_TODAY)
    _, export = LEDGERS["targets"]
    rows = _target_rows(export(tmp_path / "targets.xlsx", day=DEMO_TODAY))
    assert len(rows) == len(expected) > 0
    computed = 0
    for number, t in enumerate(expected, start=1):
        row = rows[number]
        assert row["指标"] == t.description
        actual = row["实际值"]
        assert (actual in ("", None)) if t.actual is None else actual == pytest.approx(t.actual)
        ratio = row["完成率"]
        assert (ratio in ("", None)) if t.progress is None else ratio == pytest.approx(t.progress, abs=1e-4)
        assert row["来源"] == ("计算" if t.computed else "填报")
        assert row["完成情况"] == t.status
        computed += t.computed
    assert computed > 0 and sum(1 for r in rows.values() if r["实际值"] not in ("", None)) > computed / 2
    ws = openpyxl.load_workbook(tmp_path / "targets.xlsx").active
    assert ws.cell(4, [c.value for c in ws[3]].index("完成率") + 1).number_format == "0.0%"
    path = demo_store.path
    demo_store.close()
    result = run_cli("--db", str(path), "targets", "--json", "--today", DEMO_TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    cli = json.loads(result.stdout)["targets"]
    assert len(cli) == len(rows)
    # The CLI lists plans oldest first; match its lines to the workbook's by target.
    row_of = {t.target_id: number for number, t in enumerate(expected, start=1)}
    for item in cli:
        number = row_of[item["target_id"]]
        actual = rows[number]["实际值"]
        assert (actual in ("", None)) if item["actual"] is None else actual == pytest.approx(item["actual"])
        assert rows[number]["来源"] == ("计算" if item["computed"] else "填报")


def _fill(n: int) -> None:
    """``n`` of each record a ledger lists, inserted in bulk."""
    records.save(Unit(name="示范中学", is_self=True))
    unit = Unit.get(Unit.is_self == True)  # noqa: E712
    plan = records.save(Plan(title="示范方案"))
    Teacher.insert_many([{"name": f"教师{i}", "unit": unit.id, "phone": f"138{i:08d}"} for i in range(n)]).execute()
    ids = [t.id for t in Teacher.select(Teacher.id)]
    Pairing.insert_many([{"mentor": ids[i], "apprentice": ids[(i + 1) % n]} for i in range(n)]).execute()
    Guidance.insert_many([{"pairing": p.id, "date": dt.date(2024, 3, 1)} for p in Pairing.select()]).execute()
    Rotation.insert_many([{"teacher": ids[i], "host_unit": unit.id, "start_date": dt.date(2020 + i % 5, 3, 1),
                           "end_date": dt.date(2020 + i % 5, 4, 1)} for i in range(n)]).execute()
    Activity.insert_many([{"type": "听评课", "title": f"活动{i}", "date": dt.date(2024, 1, 1) + dt.timedelta(i % 300)}
                          for i in range(n)]).execute()
    ActivityParticipant.insert_many([{"activity": a.id, "teacher": ids[a.id % n]}
                                     for a in Activity.select(Activity.id)]).execute()
    Target.insert_many([{"plan": plan.id, "description": f"指标{i}", "target_value": 10, "actual_value": i}
                        for i in range(20)]).execute()


@pytest.mark.parametrize("kind", ["pairings", "rotations", "activities", "teachers", "targets"])
def test_query_count_does_not_grow_with_records(tmp_path, kind):
    """The same number of queries for 100 and 2,000 records of each ledger."""
    counts = []
    for n in (100, 2000):
        store = database.open_database(tmp_path / f"{n}.sqlite3")
        try:
            _fill(n)
            _, export = LEDGERS[kind]
            options = {"date_from": dt.date(2024, 1, 1), "date_to": dt.date(2024, 6, 30)} if kind == "activities" else {}
            with count_queries() as counter:
                export(tmp_path / f"{kind}{n}.xlsx", day=DEMO_TODAY, **options)
            counts.append(counter.count)
            ws = openpyxl.load_workbook(tmp_path / f"{kind}{n}.xlsx", read_only=True).worksheets[0]
            listed = sum(1 for row in ws.iter_rows(min_row=4, values_only=True) if row and isinstance(row[0], int))
            if kind != "targets":
                model = {"teachers": Teacher, "pairings": Pairing, "rotations": Rotation, "activities": Activity}[kind]
                query = model.select()
                if kind == "activities":
                    query = query.where(Activity.date.between(dt.date(2024, 1, 1), dt.date(2024, 6, 30)))
                assert listed == query.count()
        finally:
            store.close()
    assert counts[0] == counts[1], counts


def test_activity_participants_are_counted_within_the_range(store, tmp_path):
    """参与人数 is the activity's own participants plus others, whatever else is in the database."""
    records.save(Unit(name="示范中学", is_self=True))
    teachers = [records.save(Teacher(name=f"教师{i}")) for i in range(3)]
    inside = records.save(Activity(type="座谈会", title="范围内", date=dt.date(2024, 3, 1), others_count=2))
    outside = records.save(Activity(type="座谈会", title="范围外", date=dt.date(2023, 3, 1)))
    for t in teachers:
        ActivityParticipant.create(activity=inside, teacher=t)
        ActivityParticipant.create(activity=outside, teacher=t)
    _, export = LEDGERS["activities"]
    ws = openpyxl.load_workbook(export(tmp_path / "a.xlsx", date_from=dt.date(2024, 1, 1))).active
    assert ws["E4"].value == "范围内" and ws["K4"].value == 5 and ws["A5"].value is None


def test_roster_export_reads_back_without_noise(demo_store, tmp_path):
    """Re-reading our roster: the seal lines are not reported as skipped teacher rows."""
    from bangfu_desktop.core.excel_import_teachers import preview_teachers

    _, export = LEDGERS["teachers"]
    preview = preview_teachers(export(tmp_path / "roster.xlsx", day=DEMO_TODAY))
    assert not preview.to_add and not preview.skipped
