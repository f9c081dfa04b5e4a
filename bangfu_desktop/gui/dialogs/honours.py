"""The small honours editor inside the teacher form: a few rows of 类别 · 级别 · 年份.

A teacher has a handful of honours at most, so a QTableWidget with a combo or a
spin box per cell is the right tool here (not for growing data).
"""

from __future__ import annotations
from ..i18n import tr

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.models import HONOUR_KINDS, HONOUR_LEVELS, Honour
from ...core.record_ops import HonourRow  # noqa: F401 - the editor's rows are what core saves

NO_YEAR = 1949  # the spin box's minimum, shown as “未填”


class HonoursEditor(QWidget):
    """Rows of honours with 添加 / 删除 buttons; ``rows()`` reads them back."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("honours")
        self._ids: list[int | None] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("honours_table")
        self.table.setHorizontalHeaderLabels([tr("HonoursEditor", "类别"), tr("HonoursEditor", "级别"), tr("HonoursEditor", "年份")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 90)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(170)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("HonoursEditor", "添加荣誉"))
        self.add_button.setObjectName("honour_add")
        self.add_button.clicked.connect(lambda: self.add_row(HonourRow(None, HONOUR_KINDS[0], "县级",  # notr
                                                                       dt.date.today().year)))
        self.remove_button = QPushButton(tr("HonoursEditor", "删除选中"))
        self.remove_button.setObjectName("honour_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, row: HonourRow) -> None:
        """Append one honour."""
        n = self.table.rowCount()
        self.table.insertRow(n)
        kind = QComboBox()
        kind.setEditable(True)  # plans name more honours than the list holds
        kind.addItems(HONOUR_KINDS)
        kind.setCurrentText(row.kind)
        level = QComboBox()
        level.addItems(HONOUR_LEVELS)
        level.setCurrentText(row.level if row.level in HONOUR_LEVELS else "县级")  # notr
        year = QSpinBox()
        year.setRange(NO_YEAR, 2100)
        year.setSpecialValueText(tr("HonoursEditor", "未填"))
        year.setValue(row.year or NO_YEAR)
        self.table.setCellWidget(n, 0, kind)
        self.table.setCellWidget(n, 1, level)
        self.table.setCellWidget(n, 2, year)
        self._ids.append(row.honour_id)

    def remove_selected(self) -> None:
        """Drop the selected rows (they are moved to the recycle bin on save)."""
        for n in sorted({i.row() for i in self.table.selectionModel().selectedRows()}
                        or ({self.table.currentRow()} if self.table.currentRow() >= 0 else set()),
                        reverse=True):
            self.table.removeRow(n)
            del self._ids[n]

    def set_rows(self, rows: list[HonourRow]) -> None:
        """Show these honours (replacing any shown)."""
        self.table.setRowCount(0)
        self._ids.clear()
        for row in rows:
            self.add_row(row)

    def rows(self) -> list[HonourRow]:
        """The honours as edited, in table order."""
        result = []
        for n, honour_id in enumerate(self._ids):
            year = self.table.cellWidget(n, 2).value()
            result.append(HonourRow(honour_id, self.table.cellWidget(n, 0).currentText().strip(),
                                    self.table.cellWidget(n, 1).currentText(),
                                    None if year == NO_YEAR else year))
        return result


def honours_of(teacher_id: int | None) -> list[HonourRow]:
    """The live honours of a teacher, oldest first."""
    if teacher_id is None:
        return []
    query = (Honour.live(Honour.id, Honour.kind, Honour.level, Honour.year)
             .where(Honour.teacher == teacher_id).order_by(Honour.year, Honour.id).tuples())
    return [HonourRow(*row) for row in query]
