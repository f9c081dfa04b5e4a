"""What the plan demands: ``compliance``, ``targets`` and ``report``.

Forms (a contract):
  bangfu compliance [--year 2023-2024] [--semester 1|2] [--json]
  bangfu targets [--json]
  bangfu report -o FILE.pdf|FILE.xlsx [--year 2023-2024]
``--today YYYY-MM-DD`` (hidden) pins the day for tests and for looking back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..core.errors import InvalidInput
from ..core.terms import parse_school_year


def _today(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应写成 2024-03-01") from None


def _school_year(text: str) -> int:
    try:
        return parse_school_year(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    p = sub.add_parser("compliance", help="频次要求的完成情况（默认：本学期）")
    p.add_argument("--year", type=_school_year, metavar="2023-2024", help="学年（只给学年时统计整个学年）")
    p.add_argument("--semester", type=int, choices=(1, 2), help="学期：1 第一学期（秋季），2 第二学期（春季）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", type=_today, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_compliance)
    p = sub.add_parser("targets", help="指标的完成情况")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", type=_today, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_targets)
    p = sub.add_parser("report", help="年度工作统计（PDF 或 Excel）")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="输出文件：.pdf 或 .xlsx")
    p.add_argument("--year", type=_school_year, metavar="2023-2024", help="学年（默认：当前学年）")
    p.add_argument("--today", type=_today, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_report)


def _open(args) -> None:
    from .base import open_store

    open_store(args, exclusive=False, create=False)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_compliance(args) -> int:
    """Print every rule with required, done and status for the selection."""
    from ..core.compliance import evaluate_rules, selection_for

    _open(args)
    today = args.today or dt.date.today()
    try:
        selection = selection_for(args.year, args.semester, today=today)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    results = evaluate_rules(selection=selection, today=today)
    if args.json:
        _print_json({"selection": selection.label, "start": selection.start.isoformat(),
                     "end": selection.end.isoformat(), "today": today.isoformat(),
                     "rules": [r.as_dict() for r in results]})
        return 0
    print(f"统计范围：{selection.label}（{selection.start:%Y-%m-%d} 至 {selection.end:%Y-%m-%d}）")
    if not results:
        print("尚未设置任何频次要求。")
        _print_suggestions()
    for result in results:
        gap = result.gap_text()
        print(f"【{result.status}】{result.name}（每{result.period_kind}≥{result.minimum}，范围：{result.scope}）"
              f" 应完成 {result.required}，已完成 {result.done}" + (f"，{gap}" if gap else ""))
        for count in result.counts:
            group = f" {count.group}" if count.group else ""
            print(f"    {count.period.label}{group}：{count.done}/{count.required} {count.status}")
    return 0


def _print_suggestions() -> None:
    """The rules the plans' own texts state, for a database that has none yet."""
    from ..core.models import Plan
    from ..core.rule_suggest import suggest_rules

    for plan in Plan.live().order_by(Plan.id):
        suggestions = suggest_rules(plan)
        if suggestions:
            print(f"方案“{plan.title}”的任务中写明的要求（可在 概览 中一键采用）：")
            for s in suggestions:
                print(f"    {s.name}（来自：{s.source_text[:40]}）")


def cmd_targets(args) -> int:
    """Print every target with its value, actual and status."""
    from ..core.targets import year_figures

    _open(args)
    today = args.today or dt.date.today()
    results = year_figures(None, today=today).targets
    if args.json:
        _print_json({"today": today.isoformat(), "targets": [t.as_dict() for t in results]})
        return 0
    if not results:
        print("尚未设置任何指标。")
    for t in results:
        actual = "—" if t.actual is None else f"{t.actual:g}"
        target = "—" if t.target_value is None else f"{t.target_value:g}"
        source = t.source_label
        note = f"（{t.note}）" if t.note else ""
        print(f"【{t.status}】{t.stage_year or ''} {t.description}：{actual}/{target}{t.unit_label}"
              f" [{source}]{note}")
    return 0


def cmd_report(args) -> int:
    """Write the 年度工作统计 as PDF or Excel."""
    from ..core.yearreport import build_year_report, write_year_report

    _open(args)
    output = Path(args.output)
    if output.suffix.lower() not in (".pdf", ".xlsx"):
        raise InvalidInput(f"输出文件“{output.name}”的扩展名应为 .pdf 或 .xlsx")
    report = build_year_report(args.year, today=args.today or dt.date.today())
    write_year_report(report, output)
    print(f"已生成年度工作统计：{output}")
    return 0
