"""The ledgers (台账) as Excel: 师徒结对名册, 轮训台账, 活动台账, 教师名册, 指标完成情况."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from pathlib import Path

from .excel_common import LEFT, TOP_LEFT, Column, new_workbook, save_workbook, write_ledger
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import Activity, ActivityParticipant, Guidance, Honour, Pairing, Plan, Rotation, Target, Teacher, Unit
from .queries import self_unit_name

TEACHER_COLUMNS = (
    Column("序号", 6), Column("姓名", 10), Column("性别", 6), Column("单位", 24, LEFT), Column("学科", 14),
    Column("职务", 12), Column("职称", 12), Column("手机号码", 14), Column("双师型", 8), Column("党员", 6),
    Column("校领导", 8), Column("帮扶人才", 9), Column("荣誉", 24, LEFT), Column("备注", 18, LEFT),
)


def _rows_with_progress(items, make_row, progress, cancelled):
    rows, total = [], len(items)
    for done, item in enumerate(items):
        if done % 200 == 0:
            check_cancel(cancelled)
            if progress:
                progress(done, total)
        rows.append([done + 1, *make_row(item)])
    if progress:
        progress(total, total)
    return rows


def _units() -> dict[int, str]:
    return {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}


def _teachers() -> dict[int, Teacher]:
    return {t.id: t for t in Teacher.select()}


def export_teachers(dest: str | os.PathLike, *, day: dt.date | None = None,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """教师名册: every live teacher with unit, subject, title, phone, honours."""
    units = _units()
    honours = defaultdict(list)
    for h in Honour.live().order_by(Honour.year, Honour.id):
        honours[h.teacher_id].append(f"{h.level}{h.kind}" + (f"（{h.year}）" if h.year else ""))
    teachers = list(Teacher.live().order_by(Teacher.unit, Teacher.id))

    def row(t: Teacher):
        return [t.name, t.gender, units.get(t.unit_id, ""), t.subject, t.position, t.title, t.phone,
                t.is_dual_qualified, t.is_party_member, t.is_leader, t.is_helper,
                "、".join(honours[t.id]), t.notes]

    rows = _rows_with_progress(teachers, row, progress, cancelled)
    wb = new_workbook()
    write_ledger(wb.create_sheet("教师名册"), "教师名册", self_unit_name(), day or dt.date.today(),
                 TEACHER_COLUMNS, rows)
    save_workbook(wb, dest)
    return Path(dest)


def export_pairings(dest: str | os.PathLike, *, day: dt.date | None = None,
                    progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """师徒结对名册: mentor, apprentice, subject, programme, dates, status, guidance count."""
    units, teachers = _units(), _teachers()
    counts = defaultdict(int)
    for g in Guidance.live():
        counts[g.pairing_id] += 1
    pairings = list(Pairing.live().order_by(Pairing.mentor, Pairing.start_date, Pairing.id))

    def row(p: Pairing):
        mentor, apprentice = teachers[p.mentor_id], teachers[p.apprentice_id]
        return [mentor.name, units.get(mentor.unit_id, ""), apprentice.name, units.get(apprentice.unit_id, ""),
                p.subject, p.programme, p.start_date, p.end_date, p.status, counts[p.id], p.goals]

    columns = (Column("序号", 6), Column("师傅", 10), Column("师傅单位", 22, LEFT), Column("徒弟", 10),
               Column("徒弟单位", 22, LEFT), Column("学科", 12), Column("结对项目", 11), Column("开始日期", 12),
               Column("结束日期", 12), Column("状态", 8), Column("指导次数", 9), Column("结对目标", 30, LEFT))
    rows = _rows_with_progress(pairings, row, progress, cancelled)
    wb = new_workbook()
    write_ledger(wb.create_sheet("师徒结对名册"), "师徒结对名册", self_unit_name(), day or dt.date.today(),
                 columns, rows)
    save_workbook(wb, dest)
    return Path(dest)


def export_rotations(dest: str | os.PathLike, *, day: dt.date | None = None,
                     progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """轮训台账 with a second sheet summing each year (人次, 人数, 校领导, 累计)."""
    day = day or dt.date.today()
    units, teachers = _units(), _teachers()
    rotations = list(Rotation.live().order_by(Rotation.start_date, Rotation.id))

    def row(r: Rotation):
        teacher = teachers[r.teacher_id]
        days = (r.end_date - r.start_date).days + 1 if r.start_date and r.end_date else ""
        return [teacher.name, units.get(teacher.unit_id, ""), units.get(r.host_unit_id, ""), r.kind,
                r.start_date, r.end_date, days, r.is_leader, r.report]

    columns = (Column("序号", 6), Column("姓名", 10), Column("所在单位", 22, LEFT), Column("轮训单位", 22, LEFT),
               Column("轮训形式", 11), Column("开始日期", 12), Column("结束日期", 12), Column("天数", 7),
               Column("校领导", 8), Column("学习总结", 40, TOP_LEFT))
    rows = _rows_with_progress(rotations, row, progress, cancelled)
    wb = new_workbook()
    unit_name = self_unit_name()
    write_ledger(wb.create_sheet("轮训台账"), "轮训台账", unit_name, day, columns, rows)
    write_ledger(wb.create_sheet("年度汇总"), "轮训年度汇总", unit_name, day, SUMMARY_COLUMNS,
                 rotation_summary(rotations, teachers))
    save_workbook(wb, dest)
    return Path(dest)


SUMMARY_COLUMNS = (Column("年度", 10), Column("轮训人次", 10), Column("轮训人数", 10), Column("其中校领导（人）", 16),
                   Column("累计轮训人数", 14), Column("本单位教师总数", 16), Column("累计覆盖率", 12))


def rotation_summary(rotations: list[Rotation], teachers: dict[int, Teacher]) -> list[list]:
    """One row per start year: 人次, distinct teachers, leaders, running total and coverage."""
    from .queries import self_unit

    unit = self_unit()
    staff = [t for t in teachers.values() if t.deleted_at is None and unit is not None and t.unit_id == unit.id]
    by_year: dict[int, list[Rotation]] = defaultdict(list)
    for r in rotations:
        if r.start_date:
            by_year[r.start_date.year].append(r)
    seen: set[int] = set()
    rows = []
    for year in sorted(by_year):
        items = by_year[year]
        people = {r.teacher_id for r in items}
        leaders = {r.teacher_id for r in items if r.is_leader}
        seen |= people
        covered = len(seen & {t.id for t in staff})
        ratio = f"{covered / len(staff):.0%}" if staff else ""
        rows.append([f"{year}年", len(items), len(people), len(leaders), len(seen), len(staff), ratio])
    return rows


def export_activities(dest: str | os.PathLike, *, date_from: dt.date | None = None,
                      date_to: dt.date | None = None, day: dt.date | None = None,
                      progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """活动台账 of the activities between ``date_from`` and ``date_to`` (both included)."""
    query = Activity.live()
    if date_from:
        query = query.where(Activity.date >= date_from)
    if date_to:
        query = query.where(Activity.date <= date_to)
    activities = list(query.order_by(Activity.date, Activity.start_time, Activity.id))
    counts = defaultdict(int)
    for link in ActivityParticipant.select(ActivityParticipant.activity):
        counts[link.activity_id] += 1

    def row(a: Activity):
        time = f"{a.start_time}-{a.end_time}" if a.start_time and a.end_time else a.start_time
        return [a.date, time, a.type, a.title, a.place, "线上" if a.online else "线下", a.organiser, a.host,
                a.subject, counts[a.id] + (a.others_count or 0), a.content]

    columns = (Column("序号", 6), Column("日期", 12), Column("时间", 12), Column("活动类型", 11),
               Column("活动主题", 28, LEFT), Column("地点", 16, LEFT), Column("形式", 6), Column("组织部门", 10),
               Column("主持人/主讲人", 12), Column("学科", 12), Column("参与人数", 9), Column("活动内容", 40, TOP_LEFT))
    rows = _rows_with_progress(activities, row, progress, cancelled)
    title = "活动台账"
    if date_from or date_to:
        span = f"{date_from:%Y-%m-%d}" if date_from else "开始"
        span += f" 至 {date_to:%Y-%m-%d}" if date_to else " 至今"
        title = f"活动台账（{span}）"
    wb = new_workbook()
    write_ledger(wb.create_sheet("活动台账"), title, self_unit_name(), day or dt.date.today(), columns, rows)
    save_workbook(wb, dest)
    return Path(dest)


def export_targets(dest: str | os.PathLike, *, plan_id: int | None = None, day: dt.date | None = None,
                   progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Path:
    """指标完成情况: each stage target with its target value, actual value and completion ratio."""
    plans = {p.id: p.title for p in Plan.live()}
    query = Target.live().where(Target.plan.in_(list(plans)))
    if plan_id is not None:
        query = query.where(Target.plan == plan_id)
    targets = list(query.order_by(Target.plan, Target.stage_year, Target.id))

    def row(t: Target):
        ratio = ""
        if t.target_value and t.actual_value is not None:
            ratio = f"{t.actual_value / t.target_value:.0%}"
        return [plans.get(t.plan_id, ""), t.stage_year or "", t.description, _number(t.target_value),
                _number(t.actual_value), t.unit_label, ratio, t.notes]

    columns = (Column("序号", 6), Column("方案", 30, LEFT), Column("阶段年份", 9), Column("指标", 44, LEFT),
               Column("目标值", 9), Column("实际值", 9), Column("单位", 6), Column("完成率", 8),
               Column("备注", 20, LEFT))
    rows = _rows_with_progress(targets, row, progress, cancelled)
    wb = new_workbook()
    write_ledger(wb.create_sheet("指标完成情况"), "指标完成情况", self_unit_name(), day or dt.date.today(),
                 columns, rows)
    save_workbook(wb, dest)
    return Path(dest)


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
