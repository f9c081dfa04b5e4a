"""听课记录 scores: the 等级 scale, the unit's criteria (设置) and the text form of a score.

A record stores the criteria as they were when it was scored
(``[{"name": "教学目标", "max": 10, "score": 8}, …]``), so changing the criteria in
设置 later never rewrites a record already printed or sent.
"""

from __future__ import annotations

import re
from typing import Any

from . import settings
from .errors import InvalidInput

GRADES = ("优", "良", "中", "差")
CRITERIA_KEY = "observation.criteria"
NO_CRITERIA = ("无", "不评分", "-")
_LINE = re.compile(r"^(?P<name>.+?)[\s:：]+(?P<max>\d+(?:\.\d+)?)\s*分?$")
_SCORE_ITEM = re.compile(r"^(?P<name>.+?)[\s:：]*(?P<score>\d+(?:\.\d+)?)\s*(?:/\s*(?P<max>\d+(?:\.\d+)?))?\s*分?$")


def parse_criteria(text: str) -> list[tuple[str, float]]:
    """'教学目标 10\\n教学内容 20' → [('教学目标', 10.0), ('教学内容', 20.0)]; '无' → [].

    A line that is not 'name points' raises InvalidInput naming the line.
    """
    text = (text or "").strip()
    if text in NO_CRITERIA:
        return []
    criteria: list[tuple[str, float]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match or float(match["max"]) <= 0:
            raise InvalidInput(f"评分项目第 {number} 行“{line}”应写成“项目名称 分值”，例如“教学目标 10”。")
        name = match["name"].strip()
        if any(name == known for known, _ in criteria):
            raise InvalidInput(f"评分项目“{name}”重复了，请删去一行。")
        criteria.append((name, float(match["max"])))
    return criteria


def unit_criteria() -> list[tuple[str, float]]:
    """The criteria configured in 设置 (the default list when none was saved)."""
    try:
        return parse_criteria(settings.get(CRITERIA_KEY))
    except InvalidInput:
        return parse_criteria(settings.OPTIONS[CRITERIA_KEY].default)


def number_text(value: float | int | None) -> str:
    """8.0 → '8', 7.5 → '7.5', None → ''."""
    if value is None:
        return ""
    return f"{round(float(value), 2):g}"


def total(scores: list[dict[str, Any]] | None) -> tuple[float, float] | None:
    """(points scored, points possible) over the scored criteria, or None when nothing was scored."""
    scored = [s for s in scores or [] if s.get("score") is not None]
    if not scored:
        return None
    return sum(float(s["score"]) for s in scored), sum(float(s.get("max") or 0) for s in scores or [])


def scores_text(scores: list[dict[str, Any]] | None) -> str:
    """'教学目标 8/10；教学内容 18/20' (the ledger's 分项得分 cell; read back by ``parse_scores``)."""
    parts = []
    for item in scores or []:
        if item.get("score") is None:
            continue
        parts.append(f"{item['name']} {number_text(item['score'])}/{number_text(item.get('max'))}")
    return "；".join(parts)


def parse_scores(text: str) -> list[dict[str, Any]]:
    """Read '教学目标 8/10；教学内容 18/20' back; a score above its maximum raises InvalidInput."""
    items: list[dict[str, Any]] = []
    for part in re.split(r"[；;，,\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        match = _SCORE_ITEM.match(part)
        if not match:
            raise InvalidInput(f"分项得分“{part}”应写成“项目 得分/分值”，例如“教学目标 8/10”")
        score = float(match["score"])
        maximum = float(match["max"]) if match["max"] else None
        if maximum is not None and score > maximum:
            raise InvalidInput(f"分项得分“{part}”超过了该项分值")
        items.append({"name": match["name"].strip(), "max": maximum, "score": score})
    return items


def check_score(grade: str, scores: list[dict[str, Any]]) -> str:
    """A Chinese problem with a score, or '' when it is fine."""
    if grade and grade not in GRADES:
        return f"等级“{grade}”应为 优、良、中、差 之一"
    for item in scores:
        score, maximum = item.get("score"), item.get("max")
        if score is None:
            continue
        if score < 0 or (maximum is not None and score > maximum):
            return f"“{item['name']}”得分 {number_text(score)} 应在 0 到 {number_text(maximum)} 之间"
    return ""
