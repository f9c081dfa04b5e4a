"""任务清单 (same structure as the bureau's Excel form) and 指标完成情况."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..models import Plan, Task, TaskCategory
from ..queries import self_unit
from ..targets import Figures, TargetProgress, year_figures
from ..terms import Period
from .context import ExportContext
from .forms import fmt_number, mm_widths, title_block
from .styles import LABEL_FILL, ruled, styles
from .tables import KeepTable, heading

CHINESE_NUMBERS = "一二三四五六七八九十"
TASK_HEADER = ["序号", "目标任务（分阶段）", "主要举措", "完成时限", "责任单位", "配合部门"]
TARGET_HEADER = ["序号", "阶段", "指标", "目标值", "实际值", "完成率/状态", "来源/说明"]
RULE_HEADER = ["序号", "频次要求", "周期", "范围", "应完成", "已完成", "情况"]


def task_overlaps(task: Task, period: Period | None) -> bool:
    """Whether a task's span (start year to due date; 长期坚持 never ends) overlaps ``period``."""
    if period is None:
        return True
    if task.start_year is not None and task.start_year > period.end.year:
        return False
    return task.ongoing or task.due_date is None or task.due_date >= period.start


def _ordinal(index: int) -> str:
    return CHINESE_NUMBERS[index] if index < len(CHINESE_NUMBERS) else str(index + 1)


def contact_line(ctx: ExportContext) -> Paragraph:
    """学校：（盖章） 联系人 职务 办公电话 手机号码, filled from 本单位."""
    unit = self_unit()
    values = [unit.name if unit else "", unit.contact_name if unit else "", unit.contact_title if unit else "",
              unit.office_phone if unit else "", unit.mobile if unit else ""]
    where = "任务清单表头（本单位信息）"
    name, contact, title, office, mobile = (ctx.text(v, where) for v in values)
    gap = "&nbsp;" * 3
    text = (f"学校：{name}（盖章）{gap}联系人：{contact}{gap}职务：{title}{gap}"
            f"办公电话：{office}{gap}手机号码：{mobile}")
    return Paragraph(text, styles().cell)


def task_list_title(plan: Plan) -> str:
    """The 任务清单 title of a plan."""
    return plan.title if plan.title.endswith("清单") else f"{plan.title}重点任务清单"


def task_list_story(plan: Plan, ctx: ExportContext, period: Period | None = None) -> list[Flowable]:
    """The 任务清单 of one plan (its tasks overlapping ``period``): title, unit line, category rows, five columns."""
    s = styles()
    categories = list(TaskCategory.live().where(TaskCategory.plan == plan).order_by(TaskCategory.position))
    tasks = [t for t in Task.live().where(Task.plan == plan).order_by(Task.position, Task.id)
             if task_overlaps(t, period)]
    rows: list[list] = [[Paragraph(h, s.small_center) for h in TASK_HEADER]]
    commands: list = []
    groups = [(c, [t for t in tasks if t.category_id == c.id]) for c in categories]
    loose = [t for t in tasks if t.category_id not in {c.id for c in categories}]
    if loose:
        groups.append((None, loose))
    groups = [(c, items) for c, items in groups if items]
    for index, (category, items) in enumerate(groups):
        if category is not None:
            where = f"任务清单《{plan.title}》类别“{category.name}”"
            rows.append([heading(ctx.para(f"{_ordinal(index)}、{category.name}", s.cell, where))] + [""] * 5)
            commands += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                         ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LABEL_FILL)]
        for task in items:
            where = f"任务清单《{plan.title}》第 {task.code or task.id} 项"
            cells = [task.code, task.stage_goal, task.measure, task.deadline_text, task.responsible,
                     task.cooperating]
            rows.append([ctx.para(c, s.small_center if i in (0, 3) else s.small, where)
                         for i, c in enumerate(cells)])
    story = title_block(ctx.text(task_list_title(plan), f"方案《{plan.title}》"),
                        ctx.text(plan.doc_number, f"方案《{plan.title}》"))
    story += [contact_line(ctx), Spacer(1, 2 * mm)]
    # Plans that state no stage goals leave that column empty: give its room to the measures.
    widths = mm_widths(10, 40, 60, 18, 24, 20) if any(t.stage_goal for t in tasks) else \
        mm_widths(10, 18, 82, 18, 24, 20)
    table = KeepTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(ruled(commands, header_rows=1))
    story.append(table)
    if not tasks:
        story.append(Paragraph("（该方案尚未录入任务）", s.cell_center))
    return story


def _rate(progress: TargetProgress) -> str:
    ratio = progress.progress
    rate = f"{ratio * 100:.0f}%" if ratio is not None else ""
    return f"{rate}\n{progress.status}" if rate else progress.status


def target_story(plan: Plan, ctx: ExportContext, figures: Figures | None = None) -> list[Flowable]:
    """指标完成情况 of one plan: each stage target's actual value and rate, then its 频次要求.

    The figures come from ``core.targets.year_figures`` (the one truth every output shares);
    why a computable target fell back to its typed value is a warning, never printed in the form.
    """
    s = styles()
    figures = figures or year_figures(None, plan_id=plan.id)
    progress_rows = figures.plan_targets(plan.id)
    rows: list[list] = [[Paragraph(h, s.small_center) for h in TARGET_HEADER]]
    for number, progress in enumerate(progress_rows, start=1):
        where = f"指标完成情况《{plan.title}》第 {number} 项"
        if progress.fallback_reason:
            ctx.warn(f"{where}：无法按记录统计（{progress.fallback_reason}），已按填报值打印")
        unit = progress.unit_label
        note = "；".join(n for n in (progress.source_label, progress.public_note, progress.notes) if n)
        cells = [str(number), f"{progress.stage_year}年" if progress.stage_year else "", progress.description,
                 f"{fmt_number(progress.target_value)}{unit}" if progress.target_value is not None else "",
                 f"{fmt_number(progress.actual)}{unit}" if progress.actual is not None else "未填报",
                 _rate(progress), note]
        rows.append([ctx.para(c, s.small if i in (2, 6) else s.small_center, where)
                     for i, c in enumerate(cells)])
    story = title_block("指标完成情况", ctx.text(plan.title, f"方案《{plan.title}》"))
    table = KeepTable(rows, colWidths=mm_widths(9, 14, 62, 18, 18, 19, 30), repeatRows=1)
    table.setStyle(ruled(header_rows=1))
    story.append(table)
    if not progress_rows:
        story.append(Paragraph("（该方案在本期没有指标）", s.cell_center))
    rules = figures.plan_rules(plan.id)
    if rules:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(f"频次要求完成情况（{figures.rule_period.label}）", s.heading))
        rule_rows: list[list] = [[Paragraph(h, s.small_center) for h in RULE_HEADER]]
        for number, rule in enumerate(rules, start=1):
            where = f"频次要求《{plan.title}》第 {number} 项"
            cells = [str(number), rule.name, f"每{rule.period_kind}≥{rule.minimum}", rule.scope,
                     str(rule.required), str(rule.done), rule.status]
            rule_rows.append([ctx.para(c, s.small if i == 1 else s.small_center, where)
                              for i, c in enumerate(cells)])
        table = KeepTable(rule_rows, colWidths=mm_widths(9, 70, 20, 14, 16, 16, 20), repeatRows=1)
        table.setStyle(ruled(header_rows=1))
        story.append(table)
    return story

