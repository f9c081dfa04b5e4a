"""年度工作统计 as a workbook: one ledger sheet per part, every text stored as text."""

from __future__ import annotations

import os

from ..excel_common import LEFT, Column, new_workbook, save_workbook, write_ledger
from . import YearReport

NO_UNIT = "（未设置本单位）"


def _number(value: float | None) -> object:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else round(value, 1)


def write_xlsx(report: YearReport, dest: str | os.PathLike) -> None:
    """Write the report's five sheets (A4 landscape, fit to width) to ``dest`` atomically."""
    wb = new_workbook()
    unit, day, label = report.unit_name or NO_UNIT, report.today, report.period.label
    semester_names = ["第一学期", "第二学期"]
    columns = [Column("活动类型", 18), *(Column(n, 12) for n in semester_names), Column("合计", 10)]
    total = ["合计", *(sum(r[i + 1] for r in report.activity_rows) for i in range(len(semester_names))),
             sum(r[-1] for r in report.activity_rows)]
    write_ledger(wb.create_sheet("活动统计"), f"{label}各类活动次数统计", unit, day, columns,
                 [*report.activity_rows, total])
    columns = [Column("方案", 30, LEFT), Column("频次要求", 30, LEFT), Column("周期", 8), Column("范围", 8),
               Column("最低次数", 10), Column("应完成", 10), Column("已完成", 10), Column("达标情况", 10),
               Column("未达标的周期与对象", 40, LEFT)]
    rows = []
    for r in report.rules:
        failed = "；".join(f"{c.period.label}{(' ' + c.group) if c.group else ''}（{c.done}/{c.required}）"
                          for c in r.counts if c.status == "未达标")
        rows.append((r.plan_title, r.name, r.period_kind, r.scope, r.minimum, r.required, r.done, r.status, failed))
    write_ledger(wb.create_sheet("频次要求"), f"{label}频次要求完成情况", unit, day, columns, rows)
    columns = [Column("方案", 28, LEFT), Column("阶段", 8), Column("指标", 40, LEFT), Column("目标值", 10),
               Column("实际值", 10), Column("单位", 8), Column("来源", 8), Column("完成情况", 10),
               Column("说明", 30, LEFT)]
    rows = [(t.plan_title, t.stage_year or "", t.description, _number(t.target_value), _number(t.actual),
             t.unit_label, "计算" if t.computed else "填报", t.status, t.note if t.computed else "")
            for t in report.targets]  # a typed value's note is the program's, not the clerk's
    write_ledger(wb.create_sheet("指标完成"), "指标完成情况", unit, day, columns, rows)
    columns = [Column("姓名", 12), Column("所在单位", 28, LEFT), Column("轮训单位", 28, LEFT), Column("形式", 12),
               Column("开始日期", 12), Column("结束日期", 12), Column("校领导及后备力量", 16)]
    write_ledger(wb.create_sheet("轮训"), f"{label}轮训情况（{report.rotated_teachers} 人，"
                 f"其中校领导及后备力量 {report.rotated_leaders} 人）", unit, day, columns,
                 [(*row[:6], "是" if row[6] else "") for row in report.rotation_rows])
    columns = [Column("师傅（帮扶人才）", 16), Column("徒弟人数", 10), Column("徒弟", 60, LEFT)]
    write_ledger(wb.create_sheet("师徒结对"), f"{label}师徒结对情况", unit, day, columns, report.pairing_rows)
    save_workbook(wb, dest)
