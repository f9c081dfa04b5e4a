"""Importing a 任务清单 in a bureau's layout (or our own export) into a plan."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from .deadlines import parse_deadline
from .excel_import import FieldSpec, ImportPreview, RowPlan, auto_mapping, find_header
from .excel_read import Grid, header_key, read_grid
from .excel_tasks import plan_from_title
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import Plan, Task, TaskCategory
from .plan_match import match_plan
from .validation import date_problem

TASK_FIELDS = (
    FieldSpec("category", "类别", ("类别", "任务类别", "类型", "项目类别", "重点任务类别", "任务分类")),
    FieldSpec("code", "编号", ("编号", "序号", "任务编号")),
    FieldSpec("stage_goal", "目标任务（分阶段）", ("目标任务（分阶段）", "目标任务", "阶段目标", "工作目标", "目标")),
    FieldSpec("measure", "主要举措", ("主要举措", "工作措施", "具体措施", "主要措施", "工作举措", "举措", "措施",
                                    "任务内容", "工作任务", "重点任务", "工作内容", "具体任务")),
    FieldSpec("deadline", "完成时限", ("完成时限", "完成时间", "时间节点", "时限", "完成期限", "时间要求", "时间安排")),
    FieldSpec("responsible", "责任单位", ("责任单位", "牵头单位", "责任部门", "牵头部门", "责任科室", "责任处室",
                                       "牵头科室")),
    FieldSpec("cooperating", "配合部门", ("配合部门", "配合单位", "协同单位", "协办单位", "配合科室", "协同部门")),
    FieldSpec("progress", "进展情况", ("进展情况", "工作进展", "推进情况", "进展")),
    FieldSpec("completion", "完成情况", ("完成情况", "完成状态", "是否完成")),
)
CATEGORY_ROW = re.compile(r"^(?:[(（]\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[、.．。)）]|\s)\s*(\S.{0,24})$")
LEADING_CODE = re.compile(r"^(\d{1,2}(?:[.．]\d{1,2})+)[.．、\s]*(.*)$", re.S)
UNIT_END = "局校科室处办部院委会组队中心所站馆"
STATUS_WORDS = (("已完成", "已完成"), ("完成", "已完成"), ("推进中", "推进中"), ("进行中", "推进中"),
                ("正在推进", "推进中"), ("未开始", "未开始"), ("未启动", "未开始"))
FOOTER_WORDS = ("填报日期", "填表人", "填表日期", "制表", "审核人", "单位负责人", "注：", "说明：", "备注：")
LABELS = {"stage_goal": "目标任务", "measure": "主要举措", "deadline_text": "完成时限", "responsible": "责任单位",
          "cooperating": "配合部门", "progress": "进展情况", "status": "状态", "category": "类别",
          "completed_on": "完成日期"}


def join_unit_lines(text: str) -> str:
    """Line breaks in 责任单位 cells are wrapping, except after a complete unit name (then 、)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += ("、" if out[-1] in UNIT_END and len(line) >= 2 else "") + line
    return out


def parse_category(text: str) -> tuple[str, str] | None:
    """'1.政策支持' / '一、政策支持' / '（一）政策支持' → (code, name); None for other text."""
    text = re.sub(r"\s+", " ", text.strip())
    if LEADING_CODE.match(text):
        return None
    m = CATEGORY_ROW.match(text)
    if m and "。" not in m.group(2):
        return m.group(1), m.group(2).strip()
    return None


def _status(text: str) -> tuple[str | None, dt.date | None, str | None]:
    """(status, completion date, problem with the date) from a 完成情况 text such as '已完成 2023-12-05'."""
    for word, status in STATUS_WORDS:
        if text.startswith(word):
            m = re.search(r"((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})", text)
            if not m:
                return status, None, None
            try:
                return status, dt.date(*(int(g) for g in m.groups())), None
            except ValueError:
                return status, None, f"完成情况中的{date_problem(m.group(0)) or m.group(0)}，未记录完成日期"
    return None, None, None


def _sheet_title(grid: Grid, header_row: int) -> str:
    for row in grid.texts[:header_row]:
        texts = [t for t in row if t]
        if texts and "清单" in texts[0]:
            return texts[0]
    return ""


# plan_id meaning "a new plan, whatever the title matches".
NEW_PLAN = 0


def with_plan(preview: ImportPreview, plan_id: int | None) -> ImportPreview:
    """The same list previewed into another plan (an existing one's id, NEW_PLAN or None: the match)."""
    fresh = ImportPreview("tasks", preview.path, preview.grid, preview.header_row, preview.mapping, TASK_FIELDS)
    fresh.rebuild = lambda old, new: _build(ImportPreview("tasks", old.path, old.grid, old.header_row, new,
                                                          TASK_FIELDS), plan_id, None)
    return _build(fresh, plan_id, None)


def preview_tasks(path: str | os.PathLike, *, plan_id: int | None = None, sheet: str | None = None,
                  mapping: dict[int, str] | None = None, progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None) -> ImportPreview:
    """Read a 任务清单 workbook and say what importing it into a plan would do (nothing is written)."""
    grid = read_grid(path, sheet, progress=progress, cancelled=cancelled)
    header_row, found = find_header(grid, TASK_FIELDS, ("measure", "stage_goal"))
    preview = ImportPreview("tasks", str(path), grid, header_row, mapping or found, TASK_FIELDS)
    preview.rebuild = lambda old, new: _build(ImportPreview("tasks", old.path, old.grid, old.header_row, new,
                                                            TASK_FIELDS), plan_id, cancelled)
    return _build(preview, plan_id, cancelled)


def _resolve_plan(preview: ImportPreview, plan_id: int | None) -> Plan:
    """The plan the rows go into; ``preview.plan``/``plan_how`` say which and why (for the window)."""
    if plan_id:
        plan = Plan.live().where(Plan.id == plan_id).first()
        if plan is None:
            from .errors import InvalidInput
            raise InvalidInput(f"找不到编号为 {plan_id} 的方案。")
        preview.plan, preview.plan_how = plan, "选定"
        preview.notes.append(f"导入到方案：{plan.title}")
        return plan
    title = _sheet_title(preview.grid, preview.header_row)
    if plan_id is None:
        above = [t for row in preview.grid.texts[:preview.header_row] for t in row if t]
        plan = plan_from_title(title) if title else None
        how = "标题" if plan is not None else ""
        if plan is None:
            plan, how = match_plan([title, *above])
        if plan is not None:
            preview.plan, preview.plan_how = plan, how
            preview.notes.append(f"导入到方案：{plan.title}（按{how}匹配；可改选）")
            return plan
    stem = re.sub(r"(重点)?任务清单$", "", re.sub(r"^附件\s*\d*\s*[:：]?", "", re.sub(r"\s+", "", title)))
    plan = Plan(title=stem or Path(preview.path).stem)
    preview.extra.append(plan)
    preview.plan, preview.plan_how = plan, "新建"
    preview.notes.append(f"将新建方案：{plan.title}")
    return plan


def _build(preview: ImportPreview, plan_id: int | None, cancelled: CancelFn | None) -> ImportPreview:
    plan = _resolve_plan(preview, plan_id)
    existing = list(Task.live().where(Task.plan == plan)) if plan.id else []
    by_code = {t.code: t for t in existing if t.code}
    by_text = {header_key(t.measure or t.stage_goal): t for t in existing}
    # Everything a row is matched against is fetched once: the query count does not grow with the rows.
    cats = {c.name: c for c in TaskCategory.live().where(TaskCategory.plan == plan)} if plan.id else {}
    cats_by_id = {c.id: c for c in cats.values()}
    position = max((t.position for t in existing), default=0)
    header = [header_key(t) for t in preview.headers]
    cols = {key: col for col, key in preview.mapping.items()}
    category, seen = None, {}
    for r in range(preview.header_row + 1, len(preview.grid.texts)):
        if r % 200 == 0:
            check_cancel(cancelled)
        texts = preview.grid.texts[r]
        row_no = r + 1
        cell = {key: texts[c] if c < len(texts) else "" for key, c in cols.items()}
        filled = [t for t in texts if t]
        if not filled or [header_key(t) for t in texts] == header or filled[0].startswith(FOOTER_WORDS):
            continue  # spacer row, the header repeated on a new page, or the form's footer line
        distinct = set(filled)
        if len(distinct) == 1 or (cell.get("category") and not any(
                cell.get(k) for k in ("stage_goal", "measure", "deadline", "responsible"))):
            parsed = parse_category(filled[0])
            if parsed is None and len(filled) > 1 and len(filled[0]) <= 20 and "：" not in filled[0]:
                parsed = ("", filled[0])
            if parsed is not None:
                category = _category(parsed, cats, plan, preview)
                continue
            if len(distinct) == 1 and (len(filled) > 1 or not cell.get("measure")):
                preview.rows.append(RowPlan(row_no, "skip", "", reason=f"不是任务行：“{filled[0][:30]}”"))
                continue
        if cell.get("category"):
            parsed = parse_category(cell["category"]) or ("", cell["category"].replace("\n", ""))
            category = _category(parsed, cats, plan, preview)
        code, measure, goal = cell.get("code", "").replace("\n", ""), cell.get("measure", ""), cell.get("stage_goal", "")
        if not code:
            for text_key in ("measure", "stage_goal"):
                m = LEADING_CODE.match(cell.get(text_key, ""))
                if m:
                    code = m.group(1).replace("．", ".")
                    if text_key == "measure":
                        measure = m.group(2).strip()
                    else:
                        goal = m.group(2).strip()
                    break
        if not measure and not goal:
            preview.rows.append(RowPlan(row_no, "skip", "", reason="没有“目标任务”也没有“主要举措”"))
            continue
        key = code or header_key(measure or goal)
        if key in seen:
            preview.rows.append(RowPlan(row_no, "skip", "", reason=f"与第 {seen[key]} 行重复（编号或内容相同）"))
            continue
        seen[key] = row_no
        values, warnings = _values(preview, r, cols, cell, goal, measure)
        target = by_code.get(code) if code else by_text.get(header_key(measure or goal))
        summary = f"{code} {(measure or goal).splitlines()[0][:40]}".strip()
        if target is None:
            position += 1
            task = Task(plan=plan, category=category, code=code, position=position, **values)
            preview.rows.append(RowPlan(row_no, "add", summary, task, warnings=warnings))
            continue
        changes = {}
        for name, value in values.items():
            old = getattr(target, name)
            if value not in ("", None) and value != old:
                if name in LABELS:
                    changes[name] = (str(old or ""), str(value))
                setattr(target, name, value)
        if category is not None and (category.id is None or target.category_id != category.id):
            old_category = cats_by_id.get(target.category_id)
            changes["category"] = (old_category.name if old_category else "", category.name)
            target.category = category
        preview.rows.append(RowPlan(row_no, "update" if changes else "same", summary, target, changes,
                                    warnings=warnings))
    return preview


def _values(preview: ImportPreview, r: int, cols: dict, cell: dict, goal: str,
            measure: str) -> tuple[dict, list[str]]:
    """A row's field values, and warnings about what was kept as typed."""
    warnings = []
    values = {"stage_goal": goal, "measure": measure,
              "responsible": join_unit_lines(cell.get("responsible", "")),
              "cooperating": join_unit_lines(cell.get("cooperating", "")),
              "progress": cell.get("progress", "")}
    if "deadline" in cols:
        raw = preview.grid.values[r][cols["deadline"]] if cols["deadline"] < len(preview.grid.values[r]) else None
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            values.update(deadline_text=f"{raw.year}年{raw.month}月{raw.day}日", due_date=raw)
        else:
            deadline = parse_deadline(cell.get("deadline", "").replace("\n", ""))
            values.update(deadline_text=deadline.raw, due_date=deadline.due,
                          start_year=deadline.start_year, ongoing=deadline.ongoing)
            if deadline.raw.strip() and deadline.due is None and not deadline.ongoing:
                # Never stored silently without a due date: the user is told, the text is kept as typed.
                why = date_problem(deadline.raw) or f"“{deadline.raw}”没有可识别的截止日期"
                warnings.append(f"完成时限{why}，已按原文保存，未设截止日期")
    status, done_on, problem = _status(cell.get("completion", ""))
    if status:
        values["status"] = status
        if done_on:
            values["completed_on"] = done_on
    if problem:
        warnings.append(problem)
    return values, warnings


def _category(parsed: tuple[str, str], cats: dict, plan: Plan, preview: ImportPreview) -> TaskCategory:
    code, name = parsed
    if name not in cats:
        position = max((c.position for c in cats.values()), default=-1) + 1
        cats[name] = TaskCategory(plan=plan, code=code, name=name, position=position)
        preview.extra.append(cats[name])
        preview.notes.append(f"将新建类别：{code + '.' if code else ''}{name}")
    return cats[name]
