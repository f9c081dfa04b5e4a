"""更正: asking for the reason when an edit, delete or restore touches a period the bureau accepted.

Core decides (``CorrectionRequired``); the window only asks. ``run_correctable`` runs
a write once without a reason; when core refuses it, the clerk is asked and the
same write runs again with the reason, or nothing happens when the clerk cancels.
"""

from __future__ import annotations
from ..i18n import tr

from typing import Any, Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ...core.exchange.receipts import CorrectionRequired
from ..operations import run_op


def ask_correction_reason(parent: QWidget, message: str) -> str | None:
    """The 更正原因 (asked again while empty); None when the clerk cancels."""
    prompt = tr("dialogs.correction", "{0}\n\n更正原因（记入操作日志，并随下次数据包报送教育局）：").format(message)
    while True:
        text, ok = QInputDialog.getText(parent, tr("dialogs.correction", "更正原因"), prompt, QLineEdit.Normal, "")
        if not ok:
            return None
        if text.strip():
            return text.strip()
        QMessageBox.warning(parent, tr("dialogs.correction", "更正原因"), tr("dialogs.correction", "请写明更正原因，例如“重复录入”或“日期填错”。"))


def run_correctable(parent: QWidget, label: str, work: Callable[[str], Any], on_done: Callable[[Any], None],
                    *, on_cancel: Callable[[], None] | None = None, **options: Any) -> None:
    """``run_op(work(''))``; if core asks for a 更正 reason, ask the clerk and run ``work(reason)``."""
    def attempt(reason: str) -> None:
        def guarded():
            try:
                return work(reason)
            except CorrectionRequired as exc:  # decided on the GUI thread: ask, then try again
                return exc

        run_op(parent, label, guarded, finished, **options)

    def finished(result: Any) -> None:
        if not isinstance(result, CorrectionRequired):
            on_done(result)
            return
        reason = ask_correction_reason(parent, str(result))
        if reason:
            attempt(reason)
        elif on_cancel is not None:
            on_cancel()

    attempt("")
