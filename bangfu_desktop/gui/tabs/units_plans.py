"""单位与方案: units, plans, task categories, targets and frequency rules as sub-tabs."""

from __future__ import annotations
from ..i18n import N_, tr, translated

from peewee import JOIN, fn
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...core.errors import FieldErrors
from ...core.models import Plan, Task, Unit
from ...core.vocab import STAGES, UNIT_KINDS, UNIT_ROLES
from ..bus import bus
from ..dialogs.form import FieldSpec, RecordForm
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, unit_choices
from .plan_items import CategoriesTab, OptionalIntForm, RulesTab, TargetsTab

# -- 单位 -----------------------------------------------------------------------------------
# Row: (id, name, kind, stage, region, role, group, contact, contact title, office phone, mobile,
#       email, is_self)
UNIT_COLUMNS = [
    Column(N_("tabs.units_plans", "名称"), 1, 240), Column(N_("tabs.units_plans", "本单位"), 12, 52), Column(N_("tabs.units_plans", "类型"), 2, 56), Column(N_("tabs.units_plans", "学段"), 3, 56),
    Column(N_("tabs.units_plans", "角色"), 5, 70), Column(N_("tabs.units_plans", "教育集团"), 6, 100), Column(N_("tabs.units_plans", "联系人"), 7, 70), Column(N_("tabs.units_plans", "职务"), 8, 70),
    Column(N_("tabs.units_plans", "办公电话"), 9, 110), Column(N_("tabs.units_plans", "手机号码"), 10, 104), Column(N_("tabs.units_plans", "邮箱"), 11, 150), Column(N_("tabs.units_plans", "地区"), 4, 200),
]


def unit_fields() -> list[FieldSpec]:
    """The unit form's fields."""
    return [
        FieldSpec("name", tr("tabs.units_plans", "名称"), required=True),
        FieldSpec("short_name", tr("tabs.units_plans", "简称")),
        FieldSpec("kind", tr("tabs.units_plans", "类型"), "editcombo", choices=UNIT_KINDS),
        FieldSpec("stage", tr("tabs.units_plans", "学段"), "editcombo", choices=STAGES),
        FieldSpec("region", tr("tabs.units_plans", "地区"), placeholder=tr("tabs.units_plans", "例如 贵州省铜仁市沿河县")),
        FieldSpec("address", tr("tabs.units_plans", "地址")),
        FieldSpec("role", tr("tabs.units_plans", "角色"), "editcombo", choices=UNIT_ROLES),
        FieldSpec("group_name", tr("tabs.units_plans", "教育集团")),
        FieldSpec("contact_name", tr("tabs.units_plans", "联系人")),
        FieldSpec("contact_title", tr("tabs.units_plans", "联系人职务")),
        FieldSpec("office_phone", tr("tabs.units_plans", "办公电话")),
        FieldSpec("mobile", tr("tabs.units_plans", "手机号码"), "phone", placeholder=tr("tabs.units_plans", "11 位手机号码")),
        FieldSpec("email", tr("tabs.units_plans", "电子邮箱")),
        FieldSpec("is_self", tr("tabs.units_plans", "本单位"), "bool"),
        FieldSpec("notes", tr("tabs.units_plans", "备注"), "multiline"),
    ]


class UnitForm(RecordForm):
    """The unit form. Its rules (unique name, phones, e-mail; one 本单位) live in ``core.units``
    and ``core.record_ops.save_unit``: the save runs them and each refusal is shown at its field."""

    def save_call(self, values):
        """Save through core.record_ops.save_unit; a ``FieldErrors`` comes back as the result."""
        from ...core import record_ops

        record_id = self.record_id()

        def call():
            try:
                return record_ops.save_unit(record_id, values)
            except FieldErrors as exc:  # shown at the fields, the form stays open
                return exc
        return call

    def changed_tables(self) -> tuple[str, ...]:
        """Nothing is announced by run_op: ``_saved`` announces 单位 only when the save was not refused."""
        return ()

    def _saved(self, record) -> None:
        if isinstance(record, FieldErrors):
            self.set_busy(False)
            self.show_errors(record.fields)
            self.summary.setText(tr("UnitForm", "有 %d 处需要修改，未保存。") % len(record.fields))
            return
        if isinstance(record, Unit):  # saved (not a conflict or a 更正 still to be reasoned)
            bus.changed.emit("unit")
        super()._saved(record)


class UnitsTab(RecordTab):
    """单位: schools, bureaus, enterprises and universities."""

    title = N_("UnitsTab", "单位")
    model_class = Unit
    columns = UNIT_COLUMNS
    watched = ("unit",)

    def fetch_rows(self) -> list[tuple]:
        return list(Unit.live(Unit.id, Unit.name, Unit.kind, Unit.stage, Unit.region, Unit.role, Unit.group_name,
                              Unit.contact_name, Unit.contact_title, Unit.office_phone, Unit.mobile, Unit.email,
                              Unit.is_self)
                    .order_by(Unit.is_self.desc(), Unit.name).tuples())

    def filters(self):
        return [
            FilterSpec(tr("UnitsTab", "类型"), lambda: [(k, k) for k in UNIT_KINDS], lambda row, value: row[2] == value),
            FilterSpec(tr("UnitsTab", "角色"), lambda: [(r, r) for r in UNIT_ROLES], lambda row, value: row[5] == value),
        ]

    def open_form(self, record):
        return edit_with_form(self, tr("UnitsTab", "编辑单位") if record else tr("UnitsTab", "新增单位"), Unit,
                              unit_fields(), record, form_class=UnitForm, defaults={"kind": "学校"})  # notr


# -- 方案 -----------------------------------------------------------------------------------
# Row: (id, title, doc number, issuer, issued on, start, end, unit, tasks, unit_id)
PLAN_COLUMNS = [
    Column(N_("tabs.units_plans", "方案名称"), 1, 440), Column(N_("tabs.units_plans", "文号"), 2, 170), Column(N_("tabs.units_plans", "发文单位"), 3, 220), Column(N_("tabs.units_plans", "发文日期"), 4, 92),
    Column(N_("tabs.units_plans", "起始年"), 5, 56), Column(N_("tabs.units_plans", "截止年"), 6, 56), Column(N_("tabs.units_plans", "任务数"), 8, 56), Column(N_("tabs.units_plans", "适用单位"), 7, 200),
]


def plan_fields() -> list[FieldSpec]:
    """The plan form's fields."""
    return [
        FieldSpec("title", tr("tabs.units_plans", "方案名称"), required=True),
        FieldSpec("doc_number", tr("tabs.units_plans", "文号"), placeholder=tr("tabs.units_plans", "例如 红政办发〔2022〕119号")),
        FieldSpec("issuer", tr("tabs.units_plans", "发文单位")),
        FieldSpec("issued_on", tr("tabs.units_plans", "发文日期"), "date"),
        FieldSpec("period_start", tr("tabs.units_plans", "起始年份"), "int", extra={"min": 0, "max": 2100}),
        FieldSpec("period_end", tr("tabs.units_plans", "截止年份"), "int", extra={"min": 0, "max": 2100}),
        FieldSpec("unit_id", tr("tabs.units_plans", "适用单位"), "choice", choices=unit_choices),
        FieldSpec("notes", tr("tabs.units_plans", "备注"), "multiline"),
    ]


class PlanForm(OptionalIntForm):
    """The plan form: the period's years may stay empty; the end is not before the start."""

    optional_ints = ("period_start", "period_end")

    def extra_errors(self, values):
        start, end = values.get("period_start"), values.get("period_end")
        if start and end and end < start:
            return {"period_end": tr("PlanForm", "截止年份 %d 早于起始年份 %d，请检查") % (end, start)}
        return {}


class PlansTab(RecordTab):
    """方案: implementation plans and notices."""

    title = N_("PlansTab", "方案")
    model_class = Plan
    columns = PLAN_COLUMNS
    watched = ("plan", "unit", "task")

    def fetch_rows(self) -> list[tuple]:
        tasks = Task.select(fn.COUNT(Task.id)).where((Task.plan == Plan.id) & Task.deleted_at.is_null())
        return list(Plan.live(Plan.id, Plan.title, Plan.doc_number, Plan.issuer, Plan.issued_on,
                              Plan.period_start, Plan.period_end, Unit.name, tasks.alias("tasks"), Plan.unit)
                    .join(Unit, join_type=JOIN.LEFT_OUTER, on=(Plan.unit == Unit.id))
                    .order_by(Plan.id).tuples())

    def open_form(self, record):
        return edit_with_form(self, tr("PlansTab", "编辑方案") if record else tr("PlansTab", "新增方案"), Plan,
                              plan_fields(), record, form_class=PlanForm)


# -- the page -------------------------------------------------------------------------------
class UnitsPlansTab(QWidget):
    """单位与方案: one sub-tab per record type; ``reload()`` refreshes them all."""

    title = N_("UnitsPlansTab", "单位与方案")

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.inner = QTabWidget()
        self.inner.setObjectName("units_plans_tabs")
        self.units = UnitsTab()
        self.plans = PlansTab()
        self.categories = CategoriesTab()
        self.targets = TargetsTab()
        self.rules = RulesTab()
        for name, tab in (("units", self.units), ("plans", self.plans), ("categories", self.categories),
                          ("targets", self.targets), ("rules", self.rules)):
            tab.setObjectName(name)
            self.inner.addTab(tab, translated(tab.title))
        layout.addWidget(self.inner)

    def pages(self) -> list[RecordTab]:
        """The sub-tabs, in the order shown."""
        return [self.units, self.plans, self.categories, self.targets, self.rules]

    def reload(self) -> None:
        """Reload every sub-tab."""
        for page in self.pages():
            page.reload()

