"""导入数据包 preview: what the package adds and updates, and each conflict with both versions and its own choice.

A conflict is a record changed here and at the sender since the last exchange. Each
row shows the fields that differ (本地 against 收到) and asks 保留本地 or 采用收到的;
“全部…” buttons choose for every row at once. 导入 stays disabled until every row has
a choice, so nothing is decided by a default the clerk never saw.
"""

from __future__ import annotations
from ..i18n import tr

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..dialog_geometry import RememberedDialog

from ...core.exchange.conflicts import MINE, THEIRS, ConflictView, conflict_views, summary_lines
from ...core.exchange.importer import ImportPlan

RECORD, FIELD, LOCAL, RECEIVED, CHOICE = range(5)


class PackageImportDialog(RememberedDialog):
    """Shows an import plan; ``choices()`` gives (table, uuid) → 'mine' / 'theirs' for every conflict."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None, views: list[ConflictView] | None = None):
        super().__init__(parent)
        self.plan = plan
        self.views: list[ConflictView] = conflict_views(plan) if views is None else views
        self.groups: list[QButtonGroup] = []
        self.setWindowTitle(tr("PackageImportDialog", "导入数据包"))
        layout = QVBoxLayout(self)
        summary = QLabel("\n".join(summary_lines(plan)))
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflicts")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        if self.views:
            layout.addWidget(QLabel(tr("PackageImportDialog", "以下 {0} 条记录在本地和对方都修改过，请逐条选择保留哪一方：")
                                    .format(len(self.views))))
            self._fill_table()
            layout.addWidget(self.table, 1)
            shortcuts = QHBoxLayout()
            for name, text, side in (("all_mine", tr("PackageImportDialog", "全部保留本地"), MINE),
                                     ("all_theirs", tr("PackageImportDialog", "全部采用收到的"), THEIRS)):
                button = QPushButton(text)
                button.setObjectName(name)
                button.clicked.connect(lambda _=False, s=side: self.choose_all(s))
                shortcuts.addWidget(button)
            shortcuts.addStretch(1)
            shortcuts.addWidget(self.hint)
            layout.addLayout(shortcuts)
        else:
            self.table.hide()
            layout.addWidget(QLabel(tr("PackageImportDialog", "没有双方都修改过的记录。确定导入吗？")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("PackageImportDialog", "导入"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("PackageImportDialog", "取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(*((900, 520) if self.views else (520, 260)))  # until the saved size is restored on show
        self._update()

    def _fill_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([tr("PackageImportDialog", "记录"), tr("PackageImportDialog", "不同的字段"), tr("PackageImportDialog", "本地"), tr("PackageImportDialog", "收到的"),
                                         tr("PackageImportDialog", "采用")])
        table.setRowCount(len(self.views))
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.NoSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setMinimumSectionSize(36)
        for row, view in enumerate(self.views):
            texts = (view.record, "\n".join(d.label for d in view.diffs), "\n".join(d.mine for d in view.diffs),
                     "\n".join(d.theirs for d in view.diffs))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignLeft | Qt.AlignVCenter)
                table.setItem(row, column, item)
            table.setCellWidget(row, CHOICE, self._choice_cell(row))
        header = table.horizontalHeader()
        for column, width in ((RECORD, 220), (FIELD, 90), (CHOICE, 210)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(LOCAL, QHeaderView.Stretch)
        header.setSectionResizeMode(RECEIVED, QHeaderView.Stretch)
        table.resizeRowsToContents()

    def _choice_cell(self, row: int) -> QWidget:
        cell = QWidget()
        box = QHBoxLayout(cell)
        box.setContentsMargins(6, 0, 6, 0)
        group = QButtonGroup(cell)
        for text, side in ((tr("PackageImportDialog", "保留本地"), MINE), (tr("PackageImportDialog", "采用收到的"), THEIRS)):
            radio = QRadioButton(text)
            radio.setObjectName(f"{side}_{row}")
            radio.setProperty("side", side)
            group.addButton(radio)
            box.addWidget(radio)
        group.buttonToggled.connect(lambda *_: self._update())
        self.groups.append(group)
        return cell

    def choose(self, row: int, side: str) -> None:
        """Choose ``side`` ('mine' / 'theirs') for conflict ``row``."""
        for button in self.groups[row].buttons():
            if button.property("side") == side:
                button.setChecked(True)

    def choose_all(self, side: str) -> None:
        """全部保留本地 / 全部采用收到的."""
        for row in range(len(self.groups)):
            self.choose(row, side)

    def choices(self) -> dict[tuple[str, str], str]:
        """(table, uuid) → 'mine' / 'theirs' for every conflict chosen so far."""
        out = {}
        for view, group in zip(self.views, self.groups):
            checked = group.checkedButton()
            if checked is not None:
                out[view.key] = checked.property("side")
        return out

    def _update(self) -> None:
        open_rows = len(self.views) - len(self.choices())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(open_rows == 0)
        self.hint.setText(tr("PackageImportDialog", "还有 {0} 条未选择").format(open_rows) if open_rows else "")
