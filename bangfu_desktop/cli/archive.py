"""PDF commands: ``bangfu export archive|activity|agreement|observation``.

``export`` is shared with the Excel commands (cli/excel.py). Whichever module
registers first creates it and keeps its subparsers on the top-level action as
``sub._bangfu_export_kinds``; the other adds its kinds there.
"""

from __future__ import annotations

import argparse
import sys

from ..core.terms import parse_school_year
from .base import open_store

EXPORT_ATTR = "_bangfu_export_kinds"


def export_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The shared ``export`` subparsers: cli/excel.py's when present, else the same convention here."""
    try:
        from .excel import export_subparsers as shared
    except ImportError:
        shared = None
    if shared is not None:
        return shared(sub)
    kinds = getattr(sub, EXPORT_ATTR, None)
    if kinds is None:
        parser = sub.add_parser("export", help="导出 Excel 台账或 PDF 档案")
        kinds = parser.add_subparsers(dest="export_kind", metavar="KIND", parser_class=type(parser))
        kinds.required = True
        setattr(sub, EXPORT_ATTR, kinds)
    return kinds


def _school_year(text: str) -> int:
    try:
        return parse_school_year(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应写成 2024-03-01") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    p = sub.add_parser("check-archive", help="档案体检：打印前列出检查时会被指出的问题（有问题时退出码为 1）")
    p.add_argument("--year", type=_school_year, metavar="2023-2024", help="学年（默认：当前学年）")
    p.add_argument("--semester", type=int, choices=(1, 2), help="学期：1 第一学期（秋季），2 第二学期（春季）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_check_archive)
    export = export_subparsers(sub)
    p = export.add_parser("archive", help="导出年度档案 PDF（封面、卷内目录、各类材料）")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF 文件")
    p.add_argument("--year", type=_school_year, metavar="2023-2024", help="学年（默认：当前学年）")
    p.add_argument("--semester", type=int, choices=(1, 2), help="学期：1 第一学期（秋季），2 第二学期（春季）")
    p.set_defaults(func=cmd_export_archive)
    p = export.add_parser("activity", help="导出一份活动记录表 PDF")
    p.add_argument("id", type=int, metavar="ID", help="活动编号")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF 文件")
    p.set_defaults(func=cmd_export_activity)
    p = export.add_parser("agreement", help="导出一份师徒结对协议书 PDF")
    p.add_argument("id", type=int, metavar="PAIRING_ID", help="师徒结对编号")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF 文件")
    p.set_defaults(func=cmd_export_agreement)
    p = export.add_parser("observation", help="导出一份听课记录表 PDF")
    p.add_argument("id", type=int, metavar="ID", help="听课记录编号")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF 文件")
    p.set_defaults(func=cmd_export_observation)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r正在排版… {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _report(report) -> int:
    print(report.summary())
    return 0


def cmd_export_archive(args) -> int:
    """bangfu export archive -o FILE.pdf [--year 2023-2024] [--semester 1|2]."""
    import datetime as dt

    from ..core.pdf import ArchiveSelection, export_archive
    from ..core.terms import load_calendar

    open_store(args, exclusive=False)
    year = args.year if args.year is not None else load_calendar().school_year_of(dt.date.today())
    selection = ArchiveSelection(school_year=year, semester=args.semester)
    return _report(export_archive(args.output, selection, progress=_progress))


def cmd_export_activity(args) -> int:
    """bangfu export activity ID -o FILE.pdf."""
    from ..core.pdf import export_activity

    open_store(args, exclusive=False)
    return _report(export_activity(args.id, args.output))


def cmd_export_agreement(args) -> int:
    """bangfu export agreement PAIRING_ID -o FILE.pdf."""
    from ..core.pdf import export_agreement

    open_store(args, exclusive=False)
    return _report(export_agreement(args.id, args.output))


def cmd_check_archive(args) -> int:
    """bangfu check-archive [--year 2023-2024] [--semester 1|2] [--json]: 1 when anything was found."""
    import datetime as dt
    import json

    from ..core.archive_check import check_archive
    from ..core.pdf import ArchiveSelection

    open_store(args, exclusive=False, create=False)
    today = args.today or dt.date.today()
    from ..core.terms import load_calendar

    year = args.year if args.year is not None else load_calendar().school_year_of(today)
    selection = ArchiveSelection(school_year=year, semester=args.semester)
    period = selection.period()
    findings = check_archive(period, today=today)
    if args.json:
        print(json.dumps({"selection": selection.label(), "start": period.start.isoformat(),
                          "end": period.end.isoformat(), "today": today.isoformat(),
                          "findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2))
    else:
        print(f"档案体检：{selection.label()}（{period.start:%Y-%m-%d} 至 {period.end:%Y-%m-%d}）")
        for finding in findings:
            print(finding.line())
        print(f"共发现 {len(findings)} 个问题，请修改后再打印。" if findings else "未发现问题，可以打印。")
    return 1 if findings else 0


def cmd_export_observation(args) -> int:
    """bangfu export observation ID -o FILE.pdf."""
    from ..core.pdf.observation import export_observation

    open_store(args, exclusive=False)
    return _report(export_observation(args.id, args.output))
