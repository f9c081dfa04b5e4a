"""The ledgers (台账) as Excel: 师徒结对名册, 轮训台账, 活动台账, 教师名册, 指标完成情况.

Each ledger is streamed (``excel_common.write_ledger`` in write-only mode) from a
fixed number of queries (one for the rows, counts as correlated sub-queries, one
count for the progress bar), so cost is linear in rows and memory flat.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from peewee import JOIN, fn

from .excel_common import LEFT, TOP_LEFT, Column, new_workbook, save_workbook, write_ledger
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import Activity, ActivityParticipant, Guidance, Honour, Pairing, Plan, Rotation, Target, Teacher, Unit
from .queries import self_unit, self_unit_name

TEACHER_COLUMNS = (
    Column("序号", 6), Column("姓名", 10), Column("性别", 6), Column("单位", 24, LEFT), Column("学科", 14),
    Column("职务", 12), Column("职称", 12), Column("手机号码", 14), Column("双师型", 8), Column("党员", 6),
    Column("校领导", 8), Column("帮扶人才", 9), Column("荣誉", 24, LEFT), Column("备注", 18, LEFT),
)
PAIRING_COLUMNS = (
    Column("序号", 6), Column("师傅", 10), Column("师傅单位", 22, LEFT), Column("徒弟", 10),
    Column("徒弟单位", 22, LEFT), Column("学科", 12), Column("结对项目", 11), Column("开始日期", 12),
    Column("结束日期", 12), Column("状态", 8), Column("指导次数", 9), Column("结对目标", 30, LEFT),
)
ROTATION_COLUMNS = (
    Column("序号", 6), Column("姓名", 10), Column("所在单位", 22, LEFT), Column("轮训单位", 22, LEFT),
    Column("轮训形式", 11), Column("开始日期", 12), Column("结束日期", 12), Column("天数", 7),
    Column("校领导", 8), Column("学习总结", 40, TOP_LEFT),
)
SUMMARY_COLUMNS = (Column("年度", 10), Column("轮训人次", 10), Column("轮训人数", 10), Column("其中校领导（人）", 16),
                   Column("累计轮训人数", 14), Column("本单位教师总数", 16), Column("累计覆盖率", 12))
ACTIVITY_COLUMNS = (
    Column("序号", 6), Column("日期", 12), Column("时间", 12), Column("活动类型", 11),
    Column("活动主题", 28, LEFT), Column("地点", 16, LEFT), Column("形式", 6), Column("组织部门", 10),
    Column("主持人/主讲人", 12), Column("学科", 12), Column("参与人数", 9), Column("活动内容", 40, TOP_LEFT),
)
TARGET_COLUMNS = (
    Column("序号", 6), Column("方案", 30, LEFT), Column("阶段年份", 9), Column("指标", 44, LEFT),
    Column("目标值", 9), Column("实际值", 9), Column("单位", 6), Column("来源", 7), Column("完成率", 9),
    Column("完成情况", 10), Column("备注", 20, LEFT),
)


def _numbered(rows: Iterable[list], total: int, progress: ProgressFn | None,
              cancelled: CancelFn | None) -> Iterator[list]:
    """Rows with their 序号 in front; reports progress and honours cancel every 200 rows."""
    done = 0
    for done, row in enumerate(rows, start=1):
        if done % 200 == 1:
            check_cancel(cancelled)
            if progress:
                progress(done - 1, total)
        yield [done, *row]
    if progress:
        progress(total, total)


def _write(dest, sheets: list[tuple[str, str, tuple, Iterable]], day: dt.date | None) -> Path:
    wb = new_workbook()
    unit_name = self_unit_name()
    for sheet, title, columns, rows in sheets:
        write_ledger(wb.create_sheet(sheet), title, unit_name, day or dt.date.today(), columns, rows)
    save_workbook(wb, dest)
    return Path(dest)


def export_teachers(dest: str | os.PathLike, *, day: dt.date | None = None,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """教师名册: every live teacher with unit, subject, title, phone, honours (two queries)."""
    honours = defaultdict(list)
    for teacher_id, level, kind, year in (Honour.live(Honour.teacher, Honour.level, Honour.kind, Honour.year)
                                          .order_by(Honour.year, Honour.id).tuples()):
        honours[teacher_id].append(f"{level}{kind}" + (f"（{year}）" if year else ""))
    query = (Teacher.live(Teacher.id, Teacher.name, Teacher.gender, Unit.name, Teacher.subject, Teacher.position,
                          Teacher.title, Teacher.phone, Teacher.is_dual_qualified, Teacher.is_party_member,
                          Teacher.is_leader, Teacher.is_helper, Teacher.notes)
             .join(Unit, JOIN.LEFT_OUTER, on=(Teacher.unit == Unit.id))
             .order_by(Teacher.unit, Teacher.id))
    total = query.count()

    def rows():
        for tid, *fields, notes in query.tuples().iterator():
            yield [*fields[:11], "、".join(honours.get(tid, ())), notes]

    return _write(dest, [("教师名册", "教师名册", TEACHER_COLUMNS, _numbered(rows(), total, progress, cancelled))], day)


def export_pairings(dest: str | os.PathLike, *, day: dt.date | None = None,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """师徒结对名册: mentor, apprentice, subject, programme, dates, status, guidance count (one query)."""
    mentor, apprentice = Teacher.alias(), Teacher.alias()
    mentor_unit, apprentice_unit = Unit.alias(), Unit.alias()
    guidance = (Guidance.select(fn.COUNT(Guidance.id)).where(
        (Guidance.pairing == Pairing.id) & Guidance.deleted_at.is_null()))
    query = (Pairing.live(mentor.name, mentor_unit.name, apprentice.name, apprentice_unit.name, Pairing.subject,
                          Pairing.programme, Pairing.start_date, Pairing.end_date, Pairing.status,
                          guidance.alias("guidance"), Pairing.goals)
             .join(mentor, on=(Pairing.mentor == mentor.id))
             .join(mentor_unit, JOIN.LEFT_OUTER, on=(mentor.unit == mentor_unit.id))
             .switch(Pairing).join(apprentice, on=(Pairing.apprentice == apprentice.id))
             .join(apprentice_unit, JOIN.LEFT_OUTER, on=(apprentice.unit == apprentice_unit.id))
             .order_by(Pairing.mentor, Pairing.start_date, Pairing.id))
    total = Pairing.live().count()
    rows = (list(r) for r in query.tuples().iterator())
    return _write(dest, [("师徒结对名册", "师徒结对名册", PAIRING_COLUMNS,
                          _numbered(rows, total, progress, cancelled))], day)


def export_rotations(dest: str | os.PathLike, *, day: dt.date | None = None,
                     progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """轮训台账 with a second sheet summing each year (人次, 人数, 校领导, 累计); three queries."""
    host = Unit.alias()
    query = (Rotation.live(Rotation.teacher, Teacher.name, Unit.name, host.name, Rotation.kind,
                           Rotation.start_date, Rotation.end_date, Rotation.is_leader, Rotation.report)
             .join(Teacher, on=(Rotation.teacher == Teacher.id))
             .join(Unit, JOIN.LEFT_OUTER, on=(Teacher.unit == Unit.id))
             .switch(Rotation).join(host, JOIN.LEFT_OUTER, on=(Rotation.host_unit == host.id))
             .order_by(Rotation.start_date, Rotation.id))
    total = Rotation.live().count()
    seen: list[tuple] = []  # (teacher id, start, leader) for the summary: three small values per row

    def rows():
        for tid, name, unit, host_name, kind, start, end, leader, report in query.tuples().iterator():
            seen.append((tid, start, leader))
            days = (end - start).days + 1 if start and end else ""
            yield [name, unit, host_name, kind, start, end, days, leader, report]

    def summary():
        unit = self_unit()
        staff = set() if unit is None else {
            i for (i,) in Teacher.live(Teacher.id).where(Teacher.unit == unit.id).tuples()}
        yield from rotation_summary(seen, staff)

    return _write(dest, [("轮训台账", "轮训台账", ROTATION_COLUMNS, _numbered(rows(), total, progress, cancelled)),
                         ("年度汇总", "轮训年度汇总", SUMMARY_COLUMNS, summary())], day)


def rotation_summary(rotations: Iterable[tuple], staff: set[int]) -> list[list]:
    """One row per start year from (teacher id, start date, is leader): 人次, 人数, 校领导, running total, coverage."""
    by_year: dict[int, list[tuple]] = defaultdict(list)
    for item in rotations:
        if item[1]:
            by_year[item[1].year].append(item)
    seen: set[int] = set()
    rows = []
    for year in sorted(by_year):
        items = by_year[year]
        people = {tid for tid, _, _ in items}
        leaders = {tid for tid, _, leader in items if leader}
        seen |= people
        covered = len(seen & staff)
        ratio = f"{covered / len(staff):.0%}" if staff else ""
        rows.append([f"{year}年", len(items), len(people), len(leaders), len(seen), len(staff), ratio])
    return rows


def export_activities(dest: str | os.PathLike, *, date_from: dt.date | None = None,
                      date_to: dt.date | None = None, day: dt.date | None = None,
                      progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """活动台账 of the activities between ``date_from`` and ``date_to`` (both included); one query."""
    participants = (ActivityParticipant.select(fn.COUNT(ActivityParticipant.id))
                    .where(ActivityParticipant.activity == Activity.id))
    query = Activity.live(Activity.date, Activity.start_time, Activity.end_time, Activity.type, Activity.title,
                          Activity.place, Activity.online, Activity.organiser, Activity.host, Activity.subject,
                          participants.alias("people"), Activity.others_count, Activity.content)
    if date_from:
        query = query.where(Activity.date >= date_from)
    if date_to:
        query = query.where(Activity.date <= date_to)
    total = query.count()
    query = query.order_by(Activity.date, Activity.start_time, Activity.id)

    def rows():
        for (day_, start, end, kind, title, place, online, organiser, host, subject, people, others,
             content) in query.tuples().iterator():
            time = f"{start}-{end}" if start and end else start
            yield [day_, time, kind, title, place, "线上" if online else "线下", organiser, host, subject,
                   people + (others or 0), content]

    title = "活动台账"
    if date_from or date_to:
        span = f"{date_from:%Y-%m-%d}" if date_from else "开始"
        span += f" 至 {date_to:%Y-%m-%d}" if date_to else " 至今"
        title = f"活动台账（{span}）"
    return _write(dest, [("活动台账", title, ACTIVITY_COLUMNS, _numbered(rows(), total, progress, cancelled))], day)


def target_rows(plan_id: int | None = None, *, day: dt.date | None = None) -> list[list]:
    """The 指标完成情况 rows, each figure from ``core.targets.evaluate_targets`` (as ``bangfu targets``)."""
    from .targets import evaluate_targets

    query = (Target.live().join(Plan).where(Plan.deleted_at.is_null())
             .order_by(Plan.id, Target.stage_year, Target.id))
    if plan_id is not None:
        query = query.where(Target.plan == plan_id)
    targets = list(query)
    notes = {t.id: t.notes for t in targets}
    rows = []
    for t in evaluate_targets(targets, today=day or dt.date.today()):
        rows.append([t.plan_title, t.stage_year or "", t.description, _number(t.target_value), _number(t.actual),
                     t.unit_label, "计算" if t.computed else "填报",
                     "" if t.progress is None else round(t.progress, 4), t.status, notes.get(t.target_id, "")])
    return rows


def export_targets(dest: str | os.PathLike, *, plan_id: int | None = None, day: dt.date | None = None,
                   progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """指标完成情况: each target's value, actual value (computed or typed, 来源 says which) and ratio."""
    rows = target_rows(plan_id, day=day)
    columns = tuple(Column(c.header, c.width, c.align, "0.0%") if c.header == "完成率" else c
                    for c in TARGET_COLUMNS)
    return _write(dest, [("指标完成情况", "指标完成情况", columns,
                          _numbered(rows, len(rows), progress, cancelled))], day)


def _number(value: float | None):
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


LEDGERS = {
    "pairings": ("师徒结对名册", export_pairings),
    "rotations": ("轮训台账", export_rotations),
    "activities": ("活动台账", export_activities),
    "teachers": ("教师名册", export_teachers),
    "targets": ("指标完成情况", export_targets),
}

# 听课记录台账 and 指导记录台账 live in their own module; listed here so every menu and 报送 offers them.
from .excel_ledgers_records import RECORD_LEDGERS  # noqa: E402

LEDGERS.update(RECORD_LEDGERS)
