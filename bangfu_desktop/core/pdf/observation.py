"""听课记录表: one ruled sheet per lesson observation, and the binder's 听课记录 section.

The sheet is the layout schools use: a header block (授课教师, 学科, 年级/班级, 课题,
课型, 听课日期, 节次, 听课人), 教学过程 and 评价与建议 (long text continues on the next
page inside a closed frame), an optional score (points per criterion and a 等级) and a
signature line.
"""

from __future__ import annotations

import os
from typing import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..fileio import CancelFn, ProgressFn
from ..models import Observation, ObservationObserver, Teacher
from ..observations import GRADES, number_text, total
from ..terms import Period
from .context import ExportContext, ExportReport
from .exports import export_one
from .forms import FormRows, fmt_date, mm_widths, signature_block, title_block
from .styles import LABEL_FILL, RULE, ruled, styles

FORM_WIDTHS = (26, 59, 26, 59)
SectionEntry = tuple[str, str, str, Callable[[], list[Flowable]]]


def observation_where(observation: Observation) -> str:
    """How warnings name an observation."""
    return f"听课记录表《{observation.topic}》（{observation.date}，编号 {observation.id}）"


def observer_names(observation: Observation) -> str:
    """听课人: the roster observers in the order they were added, then those outside the roster."""
    names = getattr(observation, "_pdf_observers", None)  # a binder prefetches them (pdf.bulk)
    if names is None:
        names = [t.name for t in Teacher.select(Teacher.name).join(ObservationObserver)
                 .where(ObservationObserver.observation == observation).order_by(ObservationObserver.id)]
    extra = (observation.observers_text or "").strip()
    return "、".join(names + ([extra] if extra else []))


def grade_marks(grade: str) -> str:
    """'■优　□良　□中　□差' with the record's 等级 filled (all open when not graded)."""
    return "　".join(("■" if grade == g else "□") + g for g in GRADES)


def _score_table(observation: Observation, ctx: ExportContext, where: str) -> Table:
    """课堂评价: one row per criterion (分值, 得分), 合计, and the 等级 line."""
    s = styles()
    widths = mm_widths(*FORM_WIDTHS)
    rest = sum(widths[1:])
    columns = [widths[0], rest * 0.56, rest * 0.22, rest * 0.22]
    rows: list[list] = []
    commands: list = []
    scores = list(observation.scores or [])
    if scores:
        rows.append(["", Paragraph("评价项目", s.label), Paragraph("分值", s.label), Paragraph("得分", s.label)])
        commands.append(("BACKGROUND", (1, 0), (-1, 0), LABEL_FILL))
        for item in scores:
            rows.append(["", ctx.para(item.get("name", ""), s.cell, where),
                         Paragraph(number_text(item.get("max")), s.cell_center),
                         Paragraph(number_text(item.get("score")), s.cell_center)])
        summed = total(scores)
        rows.append(["", Paragraph("合计", s.label),
                     Paragraph(number_text(summed[1]) if summed else "", s.cell_center),
                     Paragraph(number_text(summed[0]) if summed else "", s.cell_center)])
    rows.append(["", Paragraph(grade_marks(observation.grade or ""), s.cell), "", ""])
    commands.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    rows[0][0] = Paragraph("课堂评价", s.label)
    commands += [("SPAN", (0, 0), (0, len(rows) - 1)), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)]
    table = Table(rows, colWidths=columns, splitByRow=1)
    table.setStyle(ruled(commands))
    return table


def closed_at_splits(tables: list[Flowable]) -> list[Flowable]:
    """Draw the frame's bottom rule where a table breaks and its top rule where it resumes."""
    for table in tables:
        if isinstance(table, Table):
            table.setStyle(TableStyle([("LINEBELOW", (0, "inrowsplitstart"), (-1, "inrowsplitstart"), 1.0, RULE),
                                       ("LINEABOVE", (0, "inrowsplitend"), (-1, "inrowsplitend"), 1.0, RULE)]))
    return tables


def observation_story(observation: Observation, ctx: ExportContext) -> list[Flowable]:
    """The 听课记录表 of one observation (flowables; long text continues on the next page)."""
    where = observation_where(observation)
    teacher = observation.teacher if observation.teacher_id else None
    form = FormRows(ctx, where, mm_widths(*FORM_WIDTHS))
    form.row(("授课教师", teacher.name if teacher else ""), ("学科", observation.subject))
    form.row(("年级/班级", observation.grade_class), ("课型", observation.lesson_type))
    form.row(("听课日期", fmt_date(observation.date)), ("节次", observation.period))
    form.row(("课题", observation.topic))
    form.row(("听课人", observer_names(observation)))
    form.row(("教学过程", observation.notes), min_height=95 * mm)
    form.row(("评价与建议", observation.evaluation), min_height=40 * mm)
    subtitle = teacher.unit.name if teacher and teacher.unit_id else ""
    story: list[Flowable] = title_block("听课记录表", ctx.text(subtitle, where))
    story.extend(closed_at_splits(form.tables()))
    # The score and the signatures stay on one page: a signature line alone on a page proves nothing.
    story.append(KeepTogether([_score_table(observation, ctx, where), Spacer(1, 6 * mm),
                               signature_block(["听课人（签字）：", "授课教师（签字）：", "日期：　　年　　月　　日"])]))
    return story


def selected_observations(period: Period | None, ids: tuple[int, ...] | None = None) -> list[Observation]:
    """Observations dated within the period (or the chosen ones), oldest first."""
    query = Observation.live()
    if period is not None:
        query = query.where(Observation.date.between(period.start, period.end))
    if ids is not None:
        query = query.where(Observation.id.in_(list(ids)))
    return list(query.order_by(Observation.date, Observation.period, Observation.id))


def observation_entries(period: Period | None, ids: tuple[int, ...] | None,
                        ctx: ExportContext) -> list[SectionEntry]:
    """The binder's 听课记录 section: (key, 目录 title, date, story maker) per observation."""
    from .bulk import prefetch_observations

    entries: list[SectionEntry] = []
    observations = selected_observations(period, ids)
    prefetch_observations(observations)
    for o in observations:
        teacher = o.teacher.name if o.teacher_id else ""
        title = f"听课记录表：{teacher}《{o.topic}》" if teacher else f"听课记录表：《{o.topic}》"
        entries.append((f"observation:{o.id}", title, fmt_date(o.date), lambda o=o: observation_story(o, ctx)))
    return entries


def export_observation(observation_id: int, dest: str | os.PathLike, *, progress: ProgressFn | None = None,
                       cancelled: CancelFn | None = None) -> ExportReport:
    """Write the 听课记录表 of one observation to ``dest``."""
    return export_one(Observation, observation_id, "听课记录", "observation", "听课记录表", dest, observation_story,
                      lambda o: f"听课记录表：{o.topic}", progress=progress, cancelled=cancelled)
