"""Excel commands: ``bangfu export tasks|pairings|…`` and ``bangfu import tasks|teachers|pairings|…``.

``export`` and ``import`` are shared subcommands: another module (the PDF
archive) adds its own kinds to ``export`` through ``export_subparsers(sub)``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from ..core.errors import InvalidInput
from .base import open_store

LEDGER_HELP = {
    "pairings": "师徒结对名册", "rotations": "轮训台账（含年度汇总）", "activities": "活动台账",
    "teachers": "教师名册", "targets": "指标完成情况",
    "observations": "听课记录台账", "guidance": "指导记录台账",
}
DATED_LEDGERS = ("activities", "observations", "guidance")
IMPORT_LEDGERS = {"pairings": "师徒结对名册", "rotations": "轮训台账", "activities": "活动台账",
                  "observations": "听课记录台账", "guidance": "指导记录台账"}


def _shared(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    attr = f"_bangfu_{name}_kinds"
    kinds = getattr(sub, attr, None)
    if kinds is None:
        parser = sub.add_parser(name, help=help_text)
        kinds = parser.add_subparsers(dest=f"{name}_kind", metavar="KIND", parser_class=type(parser))
        kinds.required = True
        setattr(sub, attr, kinds)
    return kinds


def export_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``export`` command's subparsers (created on first call); add export kinds to it."""
    return _shared(sub, "export", "导出 Excel 台账或 PDF 档案")


def import_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``import`` command's subparsers (created on first call); add import kinds to it."""
    return _shared(sub, "import", "从 Excel 导入任务清单、教师名册或各类台账")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应写成 2024-09-01") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    export = export_subparsers(sub)
    p = export.add_parser("tasks", help="导出任务清单（默认表样，或 --template 指定教育局的模板）")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--template", metavar="T", help="含 {{单位}}、{{主要举措}} 等标记的模板工作簿")
    p.add_argument("--plan", metavar="ID", type=int, help="方案编号（有多个方案时必填）")
    p.set_defaults(func=cmd_export_tasks)
    for kind, title in LEDGER_HELP.items():
        p = export.add_parser(kind, help=f"导出{title}")
        p.add_argument("-o", "--output", metavar="FILE", required=True)
        if kind in DATED_LEDGERS:
            p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_date)
            p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_date)
        p.set_defaults(func=cmd_export_ledger, kind=kind)
    imports = import_subparsers(sub)
    for kind, title in (("tasks", "任务清单"), ("teachers", "教师名册"), *IMPORT_LEDGERS.items()):
        p = imports.add_parser(kind, help=f"导入{title}（先显示将新增、更新、跳过的行）")
        p.add_argument("file", metavar="FILE")
        p.add_argument("--dry-run", action="store_true", help="只显示将要做的修改，不写入数据库")
        p.set_defaults(func=cmd_import, kind=kind)


def cmd_export_tasks(args) -> int:
    from ..core.excel_tasks import export_tasks

    open_store(args, exclusive=False)
    dest = export_tasks(args.output, plan_id=args.plan, template=args.template)
    print(f"已导出任务清单：{dest}")
    return 0


def cmd_export_ledger(args) -> int:
    from ..core.excel_ledgers import LEDGERS

    open_store(args, exclusive=False)
    title, export = LEDGERS[args.kind]
    options = {}
    if args.kind in DATED_LEDGERS:
        if args.date_from and args.date_to and args.date_from > args.date_to:
            raise InvalidInput("开始日期晚于结束日期，请检查 --from 和 --to。")
        options = {"date_from": args.date_from, "date_to": args.date_to}
    dest = export(args.output, **options)
    print(f"已导出{title}：{dest}")
    return 0


def cmd_import(args) -> int:
    from ..core.excel_import import apply_import
    from ..core.excel_import_tasks import preview_tasks
    from ..core.excel_import_teachers import preview_teachers

    open_store(args, exclusive=not args.dry_run)
    if args.kind in IMPORT_LEDGERS:
        from ..core.excel_import_ledgers import preview_ledger

        preview = preview_ledger(args.kind, args.file)
    else:
        preview = (preview_tasks if args.kind == "tasks" else preview_teachers)(args.file)
    print(preview.report())
    if args.dry_run:
        print("（试运行：未写入数据库）")
        return 0
    result = apply_import(preview)
    print(f"已导入：新增 {result.added} 条，更新 {result.updated} 条，跳过 {result.skipped} 行。")
    return 0
