"""``bangfu-desktop``: start the window on the default database or ``--db PATH``.

Start-up never ends in a traceback: a path that cannot be a database, a damaged,
foreign, newer or locked file is a Chinese dialog that says what to do; a
missing file is created only when the user agrees (or on the very first start
at the default location); a read-only file opens read-only, said so. The backup
taken on opening runs after the window is shown, off the GUI thread, and a
failure is a warning in the status bar, never a refusal to open.
"""

from __future__ import annotations
from .i18n import tr

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..core import database, dbfile, errorlog
from ..core.errors import BangfuError
from ..resources import resource
from .translations import install_qt_translations


def load_bundled_font(app: QApplication) -> None:
    """Use the bundled Chinese font when it is shipped, so no glyph shows as a box."""
    try:
        fonts = resource("fonts")
        for node in fonts.iterdir():
            if node.name.endswith((".ttf", ".ttc", ".otf")):
                font_id = QFontDatabase.addApplicationFontFromData(node.read_bytes())
                families = QFontDatabase.applicationFontFamilies(font_id)
                if families:
                    font = QFont(app.font())
                    font.setFamilies([app.font().family(), *families])
                    app.setFont(font)
                return
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or sys.argv[:1])
        app.setApplicationName("帮扶台账")  # notr: names the settings store
        app.setOrganizationName("bangfu")
        load_bundled_font(app)
    install_qt_translations(app)
    return app


def _is_new(path: Path) -> bool:
    """A missing or zero-byte file: opening it would create a database."""
    try:
        return not path.exists() or (path.is_file() and path.stat().st_size == 0)
    except OSError:
        return False


def open_store_for_window(path: Path, *, explicit: bool) -> database.Store | None:
    """Open ``path`` for the window, or tell the user why not (a dialog) and return None."""
    problem = None if paths.is_server_url(path) else dbfile.path_problem(path)
    if problem:
        QMessageBox.critical(None, tr("app", "无法打开数据库"), problem)
        return None
    if explicit and not paths.is_server_url(path) and _is_new(path):
        answer = QMessageBox.question(
            None, tr("app", "新建数据库"),
            tr("app", "找不到数据库文件“{path}”（或它是空文件）。\n\n要在这里新建一个空的帮扶台账数据库吗？\n如果路径写错了，请选“否”，再用正确的路径打开。").format(path=path))
        if answer != QMessageBox.Yes:
            return None
    try:
        store = database.open_database(path, backup_on_open=False, allow_read_only=True)
    except BangfuError as exc:
        QMessageBox.critical(None, tr("app", "无法打开数据库"), str(exc))
        return None
    except Exception as exc:  # noqa: BLE001 - never a traceback instead of a window
        known = database.user_error(exc, path)
        if known is not None:
            QMessageBox.critical(None, tr("app", "无法打开数据库"), str(known))
            return None
        log = errorlog.log_exception(f"打开数据库 {path}", exc)  # notr
        QMessageBox.critical(None, tr("app", "无法打开数据库"),
                             tr("app", "打开“{path}”时出现程序错误：{exc}。\n数据未作改动。").format(path=path, exc=exc)
                             + (tr("app", "\n详细信息已写入：{log}\n请把这个文件发给技术支持。").format(log=log) if log else ""))
        return None
    return store


class _BackupWarnings(QObject):
    # Emitted (from any thread) with the warning of a failed automatic backup, or None.
    changed = Signal(object)


def watch_backups(window, store: database.Store) -> _BackupWarnings:
    """Show failed automatic backups in the window's status bar (delivered on the GUI thread)."""
    relay = _BackupWarnings(window)

    def show(message) -> None:
        window._refresh_chrome()
        if message:
            window.statusBar().showMessage(message)

    relay.changed.connect(show, Qt.QueuedConnection)
    store.on_backup_error(relay.changed.emit)
    return relay


def start_opening_backup(window, store: database.Store) -> None:
    """Back up the database once the window is up, off the GUI thread; failures only warn."""
    if store.read_only or getattr(store, "is_server", False):  # a server's backups are the office's
        return
    from .operations import run_op

    run_op(None, "", lambda: store.backups.run_quietly(reason="open"))


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``bangfu-desktop``."""
    parser = argparse.ArgumentParser(prog="bangfu-desktop", description=tr("app", "帮扶台账"))
    parser.add_argument("--db", metavar="PATH", help=tr("app", "数据库文件"))
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = create_app([sys.argv[0], *qt_args])
    from .operations import install_excepthook

    install_excepthook()  # unexpected exceptions: error log + a Chinese message, the window keeps running
    explicit = bool(args.db or os.environ.get(paths.ENV_DB))
    path = paths.resolve_db_path(args.db)
    store = open_store_for_window(path, explicit=explicit)
    if store is None:
        return 1
    from .main_window import MainWindow

    window = MainWindow(store)
    watch_backups(window, store)
    window.show()
    if store.read_only:
        QTimer.singleShot(0, lambda: QMessageBox.information(
            window, tr("app", "只读"), dbfile.read_only_message(store.path)))
    QTimer.singleShot(0, lambda: start_opening_backup(window, store))
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
