"""The 任务清单 as LibreOffice prints it: no page ends with a category row; cells keep their line breaks."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.excel_tasks import export_tasks
from bangfu_desktop.core.models import Plan, Task, TaskCategory, Unit

CATEGORY_NAMES = ["政策支持", "资金投入", "人员选派", "制度健全", "人才帮带", "资源投入", "校园文化", "信息化建设",
                  "课程改革", "队伍建设"]


def long_plan(seed: int) -> Plan:
    """本单位 and a plan of ten categories whose tasks have long, multi-paragraph 主要举措."""
    rnd = random.Random(seed)
    records.save(Unit(name="沿河土家族自治县中等职业学校", is_self=True, contact_name="田老师",
                      contact_title="副校长", office_phone="0856-1234567", mobile="13800000000"))
    plan = records.save(Plan(title="长文本帮扶工作实施方案"))
    position = 0
    for c, name in enumerate(CATEGORY_NAMES):
        category = records.save(TaskCategory(plan=plan, code=str(c + 1), name=name, position=c))
        for k in range(rnd.randint(1, 5)):
            position += 1
            measure = "每年从东西部协作资金中支出不少于 100 万元用于学校建设，" * rnd.randint(1, 9)
            if rnd.random() < 0.4:
                measure += "\n第二段：" + "组织骨干教师开展送教下乡与同课异构活动。" * rnd.randint(1, 4)
            records.save(Task(plan=plan, category=category, code=f"{c + 1}.{k + 1}", position=position,
                              measure=measure, stage_goal="到 2025 年实现目标" * rnd.randint(1, 3),
                              deadline_text="2023-2025 年 12 月底", responsible="教育局、人社局、财政局",
                              cooperating="办公室", progress="已完成部分" * rnd.randint(0, 6)))
    return plan


def page_fragments(pdf) -> list[list[tuple[float, str]]]:
    """Per page, the (height from the page's foot, text) of every text fragment."""
    pages = []
    for page in PdfReader(pdf).pages:
        found: list[tuple[float, str]] = []

        def visit(text, cm, tm, _font, _size, found=found):
            if text.strip():
                found.append((tm[5] * cm[3] + cm[5], text.strip()))
        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("seed", [1, 2, 6])
def test_no_printed_page_ends_with_a_category_row(store, tmp_path, seed):
    """Converted by LibreOffice, every category heading has a task below it on its own page."""
    plan = long_plan(seed)
    xlsx = export_tasks(tmp_path / "清单.xlsx", plan_id=plan.id, day=dt.date(2024, 12, 5))
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    pages = page_fragments(tmp_path / "清单.pdf")
    assert len(pages) >= 3
    seen = []
    for number, fragments in enumerate(pages, start=1):
        footer = min(y for y, text in fragments if text.startswith("第") or "页" in text)
        for name in CATEGORY_NAMES:
            heads = [y for y, text in fragments if text.endswith(name)]
            for y in heads:
                seen.append(name)
                below = [t for yy, t in fragments if footer + 5 < yy < y - 5]
                assert below, f"page {number} ends with the category row {name}"
    assert sorted(seen) == sorted(CATEGORY_NAMES)  # each heading printed once, none lost
    ws = openpyxl.load_workbook(xlsx).active
    assert ws.row_breaks.brk, "manual page breaks are set"
    multi = [c for row in ws.iter_rows(min_row=4) for c in row if isinstance(c.value, str) and "\n第二段" in c.value]
    assert multi and all(c.alignment.wrap_text for c in multi)


def test_breaks_keep_each_category_with_its_first_task(store, tmp_path):
    """No manual break falls right after a category row, and breaks exist for a long list."""
    plan = long_plan(5)
    ws = openpyxl.load_workbook(export_tasks(tmp_path / "t.xlsx", plan_id=plan.id)).active
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) >= 2
    labels = {f"{c + 1}.{n}" for c, n in enumerate(CATEGORY_NAMES)}
    for after in breaks:
        assert ws.cell(after, 1).value not in labels
        assert ws.cell(after + 1, 1).value in labels or ws.cell(after + 1, 2).value
