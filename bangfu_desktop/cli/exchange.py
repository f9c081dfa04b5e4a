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
    p = sub.add_parser("submit", help="报送：写出数据包和报送工作簿，并发送邮件（未设置发信服务器时写邮件草稿）")
    p.add_argument("--round", metavar="NAME", help="本次报送答复的报送批次")
    p.add_argument("--year", metavar="2025-2026", help="学年（不填则按批次期间或全部记录）")
    p.add_argument("--semester", type=int, choices=(1, 2), help="学期：1 秋季，2 春季")
    p.add_argument("--zero", action="store_true", help="零报告：本期没有可报送的内容")
    p.add_argument("--folder", metavar="DIR", help="写到哪个文件夹（默认：报送文件夹）")
    p.set_defaults(func=cmd_submit)
    _register_rounds(sub)
    _register_bureau(sub)


def cmd_submit(args) -> int:
    from ..core.exchange.submit import submit_package
    from ..core.submission import outbox_dir

    open_store(args)
    done = submit_package(args.folder or outbox_dir(), round_name=args.round, year=args.year,
                          semester=args.semester, zero=args.zero)
    said = {"sent": "已发送到教育局邮箱", "queued": "暂时无法发送，已放入发件箱，下次启动或“重试发送”时再发",
            "draft": "没有设置发信服务器，已写出邮件草稿，请用邮件程序打开发送"}[done.state]
    print(f"{said}：{done.eml}")
    for path in done.attachments:
        print(f"  附件：{path.name}")
    return 0


def _register_rounds(sub: argparse._SubParsersAction) -> None:
    rounds = sub.add_parser("round", help="报送批次：添加、列出、发送通知")
    kinds = rounds.add_subparsers(dest="round_kind", metavar="ACTION", parser_class=type(rounds))
    kinds.required = True
    p = kinds.add_parser("add", help="添加（或按名称修改）报送批次")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--period", required=True, metavar="2026|2026-2027|2026-2027-1", help="年度、学年或学期")
    p.add_argument("--due", required=True, type=_date, metavar="YYYY-MM-DD", help="截止日期")
    p.add_argument("--asks", default="", metavar="活动台账,教师名册", help="要求报送的内容（逗号分隔）")
    p.set_defaults(func=cmd_round_add)
    p = kinds.add_parser("list", help="列出报送批次及截止日期")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_round_list)
    p = kinds.add_parser("notice", help="写出报送通知数据包，发给各学校导入")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=cmd_round_notice)


def _register_bureau(sub: argparse._SubParsersAction) -> None:
    bureau = sub.add_parser("bureau", help="教育局：报送汇总、审核、回执")
    kinds = bureau.add_subparsers(dest="bureau_kind", metavar="ACTION", parser_class=type(bureau))
    kinds.required = True
    p = kinds.add_parser("status", help="各学校 × 报送批次：按时、逾期、零报告、未报送、退回，以及报送率、及时率")
    p.add_argument("--round", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bureau_status)
    p = kinds.add_parser("review", help="审核收到的数据包：已接收或退回")
    p.add_argument("package", metavar="PACKAGE_ID")
    p.add_argument("--accept", action="store_true", help="已接收")
    p.add_argument("--return", dest="send_back", metavar="REASON", help="退回，并写明原因")
    p.add_argument("-o", "--output", metavar="FILE", help="同时写出回执数据包")
    p.set_defaults(func=cmd_bureau_review)
    p = kinds.add_parser("workbook", help="汇总工作簿：汇总表加每校每本台账一张表")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=cmd_bureau_workbook)


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
    from ..core.exchange.conflicts import conflict_views

    for view in conflict_views(plan):
        print(f"冲突：{view.record}（编号 {view.uuid[:8]}，双方都修改过）")
        for diff in view.diffs:
            print(f"    {diff.label}：本地“{diff.mine}” / 对方“{diff.theirs}”")
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


def cmd_round_add(args) -> int:
    from ..core.exchange.rounds import define_round

    open_store(args)
    asks = [a.strip() for a in args.asks.replace("，", ",").split(",") if a.strip()]
    round_ = define_round(args.name, args.period, args.due, asks)
    print(f"已保存报送批次：{round_.name}（{round_.period_label}，截止 {round_.due_date}）")
    return 0


def cmd_round_list(args) -> int:
    from ..core.exchange.rounds import own_rounds, received_rounds

    open_store(args, exclusive=False)
    own = [{"name": r.name, "period": r.period_label, "due_date": r.due_date.isoformat(), "asks": r.asks}
           for r in own_rounds()]
    received = [r.as_dict() for r in received_rounds()]
    if args.json:
        _json_print({"defined": own, "received": received})
        return 0
    for r in own:
        print(f"本单位批次：{r['name']}（{r['period']}，截止 {r['due_date']}）")
    for r in received:
        left = f"还有 {r['days_left']} 天" if r["days_left"] >= 0 else f"已过期 {-r['days_left']} 天"
        print(f"{r['issuer']}：{r['name']}（截止 {r['due_date']}，{left}）{r['sent'] or '未报送'}")
    if not own and not received:
        print("没有报送批次。")
    return 0


def cmd_round_notice(args) -> int:
    from ..core.exchange.rounds import write_notice

    open_store(args)
    manifest = write_notice(args.output)
    print(f"已写出报送通知（{manifest['counts']['exchange_round']} 个批次）：{args.output}")
    return 0


def cmd_bureau_status(args) -> int:
    from ..core.exchange.bureau import bureau_status

    open_store(args, exclusive=False)
    status = bureau_status(args.round)
    if args.json:
        _json_print(status.as_dict())
        return 0
    for r in status.rounds:
        reporting, on_time = status.rates(r)
        print(f"{r.name}（截止 {r.due_date}）：报送率 {reporting:.0%}，及时率 {on_time:.0%}")
        for school in status.schools:
            cell = school.cells[r.uuid]
            extra = f"  编号 {cell.package_uuid[:8]}" if cell.package_uuid else ""
            print(f"  {school.name}：{cell.text()}{extra}")
    if not status.rounds:
        print("还没有报送批次。请先运行 bangfu round add。")
    return 0


def cmd_bureau_review(args) -> int:
    from ..core.exchange.receipts import ACCEPTED, RETURNED, review, write_receipt
    from ..core.errors import InvalidInput

    open_store(args)
    if bool(args.accept) == bool(args.send_back):
        raise InvalidInput("请二选一：--accept（已接收）或 --return 原因（退回）。")
    entry = review(args.package, ACCEPTED if args.accept else RETURNED, args.send_back or "")
    print(f"已标记{entry.status}：{entry.sender_name} 的数据包 {entry.uuid[:8]}")
    if args.output:
        write_receipt(entry.uuid, args.output)
        print(f"已写出回执：{args.output}")
    return 0


def cmd_bureau_workbook(args) -> int:
    from ..core.exchange.workbook import write_consolidated

    open_store(args, exclusive=False)
    dest = write_consolidated(args.output)
    print(f"已写出汇总工作簿：{dest}")
    return 0
