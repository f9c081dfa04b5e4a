"""Frequency rules proposed from a plan's own words ("每学期…不少于3次").

When a plan has no rules yet, 概览 offers the ones its task texts state; the clerk
adopts each with one click and may edit it. Only counts of activities are proposed
(次, 场, 节, 期, 项), never money ("不少于 100 万元") or people ("互派 1 人").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import FrequencyRule, Plan, Task
from .vocab import ACTIVITY_TYPES

_PERIODS = (("每学期", "学期"), ("每学年", "学年"), ("每年", "年"), ("每季度", "季度"),
            ("每个月", "月"), ("每月", "月"))
_PERIOD_RE = re.compile("|".join(word for word, _ in _PERIODS))
_NUMBER = r"(\d+|[一二两三四五六七八九十]+)"
_COUNT_RE = re.compile(
    r"(?:不少于|至少|不低于|最少|≥)\s*" + _NUMBER + r"\s*(次|场|节|期|项)"
    r"|(?:开展|召开|组织开展|组织|举办|举行)\s*" + _NUMBER + r"\s*(次|场|期|项)")
_ROLE_RE = re.compile(r"(教研员|名师|学科带头人|骨干教师|班主任|校长|师傅)(?:每学期|每学年|每年|每季度|每月)")
# Words a plan uses for an activity type it names differently.
_SYNONYMS = {"联合教研会议": "联合教研", "课题研究": "课题研究", "联合课题": "课题研究",
             "论坛": "教育论坛", "观摩": "教学观摩", "竞赛": "学科竞赛", "研讨": "专题研讨"}


@dataclass(frozen=True)
class SuggestedRule:
    """A rule a plan's text states, ready to be adopted as a FrequencyRule."""

    plan_id: int
    task_id: int | None
    name: str
    period: str
    minimum: int
    activity_types: tuple[str, ...]
    scope: str = "单位"
    role: str = ""
    source_text: str = field(default="", compare=False)

    def as_rule(self) -> FrequencyRule:
        """An unsaved FrequencyRule with these values (the clerk may still edit it)."""
        return FrequencyRule(plan=self.plan_id, name=self.name, activity_types=list(self.activity_types),
                             period=self.period, minimum=self.minimum, scope=self.scope, role=self.role,
                             source_text=self.source_text)


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(text, 0)


def _types_in(text: str) -> tuple[str, ...]:
    found = [t for t in ACTIVITY_TYPES if t in text]
    # A synonym counts only where it is not part of a type already named ("校长论坛").
    rest = text
    for name in found:
        rest = rest.replace(name, "")
    found += [t for word, t in _SYNONYMS.items() if word in rest and t not in found]
    # "示范课评选" also contains "示范课": keep the longer name only.
    return tuple(t for t in found if not any(t != o and t in o for o in found))


def rules_in_text(text: str, plan_id: int, task_id: int | None = None) -> list[SuggestedRule]:
    """The counted requirements one text states, each with the period last named before it."""
    found: list[SuggestedRule] = []
    for sentence in re.split(r"[。；;\n]", text or ""):
        period = None
        role_match = _ROLE_RE.search(sentence)
        sentence_types = _types_in(sentence)
        for clause in re.split(r"[，,]", sentence):
            for m in _PERIOD_RE.finditer(clause):
                period = dict(_PERIODS)[m.group(0)]
            count = _COUNT_RE.search(clause)
            if count is None or period is None:
                continue
            number = count.group(1) or count.group(3)
            minimum = _number(number)
            types = _types_in(clause) or sentence_types
            if minimum <= 0 or not types:
                continue
            scope, role = ("人", role_match.group(1)) if role_match else ("单位", "")
            per = f"每名{role}" if role else ""
            name = f"{per}每{period}{'、'.join(types)}不少于{minimum}{count.group(2) or count.group(4)}"
            found.append(SuggestedRule(plan_id, task_id, name, period, minimum, types, scope, role,
                                       sentence.strip()))
    return found


def adopt(suggestion: SuggestedRule) -> int:
    """Save a proposed rule as the plan's own (audited like every write); return its id."""
    from . import records

    return records.save(suggestion.as_rule()).id


def suggest_rules(plan: Plan | int) -> list[SuggestedRule]:
    """Rules the plan's task texts state that the plan does not have yet (two queries)."""
    plan_id = plan if isinstance(plan, int) else plan.id
    existing = {(r.period, r.minimum, tuple(sorted(r.activity_types or ())))
                for r in FrequencyRule.live().where(FrequencyRule.plan == plan_id)}
    suggestions: list[SuggestedRule] = []
    seen = set(existing)
    tasks = Task.live().where(Task.plan == plan_id).order_by(Task.position, Task.id)
    for task in tasks:
        for rule in rules_in_text(f"{task.stage_goal}。{task.measure}", plan_id, task.id):
            key = (rule.period, rule.minimum, tuple(sorted(rule.activity_types)))
            if key not in seen:
                seen.add(key)
                suggestions.append(rule)
    return suggestions
