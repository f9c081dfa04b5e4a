"""Excel from the window: export 任务清单 and 台账, import workbooks with a preview, 报送文件.

Same pattern as ``archive_actions``: dialogs (save path, file picker) at the
edge, the work itself through ``run_op`` off the GUI thread, then a report.
The non-modal pieces (``ImportPreviewDialog``, ``run_*`` helpers) take an
``on_done`` callback so tests can drive them without any modal box.
"""

from __future__ import annotations
from .i18n import N_, tr, translated

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .dialog_geometry import RememberedDialog

from ..core import queries
from .lazy_core import (LEDGERS, NEW_PLAN, apply_import, export_tasks, preview_ledger,  # openpyxl on first use
                        preview_tasks, preview_teachers, with_plan)
from ..core.models import Plan
from ..core.submission import export_submission, write_eml_draft
from .archive_actions import ask_save_path, offer_open, open_path, throttled
from .operations import run_op

if TYPE_CHECKING:
    from ..core.excel_import import ImportPreview, ImportResult

XLSX_PATTERN = N_("excel_actions", "Excel 工作簿 (*.xlsx)")
IMPORTERS = {"tasks": (N_("excel_actions", "任务清单"), preview_tasks), "teachers": (N_("excel_actions", "教师名册"), preview_teachers)}
# Which table the bus announces after an import.
IMPORT_CHANGES = {"tasks": "task", "teachers": "teacher"}
# The ledgers read back through core.excel_import_ledgers (menu 导入台账).
LEDGER_IMPORTS = {"pairings": N_("excel_actions", "师徒结对名册"), "rotations": N_("excel_actions", "轮训台账"), "activities": N_("excel_actions", "活动台账"),
                  "observations": N_("excel_actions", "听课记录台账"), "guidance": N_("excel_actions", "指导记录台账")}
IMPORTERS.update({kind: (name, partial(preview_ledger, kind)) for kind, name in LEDGER_IMPORTS.items()})
IMPORT_CHANGES.update({"pairings": "pairing", "rotations": "rotation", "activities": "activity",
                       "observations": "observation", "guidance": "guidance"})


def default_name(content: str, day: dt.date | None = None) -> str:
    """本单位_内容_YYYYMMDD.xlsx (本单位 when no unit is marked as ours)."""
    return f"{queries.self_unit_name() or '本单位'}_{content}_{(day or dt.date.today()):%Y%m%d}.xlsx"  # notr


def report_written(parent: QWidget, path) -> None:
    """Say where the workbook went; offer to open it or its folder."""
    offer_open(parent, tr("excel_actions", "导出完成"), tr("excel_actions", "已导出到：\n%s") % path, path)


# -- export --------------------------------------------------------------------------------
def _pick_plan(parent: QWidget) -> tuple[bool, int | None]:
    """(go on, plan id): asks only when several plans exist; None lets the core choose."""
    plans = list(Plan.live().order_by(Plan.id))
    if len(plans) <= 1:
        return True, None
    labels = [tr("excel_actions", "{id}：{title}").format(id=p.id, title=p.title) for p in plans]
    label, ok = QInputDialog.getItem(parent, tr("excel_actions", "导出任务清单"), tr("excel_actions", "导出哪个方案的任务清单？"),
                                     labels, 0, False)
    if not ok:
        return False, None
    return True, plans[labels.index(label)].id


def run_tasks_export(parent: QWidget, dest: str, *, plan_id: int | None = None, template: str | None = None,
                     on_done=None):
    """Write the 任务清单 workbook with progress and cancel."""
    def work(progress, cancelled):
        return export_tasks(dest, plan_id=plan_id, template=template, progress=throttled(progress), cancelled=cancelled)

    return run_op(parent, tr("excel_actions", "正在导出任务清单…"), work, on_done or (lambda p: report_written(parent, p)),
                  progress=True, cancellable=True)


def export_tasks_workbook(parent: QWidget) -> None:
    """导出任务清单: optionally through the bureau's template, to a chosen file."""
    go_on, plan_id = _pick_plan(parent)
    if not go_on:
        return
    template = None
    answer = QMessageBox.question(parent, tr("excel_actions", "导出任务清单"), tr("excel_actions", "使用教育局下发的模板？"),
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    if answer == QMessageBox.Yes:
        template, _ = QFileDialog.getOpenFileName(parent, tr("excel_actions", "选择教育局模板"), str(Path.home()),
                                                  translated(XLSX_PATTERN))
        if not template:
            return
    dest = ask_save_path(parent, tr("excel_actions", "导出任务清单"), default_name("任务清单"), translated(XLSX_PATTERN))  # notr
    if dest:
        run_tasks_export(parent, dest, plan_id=plan_id, template=template)


def run_ledger_export(parent: QWidget, kind: str, dest: str, on_done=None):
    """Write one 台账 workbook with progress and cancel."""
    name, export = LEDGERS[kind]

    def work(progress, cancelled):
        return export(dest, progress=throttled(progress), cancelled=cancelled)

    return run_op(parent, tr("excel_actions", "正在导出%s…") % translated(name), work,
                  on_done or (lambda p: report_written(parent, p)), progress=True, cancellable=True)


def export_ledger(parent: QWidget, kind: str) -> None:
    """导出台账 ``kind`` (a key of LEDGERS) to a chosen file."""
    name, _ = LEDGERS[kind]
    dest = ask_save_path(parent, tr("excel_actions", "导出%s") % translated(name), default_name(name), translated(XLSX_PATTERN))
    if dest:
        run_ledger_export(parent, kind, dest)


# -- import --------------------------------------------------------------------------------
class ImportPreviewDialog(RememberedDialog):
    """What an import would do, with a column → field editor; 确认导入 accepts."""

    UNMAPPED = ""

    def __init__(self, preview: ImportPreview, parent=None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(tr("ImportPreviewDialog", "导入预览"))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("ImportPreviewDialog", "请核对将要导入的内容。列对应不对时，可在下方手动调整。")))
        if hasattr(preview, "plan"):
            layout.addLayout(self._plan_row(preview))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        group = QGroupBox(tr("ImportPreviewDialog", "列对应"))
        form = QFormLayout(group)
        self.combos: dict[int, QComboBox] = {}
        labels = preview.field_labels()
        for col, header in enumerate(preview.headers):
            combo = QComboBox()
            combo.addItem(tr("ImportPreviewDialog", "（不导入）"), self.UNMAPPED)
            for key, label in labels.items():
                combo.addItem(label, key)
            current = preview.mapping.get(col)
            if current is not None:
                combo.setCurrentIndex(combo.findData(current))
            combo.currentIndexChanged.connect(self._remap)
            self.combos[col] = combo
            form.addRow(header or tr("ImportPreviewDialog", "第%d列") % (col + 1), combo)
        layout.addWidget(group)
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(tr("ImportPreviewDialog", "确认导入"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(tr("ImportPreviewDialog", "取消"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._refresh()

    def _plan_row(self, preview: ImportPreview) -> QHBoxLayout:
        """导入到方案: the plan the core matched (by 文号 or title), or any other, or a new one."""
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("ImportPreviewDialog", "导入到方案：")))
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("import_plan")
        matched = preview.plan
        new_title = matched.title if matched.id is None else ""
        for pid, title in Plan.live(Plan.id, Plan.title).order_by(Plan.id).tuples():
            suffix = tr("ImportPreviewDialog", "（按%s匹配）") % preview.plan_how if matched.id == pid else ""
            self.plan_combo.addItem(title + suffix, pid)
        self.plan_combo.addItem(tr("ImportPreviewDialog", "新建方案") + (tr("ImportPreviewDialog", "：{new_title}").format(new_title=new_title) if new_title else ""), NEW_PLAN)
        self.plan_combo.setCurrentIndex(self.plan_combo.findData(matched.id if matched.id else NEW_PLAN))
        self.plan_combo.currentIndexChanged.connect(self._replan)
        row.addWidget(self.plan_combo, 1)
        return row

    def _replan(self, *_):
        self.preview = with_plan(self.preview, self.plan_combo.currentData())
        self._refresh()

    def mapping(self) -> dict[int, str]:
        """The column → field mapping chosen in the combos."""
        return {col: combo.currentData() for col, combo in self.combos.items()
                if combo.currentData() != self.UNMAPPED}

    def _remap(self, *_):
        try:
            self.preview = self.preview.remap(self.mapping())
        except Exception as exc:  # noqa: BLE001 - a BangfuError from a bad mapping: show it in place
            self.text.setPlainText(tr("ImportPreviewDialog", "无法按此对应读取：%s") % exc)
            self.confirm_button.setEnabled(False)
            return
        self._refresh()

    def _refresh(self) -> None:
        self.text.setPlainText(self.preview.report())
        self.confirm_button.setEnabled(bool(self.preview.to_add or self.preview.to_update))


def run_apply(parent: QWidget, preview: ImportPreview, on_done=None):
    """Write a confirmed preview (one transaction); every table is refreshed afterwards."""
    def work(progress, cancelled):
        return apply_import(preview, progress=progress, cancelled=cancelled)

    return run_op(parent, tr("excel_actions", "正在导入…"), work, on_done or (lambda r: report_imported(parent, r)),
                  changes="", progress=True, cancellable=True)


def report_imported(parent: QWidget, result: ImportResult) -> None:
    """Say how many rows were added, updated, skipped."""
    QMessageBox.information(parent, tr("excel_actions", "导入完成"),
                            tr("excel_actions", "新增 %d 条，更新 %d 条，跳过 %d 行。")
                            % (result.added, result.updated, result.skipped))


def run_preview(parent: QWidget, kind: str, path: str, on_done):
    """Read the workbook off the GUI thread; ``on_done`` gets the ImportPreview."""
    _, preview = IMPORTERS[kind]

    def work(progress, cancelled):
        return preview(path, progress=progress, cancelled=cancelled)

    return run_op(parent, tr("excel_actions", "正在读取工作簿…"), work, on_done, progress=True, cancellable=True)


def show_preview(parent: QWidget, preview: ImportPreview) -> None:
    """The modal preview; on 确认导入 the import is written."""
    dialog = ImportPreviewDialog(preview, parent)
    if dialog.exec() == QDialog.Accepted:
        run_apply(parent, dialog.preview)


def import_workbook(parent: QWidget, kind: str) -> None:
    """导入 ``kind`` (a key of IMPORTERS): pick a file, preview, confirm, write."""
    name, _ = IMPORTERS[kind]
    path, _ = QFileDialog.getOpenFileName(parent, tr("excel_actions", "导入%s") % translated(name), str(Path.home()),
                                          tr("excel_actions", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)"))
    if path:
        run_preview(parent, kind, path, lambda preview: show_preview(parent, preview))


def add_ledger_imports(menu: QMenu, window: QWidget) -> QMenu:
    """A 导入台账 submenu: each ledger read back (our export or a bureau's sheet) with the preview."""
    submenu = menu.addMenu(tr("excel_actions", "导入台账"))
    for kind, name in LEDGER_IMPORTS.items():
        action = submenu.addAction(tr("excel_actions", "%s…") % translated(name))
        action.triggered.connect(lambda _=False, k=kind: import_workbook(window, k))
    return submenu


# -- 报送 ----------------------------------------------------------------------------------
def submission_choices() -> list[tuple[str, str]]:
    """(label, kind) of what can be submitted: 任务清单 then each 台账."""
    return [(tr("excel_actions", "任务清单"), "tasks"), *((name, kind) for kind, (name, _) in LEDGERS.items())]


def run_submission(parent: QWidget, kind: str, on_done=None):
    """Write the workbook ``kind`` into the outbox, with progress and cancel."""
    def work(progress, cancelled):
        return export_submission(kind, progress=throttled(progress), cancelled=cancelled)

    return run_op(parent, tr("excel_actions", "正在生成报送文件…"), work,
                  on_done or (lambda p: report_submission(parent, p)), progress=True, cancellable=True)


def report_submission(parent: QWidget, path: Path) -> None:
    """Offer 打开文件, 打开所在文件夹 and 写邮件草稿 for the file just written."""
    chosen = offer_open(parent, tr("excel_actions", "报送文件已生成"), tr("excel_actions", "已生成：\n%s") % path, path,
                        extra=(("mail", tr("excel_actions", "写邮件草稿")),))
    if chosen == "mail":
        from .dialogs.bureau_email import with_bureau_email

        with_bureau_email(parent, lambda to: open_path(write_eml_draft(path, to=to)))


def export_submission_dialog(parent: QWidget) -> None:
    """导出报送文件: choose the content, write it into the outbox, then offer folder / e-mail draft."""
    choices = submission_choices()
    labels = [label for label, _ in choices]
    label, ok = QInputDialog.getItem(parent, tr("excel_actions", "导出报送文件"), tr("excel_actions", "报送内容"), labels, 0, False)
    if ok and label:
        from .archive_actions import check_before_printing

        check_before_printing(parent, None, lambda: run_submission(parent, dict(choices)[label]))
