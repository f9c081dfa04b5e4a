"""The 任务清单 workbook: a plan's tasks written into the shipped or a bureau's template."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..resources import resource
from .errors import InvalidInput
from .excel_common import chinese_date
from .excel_template import TemplateData, TemplateItem, fill_template
from .fileio import CancelFn, ProgressFn
from .models import OVERDUE, Plan, Task, TaskCategory
from .queries import self_unit

DEFAULT_TEMPLATE = "任务清单.xlsx"
PROGRESS_TEMPLATE = "任务清单_含进展.xlsx"
_PLAN_SUFFIX = re.compile(r"(实施方案|工作方案|方案|通知)$")
LIST_SUFFIX = "重点任务清单"


def default_template(with_progress: bool = False) -> Path:
    """The shipped 任务清单 template (with the 进展情况/完成情况 columns or without)."""
    node = resource("templates", PROGRESS_TEMPLATE if with_progress else DEFAULT_TEMPLATE)
    return Path(str(node))


def list_title(plan: Plan) -> str:
    """'…帮扶工作实施方案' → '…帮扶工作重点任务清单' (the attachment's title)."""
    return _PLAN_SUFFIX.sub("", plan.title.strip()) + LIST_SUFFIX


def plan_from_title(title: str) -> Plan | None:
    """The live plan whose 任务清单 title this is (the reverse of ``list_title``)."""
    stem = re.sub(r"^附件\s*\d*\s*[:：]?", "", re.sub(r"\s+", "", title))
    stem = re.sub(r"(重点)?任务清单$", "", stem)
    if not stem:
        return None
    for plan in Plan.live():
        if _PLAN_SUFFIX.sub("", re.sub(r"\s+", "", plan.title)) == stem:
            return plan
    return None


def completion_text(task: Task, today: dt.date | None = None) -> str:
    """完成情况 as written in the form: the status, with the completion date when done.

    A late task reads "推进中（已逾期）": the form says it is late, and the import
    (``excel_import_tasks``) reads the stored status back from the word in front.
    """
    status = task.effective_status(today)
    if status == "已完成" and task.completed_on:
        return f"已完成（{task.completed_on:%Y-%m-%d}）"
    if status == OVERDUE:
        return f"{task.status}（已{OVERDUE}）"
    return status


def choose_plan(plan_id: int | None) -> Plan:
    """The plan to export: the given one, else 本单位's, else the only one."""
    if plan_id is not None:
        plan = Plan.live().where(Plan.id == plan_id).first()
        if plan is None:
            raise InvalidInput(f"找不到编号为 {plan_id} 的方案。请用方案列表中的编号。")
        return plan
    plans = list(Plan.live().order_by(Plan.id))
    if not plans:
        raise InvalidInput("还没有任何方案。请先录入方案及其任务清单。")
    unit = self_unit()
    own = [p for p in plans if unit is not None and p.unit_id == unit.id]
    if len(own) == 1 or len(plans) == 1:
        return (own or plans)[0]
    listing = "；".join(f"{p.id}：{p.title}" for p in plans)
    raise InvalidInput(f"有多个方案，请指定要导出哪一个（--plan 编号）。现有方案：{listing}")


def task_data(plan: Plan, day: dt.date | None = None) -> TemplateData:
    """The header marks and the items of a plan's task list, in plan order."""
    day = day or dt.date.today()
    unit = self_unit()
    header = {
        "单位": unit.name if unit else "", "联系人": unit.contact_name if unit else "",
        "职务": unit.contact_title if unit else "", "办公电话": unit.office_phone if unit else "",
        "手机号码": unit.mobile if unit else "", "填报日期": chinese_date(day), "标题": list_title(plan),
    }
    categories = {c.id: c for c in TaskCategory.live().where(TaskCategory.plan == plan)}
    tasks = list(Task.live().where(Task.plan == plan))
    tasks.sort(key=lambda t: (categories[t.category_id].position if t.category_id in categories else 10**6,
                              t.position, t.id))
    items = []
    for task in tasks:
        category = categories.get(task.category_id)
        label = ""
        if category is not None:
            label = f"{category.code}.{category.name}" if category.code else category.name
        items.append(TemplateItem({
            "编号": task.code, "目标任务": task.stage_goal, "主要举措": task.measure,
            "完成时限": task.deadline_text, "责任单位": task.responsible, "配合部门": task.cooperating,
            "进展情况": task.progress, "完成情况": completion_text(task, day),
        }, label))
    return TemplateData(header, items)


def export_tasks(dest: str | os.PathLike, *, plan_id: int | None = None,
                 template: str | os.PathLike | None = None, with_progress: bool = True,
                 day: dt.date | None = None, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None) -> Path:
    """Write a plan's 任务清单 to ``dest``: the shipped form streamed, or filled into a bureau's ``template``."""
    plan = choose_plan(plan_id)
    data = task_data(plan, day)
    if template is None:
        from .excel_tasklist import write_task_list

        write_task_list(data, dest, with_progress=with_progress, progress=progress, cancelled=cancelled)
    else:
        fill_template(template, data, dest, progress=progress, cancelled=cancelled)
    return Path(dest)
