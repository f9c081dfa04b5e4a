"""What a plan holds besides its tasks: 任务类别, 指标 and 频次要求 (sub-tabs of 单位与方案)."""

from __future__ import annotations
from ..i18n import N_, tr

import re

from peewee import fn

from ...core.models import RULE_PERIODS, RULE_SCOPES, FrequencyRule, Plan, Target, Task, TaskCategory
from ...core.targets import COMPUTED_KINDS, KIND_LABELS
from ..dialogs.form import FieldSpec, RecordForm
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, plan_choices

TARGET_KINDS = ("manual", *COMPUTED_KINDS)
UNIT_LABELS = ("名", "人", "%", "个", "次", "万元")  # notr: stored in the target, printed in the workbooks
TYPE_SEPARATORS = re.compile(r"[、，,；;\s]+")  # notr


class OptionalIntForm(RecordForm):
    """A form whose integer fields named in ``optional_ints`` may stay empty (0 shows “未填”)."""

    optional_ints: tuple[str, ...] = ()

    def __init__(self, title, fields, values=None, parent=None, *, record=None):
        super().__init__(title, fields, values, parent, record=record)
        for name in self.optional_ints:
            self.editors[name].setSpecialValueText(tr("OptionalIntForm", "未填"))

    def read_values(self):
        """As RecordForm, with an empty (0) optional integer read as None."""
        values, errors = super().read_values()
        for name in self.optional_ints:
            if values.get(name) == 0:
                values[name] = None
        return values, errors


def plan_filter(index: int) -> FilterSpec:
    """The 方案 filter of a plan item tab whose rows hold the plan id at ``index``."""
    return FilterSpec(tr("tabs.plan_items", "方案"), plan_choices, lambda row, value: row[index] == value)


class _PlanItemTab(RecordTab):
    """A sub-tab of records that belong to a plan; new ones default to the filtered plan."""

    def default_plan(self) -> int | None:
        """The plan chosen in the filter, else the first plan."""
        value = self.filter_combos[0].currentData() if self.filter_combos else None
        if value:
            return value
        choices = plan_choices()
        return choices[0][1] if choices else None


# -- 任务类别 ------------------------------------------------------------------------------
# Row: (id, plan title, code, name, position, tasks, plan_id)
CATEGORY_COLUMNS = [
    Column(N_("tabs.plan_items", "方案"), 1, 420), Column(N_("tabs.plan_items", "编号"), 2, 50), Column(N_("tabs.plan_items", "顺序"), 4, 50), Column(N_("tabs.plan_items", "任务数"), 5, 60),
    Column(N_("tabs.plan_items", "类别名称"), 3, 260),
]


def category_fields() -> list[FieldSpec]:
    """The category form's fields."""
    return [
        FieldSpec("plan_id", tr("tabs.plan_items", "所属方案"), "choice", required=True, choices=plan_choices),
        FieldSpec("code", tr("tabs.plan_items", "编号"), placeholder=tr("tabs.plan_items", "例如 1")),
        FieldSpec("name", tr("tabs.plan_items", "类别名称"), required=True, placeholder=tr("tabs.plan_items", "例如 政策支持")),
        FieldSpec("position", tr("tabs.plan_items", "顺序"), "int", extra={"min": 0, "max": 999}),
    ]


class CategoriesTab(_PlanItemTab):
    """任务类别 of every plan, in the plan's order."""

    title = N_("CategoriesTab", "任务类别")
    model_class = TaskCategory
    columns = CATEGORY_COLUMNS
    watched = ("task_category", "plan", "task")

    def fetch_rows(self) -> list[tuple]:
        tasks = (Task.select(fn.COUNT(Task.id))
                 .where((Task.category == TaskCategory.id) & Task.deleted_at.is_null()))
        query = (TaskCategory.live(TaskCategory.id, Plan.title, TaskCategory.code, TaskCategory.name,
                                   TaskCategory.position, tasks.alias("tasks"), Plan.id)
                 .join(Plan).where(Plan.deleted_at.is_null())
                 .order_by(Plan.id, TaskCategory.position, TaskCategory.id).tuples())
        return list(query)

    def filters(self):
        return [plan_filter(6)]

    def open_form(self, record):
        return edit_with_form(self, tr("CategoriesTab", "编辑任务类别") if record else tr("CategoriesTab", "新增任务类别"), TaskCategory,
                              category_fields(), record, defaults={"plan_id": self.default_plan()})


# -- 指标 -----------------------------------------------------------------------------------
# Row: (id, plan title, stage year, description, kind label, target, unit label, actual, date, plan_id)
TARGET_COLUMNS = [
    Column(N_("tabs.plan_items", "方案"), 1, 240), Column(N_("tabs.plan_items", "阶段年份"), 2, 64), Column(N_("tabs.plan_items", "计算方式"), 4, 130), Column(N_("tabs.plan_items", "目标值"), 5, 56),
    Column(N_("tabs.plan_items", "单位"), 6, 44), Column(N_("tabs.plan_items", "填报实际值"), 7, 76), Column(N_("tabs.plan_items", "填报日期"), 8, 92), Column(N_("tabs.plan_items", "指标"), 3, 400),
]


def target_fields() -> list[FieldSpec]:
    """The target form's fields."""
    return [
        FieldSpec("plan_id", tr("tabs.plan_items", "所属方案"), "choice", required=True, choices=plan_choices),
        FieldSpec("stage_year", tr("tabs.plan_items", "阶段年份"), "int", extra={"min": 0, "max": 2100}),
        FieldSpec("description", tr("tabs.plan_items", "指标内容"), "multiline", required=True),
        FieldSpec("kind", tr("tabs.plan_items", "实际值的来源"), "combo", choices=[(KIND_LABELS[k], k) for k in TARGET_KINDS]),
        FieldSpec("target_value", tr("tabs.plan_items", "目标值"), "float", placeholder=tr("tabs.plan_items", "例如 40 或 40%")),
        FieldSpec("unit_label", tr("tabs.plan_items", "计量单位"), "editcombo", choices=UNIT_LABELS),
        FieldSpec("actual_value", tr("tabs.plan_items", "填报实际值"), "float", placeholder=tr("tabs.plan_items", "“手工填报”时填写")),
        FieldSpec("actual_date", tr("tabs.plan_items", "填报日期"), "date"),
        FieldSpec("notes", tr("tabs.plan_items", "备注"), "multiline"),
    ]


class TargetForm(OptionalIntForm):
    """The target form: the stage year may stay empty."""

    optional_ints = ("stage_year",)


class TargetsTab(_PlanItemTab):
    """指标 of every plan."""

    title = N_("TargetsTab", "指标")
    model_class = Target
    columns = TARGET_COLUMNS
    watched = ("target", "plan")

    def fetch_rows(self) -> list[tuple]:
        query = (Target.live(Target.id, Plan.title, Target.stage_year, Target.description, Target.kind,
                             Target.target_value, Target.unit_label, Target.actual_value, Target.actual_date,
                             Plan.id)
                 .join(Plan).where(Plan.deleted_at.is_null())
                 .order_by(Plan.id, Target.stage_year, Target.id).tuples())
        return [(tid, title, year, text, KIND_LABELS.get(kind, kind), target, unit, actual, date, pid)
                for tid, title, year, text, kind, target, unit, actual, date, pid in query]

    def filters(self):
        return [plan_filter(9)]

    def open_form(self, record):
        return edit_with_form(self, tr("TargetsTab", "编辑指标") if record else tr("TargetsTab", "新增指标"), Target,
                              target_fields(), record, form_class=TargetForm,
                              defaults={"plan_id": self.default_plan(), "kind": "manual"})


# -- 频次要求 -------------------------------------------------------------------------------
# Row: (id, plan title, name, types, period, minimum, scope, role, source, plan_id)
RULE_COLUMNS = [
    Column(N_("tabs.plan_items", "方案"), 1, 200), Column(N_("tabs.plan_items", "名称"), 2, 160), Column(N_("tabs.plan_items", "活动类型"), 3, 200), Column(N_("tabs.plan_items", "周期"), 4, 48),
    Column(N_("tabs.plan_items", "至少"), 5, 44), Column(N_("tabs.plan_items", "范围"), 6, 48), Column(N_("tabs.plan_items", "适用人员"), 7, 70), Column(N_("tabs.plan_items", "方案原文"), 8, 300),
]


def split_types(text: str) -> list[str]:
    """“座谈会、教学观摩” → ['座谈会', '教学观摩'] (also accepts commas, semicolons, spaces)."""
    return [t for t in TYPE_SEPARATORS.split(text or "") if t]


def rule_fields() -> list[FieldSpec]:
    """The frequency rule form's fields."""
    return [
        FieldSpec("plan_id", tr("tabs.plan_items", "所属方案"), "choice", required=True, choices=plan_choices),
        FieldSpec("name", tr("tabs.plan_items", "名称"), required=True, placeholder=tr("tabs.plan_items", "例如 座谈会每学期不少于3次")),
        FieldSpec("activity_types", tr("tabs.plan_items", "活动类型"), placeholder=tr("tabs.plan_items", "多个类型用“、”分隔，例如 教学观摩、学科竞赛")),
        FieldSpec("period", tr("tabs.plan_items", "周期"), "combo", choices=RULE_PERIODS),
        FieldSpec("minimum", tr("tabs.plan_items", "至少次数"), "int", extra={"min": 1, "max": 999}),
        FieldSpec("scope", tr("tabs.plan_items", "统计范围"), "combo", choices=RULE_SCOPES),
        FieldSpec("role", tr("tabs.plan_items", "适用人员"), placeholder=tr("tabs.plan_items", "范围为“人”时填写，例如 教研员")),
        FieldSpec("source_text", tr("tabs.plan_items", "方案原文"), "multiline"),
    ]


class RuleForm(RecordForm):
    """The rule form: activity types edited as “、”-separated text, stored as a list."""

    def set_values(self, values: dict) -> None:
        """Show the type list as text."""
        values = dict(values)
        if isinstance(values.get("activity_types"), list):
            values["activity_types"] = "、".join(values["activity_types"])  # notr (stored)
        super().set_values(values)

    def read_values(self):
        """Read the type text back as a list."""
        values, errors = super().read_values()
        if "activity_types" in values:
            values["activity_types"] = split_types(values["activity_types"])
        return values, errors

    def extra_errors(self, values):
        if values.get("scope") == "人" and not values.get("role"):  # notr
            return {"role": tr("RuleForm", "统计范围为“人”时，请写明适用人员（例如 教研员）")}
        return {}


class RulesTab(_PlanItemTab):
    """频次要求 of every plan."""

    title = N_("RulesTab", "频次要求")
    model_class = FrequencyRule
    columns = RULE_COLUMNS
    watched = ("frequency_rule", "plan")

    def fetch_rows(self) -> list[tuple]:
        query = (FrequencyRule.live(FrequencyRule.id, Plan.title, FrequencyRule.name, FrequencyRule.activity_types,
                                    FrequencyRule.period, FrequencyRule.minimum, FrequencyRule.scope,
                                    FrequencyRule.role, FrequencyRule.source_text, Plan.id)
                 .join(Plan).where(Plan.deleted_at.is_null())
                 .order_by(Plan.id, FrequencyRule.id).tuples())
        return [(rid, title, name, tr("RulesTab", "、").join(types or []), period, minimum, scope, role,
                 (source or "").replace("\n", " "), pid)
                for rid, title, name, types, period, minimum, scope, role, source, pid in query]

    def filters(self):
        return [plan_filter(9)]

    def open_form(self, record):
        return edit_with_form(self, tr("RulesTab", "编辑频次要求") if record else tr("RulesTab", "新增频次要求"), FrequencyRule,
                              rule_fields(), record, form_class=RuleForm,
                              defaults={"plan_id": self.default_plan(), "period": "学期", "minimum": 1,  # notr
                                        "scope": "单位", "activity_types": []})  # notr
