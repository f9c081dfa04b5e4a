"""A 任务清单 finds its plan by 文号 or by the words of its title."""

import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Plan
from bangfu_desktop.core.plan_match import match_plan, normal_doc_number, title_core


@pytest.mark.parametrize("text,expected", [
    ("红政办发〔2022〕119号", "红政办发〔2022〕119号"), ("红政办发[2022]119号", "红政办发〔2022〕119号"),
    ("（红政办发（2022）119号）", "红政办发〔2022〕119号"), ("没有文号", ""),
])
def test_doc_numbers_are_normalised(text, expected):
    """Brackets however typed read as the same 文号."""
    assert normal_doc_number(text) == expected


def test_title_words_ignore_years_and_document_kind():
    """Years, quotes, 重点任务清单 and 实施方案 are not what names a programme."""
    assert title_core("附件1：2026年度沿河县“组团式”帮扶重点任务清单") == title_core("沿河县组团式帮扶实施方案")


def test_match_prefers_doc_number_and_refuses_ambiguity(store):
    """The 文号 decides; two plans sharing the title words match neither."""
    a = records.save(Plan(title="甲县帮扶实施方案", doc_number="甲政发〔2023〕1号"))
    records.save(Plan(title="甲县帮扶工作方案"))
    assert match_plan(["甲政发[2023]1号", "甲县帮扶任务清单"]) == (a, "文号")
    assert match_plan(["甲县帮扶任务清单"]) == (None, "")
