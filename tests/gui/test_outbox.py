"""报送 where she looks: Documents/帮扶台账/报送 by default, changeable in 设置; a draft asks for the bureau first."""

import email
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from bangfu_desktop.core import settings
from bangfu_desktop.core.submission import export_submission, outbox_dir
from bangfu_desktop.gui.excel_actions import report_submission
from bangfu_desktop.gui.tabs.settings_tab import SettingsTab

from gui_helpers import settle


def test_draft_without_bureau_address_asks_first_and_stores_it(demo_store, qtbot, tmp_path):
    """写邮件草稿 with no 教育局收件邮箱: asked (a wrong one refused), stored, and the draft is addressed."""
    settle(qtbot)  # loads of earlier tests' windows are over before dialogs are answered
    settings.put("bureau.email", "")
    workbook = export_submission("pairings")
    catcher = _Opened()
    opened = catcher.paths
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        def report(box):
            next(b for b in box.buttons() if b.text() == "写邮件草稿").click()

        def wrong(ask):
            assert isinstance(ask, QInputDialog) and "教育局的收件邮箱" in ask.labelText()
            ask.setTextValue("不是邮箱")
            ask.accept()

        def warned(warning):
            assert isinstance(warning, QMessageBox) and "格式不对" in warning.text()
            warning.accept()

        def right(ask):
            assert isinstance(ask, QInputDialog) and ask.textValue() == "不是邮箱"
            ask.setTextValue("jyj@example.cn")
            ask.accept()

        parent = QWidget()
        qtbot.addWidget(parent)
        answer_dialogs(qtbot, lambda: report_submission(parent, workbook), [report, wrong, warned, right])
        settle(qtbot)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert settings.get("bureau.email") == "jyj@example.cn"
    (draft,) = [p for p in opened if p.endswith(".eml")]
    message = email.message_from_bytes(Path(draft).read_bytes())
    assert message["To"] == "jyj@example.cn"


def test_outbox_defaults_to_documents_and_is_set_in_settings(demo_store, qtbot, tmp_path):
    """Without a setting the file lands in Documents/帮扶台账/报送; 设置 changes the folder."""
    documents = Path(os.environ["BANGFU_DOCUMENTS_DIR"])
    assert outbox_dir() == documents / "帮扶台账" / "报送"
    page = SettingsTab()
    qtbot.addWidget(page)
    page.reload()
    assert str(documents / "帮扶台账" / "报送") in page.outbox_dir.placeholderText()
    page.outbox_dir.setText(str(tmp_path / "给教育局"))
    assert page.save() is True
    settle(qtbot)  # 设置 is saved off the GUI thread
    path = export_submission("teachers")
    assert path.parent == tmp_path / "给教育局"


def answer_dialogs(qtbot, action, handlers):
    """Run ``action``; answer each modal dialog it opens, in turn, with the next handler."""
    pending = list(handlers)
    seen = []
    errors = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.windowTitle() == "读取失败":
            # A window left by an earlier test reloading on a database now closed: not ours.
            dialog.accept()
            QTimer.singleShot(20, poll)
            return
        if dialog is not None and dialog.isVisible() and (not seen or seen[-1] is not dialog) and pending:
            seen.append(dialog)
            try:
                pending.pop(0)(dialog)
            except BaseException as exc:  # noqa: BLE001 - re-raised below
                errors.append(exc)
                dialog.reject()
        if pending and not errors:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    action()
    qtbot.waitUntil(lambda: not pending or errors, timeout=10000)
    if errors:
        raise errors[0]


class _Opened(QObject):
    """Stands in for the system's file opener: records what the program asked to open."""

    def __init__(self):
        super().__init__()
        self.paths = []

    @Slot(QUrl)
    def open(self, url):
        self.paths.append(url.toLocalFile())
