"""Pickers (single and multi, with pinyin search) and the attachment panel used inside record forms."""

from __future__ import annotations
from ..i18n import tr

import os
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.pinyin import matches, search_keys

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


def choice_name(text: str) -> str:
    """The name part of a choice text: “周杰（单位·学科）” → “周杰”."""
    return text.split("（", 1)[0].strip()  # notr: the name before the （单位·学科） of tabs.common


# Roles looked up once (PySide6's old-style names cost a compatibility lookup on every call).
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_USER = Qt.ItemDataRole.UserRole
_CHECK_STATE = Qt.ItemDataRole.CheckStateRole


class ChoiceModel(QAbstractListModel):
    """(text, value) choices behind a picker, held as one Python list (no item per row).

    With ``checkable`` the rows carry check boxes; the checked values are kept in a set.
    """

    def __init__(self, items: Sequence[tuple[str, Any]] = (), checkable: bool = False, parent=None):
        super().__init__(parent)
        self.checkable = checkable
        self.items: list[tuple[str, Any]] = list(items)
        self.checked_values: set = set()

    def set_items(self, items: Sequence[tuple[str, Any]]) -> None:
        """Replace every choice (checked values that still exist stay checked)."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        text, value = self.items[index.row()]
        if role == _DISPLAY or role == _EDIT:
            return text
        if role == _USER:
            return value
        if role == _CHECK_STATE and self.checkable:
            return Qt.CheckState.Checked if value in self.checked_values else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802 - Qt API
        if role != Qt.CheckStateRole or not self.checkable or not index.isValid():
            return False
        item_value = self.items[index.row()][1]
        state = value.value if hasattr(value, "value") else value
        if state == Qt.Checked.value:
            self.checked_values.add(item_value)
        else:
            self.checked_values.discard(item_value)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemIsUserCheckable if self.checkable else base

    def row_of(self, value: Any) -> int:
        """The row holding ``value`` (-1 if none)."""
        for row, (_, v) in enumerate(self.items):
            if v == value:
                return row
        return -1

    def matches_of(self, text: str) -> list[int]:
        """Rows a typed text stands for: the exact entry, else every entry whose name it is.

        A typed “周杰” stands for “周杰（沿河二中·语文）”; typed full pinyin (“zhoujie”)
        counts as the name too.
        """
        text = text.strip()
        if not text:
            return []
        exact = [r for r, (t, _) in enumerate(self.items) if t == text]
        if exact:
            return exact
        by_name = [r for r, (t, _) in enumerate(self.items) if choice_name(t) == text]
        if by_name or not text.isascii():
            return by_name
        wanted = text.lower().replace(" ", "")
        return [r for r, (t, _) in enumerate(self.items) if search_keys(choice_name(t), True)[0] == wanted]


class PinyinFilter(QSortFilterProxyModel):
    """Keeps the rows whose text contains the query as characters, full pinyin or initials."""

    def __init__(self, source: ChoiceModel, parent=None):
        super().__init__(parent)
        self.query = ""
        self.setSourceModel(source)

    def set_query(self, text: str) -> None:
        """Filter by a typed text (empty: every row)."""
        self.query = text.strip()
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt API
        if not self.query:
            return True
        text = self.sourceModel().items[row][0]
        words = self.query.split()
        return all(matches(w, text) or matches(w, choice_name(text), True) for w in words)


class SearchCombo(QComboBox):
    """A picker: type part of a name, its pinyin or initials (zj → 周杰), or open the list.

    The choices live in one ``ChoiceModel``; the completer filters them through
    ``PinyinFilter`` as the clerk types.
    """

    def __init__(self, items: Sequence[tuple[str, Any]], allow_free: bool = False, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.allow_free = allow_free
        # Sizing to the contents would measure every one of thousands of names.
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.choices = ChoiceModel(items, parent=self)
        self.setModel(self.choices)
        self.filter = PinyinFilter(self.choices, self)
        completer = QCompleter(self.filter, self)
        completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        completer.activated[str].connect(self._picked)
        self.setCurrentIndex(-1)
        self.setEditText("")

    def _typed(self, text: str) -> None:
        self.filter.set_query(text)
        if text.strip() and self.filter.rowCount():
            self.completer().complete()

    def _picked(self, text: str) -> None:
        index = self.findText(text, Qt.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)

    def set_choices(self, items: Sequence[tuple[str, Any]]) -> None:
        """Replace the choices, keeping the current value when it is still there."""
        current = self.value()
        self.choices.set_items(items)
        self.set_value(current if current is not ... else None)

    def offer(self, rows: Sequence[int]) -> None:
        """Open the list with only these rows (several records share the typed name)."""
        names = {choice_name(self.choices.items[r][0]) for r in rows}
        self.filter.set_query(" ".join(sorted(names)) if len(names) == 1 else "")
        self.completer().complete()

    def set_value(self, value: Any) -> None:
        """Select the item holding ``value`` (or type it, for free text)."""
        index = self.choices.row_of(value) if value is not None else -1
        if index >= 0:
            self.setCurrentIndex(index)
        elif self.allow_free and value:
            self.setEditText(str(value))
        else:
            self.setCurrentIndex(-1)
            self.setEditText("")

    def resolve(self) -> tuple[Any, list[int]]:
        """(value, rows): the chosen value (None: empty; ...: not settled) and the matching rows."""
        text = self.currentText().strip()
        if not text:
            return None, []
        rows = self.choices.matches_of(text)
        if len(rows) == 1:
            return self.choices.items[rows[0]][1], rows
        if self.allow_free and not rows:
            return text, rows
        return ..., rows

    def value(self) -> Any:
        """The chosen item's value, the typed text (free), None (empty) or ... (no single match)."""
        return self.resolve()[0]


class CheckList(QWidget):
    """A searchable list of checkable items (participants, linked tasks), one model for all rows."""

    def __init__(self, items: Sequence[tuple[str, Any]], placeholder: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.top.addWidget(self.search, 1)
        self.top.addWidget(self.count)
        layout.addLayout(self.top)
        self.model = ChoiceModel(items, checkable=True, parent=self)
        self.filter = PinyinFilter(self.model, self)
        self.list = QListView()
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(120)
        self.list.setModel(self.filter)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self.filter.set_query)
        self.model.dataChanged.connect(lambda *_: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(tr("CheckList", "已选 %d") % len(self.checked()))

    def set_items(self, items: Sequence[tuple[str, Any]]) -> None:
        """Replace the items; values still present stay checked."""
        self.model.set_items(items)

    def set_checked(self, values: Sequence[Any]) -> None:
        """Check exactly the items holding these values."""
        present = {v for _, v in self.model.items}
        self.model.checked_values = {v for v in values if v in present}
        if self.model.items:
            self.model.dataChanged.emit(self.model.index(0), self.model.index(len(self.model.items) - 1),
                                        [Qt.CheckStateRole])
        self._update_count()

    def checked(self) -> list[Any]:
        """Values of the checked items, in list order."""
        wanted = self.model.checked_values
        return [v for _, v in self.model.items if v in wanted]

    def visible_texts(self) -> list[str]:
        """The texts the list shows now (after the search)."""
        return [self.filter.index(r, 0).data() for r in range(self.filter.rowCount())]


class AttachmentPanel(QWidget):
    """Photos and files of a record: thumbnails, add by button or drag and drop, open, remove.

    New files are only remembered here; the form's save (core.record_ops.save_activity) copies them in.
    """

    def __init__(self, existing: Sequence[tuple[int, str, Path]], parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.pending: list[Path] = []
        self.removed: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(96, 72))
        self.list.setGridSize(QSize(120, 110))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMinimumHeight(130)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        for text, slot in ((tr("AttachmentPanel", "添加照片/文件…"), self._pick), (tr("AttachmentPanel", "打开"), self._open_selected),
                           (tr("AttachmentPanel", "移除"), self._remove_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        hint = QLabel(tr("AttachmentPanel", "也可以把文件拖到这里"))
        hint.setStyleSheet("color:#666")
        buttons.addWidget(hint)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for attachment_id, name, path in existing:
            self._add_item(name, path, attachment_id)

    def _add_item(self, name: str, path: Path, attachment_id: int | None) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.UserRole, (attachment_id, str(path)))
        if path.suffix.lower() in IMAGE_SUFFIXES:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                item.setIcon(QIcon(pixmap.scaled(96, 72, Qt.KeepAspectRatio, Qt.SmoothTransformation)))
        if item.icon().isNull():
            item.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon))
        self.list.addItem(item)

    def add_files(self, files: Sequence[str | os.PathLike]) -> None:
        """Queue files to be attached when the form is saved."""
        for f in files:
            path = Path(f)
            if path.is_file():
                self.pending.append(path)
                self._add_item(path.name, path, None)

    def _pick(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("AttachmentPanel", "选择照片或文件"), "",
                                                tr("AttachmentPanel", "照片 (*.jpg *.jpeg *.png *.bmp);;所有文件 (*)"))
        self.add_files(files)

    def _open(self, item: QListWidgetItem) -> None:
        _, path = item.data(Qt.UserRole)
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _open_selected(self) -> None:
        for item in self.list.selectedItems()[:1]:
            self._open(item)

    def _remove_selected(self) -> None:
        for item in self.list.selectedItems():
            attachment_id, path = item.data(Qt.UserRole)
            if attachment_id is None:
                self.pending = [p for p in self.pending if str(p) != path]
            else:
                self.removed.append(attachment_id)
            self.list.takeItem(self.list.row(item))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.add_files([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()
