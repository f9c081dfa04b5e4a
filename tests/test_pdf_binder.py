"""The yearly binder: 目录 page numbers are right, footer counts, mirror margins, cancel, CLI."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.errors import Cancelled
from bangfu_desktop.core.models import Activity, Guidance, Observation, Pairing
from bangfu_desktop.core.pdf import SECTIONS, ArchiveSelection, export_archive
from bangfu_desktop.core.pdf.document import INNER, OUTER
from bangfu_desktop.core.queries import self_unit_name

TOC_SECTION = re.compile(r"[一二三四五六七八九十]、(任务清单|指标完成情况|活动记录|听课记录|师徒结对|轮训)\s*(\d+)")


def page_texts(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def header_section(text: str) -> str:
    """The section name the page header shows (the line after the unit name at the page end)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return lines[-2] if len(lines) >= 2 else ""


@pytest.fixture
def binder(demo_store, tmp_path):
    """The 2025-2026 binder of the demo data, with its report and page texts."""
    dest = tmp_path / "档案.pdf"
    calls = []
    report = export_archive(dest, ArchiveSelection(school_year=2025), progress=lambda d, t: calls.append((d, t)))
    return dest, report, page_texts(dest), calls


def toc_text(texts: list[str]) -> str:
    """The text of the 卷内目录 pages (from page 2 up to the first section)."""
    return "".join(t for t in texts[1:] if "卷内目录" in t or "材料名称" in t)


def test_cover_and_every_section(binder):
    """The cover names 本单位 and the 学年; each record type has its section."""
    dest, report, texts, _ = binder
    assert self_unit_name() in texts[0] and "2025-2026学年" in texts[0] and "档案资料" in texts[0]
    assert "第 1 页" not in texts[0], "the cover has no page number"
    sections = dict(TOC_SECTION.findall(toc_text(texts)))
    assert set(sections) == set(SECTIONS.values())
    assert report.documents > 50 and report.pages == len(texts)


def test_toc_page_numbers_match_section_starts(binder):
    """Each 目录 page number is the page where its section starts (header changes there)."""
    _, _, texts, _ = binder
    for name, page in TOC_SECTION.findall(toc_text(texts)):
        number = int(page)
        assert header_section(texts[number - 1]).endswith(name), (name, number)
        assert not header_section(texts[number - 2]).endswith(name), f"{name} starts earlier than {number}"


def test_toc_entries_point_at_their_documents(binder):
    """An activity's 目录 line gives the page that holds its 活动记录表."""
    _, _, texts, _ = binder
    toc = toc_text(texts)
    activities = list(Activity.live().where(Activity.date.between("2025-09-01", "2026-08-31")))
    assert activities
    for activity in activities[:: max(1, len(activities) // 6)]:
        title = r"\s*".join(re.escape(c) for c in f"活动记录表：{activity.title}")
        match = re.search(title + r"\s*(\d{8})\s+(\d+)", toc)
        assert match, activity.title
        assert match.group(1) == f"{activity.date:%Y%m%d}", "DA/T 22 dates are YYYYMMDD"
        page = texts[int(match.group(2)) - 1]
        assert "活动记录表" in page and activity.title in page


def loose(text: str) -> str:
    """A pattern for ``text`` that lets the PDF text break a line anywhere inside it."""
    return r"\s*".join(re.escape(ch) for ch in text)


def test_toc_lists_observations_and_guidance_logs(binder):
    """The 听课记录 sheets and each pairing's 指导记录表 (after its 协议书) have 目录 lines with right pages."""
    _, _, texts, _ = binder
    toc = toc_text(texts)
    observations = list(Observation.live().where(Observation.date.between("2025-09-01", "2026-08-31")))
    assert observations
    for o in observations:
        match = re.search(loose(f"听课记录表：{o.teacher.name}《{o.topic}》") + r"\s*\d{8}\s+(\d+)\s", toc)
        assert match, o.topic
        text = texts[int(match.group(1)) - 1]
        assert header_section(text) == "听课记录" and o.topic in re.sub(r"\s+", "", text)
    pairings = {(p.mentor.name, p.apprentice.name): p for p in Pairing.live()}
    checked = 0
    for (mentor, apprentice), pairing in pairings.items():
        # DA/T 22 rows: 序号 文号 责任者 题名 日期 (YYYYMMDD) 页号 备注; the 责任者 may wrap.
        match = re.search(loose(f"协议书：{mentor}—{apprentice}") + r"\s*\d{8}\s+(\d+)\s+\d+[\s\S]{0,60}?"
                          + loose(f"指导记录表：{mentor}—{apprentice}") + r"\s*(?:\d{8})?\s+(\d+)\s", toc)
        if not match:
            continue  # a pairing outside the year
        checked += 1
        agreement_page, log_page = int(match.group(1)), int(match.group(2))
        assert agreement_page < log_page, "the log follows its agreement"
        page = re.sub(r"\s+", "", texts[log_page - 1])
        assert "师徒结对指导记录表" in page and f"师傅{mentor}徒弟{apprentice}" in page
    assert checked >= 5


def test_guidance_log_prints_the_periods_records(demo_store, tmp_path):
    """A pairing's 指导记录表 holds its records of the semester (date, kind, content), not others'."""
    pairing = Pairing.live().where(Pairing.end_date >= "2025-12-31").order_by(Pairing.id).first()
    other = Pairing.live().where(Pairing.id != pairing.id).first()
    for demo_record in pairing.guidance:  # the demo's own log goes to the recycle bin: it must not print
        records.trash(demo_record)
    for day, kind, content in (("2025-09-18", "听课指导", "听徒弟《函数的概念》一课并逐环节评议"),
                               ("2025-10-09", "备课指导", "指导徒弟完成第三单元教学设计"),
                               ("2026-03-02", "示范课", "春季学期示范课：不在本学期")):
        records.save(Guidance(pairing=pairing, date=dt.date.fromisoformat(day), kind=kind, content=content))
    records.save(Guidance(pairing=other, date=dt.date(2025, 9, 20), kind="评课", content="另一对师徒的记录"))
    dest = tmp_path / "结对.pdf"
    export_archive(dest, ArchiveSelection(school_year=2025, semester=1, kinds=("pairings",)))
    texts = page_texts(dest)
    toc = toc_text(texts)
    title = f"指导记录表：{pairing.mentor.name}—{pairing.apprentice.name}"
    match = re.search(loose(title) + r"\s*20250918\s+(\d+)\s", toc)
    assert match, title
    page = re.sub(r"\s+", "", texts[int(match.group(1)) - 1])
    assert "共2次" in page and "2025年9月18日听课指导听徒弟《函数的概念》一课并逐环节评议" in page
    assert "2025年10月9日备课指导指导徒弟完成第三单元教学设计" in page
    assert "不在本学期" not in page and "另一对师徒的记录" not in page


def test_footer_counts_pages(binder):
    """Every page but the cover says 第 X 页 共 Y 页 with the right numbers."""
    _, _, texts, _ = binder
    for number, text in enumerate(texts[1:], start=2):
        assert re.search(rf"第 {number} 页\s*共 {len(texts)} 页", text), number


def test_header_mirrors_for_binding(binder):
    """Odd pages keep the wide binding margin on the left, even pages on the right."""
    dest, _, _, _ = binder
    reader = PdfReader(dest)
    unit = self_unit_name()
    starts = {}
    for index in (1, 2):  # pages 2 (even) and 3 (odd)
        def visit(text, cm, tm, font, size, index=index):
            if text.strip() == unit:
                starts[index] = cm[4] + tm[4]
        reader.pages[index].extract_text(visitor_text=visit)
    assert starts[1] == pytest.approx(OUTER, abs=1) and starts[2] == pytest.approx(INNER, abs=1)


def test_progress_reaches_total(binder):
    """Progress is reported in order and ends full."""
    _, _, _, calls = binder
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_semester_selection_narrows(demo_store, tmp_path):
    """A semester's activity section holds exactly the activities dated in that semester."""
    dest = tmp_path / "秋季.pdf"
    report = export_archive(dest, ArchiveSelection(school_year=2025, semester=1, kinds=("activities",)),
                            cover=False)
    expected = Activity.live().where(Activity.date.between("2025-09-01", "2026-01-31")).count()
    assert report.documents == expected > 0
    whole = "".join(page_texts(dest))
    dates = re.findall(r"活动时间\s*(\d{4})年(\d{1,2})月(\d{1,2})日", whole)
    assert len(dates) == expected
    assert all("2025-09-01" <= f"{y}-{int(m):02d}-{int(d):02d}" <= "2026-01-31" for y, m, d in dates)


def test_cancelled_binder_leaves_no_file(demo_store, tmp_path):
    """Cancelling after a few documents leaves no PDF and no temporary file."""
    dest = tmp_path / "out" / "档案.pdf"
    steps = []

    def cancelled() -> bool:
        steps.append(1)
        return len(steps) > 5

    with pytest.raises(Cancelled):
        export_archive(dest, ArchiveSelection(school_year=2025), cancelled=cancelled)
    assert not dest.exists() and list(dest.parent.iterdir()) == []


def test_cli_exports(demo_store, tmp_path, db_path):
    """export archive|activity|agreement write PDFs and print a Chinese summary; bad input fails cleanly."""
    with sqlite3.connect(db_path) as con:
        activity_id = con.execute("select min(id) from activity").fetchone()[0]
        pairing_id = con.execute("select min(id) from pairing").fetchone()[0]
    db = ("--db", str(db_path))
    result = run_cli(*db, "export", "archive", "-o", str(tmp_path / "a.pdf"), "--year", "2025-2026",
                     "--semester", "1")
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout and "第一学期" in "".join(page_texts(tmp_path / "a.pdf"))
    result = run_cli(*db, "export", "activity", str(activity_id), "-o", str(tmp_path / "b.pdf"))
    assert result.returncode == 0 and "1 份材料" in result.stdout, result.stderr
    result = run_cli(*db, "export", "agreement", str(pairing_id), "-o", str(tmp_path / "c.pdf"))
    assert result.returncode == 0 and "师徒结对协议书" in page_texts(tmp_path / "c.pdf")[0]
    result = run_cli(*db, "export", "activity", "999999", "-o", str(tmp_path / "d.pdf"))
    assert result.returncode == 1 and "找不到" in result.stderr and not (tmp_path / "d.pdf").exists()
    result = run_cli(*db, "export", "archive", "-o", str(tmp_path / "e.pdf"), "--year", "2025-2027")
    assert result.returncode == 2 and "学年" in result.stderr
    result = run_cli(*db, "export", "archive", "-o", str(tmp_path / "e.pdf"), "--semester", "3")
    assert result.returncode == 2
