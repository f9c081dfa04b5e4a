"""Importing the ledgers (师徒结对, 轮训, 活动, 听课记录, 指导记录) from our exports or bureau sheets.

The same two steps as every import (``core.excel_import``): a preview that writes
nothing, then ``apply_import`` in one transaction. Sheets are read through
``excel_read.read_grid`` (merged cells filled, dates as real dates or text).
Teachers are matched to the roster by name (narrowed by unit when namesakes exist);
a name that matches nobody is reported by row and never created: the row is skipped,
or for a 听课人 kept as text outside the roster with a note.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from peewee import ForeignKeyField, Model

from . import records
from .errors import InvalidInput
from .excel_import import FieldSpec, ImportPreview, RowPlan, find_header
from .excel_read import header_key, read_grid
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import Teacher, Unit
from .validation import parse_date_text

NAME_SPLIT = re.compile(r"[、,，;；/\s]+")
# Record fields as the preview names them when a row changes an existing record.
CHANGE_LABELS = {
    "mentor": "师傅", "apprentice": "徒弟", "subject": "学科", "programme": "结对项目", "start_date": "开始日期",
    "end_date": "结束日期", "status": "状态", "goals": "结对目标", "teacher": "教师", "host_unit": "轮训单位",
    "kind": "形式", "is_leader": "校领导", "report": "学习总结", "date": "日期", "title": "活动主题",
    "type": "活动类型", "start_time": "开始时间", "end_time": "结束时间", "place": "地点", "online": "线上",
    "organiser": "组织部门", "host": "主持人/主讲人", "others_count": "其他人数", "content": "内容",
    "period": "节次", "grade_class": "年级/班级", "topic": "课题", "lesson_type": "课型",
    "observers_text": "名册外听课人", "notes": "教学过程", "evaluation": "评价与建议", "grade": "等级",
    "scores": "分项得分", "observers": "听课人", "pairing": "师徒结对",
}
FOOTER_WORDS = ("填报人", "填表人", "填报日期", "填表日期", "制表", "审核", "负责人", "注：", "说明：", "备注：")


class RowError(Exception):
    """A row that cannot be imported; the message says why, in Chinese."""


def parse_day(value: Any, text: str, what: str) -> dt.date | None:
    """A date from a cell: a real date, '2024-9-1', '2024/9/1', '2024年9月1日', '20240901' or an Excel serial."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    elif re.fullmatch(r"\d{5}(\.0+)?", text) and 20000 < float(text) < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))  # a date cell that lost its format
    try:
        return parse_date_text(text)
    except ValueError as exc:
        raise RowError(f"{what}：{exc}") from None


def clean_name(text: str) -> str:
    """A person's name as written, without blanks (表格里常写作“张  三”)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@dataclass
class Roster:
    """The live teachers and units, loaded once per preview."""

    by_name: dict[str, list[Teacher]]
    units: dict[str, Unit]
    # (mentor id, apprentice id) -> live pairings, read in one query when a row first asks.
    _pairings: dict[tuple[int, int], list] | None = field(default=None, repr=False)

    @classmethod
    def load(cls) -> "Roster":
        """Read the roster (two queries)."""
        units: dict[str, Unit] = {}
        unit_by_id: dict[int, Unit] = {}
        for unit in Unit.live():
            unit_by_id[unit.id] = unit
            units.setdefault(unit.name, unit)
            if unit.short_name:
                units.setdefault(unit.short_name, unit)
        by_name: dict[str, list[Teacher]] = {}
        for teacher in Teacher.live():
            if teacher.unit_id in unit_by_id:
                teacher.unit = unit_by_id[teacher.unit_id]  # no query per row when units are compared
            by_name.setdefault(clean_name(teacher.name), []).append(teacher)
        return cls(by_name, units)

    def candidates(self, name: str) -> list[Teacher]:
        """Live teachers of that name."""
        return self.by_name.get(clean_name(name), [])

    def teacher(self, name: str, unit_text: str, role: str) -> Teacher:
        """The one roster teacher a cell names, or RowError saying why not."""
        name = clean_name(name)
        if not name:
            raise RowError(f"{role}姓名为空")
        found = self.candidates(name)
        if not found:
            raise RowError(f"{role}“{name}”不在教师名册中（请先在教师名册中添加或导入该教师，再导入本表）")
        if len(found) > 1:
            unit_text = (unit_text or "").strip()
            found = [t for t in found if unit_text and t.unit_id and unit_text in (t.unit.name, t.unit.short_name)]
            if len(found) != 1:
                raise RowError(f"教师名册中有多位名为“{name}”的教师，无法确定是哪一位（请在表中填写其单位）")
        return found[0]

    def pairings(self, mentor_id: int, apprentice_id: int) -> list:
        """The live pairings of that mentor and apprentice (all pairings read once per preview)."""
        if self._pairings is None:
            from .models import Pairing

            self._pairings = {}
            for pairing in Pairing.live().order_by(Pairing.id):
                self._pairings.setdefault((pairing.mentor_id, pairing.apprentice_id), []).append(pairing)
        return self._pairings.get((mentor_id, apprentice_id), [])

    def unit(self, text: str, preview: ImportPreview) -> Unit | None:
        """The unit a cell names; an unknown one is created with the import (and said so)."""
        text = (text or "").strip()
        if not text:
            return None
        if text not in self.units:
            self.units[text] = Unit(name=text, kind="学校")
            preview.extra.append(self.units[text])
            preview.notes.append(f"将新建单位：{text}")
        return self.units[text]


@dataclass
class Planned:
    """What a kind's row reader decided: the record's values, its match key, links to write after."""

    values: dict[str, Any]
    key: tuple
    summary: str
    links: Callable[[Model], None] | None = None
    links_changed: Callable[[Model], dict[str, tuple[str, str]]] | None = None


@dataclass(frozen=True)
class LedgerImport:
    """One importable ledger: its fields, required columns, row reader and how records are matched."""

    kind: str
    label: str
    model: type[Model]
    fields: tuple[FieldSpec, ...]
    required: tuple[str, ...]
    read_row: Callable[[dict[str, str], dict[str, Any], Roster, ImportPreview], Planned]
    existing: Callable[[], dict[tuple, Model]]


def _is_filler(texts: list[str], header: list[str]) -> bool:
    """Blank, repeated-header, merged title/spacer and signature rows carry no record."""
    filled = [t for t in texts if t]
    if not filled or [header_key(t) for t in texts] == header:
        return True
    if len(set(filled)) == 1:
        return True  # one merged cell across the row: a title, a 学期 heading, a note
    if all(re.fullmatch(r"\d+", t) for t in filled):
        return True  # only a 序号
    return len(filled) <= 2 and any(filled[0].startswith(w) for w in FOOTER_WORDS)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Model):
        return getattr(value, "name", str(value.get_id()))
    if isinstance(value, list):
        from .observations import scores_text

        return scores_text(value)
    return "" if value is None else str(value)


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, Model):
        return old is not None and old.get_id() == new.get_id() and new.get_id() is not None
    return old == new


def build_preview(spec: LedgerImport, preview: ImportPreview, cancelled: CancelFn | None) -> ImportPreview:
    """Decide each row's fate (add, update, same, skip) without writing anything."""
    cols = {key: col for col, key in preview.mapping.items()}
    missing = [s.label for s in spec.fields if s.key in spec.required and s.key not in cols]
    if missing:
        raise InvalidInput(f"没有指定“{'、'.join(missing)}”列，无法导入{spec.label}。"
                           f"请在预览中把相应的列对应到“{missing[0]}”。")
    roster = Roster.load()
    existing = spec.existing()
    header = [header_key(t) for t in preview.headers]
    seen: dict[tuple, int] = {}
    for r in range(preview.header_row + 1, len(preview.grid.texts)):
        if r % 200 == 0:
            check_cancel(cancelled)
        texts = preview.grid.texts[r]
        if _is_filler(texts, header):
            continue
        row_no = r + 1
        values_row = preview.grid.values[r]
        cell = {key: (texts[c] if c < len(texts) else "") for key, c in cols.items()}
        raw = {key: (values_row[c] if c < len(values_row) else None) for key, c in cols.items()}
        try:
            planned = spec.read_row(cell, raw, roster, preview)
        except RowError as exc:
            preview.rows.append(RowPlan(row_no, "skip", "", reason=str(exc)))
            continue
        if planned.key in seen:
            preview.rows.append(RowPlan(row_no, "skip", planned.summary, reason=f"与第 {seen[planned.key]} 行重复"))
            continue
        seen[planned.key] = row_no
        target = existing.get(planned.key)
        if target is None:
            record = spec.model(**planned.values)
            preview.rows.append(RowPlan(row_no, "add", planned.summary, record))
            if planned.links:
                preview.after_apply.append(lambda link=planned.links, rec=record: link(rec))
            continue
        changes = {}
        for name, value in planned.values.items():
            link = spec.model._meta.fields.get(name)
            if (isinstance(link, ForeignKeyField) and isinstance(value, Model) and value.get_id() is not None
                    and getattr(target, link.object_id_name) == value.get_id()):
                continue  # the same linked record: compared by id, not fetched (one query per row)
            old = getattr(target, name)
            if value is None or value == "" or value == [] or _same(old, value):
                continue
            changes[CHANGE_LABELS.get(name, name)] = (_show(old), _show(value))
            setattr(target, name, value)
        if planned.links_changed:
            changes.update(planned.links_changed(target))
        if changes and planned.links:
            preview.after_apply.append(lambda link=planned.links, rec=target: link(rec))
        preview.rows.append(RowPlan(row_no, "update" if changes else "same", planned.summary, target, changes))
    return preview


def preview_ledger(kind: str, path: str | os.PathLike, *, sheet: str | None = None,
                   mapping: dict[int, str] | None = None, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> ImportPreview:
    """Read a ledger workbook of ``kind`` and say what would be added, updated or skipped."""
    from .excel_import_kinds import LEDGER_IMPORTS

    if kind not in LEDGER_IMPORTS:
        raise InvalidInput(f"未知的台账类别：{kind}")
    spec = LEDGER_IMPORTS[kind]
    grid = read_grid(path, sheet, progress=progress, cancelled=cancelled)
    header_row, found = find_header(grid, spec.fields, spec.required)
    preview = ImportPreview(kind, str(path), grid, header_row, mapping or found, spec.fields)

    def rebuild(old: ImportPreview, new: dict[int, str]) -> ImportPreview:
        fresh = ImportPreview(kind, old.path, old.grid, old.header_row, new, spec.fields)
        fresh.rebuild = rebuild
        return build_preview(spec, fresh, cancelled)

    preview.rebuild = rebuild
    return build_preview(spec, preview, cancelled)


def replace_observers(link_model, owner_field: str, ids: list[int]) -> Callable[[Model], None]:
    """A link writer: the owner's links become exactly ``ids`` (through core.records)."""
    def write(owner: Model) -> None:
        records.replace_links(link_model, owner_field, owner, "teacher", ids)

    return write
