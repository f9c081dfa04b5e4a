"""指导记录表: a pairing's guidance log as a ruled table, filed after its 协议书 in the binder."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..models import Guidance, Pairing
from ..terms import Period
from .context import ExportContext
from .forms import FormRows, fmt_date, fmt_span, ledger_table, mm_widths, signature_block, title_block
from .observation import SectionEntry
from .styles import styles


def pairing_guidance(pairing: Pairing, period: Period | None) -> list[Guidance]:
    """The pairing's live guidance records within the period, oldest first."""
    prefetched = getattr(pairing, "_pdf_guidance", None)  # a binder prefetches them (pdf.bulk)
    if prefetched is not None:
        return [g for g in prefetched if period is None or g.date in period]
    query = Guidance.live().where(Guidance.pairing == pairing)
    if period is not None:
        query = query.where(Guidance.date.between(period.start, period.end))
    return list(query.order_by(Guidance.date, Guidance.id))


def guidance_story(pairing: Pairing, period: Period | None, ctx: ExportContext) -> list[Flowable]:
    """The 指导记录表 of one pairing: who, since when, then one row per guidance record."""
    s = styles()
    mentor, apprentice = pairing.mentor, pairing.apprentice
    where = f"指导记录表（{mentor.name}—{apprentice.name}，结对编号 {pairing.id}）"
    records = pairing_guidance(pairing, period)
    subtitle = f"{period.label}，共 {len(records)} 次" if period is not None else f"共 {len(records)} 次"
    story: list[Flowable] = title_block("师徒结对指导记录表", ctx.text(subtitle, where))
    form = FormRows(ctx, where, mm_widths(26, 59, 26, 59))
    form.row(("师傅", mentor.name), ("徒弟", apprentice.name))
    form.row(("结对学科", pairing.subject or apprentice.subject), ("结对期限", fmt_span(pairing.start_date,
                                                                                   pairing.end_date)))
    story.extend(form.tables())
    story.append(Spacer(1, 3 * mm))
    rows = []
    for number, g in enumerate(records, start=1):
        rows.append([Paragraph(str(number), s.small_center), ctx.para(fmt_date(g.date), s.small_center, where),
                     ctx.para(g.kind, s.small_center, where), ctx.para(g.content, s.small, where)])
    if not rows:
        rows.append([Paragraph("", s.small), Paragraph("", s.small), Paragraph("", s.small),
                     Paragraph("（本期没有指导记录）", s.small_center)])
    story.append(ledger_table(["序号", "指导日期", "指导形式", "指导内容"], rows, mm_widths(10, 28, 22, 110)))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(signature_block(["师傅（签字）：", "徒弟（签字）：", "日期："])))
    return story


def guidance_entry(pairing: Pairing, period: Period | None, ctx: ExportContext) -> SectionEntry:
    """The binder entry of a pairing's 指导记录表 (key, 目录 title, date, story maker)."""
    title = f"指导记录表：{pairing.mentor.name}—{pairing.apprentice.name}"
    first = pairing_guidance(pairing, period)[:1]
    return (f"guidance:{pairing.id}", title, fmt_date(first[0].date) if first else "",
            lambda: guidance_story(pairing, period, ctx))
