"""Page breaks an inspector accepts, the DA/T 22 catalogue, embedded fonts and complete texts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from conftest import DEMO_TODAY
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from bangfu_desktop.core import records, settings
from bangfu_desktop.core.models import Activity, Pairing, Plan, Task, TaskCategory, Teacher, Unit
from bangfu_desktop.core.pdf import ArchiveSelection, export_activity, export_agreement, export_archive
from bangfu_desktop.core.pdf.exports import export_rotation_form
from bangfu_desktop.core.pdf.styles import ruled, styles
from bangfu_desktop.core.pdf.tables import MIN_SPLIT, KeepTable, heading

CATEGORY = re.compile(r"^[一二三四五六七八九十]+、")
SENTENCE = "统筹推进帮扶学校与受援学校在课程建设、教师培养、教学管理等方面的深度合作，形成可复制的经验"


def page_bodies(path) -> list[list[str]]:
    """Each page's lines without the running header (unit, section) and the footer."""
    bodies = []
    for page in PdfReader(path).pages:
        lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        bodies.append(lines[:-3] if lines and lines[-1].startswith("第 ") else lines)
    return bodies


def flat(path) -> str:
    """All text of a PDF with whitespace removed."""
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(path).pages))


def assert_clean_page_ends(path, header_last: str):
    """No page's last table line is the repeated header row or a category heading."""
    for number, body in enumerate(page_bodies(path)[:-1], start=1):
        assert body, f"page {number} is empty"
        assert body[-1] != header_last, f"page {number} ends with the repeated header row"
        assert not CATEGORY.match(body[-1]), f"page {number} ends with a category heading: {body[-1]}"


@pytest.fixture
def long_tasks(store):
    """A plan whose tasks have long 主要举措 texts in five categories (rows must split across pages)."""
    records.save(Unit(name="沿河土家族自治县中等职业学校", is_self=True, contact_name="李文", mobile="13800000000"))
    plan = records.save(Plan(title="长文本帮扶方案", doc_number="示教发〔2025〕1号", issuer="示例县教育局",
                             issued_on=dt.date(2025, 3, 1), period_start=2025, period_end=2027))
    tasks = []
    for c in range(5):
        category = records.save(TaskCategory(plan=plan, name=f"类别{c + 1}", position=c))
        for t in range(3 + c % 2):
            repeat = 2 + (c * 3 + t * 5) % 9
            measure = "；".join(f"{SENTENCE}（第{i + 1}条）" for i in range(repeat)) + f"，每年不少于{c}{t}0万元"
            tasks.append(records.save(Task(plan=plan, category=category, code=f"{c + 1}.{t + 1}",
                                           position=c * 10 + t, stage_goal="到2026年形成长效机制",
                                           measure=measure, deadline_text="2026年12月底",
                                           due_date=dt.date(2026, 12, 31), responsible="县教育局、帮扶学校",
                                           cooperating="教务科")))
    return plan, tasks


def test_long_tasks_break_cleanly_and_in_full(long_tasks, tmp_path):
    """Rows that split leave no header-only page end, no orphan category, and lose no text."""
    plan, tasks = long_tasks
    dest = tmp_path / "任务清单.pdf"
    report = export_archive(dest, ArchiveSelection(school_year=2025, kinds=("tasks",)), cover=False)
    assert report.pages >= 4
    assert_clean_page_ends(dest, "配合部门")
    text = flat(dest)
    for task in tasks:
        assert task.measure[-20:] in text, f"{task.code} is cut"
    # Each continuation page of the table repeats the header.
    for body in page_bodies(dest)[1:]:
        assert "主要举措" in "".join(body[:8])


def test_keep_table_never_leaves_a_sliver_or_orphan():
    """At every available height, the first part has body rows, ends on no heading, and no fragment is a sliver."""
    s = styles()
    rows = [[Paragraph(h, s.small) for h in ("序号", "主要举措")]]
    for c in range(3):
        rows.append([heading(Paragraph(f"{'一二三'[c]}、类别", s.small)), ""])
        for t in range(3):
            rows.append([Paragraph(f"{c}.{t}", s.small), Paragraph(SENTENCE * (1 + t * 3), s.small)])
    checked = 0
    for height in range(40, 700, 7):
        table = KeepTable(rows, colWidths=[40, 300], repeatRows=1)
        table.setStyle(ruled(header_rows=1))
        table.wrap(340, height)
        parts = table.split(340, height)
        if len(parts) < 2:
            continue
        first, rest = parts[0], parts[1]
        first.wrap(340, height)
        rest.wrap(340, 10_000)
        body = first._cellvalues[1:]
        assert body, f"only the header at height {height}"
        assert not getattr(body[-1][0], "_bangfu_heading", False), f"heading ends the page at {height}"
        assert first._rowHeights[-1] >= MIN_SPLIT - 1 or len(body) > 1
        assert rest._rowHeights[0] == first._rowHeights[0], "the continuation repeats the header"
        checked += 1
    assert checked > 20


@pytest.fixture
def demo_binder(demo_store, tmp_path):
    """The demo 2025-2026 binder with the 归档章 on, and its catalogue settings."""
    settings.put("archive.fonds", "J017")
    settings.put("archive.compiler", "李文")
    settings.put("archive.checker", "王芳")
    settings.put("archive.stamp", 1)
    dest = tmp_path / "档案.pdf"
    report = export_archive(dest, ArchiveSelection(school_year=2025), today=DEMO_TODAY)
    return dest, report


def check_demo_binder_page_ends(demo_binder):
    """The demo binder's task list and catalogue pages end on content, never on a header or a category."""
    dest, _ = demo_binder
    bodies = page_bodies(dest)
    for number, body in enumerate(bodies[:-1], start=1):
        if not body:
            continue
        assert body[-1] not in ("配合部门", "备注", "来源/说明", "情况"), f"page {number} ends with a header"
        assert not (CATEGORY.match(body[-1]) and len(body[-1]) < 12
                    and not re.search(r"\d+$", body[-1])), f"page {number} ends with {body[-1]}"


def check_catalogue_after_da_t_22(demo_binder):
    """The 卷内目录 has the DA/T 22 columns, the cover its fields, and the 备考表 is the last page."""
    dest, report = demo_binder
    pages = [page.extract_text() or "" for page in PdfReader(dest).pages]
    cover = re.sub(r"\s+", "", pages[0])
    for field in ("全宗号J017", "档号J017-2025-D30-001", "保管期限定期30年", "立卷人李文", "起止日期"):
        assert field in cover, field
    assert re.search(r"序号\s*文号\s*责任者\s*题名\s*日期\s*页号\s*备注", pages[1])
    assert re.search(r"\d{8}", pages[1]), "dates are YYYYMMDD"
    last = re.sub(r"\s+", "", pages[-1])
    assert "卷内备考表" in last and "立卷人李文" in last and "检查人王芳" in last and "立卷时间" in last
    assert f"共有文件材料{report.documents}件，共{len(pages)}页" in last
    stamped = [p for p in pages[1:] if "全宗号年度保管期限件号" in re.sub(r"\s+", "", p)]
    assert len(stamped) == report.documents, "the 归档章 is on each document's first page"


def check_only_the_years_plans_in_date_order(demo_binder):
    """The 2016 山东 plan is not in a 2025-2026 binder; plans follow their issue dates."""
    dest, _ = demo_binder
    text = flat(dest)
    assert "山东省教育厅" not in text and "2017年" not in text
    toc = re.sub(r"\s+", "", PdfReader(dest).pages[1].extract_text())
    yanhe, hongsibu = toc.find("沿河土家族自治县中等职业学校教育人才"), toc.find("红寺堡区教育人才")
    assert 0 <= yanhe < hongsibu, "the 2022 plan comes before the 2023 plan"


def check_no_internal_notes_printed(demo_binder):
    """Program notes go to the warnings, not into the 说明 column."""
    dest, report = demo_binder
    text = flat(dest)
    assert "单位列表中没有" not in text and "按填报值" not in text
    assert any("无法按记录统计" in w for w in report.warnings)
    assert "手工填报" in text and "按记录统计" in text, "typed and computed values are labelled"


def photo_files(tmp_path, count: int):
    """Small JPEG photos."""
    from PIL import Image

    paths = []
    for i in range(count):
        path = tmp_path / f"现场{i + 1}.jpg"
        Image.new("RGB", (800, 600), (40 * i, 120, 200)).save(path, "JPEG")
        paths.append(path)
    return paths


def test_photo_continuation_names_the_activity(demo_store, tmp_path):
    """When photos spill onto the next page, that page says 活动照片（续） with the 主题 and 日期."""
    from bangfu_desktop.core.attachments import add_attachment

    activity = records.save(Activity(type="教研活动", title="长内容教研活动", date=dt.date(2025, 10, 9),
                                     place="会议室", host="李文", content=SENTENCE * 12))
    for path in photo_files(tmp_path, 6):
        add_attachment(activity, path)
    dest = tmp_path / "活动.pdf"
    export_activity(activity.id, dest)
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(dest).pages]
    assert len(pages) >= 2
    continued = [p for p in pages[1:] if "活动照片（续）" in p]
    assert continued and all("长内容教研活动" in p and "2025年10月9日" in p for p in continued)


def test_linked_task_text_is_whole(long_tasks, tmp_path):
    """An activity sheet prints its linked task's measure in full (no cut at 40 characters)."""
    from bangfu_desktop.core.models import ActivityTask

    _, tasks = long_tasks
    activity = records.save(Activity(type="座谈会", title="座谈", date=dt.date(2025, 10, 9), content="交流"))
    ActivityTask.create(activity=activity, task=tasks[0])
    dest = tmp_path / "活动.pdf"
    export_activity(activity.id, dest)
    assert tasks[0].measure[-25:] in flat(dest)


def test_agreement_copies_match_signatories(demo_store, tmp_path):
    """一式 N 份 counts the signature blocks; the school name stays on one line; the date has room."""
    pairing = next(p for p in Pairing.live() if p.mentor.is_helper and p.mentor.helper_from_id)
    dest = tmp_path / "协议书.pdf"
    export_agreement(pairing.id, dest)
    text = "".join(p.extract_text() for p in PdfReader(dest).pages)
    assert "一式四份" in re.sub(r"\s+", "", text) and "帮扶单位（盖章）" in text
    school = pairing.apprentice.unit.name
    assert any(school in line for line in text.splitlines()), "the school name is never broken"
    assert re.search(r"\s{2,}年\s+月\s+日", text) or re.search(r"年\s+月\s+日", text)


def test_year_report_signature_block_and_plan_column(demo_store, tmp_path):
    """The year report names each row's plan, says 截至 while the year runs, and ends with the seal block."""
    from bangfu_desktop.core.yearreport import build_year_report
    from bangfu_desktop.core.yearreport.pdf import write_pdf_report

    report = build_year_report(2025, today=dt.date(2026, 3, 22))
    dest = tmp_path / "统计.pdf"
    write_pdf_report(report, dest)
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(dest).pages]
    assert "截至2026年3月22日" in pages[0]
    assert "方案频次要求" in "".join(pages) and "方案阶段指标" in "".join(pages)
    for field in ("单位（盖章）", "负责人（签字）", "填报人（签字）", "联系电话", "填报日期"):
        assert field in pages[-1], field
    assert "山东省教育厅" not in "".join(pages)


def test_demo_binder(demo_binder, tmp_path):
    """The demo binder: page ends, DA/T 22 catalogue, the year's plans only, no internal notes, embedded fonts."""
    check_demo_binder_page_ends(demo_binder)
    check_catalogue_after_da_t_22(demo_binder)
    check_only_the_years_plans_in_date_order(demo_binder)
    check_no_internal_notes_printed(demo_binder)
    check_every_document_embeds_its_fonts(demo_binder, tmp_path)


def check_every_document_embeds_its_fonts(demo_binder, tmp_path):
    """pdffonts lists only embedded fonts in the binder, the year report (chart) and single documents."""
    from bangfu_desktop.core.models import Rotation
    from bangfu_desktop.core.yearreport import build_year_report
    from bangfu_desktop.core.yearreport.pdf import write_pdf_report

    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils not installed")
    binder, _ = demo_binder
    files = [binder]
    write_pdf_report(build_year_report(2025, today=DEMO_TODAY), tmp_path / "统计.pdf")
    export_activity(Activity.live().first().id, tmp_path / "活动.pdf")
    export_agreement(Pairing.live().first().id, tmp_path / "协议.pdf")
    export_rotation_form(Rotation.live().first().id, tmp_path / "轮训.pdf")
    files += [tmp_path / n for n in ("统计.pdf", "活动.pdf", "协议.pdf", "轮训.pdf")]
    for path in files:
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = out.splitlines()[2:]
        assert fonts, path
        for line in fonts:
            assert line.split()[-5] == "yes", f"{path.name}: {line}"
    assert Teacher.live().exists()
