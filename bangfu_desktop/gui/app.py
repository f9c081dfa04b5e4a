"""``bangfu-desktop``: start the window on the default database or ``--db PATH``."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..core import database
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
        app.setApplicationName("帮扶台账")
        app.setOrganizationName("bangfu")
        load_bundled_font(app)
    install_qt_translations(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``bangfu-desktop``."""
    parser = argparse.ArgumentParser(prog="bangfu-desktop", description="帮扶台账")
    parser.add_argument("--db", metavar="PATH", help="数据库文件")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = create_app([sys.argv[0], *qt_args])
    path = paths.resolve_db_path(args.db)
    try:
        store = database.open_database(path)
    except BangfuError as exc:
        QMessageBox.critical(None, "无法打开数据库", str(exc))
        return 1
    from .main_window import MainWindow

    window = MainWindow(store)
    window.show()
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
