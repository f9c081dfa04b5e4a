"""听课记录台账 and 指导记录台账 read back with openpyxl; every ledger survives export → import → export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from playhouse.test_utils import count_queries

from bangfu_desktop.core import database, records
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_ledgers import preview_ledger
from bangfu_desktop.core.excel_import_teachers import preview_teachers
from bangfu_desktop.core.excel_ledgers import LEDGERS
from bangfu_desktop.core.models import Guidance, Observation, ObservationObserver, Pairing, Teacher, Unit
from bangfu_desktop.core.queries import self_unit
from bangfu_desktop.core.submission import export_submission

DAY = dt.date(2026, 11, 22)
ROUND_TRIP = ("pairings", "rotations", "activities", "observations", "guidance")


def sheet_rows(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's cell values, row by row."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


@pytest.fixture
def scored(demo_store):
    """Demo data plus a scored observation and guidance records this school year."""
    o = Observation.live().order_by(Observation.id).first()
    o.grade = "优"
    o.scores = [{"name": "教学目标", "max": 10, "score": 9}, {"name": "教学效果", "max": 20, "score": 18.5}]
    o.observers_text = "县教研室周老师"
    records.save(o)
    pairing = Pairing.live().order_by(Pairing.id).first()
    for day, kind in ((dt.date(2026, 9, 15), "听课指导"), (dt.date(2026, 10, 8), "备课指导")):
        records.save(Guidance(pairing=pairing, date=day, kind=kind, content=f"{kind}：第{day.month}月"))
    return demo_store


@pytest.mark.parametrize("kind,title,model", [("observations", "听课记录台账", Observation),
                                              ("guidance", "指导记录台账", Guidance)])
def test_record_ledgers_have_the_ledger_layout(scored, tmp_path, kind, title, model):
    """Title merged across, 单位（盖章） and 填报日期, bordered rows (one per record), A4 landscape setup."""
    _, export = LEDGERS[kind]
    ws = openpyxl.load_workbook(export(tmp_path / f"{kind}.xlsx", day=DAY)).active
    width = ws.max_column
    assert ws["A1"].value == title
    assert f"A1:{openpyxl.utils.get_column_letter(width)}1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == f"单位（盖章）：{self_unit().name}"
    assert "填报日期：2026年11月22日" in [c.value for c in ws[2]]
    count = model.live().count()
    assert count > 0 and ws.cell(3 + count, 1).value == count and ws.cell(4 + count, 1).value is None
    assert ws.cell(5 + count, 1).value == f"单位（盖章）：{self_unit().name}"  # the seal lines close the sheet
    assert all(ws.cell(r, c).border.bottom.style == "thin" for r in (3, 3 + count) for c in range(1, width + 1))
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$1:$3" and ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"


def test_observation_ledger_joins_observers_and_score(scored, tmp_path):
    """A row holds the date, teacher, roster observers joined with 、, the outsiders, 等级 and points."""
    o = Observation.live().where(Observation.grade == "优").get()
    ws = openpyxl.load_workbook(LEDGERS["observations"][1](tmp_path / "o.xlsx", day=DAY)).active
    header = [c.value for c in ws[3]]
    assert header[:4] == ["序号", "听课日期", "节次", "授课教师"] and "听课人" in header
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=4)
            if isinstance(row[0].value, int)]  # data rows, not the seal lines
    row = next(r for r in rows if r["课题"] == o.topic and r["授课教师"] == o.teacher.name)
    names = [t.name for t in Teacher.select().join(ObservationObserver)
             .where(ObservationObserver.observation == o).order_by(ObservationObserver.id)]
    assert row["听课人"] == "、".join(names) and row["名册外听课人"] == "县教研室周老师"
    assert row["等级"] == "优" and row["分项得分"] == "教学目标 9/10；教学效果 18.5/20" and row["总分"] == "27.5"
    assert row["听课日期"].date() == o.date
    assert [r["听课日期"] for r in rows] == sorted(r["听课日期"] for r in rows)


def test_ledgers_cost_one_query_each(scored, tmp_path):
    """Hundreds of rows, a constant number of queries (no query per observation or guidance record)."""
    for kind in ("observations", "guidance"):
        with count_queries() as counter:
            LEDGERS[kind][1](tmp_path / f"{kind}.xlsx", day=DAY)
        assert counter.count <= 3, (kind, counter.count)


def test_guidance_ledger_rows_name_their_pairing(scored, tmp_path):
    """Each guidance row says 师傅, 徒弟, 指导形式 and 指导内容; a date range narrows it."""
    _, export = LEDGERS["guidance"]
    ws = openpyxl.load_workbook(export(tmp_path / "g.xlsx", date_from=dt.date(2026, 9, 1), day=DAY)).active
    pairing = Pairing.live().order_by(Pairing.id).first()
    assert ws["A1"].value == "指导记录台账（2026-09-01 至今）"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4) if isinstance(row[0].value, int)]
    # The demo's own guidance runs to today; the two records added above are found among it.
    assert len(rows) == Guidance.live().where(Guidance.date >= dt.date(2026, 9, 1)).count()
    rows = [r for r in rows if str(r[8]).endswith("月") and "：第" in str(r[8])]
    assert [(r[2], r[4], r[7], r[8]) for r in rows] == [
        (pairing.mentor.name, pairing.apprentice.name, "听课指导", "听课指导：第9月"),
        (pairing.mentor.name, pairing.apprentice.name, "备课指导", "备课指导：第10月")]


def test_submission_offers_the_record_ledgers(scored):
    """报送 writes 本单位_听课记录台账_日期.xlsx into the outbox."""
    path = export_submission("observations", day=DAY)
    assert path.name == f"{self_unit().name}_听课记录台账_20261122.xlsx" and path.exists()
    assert export_submission("guidance", day=DAY).name.endswith("_指导记录台账_20261122.xlsx")


def test_every_ledger_round_trips_into_an_empty_database(scored, tmp_path):
    """Export all from the demo, import (roster first) into a new database, export again: same cells."""
    unit_name = self_unit().name
    first = {kind: LEDGERS[kind][1](tmp_path / f"a_{kind}.xlsx", day=DAY) for kind in ("teachers", *ROUND_TRIP)}
    database.current().close()
    store = database.open_database(tmp_path / "empty" / "new.sqlite3")
    try:
        records.save(Unit(name=unit_name, is_self=True))
        apply_import(preview_teachers(first["teachers"]))
        for kind in ROUND_TRIP:
            preview = preview_ledger(kind, first[kind])
            assert not preview.skipped, (kind, preview.report())
            apply_import(preview)
        for kind in ROUND_TRIP:
            again = LEDGERS[kind][1](tmp_path / f"b_{kind}.xlsx", day=DAY)
            assert sheet_rows(again) == sheet_rows(first[kind]), kind
        # A second import of the same files changes nothing.
        for kind in ROUND_TRIP:
            preview = preview_ledger(kind, first[kind])
            assert not preview.to_add and not preview.to_update and not preview.skipped, kind
    finally:
        store.close()


def test_cli_exports_and_imports(scored, db_path, tmp_path):
    """bangfu export observations|guidance and bangfu import … --dry-run (which writes nothing)."""
    db = ("--db", str(db_path))
    for kind, title in (("observations", "听课记录台账"), ("guidance", "指导记录台账")):
        result = run_cli(*db, "export", kind, "-o", str(tmp_path / f"{kind}.xlsx"))
        assert result.returncode == 0 and f"已导出{title}" in result.stdout, result.stderr
        assert openpyxl.load_workbook(tmp_path / f"{kind}.xlsx").active["A1"].value == title
    before = Observation.select().count()
    result = run_cli(*db, "import", "observations", str(tmp_path / "observations.xlsx"), "--dry-run")
    assert result.returncode == 0 and "试运行" in result.stdout, result.stdout
    assert f"新增 0 条，更新 0 条，未变 {before} 条，跳过 0 行" in result.stdout
    assert Observation.select().count() == before
    result = run_cli(*db, "export", "guidance", "-o", str(tmp_path / "x.xlsx"), "--from", "2026-10-01",
                     "--to", "2026-09-01")
    assert result.returncode == 1 and "开始日期晚于结束日期" in result.stderr
