"""Core commands: init, demo, check, backup, restore, stats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import paths
from ..core import backup, database, models


def open_store(args: argparse.Namespace, *, exclusive: bool = True, create: bool = False) -> database.Store:
    """Open the database named by ``--db`` (or the default) for a command.

    Commands that only read (``exclusive=False``) also work on a read-only file;
    only ``init`` and ``demo`` (``create=True``) make a new database.
    """
    return database.open_database(paths.resolve_db_path(args.db), exclusive=exclusive, create=create,
                                  backup_on_open=False, allow_read_only=not exclusive)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands."""
    p = sub.add_parser("init", help="创建（或升级）数据库")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("demo", help="载入演示数据（可重复运行）")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("check", help="检查数据库完整性与版本；有问题时退出码为 1")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("backup", help="立即备份数据库")
    p.add_argument("-o", "--output", metavar="FILE", help="备份文件（默认：备份文件夹中按时间命名）")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复（先检查备份，并先备份当前数据库）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("stats", help="各类记录的数量")
    p.set_defaults(func=cmd_stats)


def cmd_init(args) -> int:
    store = open_store(args, create=True)
    print(f"数据库已就绪：{store.path}（数据版本 {database.latest_version()}）")
    return 0


def cmd_demo(args) -> int:
    from ..core import demo

    store = open_store(args, create=True)
    if demo.load_demo():
        print(f"已载入演示数据：{store.path}")
        # A server database is backed up by the office (bangfu backup), not beside a file.
        server = bool(getattr(store, "is_server", False))
        if not server and store.backups.run_quietly(reason="demo") is None:
            print(f"警告：{store.last_backup_error}", file=sys.stderr)
    else:
        print("演示数据此前已载入，未重复添加。")
    return 0


def cmd_check(args) -> int:
    path = paths.resolve_db_path(args.db)
    if paths.is_server_url(path):
        from ..core import pgstore

        store = database.open_database(path, create=False, backup_on_open=False)
        print(f"服务器数据库可以连接：{store.path}")
        print(f"数据版本：{pgstore.schema_version()}（本程序：{pgstore.latest_version()}）")
        return 0
    problems = database.check_database(path)
    if problems:
        for problem in problems:
            print(f"问题：{problem}")
        return 1
    state = database.inspect_file(path)
    print(f"数据库完好：{path}")
    print(f"数据版本：{state.version}（本程序：{database.latest_version()}）")
    return 0


def cmd_backup(args) -> int:
    target = paths.resolve_db_path(args.db)
    if paths.is_server_url(target):
        return _backup_server(target, args.output)
    store = open_store(args, exclusive=False)
    if args.output:
        dest = backup.write_backup(models.database.connection(), Path(args.output))
    else:
        dest = store.backups.run(reason="manual")
    print(f"已备份到：{dest}")
    return 0


def _backup_server(url: str, output: str | None) -> int:
    """A server database's backup: a portable SQLite copy (rows checked by content hash)."""
    import datetime as dt

    from ..core import copying

    dest = Path(output) if output else Path.cwd() / backup.timestamped_name(dt.datetime.now())
    if dest.exists():
        from ..core.errors import BangfuError

        raise BangfuError(f"备份文件“{dest}”已存在。请换一个文件名。")
    copying.copy_database(url, dest, files=False)
    print(f"已备份到：{dest}（可移植的 SQLite 文件；附件在共享的附件文件夹中，请一并备份）")
    return 0


def cmd_restore(args) -> int:
    from ..core import restore

    target = paths.resolve_db_path(args.db)
    if paths.is_server_url(target):
        from ..core import copying

        copying.copy_database(Path(args.file), target, files=False)
        print(f"已从“{args.file}”恢复到服务器数据库（原为空库）；各表行数和内容校验值一致。")
        return 0

    result = restore.restore_file(paths.resolve_db_path(args.db), Path(args.file))
    if result.replaced_damaged:
        print(f"已从“{args.file}”恢复。原来损坏的数据库已改名保存为：{result.kept}")
    elif result.kept is not None:
        print(f"已从“{args.file}”恢复。恢复前的数据已备份到：{result.kept}")
    else:
        print(f"已从“{args.file}”恢复到新的数据库：{result.store.path}")
    return 0


STAT_MODELS = (
    ("units", models.Unit), ("plans", models.Plan), ("categories", models.TaskCategory),
    ("tasks", models.Task), ("targets", models.Target), ("teachers", models.Teacher),
    ("honours", models.Honour), ("pairings", models.Pairing), ("guidance", models.Guidance),
    ("rotations", models.Rotation), ("activities", models.Activity),
    ("observations", models.Observation), ("rules", models.FrequencyRule),
    ("attachments", models.Attachment),
)


def record_counts() -> dict[str, int]:
    """Live records of each type, plus the recycle bin and the audit log (one query per table)."""
    counts, trash = {}, 0
    for name, model in STAT_MODELS:
        table = model._meta.table_name
        live, deleted = models.database.execute_sql(
            f'SELECT count(*) - count(deleted_at), count(deleted_at) FROM "{table}"').fetchone()
        counts[name] = live
        trash += deleted
    counts["trash"] = trash
    counts["audit"] = models.AuditLog.select().count()
    return counts


def cmd_stats(args) -> int:
    open_store(args, exclusive=False)
    for name, count in record_counts().items():
        print(f"{name}: {count}")
    return 0
