"""Paragraph and table styles shared by every document: one font, CJK line breaking."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from .fonts import register_font

LABEL_FILL = colors.HexColor("#EFEFEF")
HEADER_FILL = colors.HexColor("#E4E4E4")
RULE = colors.black


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents."""

    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    title: ParagraphStyle
    long_title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    clause: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    toc_section: ParagraphStyle
    toc_entry: ParagraphStyle
    right: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles (the font is registered on first use)."""
    font = register_font()

    def style(name: str, size: float, leading: float | None = None, align=TA_LEFT, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.45,
                              alignment=align, wordWrap="CJK", **extra)

    return Styles(
        cover_title=style("cover_title", 30, 44, TA_CENTER, spaceAfter=12),
        cover_line=style("cover_line", 16, 26, TA_LEFT),
        title=style("title", 18, 26, TA_CENTER, spaceAfter=4),
        long_title=style("long_title", 14, 20, TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", 11, 16, TA_CENTER, spaceAfter=8),
        heading=style("heading", 12, 17, TA_LEFT, spaceBefore=6, spaceAfter=2),
        body=style("body", 11, 18, TA_LEFT, firstLineIndent=22),
        clause=style("clause", 10.5, 16, TA_LEFT, leftIndent=10),
        cell=style("cell", 10, 14.5),
        cell_center=style("cell_center", 10, 14.5, TA_CENTER),
        small=style("small", 8.5, 12),
        small_center=style("small_center", 8.5, 12, TA_CENTER),
        label=style("label", 10, 14.5, TA_CENTER),
        caption=style("caption", 8.5, 11, TA_CENTER),
        toc_section=style("toc_section", 12, 20),
        toc_entry=style("toc_entry", 10, 15, leftIndent=14),
        right=style("right", 11, 18, TA_RIGHT),
    )


def ruled(extra: list | None = None, *, header_rows: int = 0) -> TableStyle:
    """A fully ruled table: thin inner lines, a heavier frame, cells centred vertically."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), register_font()),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 1.0, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return TableStyle(commands + (extra or []))
