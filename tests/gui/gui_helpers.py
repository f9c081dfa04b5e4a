"""Driving real dialogs from pytest-qt: find the modal dialog, fill it, press its buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese text as an input method would (keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))


def when_dialog_opens(qtbot, action, on_dialog, timeout: int = 5000):
    """Trigger ``action`` (which opens a modal dialog) and run ``on_dialog(dialog)`` inside it."""
    done = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            on_dialog(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test below
            done["error"] = exc
            dialog.reject()
        done["ok"] = True

    QTimer.singleShot(0, poll)
    action()
    qtbot.waitUntil(lambda: "ok" in done, timeout=timeout)
    if "error" in done:
        raise done["error"]


def press_save(dialog) -> None:
    """Press the dialog's 保存 button."""
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()


def editor(dialog, name: str):
    """The editor widget of a form field."""
    return dialog.findChild(QWidget, f"field_{name}")


def error_text(dialog, name: str) -> str:
    """The error shown beside a field ('' when hidden)."""
    label = dialog.findChild(QWidget, f"error_{name}")
    return label.text() if label is not None and not label.isHidden() else ""


def settle(qtbot, rounds: int = 5) -> None:
    """Let every background load finish and deliver its result (reloads can chain)."""
    from bangfu_desktop.gui.operations import wait_for_jobs

    for _ in range(rounds):
        wait_for_jobs(5000)
        qtbot.wait(20)


def open_tab(qtbot, tab_class):
    """A record tab shown at a realistic size, with its first load delivered."""
    widget = tab_class()
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()
    return widget


def until_loaded(qtbot, tab, action, timeout: int = 10000) -> None:
    """Do ``action`` (type, pick a filter, sort) and wait until the tab shows the new rows."""
    with qtbot.waitSignal(tab.loaded, timeout=timeout):
        action()
