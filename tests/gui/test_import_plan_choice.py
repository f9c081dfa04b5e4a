"""The 任务清单 preview says which plan it goes into (by 文号 or title, choosable); importing again updates."""

from openpyxl import Workbook

from bangfu_desktop.core import records
from bangfu_desktop.core.excel_import_tasks import NEW_PLAN, preview_tasks
from bangfu_desktop.core.models import Plan, Task
from bangfu_desktop.gui.excel_actions import ImportPreviewDialog, run_apply

PLAN_TITLE = "沿河县中等职业学校“组团式”帮扶实施方案"


def bureau_list(path, title, rows, doc_number=""):
    """A 任务清单 as a bureau sends it: a title line, maybe the 文号, then the table."""
    wb = Workbook()
    ws = wb.active
    ws.append([title])
    if doc_number:
        ws.append([f"（{doc_number}附件）"])
    ws.append(["编号", "主要举措", "完成时限", "责任单位"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROWS = [["1.1", "开展集体备课", "2026年12月底前", "教务处"], ["1.2", "组织青年教师汇报课", "2027年6月底前", "教科室"]]


def _apply(qtbot, dialog):
    results = []
    run_apply(dialog, dialog.preview, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    return results[0]


def test_slightly_different_title_goes_into_the_existing_plan(store, qtbot, tmp_path):
    """“2026年度…重点任务清单” matches the plan “…实施方案”; the preview shows it, import adds its tasks."""
    plan = records.save(Plan(title=PLAN_TITLE))
    records.save(Plan(title="另一个方案"))
    path = bureau_list(tmp_path / "清单.xlsx", "2026年度沿河县中等职业学校“组团式”帮扶重点任务清单", ROWS)
    dialog = ImportPreviewDialog(preview_tasks(path))
    qtbot.addWidget(dialog)
    assert dialog.plan_combo.currentData() == plan.id
    assert "按标题匹配" in dialog.plan_combo.currentText()
    assert "导入到方案：" + PLAN_TITLE in dialog.text.toPlainText()
    result = _apply(qtbot, dialog)
    assert result.added == 2 and Plan.live().count() == 2
    assert {t.plan_id for t in Task.live()} == {plan.id}


def test_import_again_updates_instead_of_copying(store, qtbot, tmp_path):
    """The same list twice (one deadline changed): the second import updates one task and adds none."""
    plan = records.save(Plan(title=PLAN_TITLE))
    first = bureau_list(tmp_path / "一.xlsx", "沿河县中等职业学校“组团式”帮扶重点任务清单", ROWS)
    _apply(qtbot, ImportPreviewDialog(preview_tasks(first)))
    changed = [ROWS[0], ["1.2", "组织青年教师汇报课", "2027年9月底前", "教科室"]]
    again = bureau_list(tmp_path / "二.xlsx", "2027年沿河县中等职业学校组团式帮扶任务清单", changed)
    dialog = ImportPreviewDialog(preview_tasks(again))
    qtbot.addWidget(dialog)
    assert dialog.plan_combo.currentData() == plan.id
    assert "新增 0 条，更新 1 条，未变 1 条" in dialog.text.toPlainText()
    result = _apply(qtbot, dialog)
    assert (result.added, result.updated) == (0, 1)
    assert Task.live().count() == 2
    assert Task.get(Task.code == "1.2").deadline_text == "2027年9月底前"


def test_doc_number_wins_and_the_plan_is_choosable(store, qtbot, tmp_path):
    """The 文号 picks the plan even with another title; the clerk can choose another plan or a new one."""
    by_number = records.save(Plan(title="组团式帮扶方案", doc_number="沿府办发〔2022〕45号"))
    other = records.save(Plan(title="贺兰县城乡义务教育一体化实施方案"))
    path = bureau_list(tmp_path / "附件.xlsx", "附件2：重点任务清单", ROWS, doc_number="沿府办发[2022]45号")
    dialog = ImportPreviewDialog(preview_tasks(path))
    qtbot.addWidget(dialog)
    assert dialog.plan_combo.currentData() == by_number.id
    assert "按文号匹配" in dialog.plan_combo.currentText()
    dialog.plan_combo.setCurrentIndex(dialog.plan_combo.findData(other.id))
    assert "导入到方案：贺兰县城乡义务教育一体化实施方案" in dialog.text.toPlainText()
    dialog.plan_combo.setCurrentIndex(dialog.plan_combo.findData(NEW_PLAN))
    assert "将新建方案" in dialog.text.toPlainText()
    result = _apply(qtbot, dialog)
    assert result.added == 2 and Plan.live().count() == 3
    new_plan = Plan.live().order_by(Plan.id.desc()).first()
    assert {t.plan_id for t in Task.live()} == {new_plan.id}


def test_unknown_title_offers_a_new_plan(store, qtbot, tmp_path):
    """A list that matches no plan is previewed into a new one named after its title."""
    records.save(Plan(title=PLAN_TITLE))
    path = bureau_list(tmp_path / "x.xlsx", "乐山师范学院一对一帮扶任务清单", ROWS)
    dialog = ImportPreviewDialog(preview_tasks(path))
    qtbot.addWidget(dialog)
    assert dialog.plan_combo.currentData() == NEW_PLAN
    assert dialog.plan_combo.currentText() == "新建方案：乐山师范学院一对一帮扶"
