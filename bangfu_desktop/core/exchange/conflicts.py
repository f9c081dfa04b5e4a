"""Conflicts of an import as a clerk reads them: which record, which fields differ, 本地 against 收到.

The window and the command line show the same text; the choice per record goes back
to ``importer.apply_import(plan, choices=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import BooleanField, ForeignKeyField

from .importer import Change, ImportPlan
from .records_io import MODEL_BY_NAME

MINE, THEIRS = "mine", "theirs"
# Fields the ledgers' import preview does not name.
_MORE_LABELS = {
    "name": "名称", "gender": "性别", "unit": "单位", "phone": "手机号码", "office_phone": "办公电话",
    "position": "职务", "is_dual_qualified": "双师型", "is_party_member": "党员", "helper_from": "派出单位",
    "helper_start": "帮扶开始", "helper_end": "帮扶结束", "description": "说明", "code": "编号", "measure": "主要举措",
    "stage_goal": "目标任务", "deadline_text": "完成时限", "progress_notes": "进展情况", "target_value": "目标值",
    "actual_value": "实际值", "deleted_at": "删除时间", "email": "邮箱", "contact": "联系人",
    "is_helper": "帮扶人才", "others_count": "其他人数",
}
# The same field name meaning something else in one table.
_TABLE_LABELS = {("teacher", "title"): "职称", ("teacher", "notes"): "备注", ("plan", "title"): "方案名称",
                 ("unit", "kind"): "单位类型", ("unit", "role"): "角色"}
EMPTY = "（空）"


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its label and both values as text."""

    name: str
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class ConflictView:
    """A record changed on both sides, as the preview lists it."""

    table: str
    uuid: str
    record: str  # e.g. 活动：同课异构 (2026-03-12)
    diffs: tuple[FieldDiff, ...]

    @property
    def key(self) -> tuple[str, str]:
        """The key ``apply_import(choices=...)`` expects."""
        return (self.table, self.uuid)


def field_label(table: str, name: str) -> str:
    """The Chinese name of a field of ``table`` (the field name itself when none is known)."""
    from ..excel_import_ledgers import CHANGE_LABELS  # it imports openpyxl: not at the window's start

    return _TABLE_LABELS.get((table, name)) or CHANGE_LABELS.get(name) or _MORE_LABELS.get(name) or name


def _text(model, name: str, value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    field = model._meta.fields.get(name) if model is not None else None
    if isinstance(field, BooleanField):
        return "是" if value else "否"
    if isinstance(field, ForeignKeyField):
        target = field.rel_model.get_or_none(field.rel_model.uuid == value)
        return target.describe() if target is not None and hasattr(target, "describe") else str(value)[:8]
    return str(value)


def _record_text(change: Change) -> str:
    model = MODEL_BY_NAME.get(change.table)
    local = model.get_or_none(model.uuid == change.uuid) if model is not None else None
    if local is not None and hasattr(local, "describe"):
        return local.describe()
    return f"{change.label} {change.uuid[:8]}"


def describe_conflict(change: Change) -> ConflictView:
    """What a clerk needs to decide one conflict."""
    model = MODEL_BY_NAME.get(change.table)
    diffs = tuple(FieldDiff(name, field_label(change.table, name), _text(model, name, mine), _text(model, name, theirs))
                  for name, (mine, theirs) in change.differences().items())
    return ConflictView(change.table, change.uuid, _record_text(change), diffs)


def conflict_views(plan: ImportPlan) -> list[ConflictView]:
    """Every conflict of ``plan``, in the package's order."""
    return [describe_conflict(c) for c in plan.conflicts]


def summary_lines(plan: ImportPlan) -> list[str]:
    """Sender and time, the totals, and each record type the import changes (all-unchanged types in one line)."""
    from .importer import ADD, UNCHANGED, UPDATE

    lines = [f"来自：{plan.package.sender.get('name', '')}（{plan.package.made_at:%Y-%m-%d %H:%M}）",
             f"合计：新增 {plan.count(ADD)}，更新 {plan.count(UPDATE)}，未变 {plan.count(UNCHANGED)}，"
             f"冲突 {len(plan.conflicts)}"]
    quiet = []
    for label, counts in plan.counts_by_table().items():
        if set(counts) == {UNCHANGED}:
            quiet.append(label)
        else:
            lines.append(f"{label}：" + "，".join(f"{a} {n}" for a, n in counts.items()))
    if quiet:
        lines.append("无变化：" + "、".join(quiet))
    return lines
