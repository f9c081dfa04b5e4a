"""Commands for a shared database: copy-to (SQLite ↔ PostgreSQL) and the shared attachments folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import paths


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    p = sub.add_parser("copy-to", help="把整个数据库（含附件）复制到另一个空数据库（SQLite 文件或 postgresql://…）")
    p.add_argument("target", metavar="TARGET", help="目标：数据库文件路径，或 postgresql://用户:密码@主机:5432/库名")
    p.add_argument("--attachments-dir", metavar="DIR",
                   help="目标为服务器数据库时的附件共享文件夹（每台电脑都能访问）")
    p.set_defaults(func=cmd_copy_to)
    p = sub.add_parser("attachments-dir", help="查看或设置共享数据库的附件文件夹")
    p.add_argument("folder", nargs="?", metavar="DIR")
    p.set_defaults(func=cmd_attachments_dir)


def cmd_copy_to(args) -> int:
    from ..core import copying, dialect

    source = paths.resolve_db_path(args.db)
    result = copying.copy_database(source, paths.resolve_db_path(args.target),
                                   attachments_dir=args.attachments_dir)
    total = sum(result.counts.values())
    target = dialect.redact(args.target) if dialect.is_url(args.target) else args.target
    print(f"已复制到“{target}”：{total} 行记录（{len(result.counts)} 个数据表），附件文件 {result.files} 个；"
          "各表行数和内容校验值一致。")
    return 0


def cmd_attachments_dir(args) -> int:
    from ..core import database, settings
    from ..core.errors import BangfuError

    store = database.open_database(paths.resolve_db_path(args.db), create=False, backup_on_open=False)
    if args.folder is None:
        print(f"附件文件夹：{store.attachments_dir}")
        return 0
    if not getattr(store, "is_server", False):
        raise BangfuError("单机数据库的附件固定放在数据库文件旁边，无需设置。共享（服务器）数据库才需要附件文件夹。")
    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise BangfuError(f"找不到文件夹“{folder}”。请先建好共享文件夹（并确认这台电脑能访问），再设置。")
    settings.put("attachments.dir", str(folder))
    print(f"已设置附件文件夹：{folder}（所有连接这个数据库的电脑都会使用它）")
    return 0
