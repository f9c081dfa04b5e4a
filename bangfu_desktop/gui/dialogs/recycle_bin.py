"""回收站: every deleted record, restorable."""

from __future__ import annotations
from ..i18n import tr

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..dialog_geometry import RememberedDialog

from ...core import record_ops, records
from ..table_model import Column, RecordTableModel


class RecycleBinDialog(RememberedDialog):
    """Lists what was deleted, most recent first; 恢复 brings records back."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("RecycleBinDialog", "回收站"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("RecycleBinDialog", "删除的记录都保存在这里，选中后点“恢复”即可找回。")))
        self.model = RecordTableModel([Column(tr("RecycleBinDialog", "类型"), 1, 90), Column(tr("RecycleBinDialog", "记录"), 2, 420), Column(tr("RecycleBinDialog", "删除时间"), 3, 150)], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("RecycleBinDialog", "关闭"))
        self.restore_button = QPushButton(tr("RecycleBinDialog", "恢复"))
        self.restore_button.setObjectName("restore")
        buttons.addButton(self.restore_button, QDialogButtonBox.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)  # until the saved size is restored on show (RememberedDialog)
        self.reload()

    def reload(self) -> None:
        """Read the bin again."""
        # Row: (index, label, description, deleted_at, table, id)
        self.items = records.trashed()
        self.model.set_rows([(n, t.label, t.description, t.deleted_at, t.table, t.record_id)
                             for n, t in enumerate(self.items)])

    def restore_selected(self) -> None:
        """Restore the selected records."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        items = [(self.model.row_at(r)[4], self.model.row_at(r)[5]) for r in rows]
        if not items:
            return
        self.restore_button.setEnabled(False)
        from .correction import run_correctable  # a locked period asks for a 更正 reason

        run_correctable(self, tr("RecycleBinDialog", "正在恢复…"), lambda reason: record_ops.restore_many(items, correction=reason),
                        lambda _: self.reload(), changes=sorted({table for table, _ in items}),
                        always=lambda ok: self.restore_button.setEnabled(True))
