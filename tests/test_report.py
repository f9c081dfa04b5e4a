"""年度工作统计: the figures of a 学年, the workbook and the PDF, and `bangfu report`."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DEMO_TODAY, run_cli
from openpyxl import load_workbook
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Activity, FrequencyRule, Pairing, Plan, Rotation, Teacher, Unit
from bangfu_desktop.core.yearreport import build_year_report, write_year_report

D = dt.date
TODAY = D(2024, 9, 15)


@pytest.fixture
def year_data(store):
    """A 学年 2023-2024 of records, with a formula-looking activity type and edge dates."""
    own = records.save(Unit(name="沿河中职", is_self=True))
    host = records.save(Unit(name="东莞市电子科技学校"))
    plan = records.save(Plan(title="沿河方案"))
    records.save(FrequencyRule(plan=plan, name="座谈会", activity_types=["座谈会"], period="学期", minimum=1))
    for day in (D(2023, 9, 1), D(2024, 1, 31), D(2024, 2, 1), D(2024, 8, 31), D(2024, 9, 1), D(2023, 8, 31)):
        records.save(Activity(type="座谈会", title="座谈", date=day))
    records.save(Activity(type="=1+1", title="公式样", date=D(2023, 10, 1)))
    mentor = records.save(Teacher(name="师傅甲", is_helper=True))
    pupil = records.save(Teacher(name="徒弟乙", unit=own))
    leader = records.save(Teacher(name="校长丙", unit=own, is_leader=True))
    records.save(Pairing(mentor=mentor, apprentice=pupil, start_date=D(2023, 9, 1)))
    records.save(Rotation(teacher=leader, host_unit=host, start_date=D(2024, 3, 1), end_date=D(2024, 3, 20),
                          is_leader=True))
    records.save(Rotation(teacher=pupil, host_unit=host, start_date=D(2024, 9, 2)))  # next 学年
    return own


def test_figures_split_activities_by_semester_at_the_edges(year_data):
    """31 Jan is 第一学期, 1 Feb 第二学期; 31 Aug 2023 and 1 Sep 2024 are outside the 学年."""
    report = build_year_report(2023, today=TODAY)
    rows = {row[0]: row[1:] for row in report.activity_rows}
    assert rows["座谈会"] == (2, 2, 4)
    assert rows["=1+1"] == (1, 0, 1)
    assert report.rules[0].status == "达标"
    assert (report.rotated_teachers, report.rotated_leaders) == (1, 1)
    assert report.pairing_rows == [("师傅甲", 1, "徒弟乙")]


def test_workbook_sheets_text_cells_and_print_setup(year_data, tmp_path):
    """Five sheets; text is stored as text (never a formula); A4 landscape, one page wide."""
    dest = write_year_report(build_year_report(2023, today=TODAY), tmp_path / "年度统计.xlsx")
    wb = load_workbook(dest)
    assert wb.sheetnames == ["活动统计", "频次要求", "指标完成", "轮训", "师徒结对"]
    ws = wb["活动统计"]
    values = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 5)] for r in range(4, ws.max_row + 1)}
    assert values["座谈会"] == [2, 2, 4] and values["合计"] == [3, 2, 5]
    formula = next(ws.cell(r, 1) for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "=1+1")
    assert formula.data_type == "s"
    for sheet in wb.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "校长丙" in [c.value for c in wb["轮训"]["A"]]


def test_pdf_embeds_the_font_and_has_the_chart_and_tables(year_data, tmp_path):
    """The PDF has the title, the chart's legend and the rule table in extractable Chinese."""
    dest = write_year_report(build_year_report(2023, today=TODAY), tmp_path / "年度统计.pdf")
    reader = PdfReader(dest)
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in ("2023-2024学年帮扶工作年度统计", "第一学期（秋季）", "频次要求完成情况", "座谈会", "师傅甲"):
        assert expected in text, expected
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    embedded = [f for f in fonts if "WenQuanYi" in str(f.get("/BaseFont"))
                and "/FontFile2" in f["/FontDescriptor"].get_object()]
    assert embedded, "the Chinese font must be embedded, not referenced"


def test_unknown_extension_is_refused(year_data, tmp_path):
    """A .doc destination is a user error in Chinese, and no file is written."""
    from bangfu_desktop.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="扩展名"):
        write_year_report(build_year_report(2023, today=TODAY), tmp_path / "年度统计.doc")
    assert not list(tmp_path.glob("年度统计*"))


def test_cli_report_pdf_and_xlsx_for_the_demo(demo_store, db_path, tmp_path):
    """bangfu report -o writes both formats for a chosen 学年."""
    for name in ("统计.pdf", "统计.xlsx"):
        dest = tmp_path / name
        result = run_cli("--db", str(db_path), "report", "-o", str(dest), "--year", "2025-2026",
                         "--today", DEMO_TODAY.isoformat())
        assert result.returncode == 0, result.stderr
        assert dest.stat().st_size > 1000
    assert (tmp_path / "统计.pdf").read_bytes().startswith(b"%PDF")
    bad = run_cli("--db", str(db_path), "report", "-o", str(tmp_path / "x.txt"))
    assert bad.returncode == 1 and "扩展名" in bad.stderr
