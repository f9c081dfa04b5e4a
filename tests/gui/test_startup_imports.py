"""Starting stays quick: the window and the quick commands do not import the heavy libraries.

openpyxl, reportlab, pypinyin and Pillow cost about half a second to import here; they
belong to the commands and menu actions that write or read files, not to the start.
Each check runs in a fresh process so that nothing imported by another test counts.
"""

import os
import subprocess
import sys

from conftest import run_cli

HEAVY = ("openpyxl", "reportlab", "pypinyin", "PIL")

WINDOW = r"""
import sys, time
from bangfu_desktop.core import database
from bangfu_desktop.gui.app import create_app
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

app = create_app(["test"])
store = database.open_database(sys.argv[1], backup_on_open=False)
window = MainWindow(store)
window.show()
for name in list(window.pages):  # every tab shown once, 概览 among them, its loads finished
    window.show_page(name)
    end = time.perf_counter() + 20
    while time.perf_counter() < end and not wait_for_jobs(10):
        app.processEvents()
    app.processEvents()
rows = window.pages["activities"].activities.model.rowCount()
print("ROWS", rows)
print("HEAVY", sorted(m for m in %r if m in sys.modules))
""" % (HEAVY,)

COMMAND = r"""
import sys
from bangfu_desktop.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("HEAVY", sorted(m for m in %r if m in sys.modules))
""" % (HEAVY,)


def run_python(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_window_start_imports_no_heavy_library(db_path):
    """Opening the window with every tab loaded (demo data) imports none of openpyxl, reportlab, pypinyin, PIL."""
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    out = run_python(WINDOW, str(db_path))
    assert "ROWS 0" not in out, out  # the tabs did load their records
    assert "HEAVY []" in out, out


def test_quick_commands_import_no_heavy_library(db_path):
    """bangfu --version and bangfu stats import none of openpyxl, reportlab, pypinyin, PIL."""
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    for args in (["--version"], ["--db", str(db_path), "stats"]):
        out = run_python(COMMAND, *args)
        assert "HEAVY []" in out, (args, out)


def test_lazy_names_match_core():
    """The window's cheap copies of ledger names, sections and NEW_PLAN are core's, in core's order."""
    from bangfu_desktop.core.excel_import_tasks import NEW_PLAN
    from bangfu_desktop.core.excel_ledgers import LEDGERS
    from bangfu_desktop.core.pdf import SECTIONS
    from bangfu_desktop.gui import lazy_core

    assert list(lazy_core.LEDGER_NAMES.items()) == [(kind, name) for kind, (name, _) in LEDGERS.items()]
    assert [(kind, name) for kind, (name, _) in lazy_core.LEDGERS.items()] == list(lazy_core.LEDGER_NAMES.items())
    assert lazy_core.NEW_PLAN == NEW_PLAN
    assert dict(lazy_core.SECTIONS) == dict(SECTIONS)
