"""The bureau's address, asked for once when a 报送 e-mail draft would otherwise have no recipient."""

from __future__ import annotations
from ..i18n import tr

from typing import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ...core import settings
from ...core.validation import check_email
from ..operations import run_op


def ask_bureau_email(parent: QWidget) -> str | None:
    """Ask for the 教育局收件邮箱 until it looks right; None when the clerk cancels."""
    text = ""
    while True:
        text, ok = QInputDialog.getText(
            parent, tr("dialogs.bureau_email", "教育局收件邮箱"),
            tr("dialogs.bureau_email", "还没有填写教育局的收件邮箱。请填写（会保存在“设置 → 报送”中，以后不再询问）："),
            QLineEdit.Normal, text)
        if not ok:
            return None
        text = text.strip()
        problem = check_email(text) if text else tr("dialogs.bureau_email", "请填写邮箱，例如 jyj@example.cn")
        if problem is None:
            return text
        QMessageBox.warning(parent, tr("dialogs.bureau_email", "邮箱格式不对"), problem)


def with_bureau_email(parent: QWidget, then: Callable[[str], None]) -> None:
    """Call ``then(address)`` with the stored bureau address, asking for it (and storing it) first if missing."""
    stored = settings.get("bureau.email")
    if stored:
        then(stored)
        return
    address = ask_bureau_email(parent)
    if address is None:
        return
    run_op(parent, tr("dialogs.bureau_email", "正在保存…"), lambda: settings.put("bureau.email", address),
           lambda _: then(address))
