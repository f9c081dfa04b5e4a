"""Qt's own dialogs and buttons in Chinese (确定/取消, the file dialog).

Qt ships its translations inside PySide6 (qtbase_zh_CN.qm); without a translator
installed every standard button and dialog stays English, on Windows too.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

# Installed translators must outlive the call: Qt does not take ownership.
_installed: list[QTranslator] = []


def install_qt_translations(app: QApplication) -> bool:
    """Load Qt's zh_CN translations for the standard widgets; True when one was loaded."""
    if _installed:
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = QLocale(QLocale.Chinese, QLocale.China)
    QLocale.setDefault(locale)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    return bool(_installed)
