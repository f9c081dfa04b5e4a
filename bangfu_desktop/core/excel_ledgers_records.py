"""听课记录台账 and 指导记录台账 as Excel, in the layout of the other ledgers (one query each).

Both are read back by ``core.excel_import_ledgers`` (round trip): 听课人 holds the
roster observers joined with 、, 名册外听课人 the people outside the roster, and
分项得分 the points per criterion as '教学目标 8/10；…'.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any, Callable, Sequence

from . import dialect
from .dialect import joined_names
from .excel_common import LEFT, TOP_LEFT, Column, new_workbook, save_workbook, write_ledger
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import database
from .observations import number_text, scores_text, total
from .queries import self_unit_name

OBSERVATION_COLUMNS = (
    Column("序号", 6), Column("听课日期", 12), Column("节次", 8), Column("授课教师", 10),
    Column("授课教师单位", 20, LEFT), Column("学科", 10), Column("年级/班级", 12), Column("课题", 24, LEFT),
    Column("课型", 9), Column("听课人", 20, LEFT), Column("名册外听课人", 14, LEFT), Column("等级", 6),
    Column("分项得分", 24, LEFT), Column("总分", 7), Column("教学过程", 36, TOP_LEFT),
    Column("评价与建议", 30, TOP_LEFT),
)
GUIDANCE_COLUMNS = (
    Column("序号", 6), Column("指导日期", 12), Column("师傅", 10), Column("师傅单位", 20, LEFT),
    Column("徒弟", 10), Column("徒弟单位", 20, LEFT), Column("结对学科", 12), Column("指导形式", 11),
    Column("指导内容", 50, TOP_LEFT),
)

OBSERVATIONS_SQL = """
SELECT o.date, o.period, t.name, u.name, o.subject, o.grade_class, o.topic, o.lesson_type,
       COALESCE(obs.names, ''), o.observers_text, o.grade, o.scores, o.notes, o.evaluation
FROM observation o
LEFT JOIN teacher t ON t.id = o.teacher_id
LEFT JOIN unit u ON u.id = t.unit_id
LEFT JOIN (SELECT observation_id, {names} AS names
           FROM (SELECT oo.observation_id, oo.id AS link_id, tt.name FROM observation_observer oo
                 JOIN teacher tt ON tt.id = oo.teacher_id ORDER BY oo.observation_id, oo.id) AS linked
           GROUP BY observation_id) obs ON obs.observation_id = o.id
WHERE o.deleted_at IS NULL {where}
ORDER BY o.date, o.period, o.id
"""

GUIDANCE_SQL = """
SELECT g.date, m.name, mu.name, a.name, au.name, COALESCE(NULLIF(p.subject, ''), a.subject), g.kind, g.content
FROM guidance g
JOIN pairing p ON p.id = g.pairing_id
JOIN teacher m ON m.id = p.mentor_id
JOIN teacher a ON a.id = p.apprentice_id
LEFT JOIN unit mu ON mu.id = m.unit_id
LEFT JOIN unit au ON au.id = a.unit_id
WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL {where}
ORDER BY g.date, m.name, a.name, g.id
"""


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _span(column: str, date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, list]:
    where, params = "", []
    if date_from:
        where += f" AND {column} >= ?"
        params.append(date_from.isoformat())
    if date_to:
        where += f" AND {column} <= ?"
        params.append(date_to.isoformat())
    return where, params


def _title(name: str, date_from: dt.date | None, date_to: dt.date | None) -> str:
    if not (date_from or date_to):
        return name
    span = f"{date_from:%Y-%m-%d}" if date_from else "开始"
    span += f" 至 {date_to:%Y-%m-%d}" if date_to else " 至今"
    return f"{name}（{span}）"


def _numbered(raw: Sequence[tuple], make_row: Callable[[tuple], list], progress: ProgressFn | None,
              cancelled: CancelFn | None) -> list[list]:
    rows, count = [], len(raw)
    for done, item in enumerate(raw):
        if done % 200 == 0:
            check_cancel(cancelled)
            if progress:
                progress(done, count)
        rows.append([done + 1, *make_row(item)])
    if progress:
        progress(count, count)
    return rows


def _write(dest, sheet: str, title: str, columns, rows, day: dt.date | None) -> Path:
    wb = new_workbook()
    write_ledger(wb.create_sheet(sheet), title, self_unit_name(), day or dt.date.today(), columns, rows)
    save_workbook(wb, dest)
    return Path(dest)


def export_observations(dest: str | os.PathLike, *, date_from: dt.date | None = None,
                        date_to: dt.date | None = None, day: dt.date | None = None,
                        progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """听课记录台账: one row per observation (听课人 joined), oldest first, optionally within dates."""
    where, params = _span("o.date", date_from, date_to)
    sql = OBSERVATIONS_SQL.format(where=where, names=joined_names("name", "link_id"))
    raw = database.execute_sql(dialect.sql(sql), params).fetchall()

    def row(r: tuple) -> list:
        scores = json.loads(r[11] or "[]")
        summed = total(scores)
        return [_date(r[0]), r[1], r[2] or "", r[3] or "", r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                scores_text(scores), number_text(summed[0]) if summed else "", r[12], r[13]]

    rows = _numbered(raw, row, progress, cancelled)
    return _write(dest, "听课记录台账", _title("听课记录台账", date_from, date_to), OBSERVATION_COLUMNS, rows, day)


def export_guidance(dest: str | os.PathLike, *, date_from: dt.date | None = None,
                    date_to: dt.date | None = None, day: dt.date | None = None,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """指导记录台账: one row per guidance record with its pairing (师傅, 徒弟, 学科)."""
    where, params = _span("g.date", date_from, date_to)
    raw = database.execute_sql(dialect.sql(GUIDANCE_SQL.format(where=where)), params).fetchall()

    def row(r: tuple) -> list:
        return [_date(r[0]), r[1], r[2] or "", r[3], r[4] or "", r[5] or "", r[6], r[7]]

    rows = _numbered(raw, row, progress, cancelled)
    return _write(dest, "指导记录台账", _title("指导记录台账", date_from, date_to), GUIDANCE_COLUMNS, rows, day)


# Merged into ``excel_ledgers.LEDGERS`` (the Excel menu, 报送 and the CLI list them from there).
RECORD_LEDGERS = {
    "observations": ("听课记录台账", export_observations),
    "guidance": ("指导记录台账", export_guidance),
}
