"""The checks of 设置, once: 本单位's fields and the options, by key, before anything is stored.

``record_ops.save_settings`` refuses with ``FieldErrors`` keyed ``unit.<field>`` for the
本单位 fields and by option key (``smtp.port`` …) for the options; the window marks
each message at its field, and the command line prints the same words.
"""

from __future__ import annotations

from typing import Any, Mapping

from .errors import FieldErrors, InvalidInput
from .observations import parse_criteria
from .units import unit_problems
from .validation import check_email

SECURITY_CHOICES = ("ssl", "starttls", "none")


def option_problems(options: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with the given options (as typed: the port may still be text), by key."""
    problems: dict[str, str] = {}
    if "observation.criteria" in options:
        try:
            parse_criteria(str(options["observation.criteria"] or ""))
        except InvalidInput as exc:
            problems["observation.criteria"] = str(exc).rstrip("。")
    for key in ("bureau.email", "smtp.sender"):
        problem = check_email(str(options.get(key) or ""))
        if problem:
            problems[key] = problem
    port = str(options.get("smtp.port") or "").strip()
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        problems["smtp.port"] = f"端口“{port}”应是 1 到 65535 之间的数字，常用 465 或 587"
    security = str(options.get("smtp.security") or "").strip().lower()
    if security not in ("", *SECURITY_CHOICES):
        problems["smtp.security"] = "加密方式请填 ssl、starttls 或 none"
    return problems


def settings_problems(unit_id: int | None, unit_values: Mapping[str, Any],
                      options: Mapping[str, Any]) -> dict[str, str]:
    """Every problem of a 设置 save: 本单位 (``unit.<field>``; its name is required) and the options."""
    values = {"name": "", **unit_values}
    problems = {f"unit.{field}": text for field, text in unit_problems(values, unit_id).items()}
    if "unit.name" in problems and not str(values["name"]).strip():
        problems["unit.name"] = "请填写本单位名称"
    return {**problems, **option_problems(options)}


def check_settings(unit_id: int | None, unit_values: Mapping[str, Any], options: Mapping[str, Any]) -> None:
    """Raise ``FieldErrors`` when a 设置 save breaks a rule (see ``settings_problems``)."""
    problems = settings_problems(unit_id, unit_values, options)
    if problems:
        raise FieldErrors(problems)


def normalise_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Checked options as stored: the port a number (465 when empty), the security word lower-case."""
    out = dict(options)
    if "smtp.port" in out:
        out["smtp.port"] = int(str(out["smtp.port"] or "").strip() or 465)
    if "smtp.security" in out:
        out["smtp.security"] = str(out["smtp.security"] or "").strip().lower() or "ssl"
    if "observation.criteria" in out:
        out["observation.criteria"] = str(out["observation.criteria"] or "").strip() or "无"
    return out
