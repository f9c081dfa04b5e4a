"""打印/导出档案 from the window runs off the GUI thread, writes the PDF, and cancels cleanly."""

from pypdf import PdfReader

from bangfu_desktop.core.models import Activity
from bangfu_desktop.core.pdf import ArchiveSelection
from bangfu_desktop.gui.archive_actions import run_archive_export
from bangfu_desktop.gui.operations import wait_for_jobs
from bangfu_desktop.gui.tabs.activities import ActivityList


def test_selected_activities_export(demo_store, qtbot, tmp_path):
    """The selected activity's record sheet is written with its Chinese title."""
    tab = ActivityList()
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    tab.view.selectRow(0)
    activity = Activity.get_by_id(tab.selected_ids()[0])
    assert tab.archive_action.text() == "打印/导出档案"
    results = []
    dest = tmp_path / "活动.pdf"
    run_archive_export(tab, ArchiveSelection(kinds=("activities",), ids=tuple(tab.selected_ids())), str(dest),
                       cover=False, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    text = "".join(page.extract_text() for page in PdfReader(dest).pages)
    assert activity.title in text
    assert results[0].path == dest


def test_cancel_leaves_no_file(demo_store, qtbot, tmp_path):
    """Cancelling the binder leaves neither the PDF nor a temporary file."""
    tab = ActivityList()
    qtbot.addWidget(tab)
    dest = tmp_path / "年度档案.pdf"
    job = run_archive_export(tab, ArchiveSelection(), str(dest), cover=True, on_done=lambda r: None)
    job.cancel_requested = True
    wait_for_jobs(60000)
    qtbot.wait(50)
    assert not dest.exists()
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []


def test_year_report_from_the_window(demo_store, qtbot, tmp_path):
    """The menu's 年度工作统计 writes a workbook with the year's activities."""
    import openpyxl

    from bangfu_desktop.gui.archive_actions import year_report_work
    from bangfu_desktop.gui.main_window import MainWindow
    from bangfu_desktop.gui.operations import run_op

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "导出年度工作统计（PDF/Excel）…" in texts
    results = []
    run_op(window, "", lambda: year_report_work(2025, str(tmp_path / "统计.xlsx")), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    book = openpyxl.load_workbook(results[0])
    assert any("活动" in str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    window.close()
    wait_for_jobs()


def test_archive_check_dialog_opens_the_record(store, qtbot):
    """档案体检 lists a faulty rotation; activating it opens that rotation's form; 重新检查 sees the fix."""
    import datetime as dt

    from PySide6.QtWidgets import QApplication
    from gui_helpers import when_dialog_opens

    from bangfu_desktop.core import records
    from bangfu_desktop.core.archive_check import check_archive
    from bangfu_desktop.core.models import Rotation, Teacher, Unit
    from bangfu_desktop.gui.archive_actions import ArchiveCheckDialog
    from bangfu_desktop.gui.main_window import MainWindow

    unit = records.save(Unit(name="示例县第一中学", is_self=True, contact_name="李文", mobile="13800000000"))
    teacher = records.save(Teacher(name="王芳", unit=unit))
    rotation = records.save(Rotation(teacher=teacher, host_unit=unit, start_date=dt.date(2025, 10, 10),
                                     end_date=dt.date(2025, 10, 1)))
    window = MainWindow(store)
    qtbot.addWidget(window)
    findings = check_archive(None, today=dt.date(2025, 11, 1))
    dialog = ArchiveCheckDialog(findings, None, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "轮训" in dialog.list.item(0).text()
    assert dialog.print_button.text() == "仍然打印"
    seen = {}

    def on_form(form):
        seen["title"] = form.windowTitle()
        form.reject()

    when_dialog_opens(qtbot, lambda: dialog.open_item(dialog.list.item(0)), on_form)
    assert "轮训" in seen["title"]
    assert window.tabs.currentWidget().model_class is Rotation
    rotation.end_date = dt.date(2025, 10, 20)
    records.save(rotation)
    dialog.recheck()
    assert dialog.list.count() == 0 and "未发现问题" in dialog.summary.text()
    assert QApplication.activeModalWidget() is None
    window.close()
    wait_for_jobs()
