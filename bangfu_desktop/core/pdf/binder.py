"""The yearly binder (年度档案): cover, 卷内目录 with page numbers, one section per record type.

Sections and their documents are known before layout, so the 目录 has a fixed number
of rows; ``document.build`` lays the story out twice and the second pass prints the
pages the first one found.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..fileio import CancelFn, ProgressFn
from ..models import Target
from ..queries import self_unit_name
from .activity import activity_story
from .context import ExportContext, ExportReport
from .document import Marker
from .exports import NO_UNIT, write_pdf
from .fonts import register_font
from .forms import fmt_date, mm_widths, title_block
from .guidance import guidance_entry
from .observation import observation_entries
from .pairing import agreement_story, pairing_roster_story
from .rotation import rotation_form_story, rotation_ledger_story
from .selection import (SECTIONS, ArchiveSelection, selected_activities, selected_pairings, selected_plans,
                        selected_rotations)
from .styles import LABEL_FILL, ruled, styles
from .tasklist import target_story, task_list_story, task_list_title

DEFAULT_TITLE = "帮扶工作档案资料"
CHINESE_NUMBERS = "一二三四五六七八九十"


@dataclass
class Entry:
    """One document of the binder: its 目录 line and how to draw it."""

    key: str
    title: str
    date: str
    make: Callable[[], list[Flowable]]


def _section_entries(kind: str, selection: ArchiveSelection, ctx: ExportContext) -> list[Entry]:
    period = selection.period()
    label = selection.label()
    if kind == "tasks":
        return [Entry(f"tasks:{p.id}", task_list_title(p), fmt_date(p.issued_on),
                      lambda p=p: task_list_story(p, ctx)) for p in selected_plans(selection)]
    if kind == "targets":
        plans = [p for p in selected_plans(selection) if Target.live().where(Target.plan == p).exists()]
        return [Entry(f"targets:{p.id}", f"指标完成情况：{p.title}", "", lambda p=p: target_story(p, ctx))
                for p in plans]
    if kind == "activities":
        return [Entry(f"activity:{a.id}", f"活动记录表：{a.title}", fmt_date(a.date),
                      lambda a=a: activity_story(a, ctx)) for a in selected_activities(selection, period)]
    if kind == "observations":
        return [Entry(*entry) for entry in observation_entries(period, selection.ids, ctx)]
    if kind == "pairings":
        pairings = selected_pairings(selection, period)
        if not pairings:
            return []
        entries = [Entry("pairings:roster", "师徒结对名册", label,
                         lambda: pairing_roster_story(pairings, ctx))]
        for p in pairings:  # each 协议书 is followed by its pairing's 指导记录表
            entries.append(Entry(f"agreement:{p.id}", f"师徒结对协议书：{p.mentor.name}—{p.apprentice.name}",
                                 fmt_date(p.start_date), lambda p=p: agreement_story(p, ctx)))
            entries.append(Entry(*guidance_entry(p, period, ctx)))
        return entries
    rotations = selected_rotations(selection, period)
    if not rotations:
        return []
    entries = [Entry("rotations:ledger", "轮训台账", label, lambda: rotation_ledger_story(rotations, ctx))]
    return entries + [Entry(f"rotation:{r.id}", f"轮训登记表：{r.teacher.name}（{r.kind}）",
                            fmt_date(r.start_date), lambda r=r: rotation_form_story(r, ctx)) for r in rotations]


def _cover(unit_name: str, title: str, selection: ArchiveSelection, documents: int,
           ctx: ExportContext) -> list[Flowable]:
    s = styles()
    plan_line = ""
    if selection.plan_id is not None:
        plans = selected_plans(selection)
        plan_line = plans[0].title if plans else ""
    lines = [("单　　位", unit_name), ("学　　年", selection.label()), ("所属方案", plan_line or "全部方案"),
             ("卷内材料", f"{documents} 份"), ("编制日期", fmt_date(dt.date.today())), ("保管期限", "")]
    rows = [[Paragraph(label, s.cover_line), ctx.para(value, s.cover_line, "档案封面")] for label, value in lines]
    table = Table(rows, colWidths=[32 * mm, 100 * mm], rowHeights=[13 * mm] * len(rows), hAlign="CENTER")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()),
                               ("LINEBELOW", (1, 0), (1, -1), 0.8, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [Spacer(1, 45 * mm), ctx.para(title, s.cover_title, "档案封面"),
            Paragraph(ctx.text(selection.label(), "档案封面"), s.title), Spacer(1, 50 * mm), table]


def _toc(sections: list[tuple[str, list[Entry]]], pages: dict[str, int], ctx: ExportContext) -> list[Flowable]:
    s = styles()
    rows: list[list] = [[Paragraph(h, s.small_center) for h in ("序号", "材料名称", "日期", "页号")]]
    commands: list = []
    number = 0
    for index, (kind, entries) in enumerate(sections):
        page = pages.get(f"section:{kind}", "")
        rows.append([Paragraph(f"{CHINESE_NUMBERS[index]}、{SECTIONS[kind]}", s.cell), "", "",
                     Paragraph(str(page), s.cell_center)])
        commands += [("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)),
                     ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LABEL_FILL)]
        for entry in entries:
            number += 1
            rows.append([Paragraph(str(number), s.small_center), ctx.para(entry.title, s.small, "卷内目录"),
                         Paragraph(entry.date, s.small_center),
                         Paragraph(str(pages.get(entry.key, "")), s.small_center)])
    table = Table(rows, colWidths=mm_widths(12, 110, 30, 18), repeatRows=1, splitByRow=1)
    table.setStyle(ruled(commands, header_rows=1))
    return title_block("卷内目录") + [table]


def _empty_section(kind: str, selection: ArchiveSelection) -> list[Flowable]:
    s = styles()
    return title_block(SECTIONS[kind]) + [Paragraph(f"（{selection.label()}没有{SECTIONS[kind]}记录）", s.cell_center)]


def export_archive(dest: str | os.PathLike, selection: ArchiveSelection | None = None, *,
                   title: str = DEFAULT_TITLE, cover: bool = True, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> ExportReport:
    """Write the binder for ``selection`` to ``dest``: cover and 目录 (unless ``cover`` is False) and sections."""
    selection = selection or ArchiveSelection()
    ctx = ExportContext(progress, cancelled)
    sections = [(kind, _section_entries(kind, selection, ctx)) for kind in selection.kinds]
    documents = sum(len(entries) for _, entries in sections)
    ctx.total = max(1, 2 * documents)
    unit_name = self_unit_name() or NO_UNIT
    first_pass = [True]

    def make_story(pages: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = []
        if cover:
            story += _cover(unit_name, title, selection, documents, ctx)
            story += [PageBreak(), Marker("toc", section="卷内目录", counts=False)]
            story += _toc(sections, pages, ctx)
        for kind, entries in sections:
            name = SECTIONS[kind]
            if story:
                story.append(PageBreak())
            story.append(Marker(f"section:{kind}", section=name, counts=False))
            if not entries:
                story += _empty_section(kind, selection)
            for number, entry in enumerate(entries):
                if number:
                    story.append(PageBreak())
                story.append(Marker(entry.key, section=name))
                story += entry.make()
                if first_pass[0]:
                    ctx.step()
        first_pass[0] = False
        return story

    return write_pdf(dest, make_story, ctx, title=f"{title}（{selection.label()}）", documents=documents,
                     cover=cover, toc=cover)
