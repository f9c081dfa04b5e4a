"""Excel from the window: the import preview dialog (mapping by hand, confirm, write) and the menu wiring."""

from openpyxl import Workbook
from PySide6.QtWidgets import QDialog

from bangfu_desktop.core.excel_import_tasks import preview_tasks
from bangfu_desktop.core.models import Task
from bangfu_desktop.gui.excel_actions import ImportPreviewDialog, run_apply, run_ledger_export
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs


def small_workbook(path):
    """A two-task 任务清单 with the bureau's usual headers."""
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "主要举措", "完成时限", "责任单位"])
    ws.append(["1", "开展集体备课", "2026年12月底前", "教务处"])
    ws.append(["2", "组织青年教师汇报课", "2027年6月底前", "教科室"])
    wb.save(path)
    return path


def test_preview_remap_confirm_and_apply(store, qtbot, tmp_path):
    """The dialog lists both rows, a hand mapping changes the text, 确认 then apply writes the tasks."""
    path = small_workbook(tmp_path / "任务清单.xlsx")
    dialog = ImportPreviewDialog(preview_tasks(path))
    qtbot.addWidget(dialog)
    before = dialog.text.toPlainText()
    assert "开展集体备课" in before and "组织青年教师汇报课" in before
    assert "新增 2 条" in before
    # 责任单位 (column 4) → 配合部门 by hand.
    combo = dialog.combos[3]
    combo.setCurrentIndex(combo.findData("cooperating"))
    after = dialog.text.toPlainText()
    assert after != before
    assert "责任单位→配合部门" in after
    assert dialog.preview.mapping[3] == "cooperating"
    assert dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    assert dialog.result() == QDialog.Accepted
    results = []
    run_apply(dialog, dialog.preview, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    assert (results[0].added, results[0].updated) == (2, 0)
    tasks = {t.measure: t for t in Task.live()}
    assert set(tasks) == {"开展集体备课", "组织青年教师汇报课"}
    assert tasks["开展集体备课"].cooperating == "教务处"


def test_unmapping_everything_disables_confirm(store, qtbot, tmp_path):
    """With no column mapped there is nothing to import and 确认导入 is off."""
    dialog = ImportPreviewDialog(preview_tasks(small_workbook(tmp_path / "t.xlsx")))
    qtbot.addWidget(dialog)
    for combo in dialog.combos.values():
        combo.setCurrentIndex(0)
    assert not dialog.confirm_button.isEnabled()


def test_ledger_export_writes_workbook(demo_store, qtbot, tmp_path):
    """A 台账 is written off the GUI thread."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    results = []
    dest = tmp_path / "结对.xlsx"
    run_ledger_export(dialog, "pairings", str(dest), on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert dest.exists()


def test_main_window_has_excel_menu(demo_store, qtbot):
    """The Excel menu carries import/export actions and the window offers import_tasks."""
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    assert callable(getattr(win, "import_tasks", None))
    menus = {a.text(): a.menu() for a in win.menuBar().actions()}
    assert "Excel(&X)" in menus
    texts = [a.text() for a in menus["Excel(&X)"].actions()]
    for text in ("导出任务清单…", "导入任务清单…", "导入教师名册…", "导出台账", "导出报送文件…"):
        assert text in texts
    ledger_menu = next(a.menu() for a in menus["Excel(&X)"].actions() if a.text() == "导出台账")
    assert "师徒结对名册…" in [a.text() for a in ledger_menu.actions()]
    assert win.pages and any(getattr(p, "excel_action", None) for p in win.pages.values())
    wait_for_jobs()


def test_ledger_imports_in_the_menu_and_preview(demo_store, qtbot, tmp_path):
    """导入台账 lists every ledger; a 听课记录台账 read back previews as unchanged rows and imports nothing new."""
    from bangfu_desktop.core.excel_ledgers import LEDGERS
    from bangfu_desktop.core.models import Observation
    from bangfu_desktop.gui.excel_actions import run_preview

    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    menus = {a.text(): a.menu() for a in win.menuBar().actions()}
    imports = next(a.menu() for a in menus["Excel(&X)"].actions() if a.text() == "导入台账")
    assert [a.text() for a in imports.actions()] == ["师徒结对名册…", "轮训台账…", "活动台账…",
                                                     "听课记录台账…", "指导记录台账…"]
    ledgers = next(a.menu() for a in menus["Excel(&X)"].actions() if a.text() == "导出台账")
    assert {"听课记录台账…", "指导记录台账…"} <= {a.text() for a in ledgers.actions()}
    path = LEDGERS["observations"][1](tmp_path / "听课.xlsx")
    previews = []
    run_preview(win, "observations", str(path), previews.append)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    dialog = ImportPreviewDialog(previews[0])
    qtbot.addWidget(dialog)
    assert f"未变 {Observation.live().count()} 条" in dialog.text.toPlainText()
    assert not dialog.confirm_button.isEnabled()
    wait_for_jobs()
