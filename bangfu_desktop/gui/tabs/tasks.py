"""任务清单: the plan's tasks grouped by category in the plan's order, status by colour."""

from __future__ import annotations
from ..i18n import N_, tr

from PySide6.QtGui import QColor

from ...core.deadlines import parse_deadline
from ...core.terms import load_calendar
from ...core.models import OVERDUE, TASK_STATUSES, Plan, Task, TaskCategory
from ...core.tablesources import TASKS, task_status_condition
from ..dialogs.form import FieldSpec, RecordForm
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, plan_choices

STATUS_COLOURS = {
    "已完成": QColor("#dff0d8"),  # notr
    "推进中": QColor("#e3f0fb"),  # notr
    OVERDUE: QColor("#f8d7da"),
}

# Row: core.tablesources.TASKS (id, category, code, text, deadline, due, responsible, cooperating, status, …)
COLUMNS = [
    Column(N_("tabs.tasks", "类别"), "category", 110), Column(N_("tabs.tasks", "编号"), "code", 50), Column(N_("tabs.tasks", "目标任务 / 主要举措"), "text", 420),
    Column(N_("tabs.tasks", "完成时限"), "deadline", 150), Column(N_("tabs.tasks", "截止日期"), "due", 90), Column(N_("tabs.tasks", "责任单位"), "responsible", 160),
    Column(N_("tabs.tasks", "配合部门"), "cooperating", 120), Column(N_("tabs.tasks", "状态"), "status", 64), Column(N_("tabs.tasks", "进展情况"), "progress", 200),
]


def category_choices() -> list[tuple[str, int]]:
    """Categories of live plans, labelled with their plan."""
    query = (TaskCategory.live(TaskCategory.id, TaskCategory.code, TaskCategory.name, Plan.title)
             .join(Plan).where(Plan.deleted_at.is_null()).order_by(Plan.id, TaskCategory.position).tuples())
    return [(f"{title[:16]}… · {code + '.' if code else ''}{name}", cid) for cid, code, name, title in query]


def task_fields() -> list[FieldSpec]:
    """The task form's fields (完成时限 read with the unit's school calendar)."""
    calendar = load_calendar()
    return [
        FieldSpec("plan_id", tr("tabs.tasks", "所属方案"), "choice", required=True, choices=plan_choices),
        FieldSpec("category_id", tr("tabs.tasks", "类别"), "choice", choices=category_choices),
        FieldSpec("code", tr("tabs.tasks", "编号"), placeholder=tr("tabs.tasks", "例如 1.1")),
        FieldSpec("stage_goal", tr("tabs.tasks", "目标任务（分阶段）"), "multiline"),
        FieldSpec("measure", tr("tabs.tasks", "主要举措"), "multiline"),
        FieldSpec("deadline_text", tr("tabs.tasks", "完成时限"), placeholder=tr("tabs.tasks", "例如 2023年12月底前，并长期坚持"),
                  help=lambda text: tr("tabs.tasks", "识别为：") + parse_deadline(text, calendar).explain()),
        FieldSpec("responsible", tr("tabs.tasks", "责任单位"), placeholder=tr("tabs.tasks", "多个单位用“、”分隔")),
        FieldSpec("cooperating", tr("tabs.tasks", "配合部门"), placeholder=tr("tabs.tasks", "多个部门用“、”分隔")),
        FieldSpec("status", tr("tabs.tasks", "状态"), "combo", choices=TASK_STATUSES),
        FieldSpec("progress", tr("tabs.tasks", "进展情况"), "multiline"),
        FieldSpec("completed_on", tr("tabs.tasks", "完成日期"), "date"),
        FieldSpec("evidence", tr("tabs.tasks", "佐证材料说明"), "multiline"),
    ]


class TaskForm(RecordForm):
    """The task form: a goal or a measure must be given; completion needs 已完成."""

    def extra_errors(self, values):
        errors = {}
        if not values.get("stage_goal") and not values.get("measure"):
            errors["measure"] = tr("TaskForm", "“目标任务”和“主要举措”至少填写一项")
        if values.get("completed_on") and values.get("status") != "已完成":  # notr
            errors["status"] = tr("TaskForm", "填写了完成日期，状态应为“已完成”")
        return errors


class TasksTab(RecordTab):
    """The 任务清单 of every plan."""

    title = N_("TasksTab", "任务清单")
    model_class = Task
    columns = COLUMNS
    watched = ("task", "task_category", "plan")
    archive_kind = "tasks"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model.row_colour = lambda row: STATUS_COLOURS.get(row.status)

    source = TASKS

    def filters(self):
        return [
            FilterSpec(tr("TasksTab", "方案"), plan_choices, where=lambda value: Task.plan == value),
            FilterSpec(tr("TasksTab", "状态"), lambda: [(s, s) for s in (*TASK_STATUSES, OVERDUE)], where=task_status_condition),
        ]

    def open_form(self, record):
        return edit_with_form(self, tr("TasksTab", "编辑任务") if record else tr("TasksTab", "新增任务"), Task,
                              task_fields(), record, form_class=TaskForm,
                              defaults={"status": "未开始", "plan_id": self._default_plan()})  # core.record_ops derives the due date  # notr

    def extra_actions(self, toolbar) -> None:
        """导出Excel: the plan's 任务清单 workbook."""
        from ..excel_actions import export_tasks_workbook
        self.excel_action = toolbar.addAction(tr("TasksTab", "导出Excel"), lambda: export_tasks_workbook(self))

    def _default_plan(self):
        value = self.filter_combos[0].currentData() if self.filter_combos else None
        return value or (plan_choices()[0][1] if plan_choices() else None)
