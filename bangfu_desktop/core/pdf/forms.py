"""Building blocks of the ruled office forms: titles, label/value tables, signature lines."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .context import ExportContext
from .fonts import register_font
from .document import FRAME_WIDTH
from .styles import LABEL_FILL, ruled, styles
from .tables import KeepTable


def fmt_date(day: dt.date | None, empty: str = "") -> str:
    """2024-03-05 → '2024年3月5日'."""
    return f"{day.year}年{day.month}月{day.day}日" if day else empty


def fmt_span(start: dt.date | None, end: dt.date | None) -> str:
    """'2023年9月1日至2026年7月15日' (either end may be open)."""
    if not start and not end:
        return ""
    return f"{fmt_date(start, '（未填）')}至{fmt_date(end, '今')}"


def fmt_number(value: float | None) -> str:
    """12.0 → '12', 0.4 → '0.4', None → ''."""
    if value is None:
        return ""
    return f"{round(value, 2):g}"


def title_block(title: str, subtitle: str = "") -> list[Flowable]:
    """The centred form title, with an optional second line (unit, programme, year)."""
    s = styles()
    # A plan's full name as a title runs to two lines: a smaller size keeps it tidy.
    block: list[Flowable] = [Paragraph(title, s.title if len(title) <= 24 else s.long_title)]
    if subtitle:
        block.append(Paragraph(subtitle, s.subtitle))
    else:
        block.append(Spacer(1, 4 * mm))
    return block


class FormRows:
    """Rows of a label/value form; labels get a grey fill.

    ``widths`` alternate label, value, label, value, …; ``row`` takes (label, value) pairs.
    A row with a single pair spans the whole width: such rows go into tables of their own
    (label, value) so that long text can break across pages, which reportlab cannot do
    inside a spanned cell. The stacked tables share their edges and read as one form.
    """

    TALL = 60 * mm  # a value taller than this has its label at the top, not the middle

    def __init__(self, ctx: ExportContext, where: str, widths: list[float]):
        self.ctx, self.where, self.widths = ctx, where, widths
        self.rows: list[tuple[list, float]] = []

    def row(self, *pairs: tuple[str, object], min_height: float = 0) -> None:
        """Add a row of (label, value) pairs; a form row may keep room for handwriting."""
        s = styles()
        cells: list = []
        for label, value in pairs:
            cells.append(Paragraph(label, s.label))
            cells.append(value if isinstance(value, (Flowable, list)) else
                         self.ctx.para(value, s.cell, self.where))
        self.rows.append((cells, min_height))

    def _group_table(self, rows: list[tuple[list, float]]) -> Table:
        full = len(rows[0][0]) == 2
        widths = [self.widths[0], sum(self.widths[1:])] if full else self.widths
        heights: list[float | None] = []
        commands: list = []
        for index, (cells, minimum) in enumerate(rows):
            for col in range(0, len(cells), 2):
                commands.append(("BACKGROUND", (col, index), (col, index), LABEL_FILL))
            needed = 0.0
            if full and isinstance(cells[1], Paragraph):
                needed = cells[1].wrap(widths[1] - 8, 100_000)[1] + 8
            # A fixed height only when the text is shorter; longer text sizes (and splits) itself.
            heights.append(minimum if minimum and needed < minimum else None)
            if minimum:
                commands.append(("VALIGN", (1, index), (1, index), "TOP"))
            if needed > self.TALL:
                commands.append(("VALIGN", (0, index), (0, index), "TOP"))
        table = KeepTable([cells for cells, _ in rows], colWidths=widths, rowHeights=heights,
                          **({} if full else {"splitInRow": 0}))
        table.setStyle(ruled(commands))
        return table

    def tables(self) -> list[Flowable]:
        """The ruled form as stacked tables; tall rows may break across pages."""
        groups: list[list[tuple[list, float]]] = []
        for row in self.rows:
            if groups and len(groups[-1][0][0]) == len(row[0]):
                groups[-1].append(row)
            else:
                groups.append([row])
        return [self._group_table(group) for group in groups]


DATE_LINE = "　　　　年　　月　　日"  # room to write a four-digit year by hand


def _fitted(part: str, width: float) -> Paragraph:
    """A signature cell whose lines (a long unit name) shrink to fit rather than break inside a word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    base = styles().cell
    font = register_font()
    size = base.fontSize
    for line in part.split("<br/>"):
        plain = line.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        while size > SIGNATURE_MIN_SIZE and stringWidth(plain, font, size) > width:
            size -= 0.5
    if size == base.fontSize:
        return Paragraph(part, base)
    return Paragraph(part, ParagraphStyle(f"cell_{size}", parent=base, fontSize=size, leading=size * 1.45))


SIGNATURE_MIN_SIZE = 6.5


def signature_block(parts: list[str], *, seal_height: float = 0, columns: int | None = None) -> Table:
    """Signature fields ('负责人（签字）：') in rows of ``columns``; with ``seal_height`` room for 盖章 and a date.

    A unit name in a field is kept on one line (the font shrinks) so that it never breaks inside a word.
    """
    columns = columns or len(parts)
    width = FRAME_WIDTH / columns
    rows, heights = [], []
    for start in range(0, len(parts), columns):
        chunk = parts[start:start + columns]
        chunk = chunk + [""] * (columns - len(chunk))
        rows.append([_fitted(part, width - 6) if part else "" for part in chunk])
        heights.append(seal_height or 10 * mm)
        if seal_height:
            rows.append([Paragraph(DATE_LINE, styles().cell) if part else "" for part in chunk])
            heights.append(9 * mm)
    table = Table(rows, colWidths=[width] * columns, rowHeights=heights)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def closing_block(ctx: ExportContext, unit_name: str, where: str) -> Table:
    """The end of a form: 单位（盖章）, 负责人, 填报人, 联系电话 and a date line with room to write."""
    half = FRAME_WIDTH / 2
    s = styles()
    rows = [[_fitted(ctx.text(f"单位（盖章）：\n{unit_name}", where), half - 6), Paragraph("负责人（签字）：", s.cell)],
            [Paragraph("填报人（签字）：", s.cell), Paragraph("联系电话：", s.cell)],
            ["", Paragraph(f"填报日期：{DATE_LINE}", s.cell)]]
    table = Table(rows, colWidths=[half, half], rowHeights=[22 * mm, 12 * mm, 10 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def ledger_table(header: list[str], rows: list[list], widths: list[float]) -> Table:
    """A ruled ledger with a grey header row repeated on every page."""
    s = styles()
    head = [Paragraph(h, s.small_center) for h in header]
    table = KeepTable([head] + rows, colWidths=widths, repeatRows=1)
    table.setStyle(ruled(header_rows=1))
    return table


def mm_widths(*values: float) -> list[float]:
    """Column widths given in millimetres, scaled to fill the frame exactly."""
    total = sum(values)
    return [v / total * FRAME_WIDTH for v in values]
