"""指导记录 of one pairing: the pane under the 师徒结对 table and the form that adds or edits a record.

The pane only shows and asks; saving, deleting and the checks live in core.guidance.
"""

from __future__ import annotations
from ..i18n import N_, tr

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import attachments as attachment_store
from ...core.guidance import delete_guidance, guidance_errors, guidance_log, save_guidance
from ...core.models import GUIDANCE_KINDS, Guidance, Pairing
from .. import undo
from ..bus import bus
from ..operations import run_op
from ..table_model import Column, RecordTableModel
from .form import FieldSpec, RecordForm
from .pickers import AttachmentPanel

# Row: (id, date, kind, content, reflection, attachments)
COLUMNS = [
    Column(N_("dialogs.guidance", "日期"), 1, 96), Column(N_("dialogs.guidance", "指导形式"), 2, 80), Column(N_("dialogs.guidance", "指导内容"), 3, 320),
    Column(N_("dialogs.guidance", "徒弟收获/反思"), 4, 260), Column(N_("dialogs.guidance", "附件"), 5, 50),
]


def guidance_fields() -> list[FieldSpec]:
    """The 指导记录 form's fields."""
    return [
        FieldSpec("date", tr("dialogs.guidance", "指导日期"), "date", required=True),
        FieldSpec("kind", tr("dialogs.guidance", "指导形式"), "combo", required=True, choices=GUIDANCE_KINDS),
        FieldSpec("content", tr("dialogs.guidance", "指导内容"), "multiline", required=True),
        FieldSpec("reflection", tr("dialogs.guidance", "徒弟收获/反思"), "multiline"),
    ]


class GuidanceForm(RecordForm):
    """A guidance record with its photos and scans; checked against the pairing's dates."""

    def __init__(self, pairing: Pairing, values: dict, parent=None, *, record: Guidance | None = None):
        self.pairing = pairing
        super().__init__(tr("GuidanceForm", "指导记录") if record else tr("GuidanceForm", "新增指导记录"), guidance_fields(), values,
                         parent, record=record)

    def add_extra_widgets(self, form) -> None:
        existing = []
        if self.record is not None:
            existing = [(a.id, a.filename, attachment_store.stored_path(a))
                        for a in attachment_store.attachments_of(self.record)]
        self.attachments = AttachmentPanel(existing)
        self.attachments.setObjectName("attachments")
        form.addRow(tr("GuidanceForm", "照片与扫描件"), self.attachments)

    def extra_errors(self, values):
        return guidance_errors(self.pairing, values)


class GuidancePane(QWidget):
    """The guidance log of the pairing selected in the table above."""

    # Emitted when the log of a pairing was shown, with the number of records (tests wait on it).
    loaded = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pairing_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("guidance_heading")
        self.heading.setStyleSheet("font-weight:bold;")
        bar.addWidget(self.heading, 1)
        self.add_button = QPushButton(tr("GuidancePane", "新增指导记录"))
        self.add_button.setObjectName("guidance_add")
        self.edit_button = QPushButton(tr("GuidancePane", "编辑"))
        self.edit_button.setObjectName("guidance_edit")
        self.delete_button = QPushButton(tr("GuidancePane", "删除"))
        self.delete_button.setObjectName("guidance_delete")
        for button, slot in ((self.add_button, self.add_record), (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected)):
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("guidance_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        for n, column in enumerate(COLUMNS):
            self.view.setColumnWidth(n, column.width)
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        layout.addWidget(self.view, 1)
        bus.changed.connect(self._on_changed)
        self.set_pairing(None)

    # -- showing ------------------------------------------------------------------
    def set_pairing(self, pairing_id: int | None) -> None:
        """Show the log of a pairing (None: nothing selected)."""
        changed = pairing_id != self.pairing_id
        self.pairing_id = pairing_id
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(pairing_id is not None)
        if pairing_id is None:
            self.heading.setText(tr("GuidancePane", "指导记录：请在上表选择一个师徒结对"))
            self.model.set_rows([])
            return
        if changed:
            self.model.set_rows([])
        run_op(None, "", lambda: (pairing_id, self._fetch(pairing_id)), self._show)

    @staticmethod
    def _fetch(pairing_id: int) -> tuple[str, list[tuple]]:
        pairing = Pairing.get_or_none(Pairing.id == pairing_id)
        title = f"{pairing.mentor.name} → {pairing.apprentice.name}" if pairing else ""
        rows = [(g.id, g.date, g.kind, g.content.replace("\n", " "), g.reflection.replace("\n", " "),
                 g.attachments or "") for g in guidance_log(pairing_id)]
        return title, rows

    def _show(self, result) -> None:
        pairing_id, (title, rows) = result
        if pairing_id != self.pairing_id:
            return  # the clerk selected another pairing meanwhile
        self.model.set_rows(rows)
        self.heading.setText(tr("GuidancePane", "指导记录：%s（共 %d 次）") % (title, len(rows)))
        self.loaded.emit(len(rows))

    def _on_changed(self, table: str) -> None:
        if self.pairing_id is not None and table in ("", "guidance", "attachment", "pairing"):
            self.set_pairing(self.pairing_id)

    def selected_ids(self) -> list[int]:
        """Ids of the selected guidance records."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    # -- actions ------------------------------------------------------------------
    def add_record(self) -> None:
        """Open an empty form for the selected pairing."""
        self._open_form(None)

    def edit_selected(self) -> None:
        """Open the form of the selected guidance record."""
        ids = self.selected_ids()
        record = Guidance.get_or_none(Guidance.id == ids[0]) if ids else None
        if record is not None:
            self._open_form(record)

    def _open_form(self, record: Guidance | None) -> None:
        pairing = Pairing.get_or_none(Pairing.id == self.pairing_id) if self.pairing_id else None
        if pairing is None:
            return
        if record is None:
            values = {"date": dt.date.today(), "kind": GUIDANCE_KINDS[0]}
        else:
            values = {spec.name: getattr(record, spec.name) for spec in guidance_fields()}
        form = GuidanceForm(pairing, values, self, record=record)
        if form.exec() != RecordForm.Accepted:
            return
        values, pending = form.result_values, list(form.attachments.pending)
        removed = list(form.attachments.removed)
        pairing_id = pairing.id
        run_op(self, tr("GuidancePane", "正在保存指导记录…"),
               lambda: save_guidance(record, pairing_id, values, add_files=pending, remove_attachment_ids=removed),
               changes="guidance")

    def delete_selected(self) -> None:
        """Move the selected guidance records to the recycle bin (Ctrl+Z brings them back)."""
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) > 1:
            answer = QMessageBox.question(self, tr("GuidancePane", "删除"),
                                          tr("GuidancePane", "把选中的 %d 条指导记录移到回收站？可按 Ctrl+Z 撤销。") % len(ids))
            if answer != QMessageBox.Yes:
                return

        def done(trashed):
            # Push before announcing, so the window's 撤销删除 sees something to undo.
            undo.push(trashed)
            bus.changed.emit("guidance")
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(tr("GuidancePane", "已移到回收站 %d 条指导记录（Ctrl+Z 撤销）") % len(trashed), 8000)

        run_op(self, tr("GuidancePane", "正在删除…"), lambda: delete_guidance(ids), done)
