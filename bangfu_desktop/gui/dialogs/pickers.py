"""Multi-pickers and the attachment panel used inside record forms."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
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

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


class CheckList(QWidget):
    """A searchable list of checkable items (participants, linked tasks)."""

    def __init__(self, items: Sequence[tuple[str, Any]], placeholder: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        for text, value in items:
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _: self._update_count())
        self._update_count()

    def _filter(self, text: str) -> None:
        words = text.strip().lower().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.text().lower()
            item.setHidden(bool(words) and not all(w in hay for w in words))

    def _update_count(self) -> None:
        self.count.setText(self.tr("已选 %d") % len(self.checked()))

    def set_checked(self, values: Sequence[Any]) -> None:
        """Check exactly the items holding these values."""
        wanted = set(values)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)

    def checked(self) -> list[Any]:
        """Values of the checked items, in list order."""
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]


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
        for text, slot in ((self.tr("添加照片/文件…"), self._pick), (self.tr("打开"), self._open_selected),
                           (self.tr("移除"), self._remove_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        hint = QLabel(self.tr("也可以把文件拖到这里"))
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
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择照片或文件"), "",
                                                self.tr("照片 (*.jpg *.jpeg *.png *.bmp);;所有文件 (*)"))
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
