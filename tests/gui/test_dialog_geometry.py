"""Every dialog of ours remembers its size, without a Python filter on every event of the program."""

import importlib
import pkgutil

from PySide6.QtWidgets import QApplication, QDialog

import bangfu_desktop.gui as gui
from bangfu_desktop.gui.dialog_geometry import RememberedDialog


def test_every_dialog_class_of_ours_remembers_its_geometry(qapp):
    """Each QDialog subclass in bangfu_desktop.gui derives from RememberedDialog."""
    for module in pkgutil.walk_packages(gui.__path__, gui.__name__ + "."):
        importlib.import_module(module.name)
    ours = []
    pending = [QDialog]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("bangfu_desktop.gui") and sub is not RememberedDialog:
                ours.append(sub)
    assert len(ours) >= 7
    assert [cls.__name__ for cls in ours if not issubclass(cls, RememberedDialog)] == []


def test_no_application_wide_event_filter_in_python(demo_store, qtbot):
    """The window installs no event filter on the application (one Python call per event of the program)."""
    from PySide6.QtCore import QObject

    from bangfu_desktop.gui.main_window import MainWindow
    from bangfu_desktop.gui.operations import wait_for_jobs

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    probes = [child for child in app.children() if type(child).__module__.startswith("bangfu_desktop")]
    assert [type(p).__name__ for p in probes if hasattr(type(p), "eventFilter") and type(p).eventFilter
            is not QObject.eventFilter] == []
    window.close()
    wait_for_jobs()
