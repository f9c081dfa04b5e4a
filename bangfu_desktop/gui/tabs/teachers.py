"""教师名册: every teacher of every unit, with honours, 双师型, 党员 and 帮扶人才 details."""

from __future__ import annotations


from PySide6.QtWidgets import QFormLayout, QLabel

from ...core.models import Teacher
from ...core.tablesources import TEACHERS, honour_texts  # noqa: F401 - honour_texts kept for callers
from ...core.queries import self_unit
from ...core.validation import check_range
from ...core.vocab import GENDERS, TITLES
from ..bus import bus
from ..dialogs.form import FieldSpec, RecordForm
from ..dialogs.honours import HonoursEditor, honours_of, save_honours
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, unit_choices

# Row: core.tablesources.TEACHERS (id, name, gender, unit, subject, position, title, phone, honours, …)
COLUMNS = [
    Column("姓名", "name", 72), Column("性别", "gender", 40), Column("单位", "unit", 180),
    Column("学科", "subject", 104), Column("职务", "position", 72), Column("职称", "title", 84),
    Column("手机号码", "phone", 100), Column("荣誉", "honours", 200), Column("双师型", "dual", 52),
    Column("党员", "party", 44), Column("校领导", "leader", 52), Column("帮扶人才", "helper", 64),
    Column("派出单位", "helper_from", 160),
]
# Filter values are text: a Python bool as combo item data upsets PySide's reference counts.
YES_NO = (("是", "是"), ("否", "否"))


def subject_choices() -> list[str]:
    """The subjects already used in the roster, for the picker and the filter."""
    query = (Teacher.live(Teacher.subject).where(Teacher.subject != "")
             .distinct().order_by(Teacher.subject).tuples())
    return [subject for (subject,) in query]


def teacher_fields() -> list[FieldSpec]:
    """The teacher form's fields."""
    return [
        FieldSpec("name", "姓名", required=True),
        FieldSpec("gender", "性别", "combo", choices=[("（未填）", ""), *((g, g) for g in GENDERS)]),
        FieldSpec("unit_id", "单位", "choice", choices=unit_choices),
        FieldSpec("subject", "学科", "editcombo", choices=subject_choices),
        FieldSpec("position", "职务", placeholder="例如 教师、教务科长、副校长"),
        FieldSpec("title", "职称", "combo", choices=[("（未填）", ""), *((t, t) for t in TITLES)]),
        FieldSpec("phone", "手机号码", "phone", placeholder="11 位手机号码"),
        FieldSpec("is_dual_qualified", "双师型教师", "bool"),
        FieldSpec("is_party_member", "中共党员", "bool"),
        FieldSpec("is_leader", "校领导及后备力量", "bool"),
        FieldSpec("is_helper", "帮扶人才", "bool"),
        FieldSpec("helper_from_id", "派出单位", "choice", choices=unit_choices),
        FieldSpec("helper_start", "帮扶开始日期", "date"),
        FieldSpec("helper_end", "帮扶结束日期", "date"),
        FieldSpec("notes", "备注", "multiline"),
    ]


class TeacherForm(RecordForm):
    """The teacher form with its honours table; the 帮扶 period must not end before it starts."""

    def __init__(self, title, fields, values=None, parent=None, *, record=None):
        super().__init__(title, fields, values, parent, record=record)
        self.honours.set_rows(honours_of(record.id if record else None))

    def add_extra_widgets(self, form: QFormLayout) -> None:
        self.honours = HonoursEditor()
        self.honours_error = QLabel()
        self.honours_error.setObjectName("error_honours")
        self.honours_error.setStyleSheet("color: #b00020;")
        self.honours_error.hide()
        form.addRow(QLabel(self.tr("荣誉")), self.honours)
        form.addRow("", self.honours_error)

    def extra_errors(self, values):
        errors = {}
        problem = check_range(values.get("helper_start"), values.get("helper_end"))
        if problem:
            errors["helper_end"] = problem
        if values.get("helper_from_id") and not values.get("is_helper"):
            errors["is_helper"] = self.tr("填写了派出单位，请勾选“帮扶人才”")
        return errors

    def read_values(self):
        """The fields' values and errors, plus a check that each honour has a 类别."""
        values, errors = super().read_values()
        if any(not row.kind for row in self.honours.rows()):
            errors["honours"] = self.tr("每条荣誉都要填写“类别”")
        return values, errors

    def show_errors(self, errors):
        super().show_errors(errors)
        self.honours_error.setText(errors.get("honours", ""))
        self.honours_error.setVisible("honours" in errors)

    def after_save(self, teacher: Teacher) -> None:
        """Save the honours table once the teacher has an id."""
        if save_honours(teacher.id, self.honours.rows()):
            bus.changed.emit("honour")


class TeachersTab(RecordTab):
    """教师名册: the roster of all units."""

    title = "教师名册"
    model_class = Teacher
    columns = COLUMNS
    watched = ("teacher", "honour", "unit")

    source = TEACHERS

    def filters(self):
        return [
            FilterSpec(self.tr("单位"), unit_choices, where=lambda value: Teacher.unit == value),
            FilterSpec(self.tr("学科"), lambda: [(s, s) for s in subject_choices()],
                       where=lambda value: Teacher.subject == value),
            FilterSpec(self.tr("帮扶人才"), lambda: YES_NO, where=lambda value: Teacher.is_helper == (value == "是")),
        ]

    def open_form(self, record):
        unit = self_unit()
        return edit_with_form(self, self.tr("编辑教师") if record else self.tr("新增教师"), Teacher,
                              teacher_fields(), record, form_class=TeacherForm,
                              defaults={"unit_id": unit.id if unit else None})
