"""Importing a teacher roster (教师名册) from a bureau's sheet or our own export."""

from __future__ import annotations

import os
import re

from .errors import InvalidInput
from .excel_import import FieldSpec, ImportPreview, RowPlan, find_header
from .excel_read import header_key, read_grid
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import Teacher, Unit
from .validation import phone_from_cell

TEACHER_FIELDS = (
    FieldSpec("name", "姓名", ("姓名", "教师姓名", "名字")),
    FieldSpec("gender", "性别", ("性别",)),
    FieldSpec("unit", "单位", ("单位", "所在单位", "工作单位", "学校", "学校名称", "所在学校", "单位名称")),
    FieldSpec("subject", "学科", ("学科", "任教学科", "所教学科", "任教专业", "专业", "学科（专业）")),
    FieldSpec("position", "职务", ("职务", "行政职务", "现任职务")),
    FieldSpec("title", "职称", ("职称", "专业技术职务", "技术职称", "专业技术职称")),
    FieldSpec("phone", "手机号码", ("手机号码", "手机", "手机号", "联系电话", "电话", "联系方式")),
    FieldSpec("is_dual_qualified", "双师型", ("双师型", "是否双师型", "双师型教师")),
    FieldSpec("is_party_member", "党员", ("党员", "是否党员", "政治面貌")),
    FieldSpec("is_leader", "校领导", ("校领导", "是否校领导")),
    FieldSpec("is_helper", "帮扶人才", ("帮扶人才", "是否帮扶人才", "帮扶教师")),
    FieldSpec("notes", "备注", ("备注",)),
)
TEXT_FIELDS = ("gender", "subject", "position", "title", "phone", "notes")
BOOL_FIELDS = ("is_dual_qualified", "is_party_member", "is_leader", "is_helper")
TRUE_WORDS = ("是", "√", "✓", "✔", "y", "yes", "1", "有", "true")


FORM_FOOTER = ("单位（盖章）", "负责人：", "填报人：", "日期：", "填报日期：")


def as_bool(text: str) -> bool:
    """'是', '√', '1', '中共党员' → True; '否', '', '群众' → False."""
    t = text.strip().lower()
    return t in TRUE_WORDS or ("党员" in t and "非" not in t)


def preview_teachers(path: str | os.PathLike, *, sheet: str | None = None,
                     mapping: dict[int, str] | None = None, progress: ProgressFn | None = None,
                     cancelled: CancelFn | None = None) -> ImportPreview:
    """Read a roster and say which teachers would be added or updated (nothing is written)."""
    grid = read_grid(path, sheet, progress=progress, cancelled=cancelled)
    header_row, found = find_header(grid, TEACHER_FIELDS, ("name",))
    preview = ImportPreview("teachers", str(path), grid, header_row, mapping or found, TEACHER_FIELDS)
    preview.rebuild = lambda old, new: _build(
        ImportPreview("teachers", old.path, old.grid, old.header_row, new, TEACHER_FIELDS), cancelled)
    return _build(preview, cancelled)


def _build(preview: ImportPreview, cancelled: CancelFn | None) -> ImportPreview:
    cols = {key: col for col, key in preview.mapping.items()}
    if "name" not in cols:
        raise InvalidInput("没有指定“姓名”列，无法导入教师名册。请在预览中把姓名所在的列对应到“姓名”。")
    # Everything a row is matched against is fetched once: the query count does not grow with the rows.
    units: dict[str, Unit] = {}
    units_by_id: dict[int, Unit] = {}
    for unit in Unit.live():
        units_by_id[unit.id] = unit
        units.setdefault(unit.name, unit)
        if unit.short_name:
            units.setdefault(unit.short_name, unit)
    home = next((u for u in units_by_id.values() if u.is_self), None)
    by_name: dict[str, list[Teacher]] = {}
    for teacher in Teacher.live():
        by_name.setdefault(teacher.name, []).append(teacher)
    header = [header_key(t) for t in preview.headers]
    seen: dict[tuple, int] = {}
    for r in range(preview.header_row + 1, len(preview.grid.texts)):
        if r % 200 == 0:
            check_cancel(cancelled)
        texts = preview.grid.texts[r]
        row_no = r + 1
        cell = {key: (texts[c] if c < len(texts) else "").replace("\n", "") for key, c in cols.items()}
        if not any(texts) or _repeats_header(texts, header):
            continue
        if next(t for t in texts if t).startswith(FORM_FOOTER):
            continue  # the form's closing lines (单位（盖章）, 负责人, 日期) as our exports write them
        name = re.sub(r"\s+", "", cell["name"])
        if not name:
            preview.rows.append(RowPlan(row_no, "skip", "", reason="姓名为空"))
            continue
        if len(name) > 20 or len(set(t for t in texts if t)) == 1 and len([t for t in texts if t]) > 1:
            preview.rows.append(RowPlan(row_no, "skip", "", reason=f"不是教师行：“{name[:20]}”"))
            continue
        phone = ""
        if "phone" in cols:
            raw = preview.grid.values[r][cols["phone"]] if cols["phone"] < len(preview.grid.values[r]) else None
            phone, problem = phone_from_cell(raw)
            if problem:
                preview.rows.append(RowPlan(row_no, "skip", name, reason=problem))
                continue
        key = (name, phone)
        if key in seen:
            preview.rows.append(RowPlan(row_no, "skip", name, reason=f"与第 {seen[key]} 行重复"))
            continue
        seen[key] = row_no
        values = {f: cell[f].strip() for f in TEXT_FIELDS if f in cell}
        values["phone"] = phone if "phone" in cell else None
        values.update({f: as_bool(cell[f]) for f in BOOL_FIELDS if cell.get(f, "").strip()})
        unit = _unit(cell.get("unit", "").strip(), units, preview)
        target, problem = _match(by_name.get(name, []), phone, unit)
        if problem:
            preview.rows.append(RowPlan(row_no, "skip", name, reason=problem))
            continue
        if target is None:
            teacher = Teacher(name=name, unit=unit or home, **{k: v for k, v in values.items() if v is not None})
            where = unit or home
            preview.rows.append(RowPlan(row_no, "add", f"{name}（{where.name}）" if where else name, teacher))
            continue
        changes = {}
        for field, value in values.items():
            old = getattr(target, field)
            if value is None or value == "" or value == old:
                continue
            changes[field] = (_show(old), _show(value))
            setattr(target, field, value)
        if unit is not None and (unit.id is None or unit.id != target.unit_id):
            old_unit = units_by_id.get(target.unit_id)
            changes["unit"] = (old_unit.name if old_unit else "", unit.name)
            target.unit = unit
        preview.rows.append(RowPlan(row_no, "update" if changes else "same", name, target, changes))
    return preview


def _repeats_header(texts: list[str], header: list[str]) -> bool:
    """True for the header row repeated on a later page (cheap test first: rows rarely repeat it)."""
    first = next((i for i, h in enumerate(header) if h), None)
    if first is None or first >= len(texts) or header_key(texts[first]) != header[first]:
        return False
    return [header_key(t) for t in texts] == header


def _show(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value or "")


def _unit(text: str, units: dict[str, Unit], preview: ImportPreview) -> Unit | None:
    if not text:
        return None
    if text not in units:
        units[text] = Unit(name=text, kind="学校")
        preview.extra.append(units[text])
        preview.notes.append(f"将新建单位：{text}")
    return units[text]


def _match(candidates: list[Teacher], phone: str, unit: Unit | None) -> tuple[Teacher | None, str]:
    """The existing teacher a row is about, or a reason why that cannot be decided."""
    if len(candidates) <= 1:
        if candidates and phone and candidates[0].phone and candidates[0].phone != phone and unit is not None \
                and unit.id is not None and candidates[0].unit_id not in (None, unit.id):
            return None, ""  # a namesake at another unit with another phone: a new person
        return (candidates[0] if candidates else None), ""
    narrowed = [t for t in candidates if phone and t.phone == phone] or \
               [t for t in candidates if unit is not None and t.unit_id == unit.id]
    if len(narrowed) == 1:
        return narrowed[0], ""
    return None, f"数据库中有 {len(candidates)} 位同名教师，无法确定更新哪一位（请在表中填写手机号码或单位）"
