"""A record form built from field specs: required marks, pickers, and errors beside each field.

Nothing is saved until every field is valid. Subclasses add cross-field checks
(``extra_errors``) and extra widgets (participants, attachments). With a
``model_class`` (set by ``tabs.common.edit_with_form``) 保存 runs the core save
(``save_call``) through ``run_op``: the form closes only when it succeeded and
keeps everything typed when it failed.
"""

from __future__ import annotations
from ..i18n import tr, translated

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ..dialog_geometry import RememberedDialog

from ...core import record_ops, records
from ...core.errors import RecordChanged
from ...core.exchange.receipts import CorrectionRequired
from ...core.validation import check_mobile, normalise_mobile, parse_date_text
from ..operations import run_op
from .pickers import SearchCombo, choice_name

__all__ = ["Choices", "DateEdit", "FieldSpec", "RecordForm", "SearchCombo"]

Choices = Callable[[], Sequence[tuple[str, Any]]]


@dataclass
class FieldSpec:
    """One form field: attribute name, Chinese label, kind and rules."""

    name: str
    label: str
    kind: str = "text"  # text multiline date combo editcombo choice bool int float phone deadline
    required: bool = False
    choices: Sequence[str] | Choices | None = None  # texts, or (text, value) pairs for "choice"
    placeholder: str = ""
    help: Callable[[str], str] | None = None  # live explanation under the field
    # extra["create"]: create(form, typed_text, done) opens the form of a new record for a
    # "choice" field and calls done(value) once it is saved; the field then offers "新建…".
    extra: dict = field(default_factory=dict)


class DateEdit(QWidget):
    """A date typed as text (any usual form) with a calendar button; may be empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(tr("DateEdit", "例如 2024-03-01"))
        button = QToolButton()
        button.setText(tr("DateEdit", "日历"))
        button.setToolTip(tr("DateEdit", "选择日期"))
        button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        button.setMenu(menu)
        self.calendar.clicked.connect(lambda d: (self.set_date(d.toPython()), menu.close()))
        layout.addWidget(self.line, 1)
        layout.addWidget(button)

    def set_date(self, value: dt.date | None) -> None:
        """Show a date (or nothing)."""
        self.line.setText(value.isoformat() if value else "")
        if value:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def text(self) -> str:
        """What is typed."""
        return self.line.text()


class RecordForm(RememberedDialog):
    """Add or edit one record through its field specs."""

    def __init__(self, title: str, fields: Sequence[FieldSpec], values: dict | None = None, parent=None,
                 *, record=None):
        super().__init__(parent)
        # The record being edited (None for a new one): subclasses read its links.
        self.record = record
        # The version the user is editing: a save checks nobody else saved since (optimistic concurrency).
        self.editing_version = getattr(record, "updated_at", None) if record is not None else None
        self.setWindowTitle(title)
        self.fields = list(fields)
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.help_labels: dict[str, QLabel] = {}
        self.new_buttons: dict[str, QPushButton] = {}
        self._choice_cache: dict[Any, list[tuple[str, Any]]] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        for spec in self.fields:
            self._add_field(spec)
        self.add_extra_widgets(self.form)
        scroll.setWidget(body)
        # No sideways scrolling: a field's message wraps at the visible width, and the
        # dialog never gets narrower than its fields need, so every message shows in full.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #b00020;")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(tr("RecordForm", "保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("RecordForm", "取消"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.buttons = buttons
        self.result_values: dict[str, Any] = {}
        # What 保存 writes (None: the form only collects values) and the record it saved.
        self.model_class = None
        self.prepare: Callable[[Any], None] | None = None
        self.saved = None
        self.saving = False
        if values:
            self.set_values(values)
        self.resize(640, 560)  # until the clerk's own size is restored on show (RememberedDialog)
        self.setMinimumWidth(body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                             + 2 * scroll.frameWidth() + outer.contentsMargins().left()
                             + outer.contentsMargins().right())

    # -- building ----------------------------------------------------------------
    def cached_choices(self, source: Choices, fresh: bool = False) -> list[tuple[str, Any]]:
        """The choices of a query function, fetched once per form (several pickers share them)."""
        if fresh or source not in self._choice_cache:
            self._choice_cache[source] = list(source())
        return self._choice_cache[source]

    def _choices(self, spec: FieldSpec, fresh: bool = False) -> list[tuple[str, Any]]:
        raw = self.cached_choices(spec.choices, fresh) if callable(spec.choices) else (spec.choices or [])
        return [(translated(c[0]), c[1]) if isinstance(c, tuple) else (translated(c), c) for c in raw]

    def _add_field(self, spec: FieldSpec) -> None:
        kind = spec.kind
        if kind == "multiline":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(70)
        elif kind == "date":
            editor = DateEdit()
        elif kind == "combo":
            editor = QComboBox()
            for text, value in self._choices(spec):
                editor.addItem(text, value)
        elif kind in ("choice", "editcombo"):
            editor = SearchCombo(self._choices(spec), allow_free=kind == "editcombo")
        elif kind == "bool":
            editor = QCheckBox()
        elif kind == "int":
            editor = QSpinBox()
            editor.setRange(spec.extra.get("min", 0), spec.extra.get("max", 100000))
        else:
            editor = QLineEdit()
            if spec.placeholder:
                editor.setPlaceholderText(translated(spec.placeholder))
        editor.setObjectName(f"field_{spec.name}")
        label = QLabel(("<span style='color:#b00020'>*</span> " if spec.required else "") + translated(spec.label))
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if kind == "choice" and spec.extra.get("create"):
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(editor, 1)
            button = QPushButton(tr("RecordForm", "新建…"))
            button.setObjectName(f"new_{spec.name}")
            button.setToolTip(tr("RecordForm", "列表里没有时，新建一条（会用已输入的文字）"))
            button.clicked.connect(lambda _=False, s=spec: self.create_for(s))
            row.addWidget(button)
            self.new_buttons[spec.name] = button
            box.addLayout(row)
        else:
            box.addWidget(editor)
        if spec.help is not None:
            help_label = QLabel()
            help_label.setStyleSheet("color: #555;")
            help_label.setObjectName(f"help_{spec.name}")
            box.addWidget(help_label)
            self.help_labels[spec.name] = help_label
            editor.textChanged.connect(lambda text, s=spec, h=help_label: h.setText(s.help(text)))
        error = QLabel()
        error.setObjectName(f"error_{spec.name}")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        # Never squeezed: a wrapped message keeps the height of all its lines.
        error.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        error.hide()
        box.addWidget(error)
        self.form.addRow(label, container)
        self.editors[spec.name] = editor
        self.error_labels[spec.name] = error

    def add_extra_widgets(self, form: QFormLayout) -> None:
        """Subclasses add widgets that are not simple fields."""

    def create_for(self, spec: FieldSpec) -> None:
        """新建…: open the new record's form with the typed text; select the record once saved."""
        editor = self.editors[spec.name]
        typed = editor.currentText().strip()
        if editor.value() not in (None, ...):
            typed = ""  # a chosen record is not a name to create

        def done(value: Any) -> None:
            if value is None:
                return
            editor.set_choices(self._choices(spec, fresh=True))
            editor.set_value(value)
            self.error_labels[spec.name].hide()

        spec.extra["create"](self, choice_name(typed), done)

    # -- values ------------------------------------------------------------------
    def set_values(self, values: dict) -> None:
        """Fill the editors from a dict of attribute values."""
        for spec in self.fields:
            if spec.name not in values:
                continue
            value, editor = values[spec.name], self.editors[spec.name]
            if spec.kind == "multiline":
                editor.setPlainText(value or "")
            elif spec.kind == "date":
                editor.set_date(value)
            elif spec.kind == "combo":
                index = editor.findData(value)
                editor.setCurrentIndex(max(index, 0))
            elif spec.kind in ("choice", "editcombo"):
                editor.set_value(value)
            elif spec.kind == "bool":
                editor.setChecked(bool(value))
            elif spec.kind == "int":
                editor.setValue(int(value or 0))
            else:
                editor.setText("" if value is None else str(value))
            if spec.help is not None:
                self.help_labels[spec.name].setText(spec.help(editor.text() if hasattr(editor, "text") else ""))

    def read_values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(values, errors) from the editors; errors are Chinese, keyed by field."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self.fields:
            editor = self.editors[spec.name]
            try:
                value = self._read(spec, editor)
            except ValueError as exc:
                errors[spec.name] = str(exc)
                continue
            if spec.required and (value is None or value == ""):
                errors[spec.name] = tr("RecordForm", "“%s”必须填写") % spec.label
            values[spec.name] = value
        return values, errors

    def _read(self, spec: FieldSpec, editor: QWidget) -> Any:
        kind = spec.kind
        if kind == "multiline":
            return editor.toPlainText().strip()
        if kind == "date":
            return parse_date_text(editor.text())
        if kind == "combo":
            return editor.currentData()
        if kind in ("choice", "editcombo"):
            value, rows = editor.resolve()
            if value is ... and rows:
                editor.offer(rows)
                raise ValueError(tr("RecordForm", "有 %d 条“%s”，请在下拉列表中选一条（括号里是单位·学科）")
                                 % (len(rows), editor.currentText().strip()))
            if value is ...:
                if spec.extra.get("create"):
                    raise ValueError(tr("RecordForm", "没有“%s”：请从下拉列表选择，或点“新建…”添加")
                                     % editor.currentText().strip())
                raise ValueError(tr("RecordForm", "“%s”不在列表中，请从下拉列表选择") % editor.currentText())
            # Free-text combos fill text columns, which are NOT NULL: empty means "".
            return "" if value is None and kind == "editcombo" else value
        if kind == "bool":
            return editor.isChecked()
        if kind == "int":
            return editor.value()
        text = editor.text().strip()
        if kind == "phone":
            problem = check_mobile(text)
            if problem:
                raise ValueError(problem)
            return normalise_mobile(text)
        if kind == "float":
            if not text:
                return None
            try:
                return float(text.rstrip("%"))
            except ValueError:
                raise ValueError(tr("RecordForm", "“%s”不是数字") % text) from None
        return text

    def extra_errors(self, values: dict[str, Any]) -> dict[str, str]:
        """Cross-field checks (end before start, …); keyed by the field to mark."""
        return {}

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field; clear the others."""
        for name, label in self.error_labels.items():
            if name in errors:
                label.setText(errors[name])
                label.show()
            else:
                label.clear()
                label.hide()
        if errors:
            self.summary.setText(tr("RecordForm", "有 %d 处需要修改，未保存。") % len(errors))
            first = next(iter(errors))
            if first in self.editors:
                self.editors[first].setFocus()
        else:
            self.summary.clear()

    def record_id(self) -> int | None:
        """The id of the record being edited (None for a new one)."""
        return self.record.get_id() if self.record is not None else None

    def save_call(self, values: dict[str, Any]) -> Callable[[], Any]:
        """The core call that saves the form (built here on the GUI thread, run in a worker).

        Subclasses with parts (participants, honours, …) return their own
        ``core.record_ops`` call; every value must be read from the widgets here.
        """
        model, record_id, prepare = self.model_class, self.record_id(), self.prepare
        return lambda: record_ops.save_record(model, record_id, values, prepare=prepare)

    def changed_tables(self) -> tuple[str, ...]:
        """The tables a save changes (announced so that every view refreshes)."""
        return (self.model_class._meta.table_name,)

    def set_busy(self, busy: bool) -> None:
        """Block a second 保存 while one runs."""
        self.saving = busy
        self.buttons.setEnabled(not busy)

    def try_accept(self) -> None:
        """Validate; save through run_op; close only when the save succeeded."""
        if self.saving:
            return
        values, errors = self.read_values()
        if not errors:
            errors.update(self.extra_errors(values))
        self.show_errors(errors)
        if errors:
            return
        self.result_values = values
        if self.model_class is None:
            self.accept()
            return
        self.set_busy(True)
        if self.editing_version is not None:
            values = {**values, "updated_at": self.editing_version}
        call = self.save_call(values)
        reason = getattr(self, "correction_reason", "")

        def guarded():
            try:
                with records.correcting(reason):  # a record of an accepted period: the 更正 reason asked for
                    return call()
            except (RecordChanged, CorrectionRequired) as exc:  # decided on the GUI thread
                return exc

        run_op(self, tr("RecordForm", "正在保存…"), guarded, self._saved,
               changes=self.changed_tables(), always=self._save_ended)

    def ask_conflict(self, exc: RecordChanged) -> str:
        """Ask what to do about a record someone else saved: ``reload``, ``keep`` or ``cancel``."""
        box = QMessageBox(QMessageBox.Warning, tr("RecordForm", "记录已被他人修改"), str(exc), parent=self)
        reload_button = box.addButton(tr("RecordForm", "重新载入对方的内容"), QMessageBox.AcceptRole)
        keep_button = box.addButton(tr("RecordForm", "保留我的版本"), QMessageBox.DestructiveRole)
        box.addButton(tr("RecordForm", "取消"), QMessageBox.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "reload" if clicked is reload_button else "keep" if clicked is keep_button else "cancel"

    def _conflict(self, exc: RecordChanged) -> None:
        self.set_busy(False)
        choice = self.ask_conflict(exc)
        if choice == "keep":
            self.editing_version = exc.stored_updated_at
            self.try_accept()
        elif choice == "reload":
            fresh = type(self.record).get_by_id(exc.record_id)
            self.record, self.editing_version = fresh, fresh.updated_at
            self.set_values({spec.name: fresh.__data__.get(spec.name) for spec in self.fields if spec.name in fresh.__data__})
            self.summary.setText(tr("RecordForm", "已载入对方保存的内容，请核对后再保存。"))
        else:
            self.summary.setText(tr("RecordForm", "未保存：该记录已被他人修改，您填写的内容都还在。"))

    def _saved(self, record) -> None:
        if isinstance(record, CorrectionRequired):
            from .correction import ask_correction_reason

            self.set_busy(False)
            self.correction_reason = ask_correction_reason(self, str(record)) or ""
            if self.correction_reason:
                self.try_accept()
            else:
                self.summary.setText(tr("RecordForm", "未保存：更正需要填写原因，您填写的内容都还在。"))
            return
        if isinstance(record, RecordChanged):
            self._conflict(record)
            return
        self.saved = record
        self.set_busy(False)
        self.accept()

    def _save_ended(self, ok: bool) -> None:
        if not ok:
            self.set_busy(False)
            self.summary.setText(tr("RecordForm", "未保存：请按提示处理后再点“保存”，填写的内容都还在。"))

    def reject(self) -> None:
        """Cancel, unless a save is running (its result decides whether the form closes)."""
        if not self.saving:
            super().reject()
