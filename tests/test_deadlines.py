"""完成时限 texts from seeds 000 and 001 are understood; the raw text is always kept."""

import datetime as dt
import json

import pytest

from bangfu_desktop.core.deadlines import parse_deadline, split_units
from bangfu_desktop.resources import db_file

D = dt.date

CASES = [
    # seed 001's 任务清单
    ("2022 年 12 月底", D(2022, 12, 31), None, False),
    ("2023 年 12 月底", D(2023, 12, 31), None, False),
    ("2024 年 12 月底", D(2024, 12, 31), None, False),
    ("2025 年 12 月底", D(2025, 12, 31), None, False),
    ("2023-2025 年 12 月底", D(2025, 12, 31), 2023, False),
    # seed 000's measures
    ("2023年 12月底前", D(2023, 12, 31), None, False),
    ("2023年12月底前", D(2023, 12, 31), None, False),
    ("2025年 12月底前", D(2025, 12, 31), None, False),
    ("2023年 12月底前完成阶段任务，并长期坚持", D(2023, 12, 31), None, True),
    ("2023年12月底前，并长期坚持", D(2023, 12, 31), None, True),
    ("2023年 12月底前完成", D(2023, 12, 31), None, False),
    ("2025年12月底前完成", D(2025, 12, 31), None, False),
    ("2023年 12月底前完成制度完善，并长期坚持", D(2023, 12, 31), None, True),
    ("2023年 12月底前完成阶段任务，每年根据班师比进行微调", D(2023, 12, 31), None, True),
    # other shapes plans use
    ("2023年6月-8月", D(2023, 8, 31), 2023, False),
    ("2023年9月-2025年8月", D(2025, 8, 31), 2023, False),
    ("2016年6月底前", D(2016, 6, 30), None, False),
    ("2024年2月", D(2024, 2, 29), None, False),
    ("每年12月5日前", None, None, True),
    ("２０２３年１２月底", D(2023, 12, 31), None, False),
    ("2023-12-05", D(2023, 12, 5), None, False),
    ("2023年底", D(2023, 12, 31), None, False),
    ("长期坚持", None, None, True),
    # nonsense keeps its text and gets no date, never an exception
    ("2023年13月", None, None, False),
    ("2023年2月30日", None, None, False),
    ("尽快", None, None, False),
    ("", None, None, False),
]


@pytest.mark.parametrize("raw,due,start,ongoing", CASES)
def test_deadline_texts(raw, due, start, ongoing):
    """Each text gives its due date, start year and ongoing flag, and keeps the raw text."""
    parsed = parse_deadline(raw)
    assert parsed.raw == raw
    assert parsed.due == due
    assert parsed.start_year == start
    assert parsed.ongoing is ongoing


def test_every_seed_deadline_in_demo_data_parses():
    """Every 完成时限 of seeds 000 and 001 as shipped in the demo data yields a due date."""
    plans = json.loads(db_file("demo", "plans.json").read_text(encoding="utf-8"))
    texts = {t["deadline"] for p in plans if p["key"] in ("yanhe-2022", "hongsibu-2023")
             for c in p["categories"] for t in c["tasks"]}
    assert len(texts) >= 8
    for text in texts:
        assert parse_deadline(text).due is not None, text


def test_explain_says_how_it_was_understood():
    """The form shows the clerk what the program understood."""
    assert parse_deadline("2023-2025 年 12 月底").explain() == "自 2023 年起，截止 2025-12-31"
    assert "无法识别" in parse_deadline("2023年13月").explain()


@pytest.mark.parametrize("raw,names", [
    ("教育局、财政局、人社局", ["教育局", "财政局", "人社局"]),
    ("发改局、教育局、财政局、住建交通局、自然资源局", ["发改局", "教育局", "财政局", "住建交通局", "自然资源局"]),
    ("沿河土家族自治县\n中等职业学校", ["沿河土家族自治县中等职业学校"]),
    ("沿河县第二中学\n铜仁市第一中学", ["沿河县第二中学", "铜仁市第一中学"]),
    ("教育局\r\n财政局、人社局", ["教育局", "财政局", "人社局"]),
    ("教务科\x0b学生科", ["教务科", "学生科"]),
    ("教务科、教务科", ["教务科"]),
    ("县教育督导室，局党政办、基教办，各学校", ["县教育督导室", "局党政办", "基教办", "各学校"]),
    ("招就办、教务科", ["招就办", "教务科"]),
    ("", []),
])
def test_split_units(raw, names):
    """责任单位 lists split on 、, ， and line breaks; a break inside a name is wrapping."""
    assert split_units(raw) == names


@pytest.mark.parametrize("raw,due,meaning", [
    # semesters end where the school calendar says (defaults: spring 02-01..08-31)
    ("2024年春季学期", D(2024, 8, 31), "2024年春季学期末"),
    ("2024年秋季学期", D(2025, 1, 31), "2024年秋季学期末"),
    ("2023-2024学年第一学期", D(2024, 1, 31), "2023-2024学年第一学期末"),
    ("2023-2024学年第二学期", D(2024, 8, 31), "2023-2024学年第二学期末"),
    ("2023年上半年", D(2023, 6, 30), "2023年上半年末"),
    ("2023年下半年", D(2023, 12, 31), "2023年下半年末"),
    ("2024年第一季度", D(2024, 3, 31), "2024年第1季度末"),
    ("2024年第4季度", D(2024, 12, 31), "2024年第4季度末"),
    # Chinese numerals
    ("二〇二三年十二月底", D(2023, 12, 31), ""),
    ("二〇二四年二月", D(2024, 2, 29), ""),
    ("二〇二三年十月一日前", D(2023, 10, 1), ""),
])
def test_deadlines_as_a_clerk_means_them(raw, due, meaning):
    """Semesters, half-years, quarters and Chinese numerals give the date a clerk means."""
    parsed = parse_deadline(raw)
    assert parsed.due == due
    assert parsed.meaning == meaning
    assert parsed.explain().startswith(f"截止 {due:%Y-%m-%d}")


def test_semester_deadline_follows_the_school_calendar():
    """An override of the spring semester moves the deadline with it."""
    from bangfu_desktop.core.terms import SchoolCalendar

    cal = SchoolCalendar(overrides=((2023, 2, D(2024, 2, 26), D(2024, 7, 12)),))
    assert parse_deadline("2024年春季学期", cal).due == D(2024, 7, 12)
    assert parse_deadline("2024年春季学期").due == D(2024, 8, 31)


@pytest.mark.parametrize("raw,today,next_due", [
    ("每年12月5日前", D(2026, 12, 1), D(2026, 12, 5)),
    ("每年12月5日前", D(2026, 12, 5), D(2026, 12, 5)),
    ("每年12月5日前", D(2026, 12, 6), D(2027, 12, 5)),
    ("每年2月底前", D(2027, 1, 31), D(2027, 2, 28)),
    ("每年2月底前", D(2028, 2, 1), D(2028, 2, 29)),
    ("每年2月29日前", D(2026, 12, 1), D(2027, 2, 28)),
])
def test_yearly_deadline_has_a_next_date(raw, today, next_due):
    """A yearly deadline is due on its next date, across year ends and leap years."""
    parsed = parse_deadline(raw)
    assert parsed.ongoing and parsed.due is None
    assert parsed.next_due(today) == next_due
    assert f"下一次：{next_due:%Y-%m-%d}" in parsed.explain(today)


@pytest.mark.parametrize("raw", ["长期坚持", "2023年12月底前，并长期坚持", "每年12月5日前", "2023-2025 年 12 月底"])
def test_explain_is_never_a_fragment(raw):
    """The hint reads as a whole phrase, never '并长期坚持' alone."""
    text = parse_deadline(raw).explain(D(2026, 12, 1))
    assert not text.startswith("并") and len(text) >= 6
