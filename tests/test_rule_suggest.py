"""Rules proposed from the plans' own words: what seeds 000, 002 and 004 state, nothing else."""

import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.models import FrequencyRule, Plan, Task
from bangfu_desktop.core.rule_suggest import rules_in_text, suggest_rules


@pytest.mark.parametrize("text,expected", [
    ("每学期召开座谈会不少于 3 次", [("学期", 3, ("座谈会",), "单位", "")]),
    ("每学期到集团农村学校开展听评课、公开课教学、专题研讨交流等活动不少于3次",
     [("学期", 3, ("听评课", "公开课", "专题研讨"), "单位", "")]),
    ("教研员每学期到包片包抓农村学校听评课不少于15节，开展教研指导不少于2次",
     [("学期", 15, ("听评课",), "人", "教研员"), ("学期", 2, ("教研指导",), "人", "教研员")]),
    ("实施联合教研制度，每学期至少召开一次联合教研会议", [("学期", 1, ("联合教研",), "单位", "")]),
    ("每月开展2次集体备课", [("月", 2, ("集体备课",), "单位", "")]),
    ("每季度举办 1 次教育论坛", [("季度", 1, ("教育论坛",), "单位", "")]),
    ("每学期举办校长论坛不少于1次", [("学期", 1, ("校长论坛",), "单位", "")]),
    # money, people and texts without a period are not rules
    ("每年从东西部协作资金中支出不少于 100 万元", []),
    ("结对帮扶学校每年至少互派 1 人挂职", []),
    ("开展座谈会不少于3次", []),
    ("", []),
])
def test_rules_in_text(text, expected):
    """Period, minimum, types, scope and role as the sentence states them."""
    got = [(r.period, r.minimum, r.activity_types, r.scope, r.role) for r in rules_in_text(text, 1)]
    assert got == expected


def test_suggestions_skip_rules_the_plan_has(store):
    """A plan's tasks propose each rule once; one it already has is not proposed again."""
    plan = records.save(Plan(title="贺兰方案"))
    records.save(Task(plan=plan, code="1.1", measure="每学期开展听评课不少于3次；每月开展集体备课不少于2次"))
    records.save(Task(plan=plan, code="1.2", measure="每月开展集体备课不少于2次"))
    names = [s.name for s in suggest_rules(plan)]
    assert names == ["每学期听评课不少于3次", "每月集体备课不少于2次"]
    adopted = records.save(suggest_rules(plan)[0].as_rule())
    assert adopted.source_text.startswith("每学期开展听评课")
    assert [s.name for s in suggest_rules(plan)] == ["每月集体备课不少于2次"]
    assert FrequencyRule.select().count() == 1
