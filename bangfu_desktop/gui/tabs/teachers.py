"""教师名册: every teacher of every unit, with honours, 双师型, 党员 and 帮扶人才 details."""

from __future__ import annotations
from ..i18n import N_, tr


import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from ...core import record_ops
from ...core.models import Teacher
from ...core.tablesources import TEACHERS, teachers_source
from ...core.terms import Period, load_calendar
from ...core.queries import self_unit
from ...core.validation import check_range
from ...core.vocab import GENDERS, TITLES
from ..dialogs.form import FieldSpec, RecordForm
from ..dialogs.honours import HonoursEditor, honours_of
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, unit_choices
from .creators import create_unit

# Row: core.tablesources.teachers_source (id, name, gender, unit, subject, position, title, phone, honours,
#      dual, party, leader, helper, helper_from, unit_id, observed, taught)
COLUMNS = [
    Column(N_("tabs.teachers", "姓名"), "name", 72), Column(N_("tabs.teachers", "性别"), "gender", 40), Column(N_("tabs.teachers", "单位"), "unit", 180),
    Column(N_("tabs.teachers", "学科"), "subject", 104), Column(N_("tabs.teachers", "职务"), "position", 72), Column(N_("tabs.teachers", "职称"), "title", 84),
    Column(N_("tabs.teachers", "手机号码"), "phone", 100), Column(N_("tabs.teachers", "荣誉"), "honours", 200),
    Column(N_("tabs.teachers", "听课节数"), "observed", 64), Column(N_("tabs.teachers", "授课被听节数"), "taught", 88),
    Column(N_("tabs.teachers", "双师型"), "dual", 52), Column(N_("tabs.teachers", "党员"), "party", 44), Column(N_("tabs.teachers", "校领导"), "leader", 52),
    Column(N_("tabs.teachers", "帮扶人才"), "helper", 64), Column(N_("tabs.teachers", "派出单位"), "helper_from", 160),
]
# Filter values are text: a Python bool as combo item data upsets PySide's reference counts.
YES_NO = ((N_("tabs.teachers", "是"), "是"), (N_("tabs.teachers", "否"), "否"))  # notr: the values are compared


def subject_choices() -> list[str]:
    """The subjects already used in the roster, for the picker and the filter."""
    query = (Teacher.live(Teacher.subject).where(Teacher.subject != "")
             .distinct().order_by(Teacher.subject).tuples())
    return [subject for (subject,) in query]


def teacher_fields() -> list[FieldSpec]:
    """The teacher form's fields."""
    return [
        FieldSpec("name", tr("tabs.teachers", "姓名"), required=True),
        FieldSpec("gender", tr("tabs.teachers", "性别"), "combo", choices=[(tr("tabs.teachers", "（未填）"), ""), *((g, g) for g in GENDERS)]),
        FieldSpec("unit_id", tr("tabs.teachers", "单位"), "choice", choices=unit_choices, extra={"create": create_unit}),
        FieldSpec("subject", tr("tabs.teachers", "学科"), "editcombo", choices=subject_choices),
        FieldSpec("position", tr("tabs.teachers", "职务"), placeholder=tr("tabs.teachers", "例如 教师、教务科长、副校长")),
        FieldSpec("title", tr("tabs.teachers", "职称"), "combo", choices=[(tr("tabs.teachers", "（未填）"), ""), *((t, t) for t in TITLES)]),
        FieldSpec("phone", tr("tabs.teachers", "手机号码"), "phone", placeholder=tr("tabs.teachers", "11 位手机号码")),
        FieldSpec("is_dual_qualified", tr("tabs.teachers", "双师型教师"), "bool"),
        FieldSpec("is_party_member", tr("tabs.teachers", "中共党员"), "bool"),
        FieldSpec("is_leader", tr("tabs.teachers", "校领导及后备力量"), "bool"),
        FieldSpec("is_helper", tr("tabs.teachers", "帮扶人才"), "bool"),
        FieldSpec("helper_from_id", tr("tabs.teachers", "派出单位"), "choice", choices=unit_choices,
                  extra={"create": create_unit}),
        FieldSpec("helper_start", tr("tabs.teachers", "帮扶开始日期"), "date"),
        FieldSpec("helper_end", tr("tabs.teachers", "帮扶结束日期"), "date"),
        FieldSpec("notes", tr("tabs.teachers", "备注"), "multiline"),
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
        form.addRow(QLabel(tr("TeacherForm", "荣誉")), self.honours)
        form.addRow("", self.honours_error)

    def extra_errors(self, values):
        errors = {}
        problem = check_range(values.get("helper_start"), values.get("helper_end"))
        if problem:
            errors["helper_end"] = problem
        if values.get("helper_from_id") and not values.get("is_helper"):
            errors["is_helper"] = tr("TeacherForm", "填写了派出单位，请勾选“帮扶人才”")
        return errors

    def read_values(self):
        """The fields' values and errors, plus a check that each honour has a 类别."""
        values, errors = super().read_values()
        if any(not row.kind for row in self.honours.rows()):
            errors["honours"] = tr("TeacherForm", "每条荣誉都要填写“类别”")
        return values, errors

    def show_errors(self, errors):
        super().show_errors(errors)
        self.honours_error.setText(errors.get("honours", ""))
        self.honours_error.setVisible("honours" in errors)

    def save_call(self, values):
        """The teacher with the honours table, in one transaction."""
        record_id, honours = self.record_id(), self.honours.rows()
        return lambda: record_ops.save_teacher(record_id, values, honours)

    def changed_tables(self):
        return ("teacher", "honour")


class TeachersTab(RecordTab):
    """教师名册: the roster of all units."""

    title = N_("TeachersTab", "教师名册")
    model_class = Teacher
    columns = COLUMNS
    watched = ("teacher", "honour", "unit", "observation")

    def extra_actions(self, toolbar) -> None:
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(tr("TeachersTab", " 听课统计学期：")))
        self.semester_combo = QComboBox()
        self.semester_combo.setObjectName("count_semester")
        calendar = load_calendar()
        year, number = calendar.semester_of(dt.date.today())
        for _ in range(8):
            period = calendar.semester(year, number)
            self.semester_combo.addItem(period.label, period)
            year, number = (year, 1) if number == 2 else (year - 1, 2)
        self.use_period(self.semester_combo.itemData(0))
        self.semester_combo.currentIndexChanged.connect(self._semester_changed)
        toolbar.addWidget(self.semester_combo)

    def _semester_changed(self) -> None:
        self.use_period(self.semester_combo.currentData())
        self.reload()

    # Replaced per tab by teachers_source(period) once the 听课统计学期 is known.
    source = TEACHERS

    def use_period(self, period: Period) -> None:
        """Count lessons in this semester (the next load asks for it)."""
        self.counts_period = period
        self.source = self.model.source = teachers_source(period)
        self.model.cache.clear()

    def filters(self):
        return [
            FilterSpec(tr("TeachersTab", "单位"), unit_choices, where=lambda value: Teacher.unit == value),
            FilterSpec(tr("TeachersTab", "学科"), lambda: [(s, s) for s in subject_choices()],
                       where=lambda value: Teacher.subject == value),
            FilterSpec(tr("TeachersTab", "帮扶人才"), lambda: YES_NO, where=lambda value: Teacher.is_helper == (value == "是")),  # notr
        ]

    def open_form(self, record):
        unit = self_unit()
        return edit_with_form(self, tr("TeachersTab", "编辑教师") if record else tr("TeachersTab", "新增教师"), Teacher,
                              teacher_fields(), record, form_class=TeacherForm,
                              defaults={"unit_id": unit.id if unit else None})
