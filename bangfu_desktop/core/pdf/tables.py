"""Tables that break across pages the way an archive inspector accepts.

reportlab's own rules leave three faults: a page may end with the repeated header and
an empty ruled sliver of a split row, a category row may be the last line of a page,
and a split row may leave a fragment of a few points. ``KeepTable`` splits only where
the first part has real content: a split row keeps at least ``MIN_SPLIT`` on each side
(``splitInRow`` is reportlab's minimum height of a fragment), and a row marked as a
heading (``heading``) never ends a part, so it moves to the next page with its first row.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

MIN_SPLIT = 11 * mm  # about three lines of small text on either side of a split row
HEADING_FLAG = "_bangfu_heading"
MAX_RETRIES = 6


def heading(paragraph: Paragraph) -> Paragraph:
    """Mark a paragraph as the first cell of a heading row (kept with the row after it)."""
    setattr(paragraph, HEADING_FLAG, True)
    return paragraph


def _is_heading_row(row: list) -> bool:
    first = row[0] if row else None
    if isinstance(first, (list, tuple)):
        first = first[0] if first else None
    return bool(getattr(first, HEADING_FLAG, False))


def _repeat_count(table: Table) -> int:
    repeat = table.repeatRows
    return repeat if isinstance(repeat, int) else max(repeat) + 1


class KeepTable(Table):
    """A Table that never ends a page with only its header, a heading row or a sliver."""

    def __init__(self, data, *args, splitByRow: int = 1, splitInRow: float = MIN_SPLIT, **kwargs):
        super().__init__(data, *args, splitByRow=splitByRow, splitInRow=splitInRow, **kwargs)

    def _bad_end(self, part: Table) -> float:
        """The height to give up when ``part`` ends badly (0 when it ends well)."""
        values = part._cellvalues
        repeat = _repeat_count(part)
        body = values[repeat:]
        if not body:
            return sum(part._rowHeights) or 1.0
        if _is_heading_row(body[-1]):
            return (part._rowHeights[-1] if part._rowHeights else 1.0) or 1.0
        return 0.0

    def split(self, availWidth, availHeight):
        """Split as reportlab does, then give up rows until the first part ends well."""
        height = availHeight
        for _ in range(MAX_RETRIES):
            parts = super().split(availWidth, height)
            if len(parts) < 2:
                return parts
            first = parts[0]
            first.wrap(availWidth, height)
            bad = self._bad_end(first)
            if not bad:
                return self._continued(parts)
            height -= bad + 0.5
            if height <= 0:
                return []
        return []

    def draw(self):
        """Draw, except in a draft pass (the one that only finds the 目录's page numbers)."""
        if getattr(self.canv, "_bangfu_draft", False):
            return
        super().draw()

    def _continued(self, parts: list) -> list:
        """Hook: adjust the continuation part (the photo table names its activity there)."""
        return parts
