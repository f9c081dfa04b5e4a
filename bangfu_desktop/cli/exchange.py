"""Exchange commands: ``bangfu export package``, ``bangfu import package``, rounds, receipts, outbox, bureau status."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from .base import open_store
from .excel import export_subparsers, import_subparsers


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应写成 2026-12-05") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    p = export_subparsers(sub).add_parser("package", help="导出数据包（.bfpkg，含校验值，可报送给教育局）")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--year", metavar="2025-2026", help="学年（不填则导出全部记录）")
    p.add_argument("--semester", type=int, choices=(1, 2), help="学期：1 秋季，2 春季")
    p.add_argument("--round", metavar="NAME", help="本数据包所答复的报送批次")
    p.add_argument("--zero", action="store_true", help="零报告：本期没有可报送的内容")
    p.set_defaults(func=cmd_export_package)
    p = import_subparsers(sub).add_parser("package", help="导入数据包（先全部检查，再一次写入）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只显示将要做的修改，不写入数据库")
    p.add_argument("--prefer", choices=("mine", "theirs"), help="双方都修改过的记录：保留本地（mine）或采用对方（theirs）")
    p.set_defaults(func=cmd_import_package)


def cmd_export_package(args) -> int:
    from ..core.exchange.outgoing import export_package

    open_store(args)
    manifest = export_package(args.output, year=args.year, semester=args.semester, round_name=args.round,
                              zero=args.zero)
    total = sum(manifest["counts"].values())
    kind = "零报告" if args.zero else f"数据包（{total} 条记录）"
    print(f"已导出{kind}：{args.output}")
    return 0


def print_plan(plan) -> None:
    """The preview of an import, in Chinese."""
    from ..core.exchange import importer

    sender = plan.package.sender.get("name", "")
    print(f"数据包：{plan.package.path.name}（{sender}，{plan.package.made_at:%Y-%m-%d %H:%M}）")
    if plan.already_imported:
        print("此数据包此前已导入过，不会重复导入。")
        return
    for label, counts in plan.counts_by_table().items():
        print(f"  {label}：" + "，".join(f"{a} {n}" for a, n in counts.items()))
    for c in plan.conflicts:
        print(f"冲突：{c.label} {c.uuid[:8]}（双方都修改过）")
        for name, (mine, theirs) in c.differences().items():
            print(f"    {name}：本地“{mine}” / 对方“{theirs}”")
    print(f"合计：新增 {plan.count(importer.ADD)}，更新 {plan.count(importer.UPDATE)}，"
          f"未变 {plan.count(importer.UNCHANGED) + plan.count(importer.KEEP_MINE)}，冲突 {len(plan.conflicts)}")


def cmd_import_package(args) -> int:
    from ..core.exchange import importer

    open_store(args)
    plan = importer.plan_import(args.file)
    print_plan(plan)
    if args.dry_run or plan.already_imported:
        if args.dry_run:
            print("（试运行，未写入数据库）")
        return 0
    importer.apply_import(plan, prefer=args.prefer)
    print("已导入。")
    return 0


def _json_print(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1, default=str))
