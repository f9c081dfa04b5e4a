"""设置: 本单位 details, the school calendar, backups and the bureau's address."""

from __future__ import annotations
from ..i18n import N_, tr, translated

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import record_ops, settings, settings_checks
from ...core.errors import FieldErrors
from ...core.models import Unit
from ...core.queries import self_unit
from ...paths import default_outbox_dir
from ..bus import bus
from ..dialogs.form import SearchCombo
from ..operations import run_op
from .calendar_editor import CalendarEditor
from .common import unit_choices

UNIT_FIELDS = (("name", N_("tabs.settings_tab", "单位名称")), ("contact_name", N_("tabs.settings_tab", "联系人")), ("contact_title", N_("tabs.settings_tab", "职务")),
               ("office_phone", N_("tabs.settings_tab", "办公电话")), ("mobile", N_("tabs.settings_tab", "手机号码")))


class SettingsTab(QWidget):
    """Settings stored in the database, each saved with one button."""

    title = N_("SettingsTab", "设置")

    def __init__(self, parent=None):
        super().__init__(parent)
        scroll = QScrollArea(self)
        self.scroll = scroll
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)

        unit_box = QGroupBox(tr("SettingsTab", "本单位（填在每张表的表头）"))
        unit_form = QFormLayout(unit_box)
        self.unit_picker = SearchCombo([])
        self.unit_picker.setObjectName("self_unit_picker")
        self.unit_picker.setToolTip(tr("SettingsTab", "从单位列表中选择本单位；没有时直接填写下面的单位名称"))
        unit_form.addRow(tr("SettingsTab", "选择已有单位"), self.unit_picker)
        self.unit_edits: dict[str, QLineEdit] = {}
        for name, label in UNIT_FIELDS:
            edit = QLineEdit()
            if name == "office_phone":
                edit.setPlaceholderText(tr("SettingsTab", "例如 0951-1234567，分机 0951-1234567-123"))
            edit.setObjectName(f"self_{name}")
            self.unit_edits[name] = edit
            unit_form.addRow(translated(label), edit)
        self.unit_picker.currentIndexChanged.connect(self._unit_picked)
        layout.addWidget(unit_box)

        # The calendar has its own 保存校历 button: its checks are per field and per 学年.
        self.calendar = CalendarEditor()
        self.calendar.setObjectName("calendar_editor")
        layout.addWidget(self.calendar)

        backup_box = QGroupBox(tr("SettingsTab", "自动备份"))
        backup_form = QFormLayout(backup_box)
        folder_row = QHBoxLayout()
        self.backup_dir = QLineEdit()
        self.backup_dir.setPlaceholderText(tr("SettingsTab", "留空：放在数据库所在文件夹旁"))
        pick = QPushButton(tr("SettingsTab", "选择…"))
        pick.clicked.connect(self._pick_backup_dir)
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(pick)
        backup_form.addRow(tr("SettingsTab", "备份文件夹"), folder_row)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 500)
        self.backup_every = QSpinBox()
        self.backup_every.setRange(1, 10000)
        backup_form.addRow(tr("SettingsTab", "保留最近备份份数"), self.backup_keep)
        backup_form.addRow(tr("SettingsTab", "每修改多少次自动备份"), self.backup_every)
        layout.addWidget(backup_box)

        send_box = QGroupBox(tr("SettingsTab", "报送"))
        send_form = QFormLayout(send_box)
        self.bureau_email = QLineEdit()
        self.bureau_email.setObjectName("bureau_email")
        self.bureau_email.setPlaceholderText(tr("SettingsTab", "例如 jyj@example.cn"))
        send_form.addRow(tr("SettingsTab", "教育局收件邮箱"), self.bureau_email)
        outbox_row = QHBoxLayout()
        self.outbox_dir = QLineEdit()
        self.outbox_dir.setObjectName("outbox_dir")
        self.outbox_dir.setPlaceholderText(tr("SettingsTab", "留空：%s") % default_outbox_dir())
        pick_outbox = QPushButton(tr("SettingsTab", "选择…"))
        pick_outbox.clicked.connect(self._pick_outbox_dir)
        outbox_row.addWidget(self.outbox_dir, 1)
        outbox_row.addWidget(pick_outbox)
        send_form.addRow(tr("SettingsTab", "报送文件夹"), outbox_row)
        self.smtp_edits: dict[str, QLineEdit] = {}
        for key, label, hint in (("smtp.host", tr("SettingsTab", "发信服务器（SMTP）"), tr("SettingsTab", "例如 smtp.163.com；留空则只写邮件草稿")),
                                 ("smtp.port", tr("SettingsTab", "端口"), "465"), ("smtp.security", tr("SettingsTab", "加密方式"), "ssl / starttls / none"),
                                 ("smtp.user", tr("SettingsTab", "发信账号"), ""), ("smtp.password", tr("SettingsTab", "密码或授权码"), ""),
                                 ("smtp.sender", tr("SettingsTab", "发件人地址"), tr("SettingsTab", "留空则用发信账号"))):
            edit = QLineEdit()
            edit.setObjectName(key.replace(".", "_"))
            edit.setPlaceholderText(translated(hint))
            if key == "smtp.password":
                edit.setEchoMode(QLineEdit.Password)
            send_form.addRow(translated(label), edit)
            self.smtp_edits[key] = edit
        layout.addWidget(send_box)

        layout.addWidget(self._archive_box())

        score_box = QGroupBox(tr("SettingsTab", "听课评分项目（每行一项：项目名称 分值；只评等级时填“无”）"))
        score_form = QFormLayout(score_box)
        self.criteria = QPlainTextEdit()
        self.criteria.setObjectName("observation_criteria")
        self.criteria.setMaximumHeight(120)
        score_form.addRow(tr("SettingsTab", "评分项目"), self.criteria)
        layout.addWidget(score_box)

        self.message = QLabel()
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.save_button = QPushButton(tr("SettingsTab", "保存设置"))
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        bus.changed.connect(self._on_changed)

    ARCHIVE_TEXT_KEYS = ("archive.fonds", "archive.volume", "archive.compiler", "archive.checker")

    def _archive_box(self) -> QGroupBox:
        """档案 (DA/T 22): the binder's fixed catalogue fields, its cover and 备考表."""
        from PySide6.QtWidgets import QCheckBox, QComboBox

        box = QGroupBox(tr("SettingsTab", "档案（封面、卷内目录与备考表）"))
        form = QFormLayout(box)
        self.archive_edits = {}
        for key in self.ARCHIVE_TEXT_KEYS:
            edit = QLineEdit()
            edit.setObjectName(key.replace(".", "_"))
            self.archive_edits[key] = edit
            form.addRow(settings.OPTIONS[key].title, edit)
        self.archive_retention = QComboBox()
        self.archive_retention.setObjectName("archive_retention")
        self.archive_retention.setEditable(True)
        self.archive_retention.addItems(["永久", "定期30年", "定期10年"])  # notr: printed on the 归档章 (DA/T 22)
        form.addRow(tr("SettingsTab", "保管期限"), self.archive_retention)
        self.archive_stamp = QCheckBox(tr("SettingsTab", "在每份材料首页印归档章（全宗号、年度、保管期限、件号）"))
        self.archive_stamp.setObjectName("archive_stamp")
        form.addRow("", self.archive_stamp)
        return box

    def _on_changed(self, table: str) -> None:
        if table in ("", "unit"):
            self.reload()

    def reload(self) -> None:
        """Show the stored settings."""
        self.unit_picker.blockSignals(True)
        self.unit_picker.set_choices(unit_choices())
        unit = self_unit()
        self.unit_picker.set_value(unit.id if unit else None)
        self.unit_picker.blockSignals(False)
        self._show_unit(unit)
        self.calendar.reload()
        values = settings.get_all()  # one query, not one per field
        self.backup_dir.setText(values["backup.dir"])
        self.backup_keep.setValue(values["backup.keep"])
        self.backup_every.setValue(values["backup.every"])
        self.bureau_email.setText(values["bureau.email"])
        self.outbox_dir.setText(values["outbox.dir"])
        for key, edit in self.smtp_edits.items():
            edit.setText(str(values[key]))
        self.criteria.setPlainText(values["observation.criteria"])
        for key, edit in self.archive_edits.items():
            edit.setText(values[key])
        self.archive_retention.setCurrentText(values["archive.retention"])
        self.archive_stamp.setChecked(bool(values["archive.stamp"]))

    def _show_unit(self, unit: Unit | None) -> None:
        for name, edit in self.unit_edits.items():
            edit.setText(getattr(unit, name) if unit else "")

    def _unit_picked(self) -> None:
        value = self.unit_picker.value()
        if isinstance(value, int):
            self._show_unit(Unit.get_or_none(Unit.id == value))

    def _pick_outbox_dir(self) -> None:
        start = self.outbox_dir.text() or str(default_outbox_dir())
        folder = QFileDialog.getExistingDirectory(self, tr("SettingsTab", "选择报送文件夹"), start)
        if folder:
            self.outbox_dir.setText(folder)

    def _pick_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("SettingsTab", "选择备份文件夹"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def field_widgets(self) -> dict[str, QWidget]:
        """The field of each key that ``core.settings_checks`` names in its messages."""
        fields: dict[str, QWidget] = {f"unit.{name}": edit for name, edit in self.unit_edits.items()}
        fields.update({"observation.criteria": self.criteria, "bureau.email": self.bureau_email})
        fields.update(self.smtp_edits)
        return fields

    def show_refusal(self, refusal: FieldErrors) -> None:
        """Mark each message of a refused save at its field and count them in the message line."""
        widgets = self.field_widgets()
        problems = {widgets[key]: text for key, text in refusal.fields.items() if key in widgets}
        self.show_field_errors(problems)
        self.message.setStyleSheet("color:#b00020")
        self.message.setText(tr("SettingsTab", "有 %d 处需要修改（见红字），未保存：") % len(refusal.fields)
                             + tr("SettingsTab", "；").join(refusal.fields.values()) + tr("SettingsTab", "。"))

    def show_field_errors(self, problems: dict[QWidget, str]) -> None:
        """Each message right under its field (red); the others cleared."""
        labels = getattr(self, "_error_labels", {})
        self._error_labels = labels
        for widget, label in labels.items():
            label.setVisible(widget in problems)
            label.setText(problems.get(widget, ""))
        for widget, text in problems.items():
            if widget in labels:
                continue
            form = _form_of(widget)
            if form is None:
                continue
            label = QLabel(text)
            label.setObjectName(f"error_{widget.objectName() or 'field'}")
            label.setStyleSheet("color:#b00020")
            label.setWordWrap(True)
            row, _ = form.getWidgetPosition(widget)
            form.insertRow(row + 1, "", label)
            label.show()
            labels[widget] = label
        if problems:
            first = next(iter(problems))
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)

    def save(self) -> bool:
        """Check with ``core.settings_checks``, then store everything through run_op.

        False: what is wrong is shown at its field and nothing is saved. The core save checks
        again (it refuses whoever calls it); a refusal there is shown the same way.
        """
        picked = self.unit_picker.value()
        unit = Unit.get_or_none(Unit.id == picked) if isinstance(picked, int) else None
        unit = unit or self_unit()
        unit_id = unit.id if unit is not None else None
        unit_values = {name: edit.text().strip() for name, edit in self.unit_edits.items()}
        options = {
            "backup.dir": self.backup_dir.text().strip(),
            "backup.keep": self.backup_keep.value(),
            "backup.every": self.backup_every.value(),
            "bureau.email": self.bureau_email.text().strip(),
            "outbox.dir": self.outbox_dir.text().strip(),
            "observation.criteria": self.criteria.toPlainText(),
            "archive.retention": self.archive_retention.currentText().strip(),
            "archive.stamp": 1 if self.archive_stamp.isChecked() else 0,
        }
        options.update({key: edit.text().strip() for key, edit in self.archive_edits.items()})
        options.update({key: edit.text().strip() for key, edit in self.smtp_edits.items()})
        problems = settings_checks.settings_problems(unit_id, unit_values, options)
        if problems:
            self.show_refusal(FieldErrors(problems))
            return False

        def call():
            try:
                return record_ops.save_settings(unit_id, unit_values, options)
            except FieldErrors as exc:  # shown at the fields; what was typed stays
                return exc

        self.save_button.setEnabled(False)
        # The change is announced by _saved, and only when something was saved: a reload after a
        # refusal would wipe what was typed.
        run_op(self, tr("SettingsTab", "正在保存设置…"), call, self._saved,
               always=lambda ok: self.save_button.setEnabled(True))
        return True

    def _saved(self, result) -> None:
        if isinstance(result, FieldErrors):
            self.show_refusal(result)
            return
        bus.changed.emit("unit")
        self.show_field_errors({})
        self.message.setStyleSheet("color:#1b5e20")
        self.message.setText(tr("SettingsTab", "已保存。"))


def _form_of(widget: QWidget) -> QFormLayout | None:
    """The form layout a field sits in directly (None if it is not in one)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout) and layout.getWidgetPosition(widget)[0] >= 0:
        return layout
    return None
