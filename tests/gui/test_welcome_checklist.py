"""The guided start: 本单位 → 方案 → 任务清单 → 教师名册 → first activity, ticked as they are done."""

from PySide6.QtWidgets import QLabel, QPushButton

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Plan, Unit
from bangfu_desktop.core.onboarding import start_steps
from bangfu_desktop.gui.bus import bus
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, press_save, settle, when_dialog_opens


def marks(page):
    return [page.findChild(QLabel, f"mark_{s.key}").text() for s in start_steps()]


def test_checklist_ticks_steps_and_opens_their_forms(store, qtbot):
    """An empty database lists five steps; 本单位 set ticks the first; the 方案 step opens the plan form."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    settle(qtbot)
    tab = window.pages["overview"]
    assert tab.stack.currentWidget() is tab.welcome
    assert marks(tab.welcome) == ["○"] * 5
    assert tab.welcome.findChild(QPushButton, "welcome_self_unit").text() == "1. 填写本单位信息"

    records.save(Unit(name="沿河县第二中学", is_self=True))
    bus.changed.emit("unit")
    settle(qtbot)
    assert marks(tab.welcome) == ["✔", "○", "○", "○", "○"]

    def fill(dialog):
        editor(dialog, "title").setText("沿河县组团式帮扶实施方案")
        press_save(dialog)

    when_dialog_opens(qtbot, tab.welcome.findChild(QPushButton, "welcome_plan").click, fill)
    settle(qtbot)
    assert Plan.get().title == "沿河县组团式帮扶实施方案"
    assert window.tabs.currentWidget() is window.pages["units_plans"]
    # With a plan the figures show, the checklist above them keeps the ticks.
    assert tab.stack.currentWidget() is tab.dashboard
    assert not tab.checklist.isHidden()
    assert marks(tab.checklist) == ["✔", "✔", "○", "○", "○"]

    window.show_page("settings")
    tab.checklist.findChild(QPushButton, "welcome_self_unit").click()
    assert window.tabs.currentWidget() is window.pages["settings"]
    tab.checklist.findChild(QPushButton, "welcome_dashboard").click()
    settle(qtbot)
    assert tab.checklist.isHidden()
    window.close()
    wait_for_jobs()
