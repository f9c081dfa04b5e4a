"""The consolidated workbook: a summary sheet, then one sheet per school for each ledger.

The school sheets are built from the records received from each school (its
``origin``), never from the bureau's own records, so schools never mix.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..excel_common import Column, new_workbook, put, save_workbook, setup_print, write_ledger
from ..models import Activity, Pairing, Rotation, Teacher, Unit
from ..queries import self_unit_name
from .bureau import Status, bureau_status

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _teacher_rows(origin: str):
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name).where(Unit.origin == origin)}
    return [[i, t.name, t.gender, units.get(t.unit_id, ""), t.subject, t.position, t.title, t.phone]
            for i, t in enumerate(Teacher.received(origin).order_by(Teacher.name), 1)]


def _pairing_rows(origin: str):
    names = {t.id: t.name for t in Teacher.select(Teacher.id, Teacher.name).where(Teacher.origin == origin)}
    return [[i, names.get(p.mentor_id, ""), names.get(p.apprentice_id, ""), p.subject, p.programme,
             p.start_date, p.end_date, p.status]
            for i, p in enumerate(Pairing.received(origin).order_by(Pairing.start_date, Pairing.id), 1)]


def _rotation_rows(origin: str):
    names = {t.id: t.name for t in Teacher.select(Teacher.id, Teacher.name).where(Teacher.origin == origin)}
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name).where(Unit.origin == origin)}
    return [[i, names.get(r.teacher_id, ""), units.get(r.host_unit_id, ""), r.kind, r.start_date, r.end_date,
             r.is_leader] for i, r in enumerate(Rotation.received(origin).order_by(Rotation.start_date), 1)]


def _activity_rows(origin: str):
    return [[i, a.date, a.type, a.title, a.place, a.host, a.subject]
            for i, a in enumerate(Activity.received(origin).order_by(Activity.date, Activity.id), 1)]


LEDGERS = (
    ("教师名册", _teacher_rows, [Column("序号", 6), Column("姓名", 10), Column("性别", 6), Column("单位", 22),
                                Column("学科", 12), Column("职务", 12), Column("职称", 12), Column("电话", 14)]),
    ("师徒结对", _pairing_rows, [Column("序号", 6), Column("师傅", 10), Column("徒弟", 10), Column("学科", 12),
                                Column("项目", 12), Column("开始", 12), Column("结束", 12), Column("状态", 8)]),
    ("轮训台账", _rotation_rows, [Column("序号", 6), Column("教师", 10), Column("接收单位", 22), Column("类型", 12),
                                 Column("开始", 12), Column("结束", 12), Column("干部", 6)]),
    ("活动台账", _activity_rows, [Column("序号", 6), Column("日期", 12), Column("类型", 12), Column("主题", 30),
                                 Column("地点", 16), Column("主持人", 10), Column("学科", 10)]),
)


def _sheet_title(school: str, ledger: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub("", f"{school}-{ledger}")
    title = base[-31:] if len(base) > 31 else base
    n = 2
    while title in used:
        suffix = f"({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title)
    return title


def _summary(wb, status: Status, day: dt.date) -> None:
    ws = wb.create_sheet("汇总")
    headers = ["学校"] + [r.name for r in status.rounds] + ["频次要求达标", "指标达成"]
    put(ws.cell(1, 1), f"{self_unit_name()} 报送情况汇总（{day:%Y年%m月%d日}）")
    for c, h in enumerate(headers, 1):
        put(ws.cell(2, c), h)
        ws.column_dimensions[ws.cell(2, c).column_letter].width = 14 if c > 1 else 26
    for r, school in enumerate(status.schools, 3):
        put(ws.cell(r, 1), school.name)
        for c, round_ in enumerate(status.rounds, 2):
            put(ws.cell(r, c), school.cells[round_.uuid].text())
        put(ws.cell(r, len(status.rounds) + 2), f"{school.rules_met}/{school.rules_total}")
        reached = sum(1 for t in school.targets if t.get("status") == "已达成")
        put(ws.cell(r, len(status.rounds) + 3), f"{reached}/{len(school.targets)}")
    last = len(status.schools) + 3
    put(ws.cell(last, 1), "报送率")
    put(ws.cell(last + 1, 1), "及时率")
    for c, round_ in enumerate(status.rounds, 2):
        reporting, on_time = status.rates(round_)
        put(ws.cell(last, c), f"{reporting:.0%}")
        put(ws.cell(last + 1, c), f"{on_time:.0%}")
    setup_print(ws, "1:2")


CORRECTION_COLUMNS = [Column("序号", 6), Column("学校", 24), Column("时间", 18), Column("操作", 8),
                      Column("记录", 36), Column("更正原因", 30)]


def _correction_rows(status: Status):
    """Every 更正 the schools reported after acceptance (edits, deletions, restores), oldest first."""
    found = [(c.get("at") or "", school.name, c) for school in status.schools for c in school.corrections]
    found.sort(key=lambda item: item[0])
    return [[i, name, at.replace("T", " ")[:16], c.get("operation", "修改"), c.get("summary", ""), c.get("reason", "")]
            for i, (at, name, c) in enumerate(found, 1)]


def write_consolidated(dest: str | os.PathLike, *, day: dt.date | None = None) -> Path:
    """The consolidated workbook of every school's latest records; return its path."""
    day = day or dt.date.today()
    status = bureau_status()
    wb = new_workbook(write_only=False)
    _summary(wb, status, day)
    used = {"汇总"}
    for school in status.schools:
        if not school.sender_uuid:
            continue
        for ledger, rows_of, columns in LEDGERS:
            ws = wb.create_sheet(_sheet_title(school.name, ledger, used))
            write_ledger(ws, ledger, school.name, day, columns, rows_of(school.sender_uuid))
    ws = wb.create_sheet("更正记录")
    write_ledger(ws, "已接收后的更正记录", self_unit_name() or "", day, CORRECTION_COLUMNS, _correction_rows(status),
                 seal=False)
    save_workbook(wb, dest)
    return Path(dest)
