"""The ``bangfu`` command: the same data as the window, for scripts and tests.

Each command module registers its subcommands; a handler takes the parsed
arguments and returns the exit code. User errors print a Chinese message on
stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import sys
import traceback

from .. import __version__
from ..core.errors import BangfuError

# Modules that add subcommands; each has register(subparsers). Imported when the parser is
# built, so that ``bangfu --version`` loads no database code.
COMMAND_MODULES = ["base", "excel", "archive", "plan", "exchange", "shared"]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage error in Chinese (exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"命令用法不对：{message}\n请运行 bangfu --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = ChineseArgumentParser(prog="bangfu", description="帮扶台账命令行：导入、导出、备份、检查。")
    parser.add_argument("--version", action="version", version=f"bangfu {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件，或共享数据库 postgresql://用户:密码@主机:5432/库名（默认：用户数据文件夹，或 BANGFU_DB）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    sub.required = True
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f".{name}", __name__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``bangfu``."""
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        print(f"bangfu {__version__}")  # what argparse's version action prints, without the commands
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    from ..core import database, dbfile

    dbfile.on_wait = lambda text: print(text, file=sys.stderr, flush=True)
    try:
        return int(args.func(args) or 0)
    except BangfuError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - full disk, read-only file, lock: say so in Chinese
        known = database.user_error(exc)
        if known is not None:
            print(f"错误：{known}", file=sys.stderr)
            return 1
        if isinstance(exc, OSError):
            print(f"错误：无法读写文件（{exc.strerror or exc}：{exc.filename or ''}）。"
                  "请检查路径、权限和磁盘空间后重试。", file=sys.stderr)
            return 1
        # A bug: say so, keep the details for the report and the error log.
        from ..core import errorlog

        log = errorlog.log_exception(f"命令 bangfu {args.command}", exc)
        print("程序内部错误，请把下面的信息发给技术支持" + (f"（也已写入 {log}）" if log else "") + "：",
              file=sys.stderr)
        traceback.print_exc()
        return 3
    finally:
        if database._current is not None:
            database._current.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
