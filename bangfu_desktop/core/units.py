"""The rules a unit (单位) and 本单位 obey, once: the unit form, 设置, the imports and 档案体检 use them.

Each ``*_problems`` function returns Chinese messages keyed by field name (empty: all is
well); each ``check_*`` raises ``FieldErrors`` with them, so a save refuses in core
whatever window or command asked for it.
"""

from __future__ import annotations

from typing import Any, Mapping

from .errors import FieldErrors
from .models import Unit
from .validation import check_email, check_mobile, check_office_phone


def name_taken(name: str, unit_id: int | None = None) -> bool:
    """Whether another live unit already has this name (names of units are unique)."""
    query = Unit.live(Unit.id).where(Unit.name == name.strip())
    if unit_id is not None:
        query = query.where(Unit.id != unit_id)
    return query.exists()


def unit_problems(values: Mapping[str, Any], unit_id: int | None = None) -> dict[str, str]:
    """What is wrong with a unit's values (name required and unique, phones, e-mail), by field."""
    problems: dict[str, str] = {}
    name = str(values.get("name") or "").strip()
    if "name" in values and not name:
        problems["name"] = "请填写单位名称"
    elif name and name_taken(name, unit_id):
        problems["name"] = f"已有名为“{name}”的单位，请换一个名称或在单位列表中选用它"
    for field, check in (("mobile", check_mobile), ("office_phone", check_office_phone), ("email", check_email)):
        problem = check(str(values.get(field) or ""))
        if problem:
            problems[field] = problem
    return problems


def check_unit(values: Mapping[str, Any], unit_id: int | None = None) -> None:
    """Raise ``FieldErrors`` when the unit's values break a rule (see ``unit_problems``)."""
    problems = unit_problems(values, unit_id)
    if problems:
        raise FieldErrors(problems)


def self_unit_problems(unit: Unit | None) -> dict[str, str]:
    """What is wrong with the stored 本单位 (the header of every form), by field; {} when none is set."""
    if unit is None:
        return {}
    values = {name: getattr(unit, name) for name in ("name", "mobile", "office_phone", "email")}
    return unit_problems(values, unit.id)
