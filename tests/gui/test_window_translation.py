"""A translator built from our own .ts changes the window's texts: the wrapping is real.

The .ts comes from scripts/extract_ts.py (what a translator would fill in), a few
texts are filled in English, ``pyside6-lrelease`` (shipped in PySide6-Essentials)
makes the .qm, and the window is opened with it installed. The base class's 新增
button shows under the teachers tab, so the contexts do not follow the runtime class.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import settle

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {
    ("MainWindow", "帮扶台账"): "Assistance Ledger",
    ("MainWindow", "文件(&F)"): "&File",
    ("MainWindow", "立即备份"): "Back up now",
    ("TeachersTab", "教师名册"): "Teachers",
    ("tabs.teachers", "姓名"): "Name",
    ("tabs.teachers", "单位"): "Unit",
    ("RecordTab", "新增"): "Add",
}


def _lrelease() -> str | None:
    local = Path(sys.executable).with_name("pyside6-lrelease")
    return str(local) if local.exists() else shutil.which("pyside6-lrelease")


def _extract_ts():
    spec = importlib.util.spec_from_file_location("extract_ts", ROOT / "scripts" / "extract_ts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_ts", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(tmp_path, qapp):
    """An English translator of a few texts, installed while the test runs."""
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed (it ships in PySide6-Essentials)")
    ts, qm = tmp_path / "bangfu_en.ts", tmp_path / "bangfu_en.qm"
    _extract_ts().write_ts(ts, "en_US", ENGLISH)
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_every_english_text_is_one_the_extractor_found(tmp_path):
    """The filled texts exist under those contexts in the extracted file (no typo hides a failure)."""
    contexts = _extract_ts().collect()
    for context, text in ENGLISH:
        assert (text, None) in contexts.get(context, {}), (context, text)


def test_window_shows_the_installed_translation(english, store, qtbot):
    """Title, menu, toolbar, tab title, column header, a form label and a base-class button."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    try:
        assert window.windowTitle() == "Assistance Ledger"
        assert "&File" in [action.text() for action in window.menuBar().actions()]
        toolbar_texts = [a.text() for a in window.findChild(type(window.addToolBar("x")), "main_toolbar").actions()]
        assert "Back up now" in toolbar_texts
        teachers = window.pages["teachers"]
        assert window.tabs.tabText(window.tabs.indexOf(teachers)) == "Teachers"
        assert teachers.model.headerData(0, Qt.Horizontal) == "Name"
        assert teachers.add_action.text() == "Add"  # written in RecordTab, shown by TeachersTab
        assert window.pages["rotations"].add_action.text() == "Add"
        from bangfu_desktop.gui.tabs.teachers import teacher_fields
        labels = {spec.name: spec.label for spec in teacher_fields()}
        assert labels["name"] == "Name" and labels["unit_id"] == "Unit"
        assert labels["subject"] == "学科"  # not translated: the source text shows
    finally:
        window.close()
        wait_for_jobs()


def test_without_a_translator_the_window_is_chinese(store, qtbot):
    """The source language is Chinese: with no .qm the same places read Chinese."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    try:
        assert window.windowTitle() == "帮扶台账"
        teachers = window.pages["teachers"]
        assert window.tabs.tabText(window.tabs.indexOf(teachers)) == "教师名册"
        assert teachers.model.headerData(0, Qt.Horizontal) == "姓名"
        assert teachers.add_action.text() == "新增"
    finally:
        window.close()
        wait_for_jobs()
