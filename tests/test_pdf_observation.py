"""听课记录表: every field is printed, long text continues on the next page whole, CLI and errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import run_cli
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.models import Observation, ObservationObserver, Teacher, Unit
from bangfu_desktop.core.pdf.observation import export_observation


def squeezed_pages(path) -> list[str]:
    """Each page's text without blanks or line breaks (CJK lines break anywhere)."""
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def observation(store):
    """An observation with every field filled, two roster observers and one from outside."""
    unit = records.save(Unit(name="红寺堡区第一中学", is_self=True))
    teacher = records.save(Teacher(name="马晓燕", unit=unit, subject="数学"))
    observers = [records.save(Teacher(name=n, unit=unit)) for n in ("李建国", "王丽娟")]
    o = records.save(Observation(
        date=dt.date(2025, 10, 14), period="第3节", teacher=teacher, subject="数学", grade_class="八年级2班",
        topic="一次函数的图像", lesson_type="新授课", observers_text="县教研室周老师",
        notes="导入：以出租车计价引入。", evaluation="目标明确，建议增加学生板演。", grade="良",
        scores=[{"name": "教学目标", "max": 10, "score": 9}, {"name": "教学效果", "max": 20, "score": 16.5}]))
    for t in observers:
        ObservationObserver.create(observation=o, teacher=t)
    return o


def test_sheet_holds_every_field(observation, tmp_path):
    """授课教师, 学科, 班级, 课题, 课型, date, 节次, 听课人, text, score and signatures are all printed."""
    dest = tmp_path / "听课.pdf"
    report = export_observation(observation.id, dest)
    assert report.pages == 1 and not report.warnings
    text = squeezed_pages(dest)[0]
    for expected in ("听课记录表", "授课教师马晓燕", "学科数学", "年级/班级八年级2班", "课型新授课",
                     "听课日期2025年10月14日", "节次第3节", "课题一次函数的图像",
                     "听课人李建国、王丽娟、县教研室周老师", "教学过程导入：以出租车计价引入。",
                     "评价与建议目标明确，建议增加学生板演。", "教学目标109", "教学效果2016.5",
                     "合计3025.5", "■良", "□优", "听课人（签字）", "授课教师（签字）", "红寺堡区第一中学"):
        assert expected in text, expected


def test_long_process_splits_across_pages_without_loss(observation, tmp_path):
    """A 教学过程 of many pages prints every sentence once, in order, and the sheet ends with 评价."""
    observation.notes = "".join(f"环节{n:03d}学生分组讨论并汇报结果。" for n in range(1, 301))
    records.save(observation)
    dest = tmp_path / "长.pdf"
    report = export_observation(observation.id, dest)
    pages = squeezed_pages(dest)
    assert report.pages == len(pages) >= 3
    joined = "".join(pages)
    positions = [joined.find(f"环节{n:03d}") for n in range(1, 301)]
    assert -1 not in positions and positions == sorted(positions)
    assert all(joined.count(f"环节{n:03d}") == 1 for n in range(1, 301))
    assert "评价与建议" in "".join(pages[-2:]) and "课堂评价" in pages[-1] and "听课人（签字）" in pages[-1]
    assert all(f"第{i}页共{len(pages)}页" in p for i, p in enumerate(pages, start=1))


def test_ungraded_sheet_leaves_grade_boxes_open(observation, tmp_path):
    """Without a score the sheet still offers 优/良/中/差 to tick by hand, and no points table."""
    observation.grade, observation.scores = "", []
    records.save(observation)
    dest = tmp_path / "空.pdf"
    export_observation(observation.id, dest)
    text = squeezed_pages(dest)[0]
    assert "□优□良□中□差" in text and "■" not in text and "评价项目" not in text


def test_unknown_id_is_refused(store, tmp_path):
    """A wrong number says so in Chinese and writes nothing."""
    with pytest.raises(InvalidInput, match="听课记录"):
        export_observation(999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_export_observation(observation, db_path, tmp_path):
    """bangfu export observation ID -o FILE.pdf writes the sheet."""
    dest = tmp_path / "cli.pdf"
    result = run_cli("--db", str(db_path), "export", "observation", str(observation.id), "-o", str(dest))
    assert result.returncode == 0, result.stderr
    assert "课题一次函数的图像" in squeezed_pages(dest)[0]
