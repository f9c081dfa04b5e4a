"""The yearly binder (年度档案) after DA/T 22-2015: cover, 卷内目录, sections, 卷内备考表.

Only the year's material goes in: plans (and their tasks, targets and rules) whose
period overlaps the 学年/学期, oldest plan first. Sections and their documents are
known before layout, so the 目录 has a fixed number of rows; ``document.build`` lays
the story out twice and the second pass prints the pages the first one found.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..fileio import CancelFn, ProgressFn
from .. import settings
from ..queries import self_unit_name
from ..targets import Figures, year_figures
from .activity import activity_story, printed_photos
from .bulk import prefetch_activities, prefetch_pairings, prefetch_rotations
from .context import ExportContext, ExportReport
from .document import Marker
from .exports import NO_UNIT, write_pdf
from .fonts import register_font
from .forms import fmt_date, mm_widths, title_block
from .guidance import guidance_entry
from .observation import observation_entries
from .pairing import agreement_story, pairing_roster_story
from .photo_batch import prepare_photos
from .rotation import rotation_form_story, rotation_ledger_story
from .selection import SECTIONS, ArchiveSelection, activities_query, pairings_query, rotations_query, selected_plans
from .styles import LABEL_FILL, ruled, styles
from .tables import KeepTable, heading
from .tasklist import target_story, task_list_story, task_list_title

DEFAULT_TITLE = "帮扶工作档案资料"
CHINESE_NUMBERS = "一二三四五六七八九十"


@dataclass
class Entry:
    """One document of the binder: its 卷内目录 line (DA/T 22) and how to draw it."""

    key: str
    title: str
    date: str  # YYYYMMDD, or YYYYMMDD-YYYYMMDD for a ledger of a span
    make: Callable[[], list[Flowable]]
    doc_number: str = ""  # 文号
    author: str = ""  # 责任者
    remark: str = ""  # 备注
    photos: tuple = ()  # the attachments it prints as photos (scaled while the draft pass lays out)


def ymd(day: dt.date | None) -> str:
    """2025-09-01 → '20250901' (DA/T 22's date form)."""
    return f"{day:%Y%m%d}" if day else ""


def span_ymd(period) -> str:
    """A period as 'YYYYMMDD-YYYYMMDD' ('' for all records)."""
    return f"{ymd(period.start)}-{ymd(period.end)}" if period is not None else ""


CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _entry(entry: tuple, unit: str) -> Entry:
    """An Entry from a section module's (key, title, date, make), its date written as YYYYMMDD."""
    key, title, date, make = entry
    found = CHINESE_DATE.search(date or "")
    day = f"{found[1]}{int(found[2]):02d}{int(found[3]):02d}" if found else (date or "")
    return Entry(key, title, day, make, "", unit)


def _section_entries(kind: str, selection: ArchiveSelection, ctx: ExportContext, figures: Figures,
                     unit: str) -> list[Entry]:
    period = selection.period()
    label = selection.label()
    span = span_ymd(period)
    if kind == "tasks":
        return [Entry(f"tasks:{p.id}", task_list_title(p), ymd(p.issued_on),
                      lambda p=p: task_list_story(p, ctx, period), p.doc_number, p.issuer or unit)
                for p in figures.plans]
    if kind == "targets":
        plans = [p for p in figures.plans if figures.plan_targets(p.id) or figures.plan_rules(p.id)]
        return [Entry(f"targets:{p.id}", f"指标完成情况：{p.title}", ymd(figures.today),
                      lambda p=p: target_story(p, ctx, figures), "", unit, "日期为统计截止日")
                for p in plans]
    if kind == "activities":
        query = activities_query(selection, period)
        activities = list(query)
        prefetch_activities(activities, query)
        return [Entry(f"activity:{a.id}", f"活动记录表：{a.title}", ymd(a.date),
                      lambda a=a: activity_story(a, ctx), "", a.organiser or unit, photos=tuple(printed_photos(a)))
                for a in activities]
    if kind == "observations":
        return [_entry(entry, unit) for entry in observation_entries(period, selection.ids, ctx)]
    if kind == "pairings":
        query = pairings_query(selection, period)
        pairings = list(query)
        if not pairings:
            return []
        prefetch_pairings(pairings, query)
        entries = [Entry("pairings:roster", "师徒结对名册", span, lambda: pairing_roster_story(pairings, ctx),
                         "", unit, label if not span else "")]
        for p in pairings:  # each 协议书 is followed by its pairing's 指导记录表
            entries.append(Entry(f"agreement:{p.id}", f"师徒结对协议书：{p.mentor.name}—{p.apprentice.name}",
                                 ymd(p.start_date), lambda p=p: agreement_story(p, ctx), "", unit))
            entries.append(_entry(guidance_entry(p, period, ctx), unit))
        return entries
    query = rotations_query(selection, period)
    rotations = list(query)
    if not rotations:
        return []
    prefetch_rotations(rotations, query)
    entries = [Entry("rotations:ledger", "轮训台账", span, lambda: rotation_ledger_story(rotations, ctx),
                     "", unit, label if not span else "")]
    return entries + [Entry(f"rotation:{r.id}", f"轮训登记表：{r.teacher.name}（{r.kind}）",
                            ymd(r.start_date), lambda r=r: rotation_form_story(r, ctx), "", unit) for r in rotations]


@dataclass(frozen=True)
class Catalogue:
    """The fixed catalogue fields of a binder, kept in 设置 (DA/T 22)."""

    fonds: str
    year: str
    retention: str
    volume: str
    compiler: str
    checker: str
    stamp: bool

    @property
    def file_number(self) -> str:
        """档号: 全宗号-年度-保管期限代码-案卷号 (parts not set are left out)."""
        code = RETENTION_CODES.get(self.retention, self.retention)
        return "-".join(part for part in (self.fonds, self.year, code, self.volume) if part)


RETENTION_CODES = {"永久": "Y", "定期30年": "D30", "定期10年": "D10", "长期": "C", "短期": "D"}


def catalogue_for(selection: ArchiveSelection) -> Catalogue:
    """The catalogue fields from 设置; 年度 is the first year of the 学年 (or of the span)."""
    period = selection.period()
    year = str(selection.school_year) if selection.school_year is not None else \
        (str(period.start.year) if period is not None and period.start.year > 1900 else "")
    return Catalogue(settings.get("archive.fonds"), year, settings.get("archive.retention"),
                     settings.get("archive.volume"), settings.get("archive.compiler"),
                     settings.get("archive.checker"), bool(settings.get("archive.stamp")))


def archive_stamp(catalogue: Catalogue, number: int) -> Table:
    """The 归档章 (全宗号, 年度, 保管期限, 件号) at the top right of a document's first page."""
    style = ParagraphStyle("stamp", parent=styles().caption, fontSize=7, leading=8.5)
    labels = ["全宗号", "年度", "保管期限", "件号"]
    values = [catalogue.fonds, catalogue.year, catalogue.retention, str(number)]
    rows = [[Paragraph(v, style) for v in labels], [Paragraph(v, style) for v in values]]
    table = Table(rows, colWidths=[16 * mm, 11 * mm, 16 * mm, 10 * mm], rowHeights=[5 * mm, 5 * mm],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()),
                               ("BOX", (0, 0), (-1, -1), 0.8, "black"), ("GRID", (0, 0), (-1, -1), 0.4, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _date_range(sections: list[tuple[str, list[Entry]]]) -> str:
    days = sorted(d for _, entries in sections for e in entries for d in e.date.split("-") if d)
    return f"{days[0]}-{days[-1]}" if days else ""


def _cover(unit_name: str, title: str, selection: ArchiveSelection, documents: int, catalogue: Catalogue,
           dates: str, ctx: ExportContext) -> list[Flowable]:
    s = styles()
    plan_line = ""
    if selection.plan_id is not None:
        plans = selected_plans(selection)
        plan_line = plans[0].title if plans else ""
    lines = [("全 宗 号", catalogue.fonds), ("档　　号", catalogue.file_number), ("单　　位", unit_name),
             ("年　　度", catalogue.year), ("所属方案", plan_line or "全部方案"), ("卷内材料", f"{documents} 件"),
             ("起止日期", dates), ("保管期限", catalogue.retention), ("立 卷 人", catalogue.compiler),
             ("编制日期", fmt_date(dt.date.today()))]
    rows = [[Paragraph(label, s.cover_line), ctx.para(value, s.cover_line, "档案封面")] for label, value in lines]
    table = Table(rows, colWidths=[32 * mm, 100 * mm], rowHeights=[11 * mm] * len(rows), hAlign="CENTER")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()),
                               ("LINEBELOW", (1, 0), (1, -1), 0.8, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [Spacer(1, 30 * mm), ctx.para(title, s.cover_title, "档案封面"),
            Paragraph(ctx.text(selection.label(), "档案封面"), s.title), Spacer(1, 28 * mm), table]


TOC_HEADER = ("序号", "文号", "责任者", "题名", "日期", "页号", "备注")


def _toc(sections: list[tuple[str, list[Entry]]], pages: dict[str, int], ctx: ExportContext) -> list[Flowable]:
    """The 卷内目录 after DA/T 22: 序号, 文号, 责任者, 题名, 日期 (YYYYMMDD), 页号, 备注."""
    s = styles()
    rows: list[list] = [[Paragraph(h, s.small_center) for h in TOC_HEADER]]
    commands: list = []
    number = 0
    for index, (kind, entries) in enumerate(sections):
        page = pages.get(f"section:{kind}", "")
        rows.append([heading(Paragraph(f"{CHINESE_NUMBERS[index]}、{SECTIONS[kind]}", s.small)), "", "", "", "",
                     Paragraph(str(page), s.small_center), ""])
        commands += [("SPAN", (0, len(rows) - 1), (4, len(rows) - 1)),
                     ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LABEL_FILL)]
        for entry in entries:
            number += 1
            where = "卷内目录"
            rows.append([Paragraph(str(number), s.small_center), ctx.para(entry.doc_number, s.small, where),
                         ctx.para(entry.author, s.small, where), ctx.para(entry.title, s.small, where),
                         Paragraph(entry.date.replace("-", "-<br/>"), s.small_center),
                         Paragraph(str(pages.get(entry.key, "")), s.small_center),
                         ctx.para(entry.remark, s.small, where)])
    table = KeepTable(rows, colWidths=mm_widths(10, 26, 28, 68, 17, 10, 16), repeatRows=1)
    table.setStyle(ruled(commands, header_rows=1))
    return title_block("卷内目录") + [table]


def _notes_page(documents: int, pages: dict[str, int], catalogue: Catalogue, selection: ArchiveSelection,
                ctx: ExportContext) -> list[Flowable]:
    """The 卷内备考表 (last page): 本卷情况说明 with the counts, 立卷人, 检查人, 立卷时间."""
    s = styles()
    total = pages.get("end", 0)
    note = (f"本卷为{selection.label()}帮扶工作档案资料，共有文件材料 {documents} 件，"
            f"共 {total} 页（含封面、卷内目录和本表）。" if total else
            f"本卷为{selection.label()}帮扶工作档案资料，共有文件材料 {documents} 件。")
    where = "卷内备考表"
    rows = [[Paragraph("本卷情况说明", s.label), ctx.para(note, s.cell, where)],
            [Paragraph("立卷人", s.label), ctx.para(catalogue.compiler, s.cell, where)],
            [Paragraph("检查人", s.label), ctx.para(catalogue.checker, s.cell, where)],
            [Paragraph("立卷时间", s.label), Paragraph(fmt_date(dt.date.today()), s.cell)]]
    table = Table(rows, colWidths=mm_widths(30, 140), rowHeights=[110 * mm, 16 * mm, 16 * mm, 16 * mm])
    table.setStyle(ruled([("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("VALIGN", (1, 0), (1, 0), "TOP")]))
    return title_block("卷内备考表") + [table]


def _empty_section(kind: str, selection: ArchiveSelection) -> list[Flowable]:
    s = styles()
    return title_block(SECTIONS[kind]) + [Paragraph(f"（{selection.label()}没有{SECTIONS[kind]}记录）", s.cell_center)]


def export_archive(dest: str | os.PathLike, selection: ArchiveSelection | None = None, *,
                   title: str = DEFAULT_TITLE, cover: bool = True, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None, today: dt.date | None = None) -> ExportReport:
    """Write the binder for ``selection`` to ``dest``: cover, 目录 and 备考表 (unless ``cover`` is False), sections.

    Targets and rules are evaluated once (``core.targets.year_figures``) for ``today``.
    """
    selection = selection or ArchiveSelection()
    ctx = ExportContext(progress, cancelled)
    figures = year_figures(selection.period(), today=today, plan_id=selection.plan_id)
    unit_name = self_unit_name() or NO_UNIT
    sections = [(kind, _section_entries(kind, selection, ctx, figures, unit_name)) for kind in selection.kinds]
    documents = sum(len(entries) for _, entries in sections)
    ctx.total = max(1, 2 * documents)
    catalogue = catalogue_for(selection)
    dates = _date_range(sections)
    first_pass = [True]

    def make_story(pages: dict[str, int]) -> list[Flowable]:
        story: list[Flowable] = []
        if cover:
            story += _cover(unit_name, title, selection, documents, catalogue, dates, ctx)
            story += [PageBreak(), Marker("toc", section="卷内目录", counts=False)]
            story += _toc(sections, pages, ctx)
        number = 0
        for kind, entries in sections:
            name = SECTIONS[kind]
            if story:
                story.append(PageBreak())
            story.append(Marker(f"section:{kind}", section=name, counts=False))
            if not entries:
                story += _empty_section(kind, selection)
            for index, entry in enumerate(entries):
                if index:
                    story.append(PageBreak())
                number += 1
                story.append(Marker(entry.key, section=name))
                if catalogue.stamp:
                    story.append(archive_stamp(catalogue, number))
                story += entry.make()
                if first_pass[0]:
                    ctx.step()
        if cover:
            story += [PageBreak(), Marker("notes", section="卷内备考表", counts=False)]
            story += _notes_page(documents, pages, catalogue, selection, ctx)
            story.append(Marker("end", counts=False))
        first_pass[0] = False
        return story

    # The photos missing from the print-size cache are scaled on every core while the story is
    # laid out; the final pass waits for each one only when it draws it (photo_batch.PhotoBatch).
    try:
        prepare_photos((photo for _, entries in sections for entry in entries for photo in entry.photos), ctx,
                       overlap=cover)
        return write_pdf(dest, make_story, ctx, title=f"{title}（{selection.label()}）", documents=documents,
                         cover=cover, toc=cover)
    finally:
        if ctx.photo_batch is not None:  # failed before its layout ended: stop the photo pool too
            ctx.photo_batch.close()
