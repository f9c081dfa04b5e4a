"""年度工作统计 as a PDF: a bar chart of activities per type per semester, then the tables.

Layout and font come from core.pdf (the bundled WenQuanYi font, 第 X 页 共 Y 页).
"""

from __future__ import annotations

import os

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from ..pdf.context import ExportContext, ExportReport
from ..pdf.document import FRAME_WIDTH, Marker
from ..pdf.exports import write_pdf
from ..pdf.fonts import register_font
from ..pdf.forms import closing_block
from ..pdf.tables import KeepTable
from ..pdf.styles import ruled, styles
from . import YearReport

SEMESTER_COLOURS = (colors.HexColor("#4F81BD"), colors.HexColor("#C0504D"))
CHART_TYPES = 12  # more types than this make unreadable bars: the rest are in the table


def activity_chart(report: YearReport, width: float = FRAME_WIDTH, height: float = 80 * mm) -> Drawing:
    """Bars of activities per type, one bar per semester."""
    font = register_font()
    rows = report.activity_rows[:CHART_TYPES]
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica (referenced, never embedded) unless told otherwise.
    drawing.initialFontName, drawing.initialFontSize = font, 8
    if not rows:
        drawing.add(String(width / 2, height / 2, "本学年没有活动记录", fontName=font, fontSize=10,
                           textAnchor="middle"))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 42
    chart.width, chart.height = width - 40, height - 62
    chart.data = [[row[i + 1] for row in rows] for i in range(len(report.semesters))]
    chart.categoryAxis.categoryNames = [row[0] for row in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    top = max(max(series) for series in chart.data)
    chart.valueAxis.valueStep = max(1, -(-top // 5))
    chart.valueAxis.valueMax = chart.valueAxis.valueStep * max(1, -(-top // chart.valueAxis.valueStep))
    for index, colour in enumerate(SEMESTER_COLOURS[:len(chart.data)]):
        chart.bars[index].fillColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, height - 4
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = list(zip(SEMESTER_COLOURS, ["第一学期（秋季）", "第二学期（春季）"]))
    drawing.add(legend)
    return drawing


def _table(ctx: ExportContext, header: list[str], rows: list[list], widths: list[float], where: str) -> Table:
    s = styles()
    data = [[ctx.para(h, s.small_center, where) for h in header]]
    for row in rows:
        data.append([ctx.para("" if v is None else v, s.small, where) for v in row])
    if not rows:
        data.append([ctx.para("（无）", s.small_center, where)] + [""] * (len(header) - 1))
    table = KeepTable(data, colWidths=[w * FRAME_WIDTH for w in widths], repeatRows=1)
    table.setStyle(ruled([("SPAN", (0, 1), (-1, 1))] if not rows else [], header_rows=1))
    return table


def _num(value) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def _day(day) -> str:
    # A date is one word: a no-break join keeps 2025年9月1日 on one line.
    return f"{day.year}年{day.month}月{day.day}日"


def year_report_story(report: YearReport, ctx: ExportContext) -> list:
    """The flowables of the report, ending with the 单位（盖章）/负责人/填报人/联系电话 block."""
    s = styles()
    where = "年度工作统计"
    until = report.counted_until
    scope = f"统计范围：{_day(report.period.start)}至{_day(report.period.end)}"
    if until < report.period.end:
        scope += f"（截至{_day(until)}）"
    story = [Marker("year-report", section="年度工作统计"), ctx.para(report.title, s.title, where),
             ctx.para(report.unit_name, s.subtitle, where),
             ctx.para(f"{scope}　制表日期：{_day(report.today)}", s.subtitle, where)]
    total = sum(r[-1] for r in report.activity_rows)
    met = sum(1 for r in report.rules if r.status == "达标")
    reached = sum(1 for t in report.targets if t.status == "已达成")
    story.append(ctx.para(
        f"本学年共开展活动 {total} 次；频次要求 {len(report.rules)} 项，达标 {met} 项；指标 {len(report.targets)} 项，"
        f"已达成 {reached} 项；轮训 {report.rotated_teachers} 人（校领导及后备力量 {report.rotated_leaders} 人）；"
        f"师徒结对师傅 {len(report.pairing_rows)} 人。", s.body, where))
    story += [ctx.para("一、各类活动次数（按学期）", s.heading, where), activity_chart(report), Spacer(1, 4)]
    story.append(_table(ctx, ["活动类型", "第一学期", "第二学期", "合计"],
                        [list(r) for r in report.activity_rows], [0.4, 0.2, 0.2, 0.2], where))
    story.append(ctx.para("二、频次要求完成情况", s.heading, where))
    story.append(_table(ctx, ["方案", "频次要求", "周期", "范围", "应完成", "已完成", "情况"],
                        [[report.plan_label(r.plan_id), r.name, f"每{r.period_kind}≥{r.minimum}", r.scope,
                          r.required, r.done, r.status] for r in report.rules],
                        [0.2, 0.32, 0.11, 0.08, 0.09, 0.09, 0.11], where))
    story.append(ctx.para("三、指标完成情况", s.heading, where))
    story.append(_table(ctx, ["方案", "阶段", "指标", "目标", "实际", "来源", "情况"],
                        [[report.plan_label(t.plan_id), t.stage_year or "", t.description,
                          f"{_num(t.target_value)}{t.unit_label}",
                          f"{_num(t.actual)}{t.unit_label if t.actual is not None else ''}",
                          t.source_label, t.status] for t in report.targets],
                        [0.2, 0.07, 0.36, 0.09, 0.09, 0.09, 0.1], where))
    for t in report.targets:
        if t.fallback_reason:
            ctx.warn(f"指标“{t.description}”无法按记录统计（{t.fallback_reason}），已按填报值列出")
    story.append(ctx.para(f"四、轮训情况（{report.rotated_teachers} 人）", s.heading, where))
    story.append(_table(ctx, ["姓名", "轮训单位", "形式", "起止日期", "校领导"],
                        [[r[0], r[2], r[3], f"{r[4]}至{r[5]}" if r[5] else f"{r[4]}", "是" if r[6] else ""]
                         for r in report.rotation_rows], [0.14, 0.36, 0.14, 0.26, 0.1], where))
    story.append(ctx.para("五、师徒结对情况", s.heading, where))
    story.append(_table(ctx, ["师傅", "徒弟人数", "徒弟"], [list(r) for r in report.pairing_rows],
                        [0.18, 0.12, 0.7], where))
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether(closing_block(ctx, report.unit_name, where)))
    return story


def write_pdf_report(report: YearReport, dest: str | os.PathLike, *, progress=None,
                     cancelled=None) -> ExportReport:
    """Write the report as an A4 PDF with the Chinese font embedded; return the export report."""
    ctx = ExportContext(progress, cancelled)
    ctx.total = 1
    return write_pdf(dest, lambda _pages: year_report_story(report, ctx), ctx, title=report.title, documents=1)
