"""What one export carries along: warnings, glyph checks, prepared photos, progress.

Every text that goes into a document passes through ``ExportContext.para`` so that a
character the bundled font lacks is reported with the record it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from ..fileio import CancelFn, ProgressFn, check_cancel
from .fonts import missing_glyphs

# What a character the font lacks prints as: visible, and named in the warning.
MISSING_MARK = "□"


@dataclass
class ExportReport:
    """The outcome of an export: where it went, how big it is, what to tell the user."""

    path: Path
    pages: int = 0
    documents: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A Chinese summary for the command line and the window's message."""
        lines = [f"已导出：{self.path}（{self.documents} 份材料，共 {self.pages} 页）"]
        if self.warnings:
            lines.append(f"注意：有 {len(self.warnings)} 条提醒，请核对后再打印：")
            lines.extend(f"  · {w}" for w in self.warnings)
        return "\n".join(lines)


class ExportContext:
    """Shared state of one export: warnings, photo cache, progress and cancel hooks."""

    def __init__(self, progress: ProgressFn | None = None, cancelled: CancelFn | None = None):
        self.warnings: list[str] = []
        self._seen: set[str] = set()
        self.photo_cache: dict[str, object] = {}
        self.photo_batch = None  # photos still being scaled while the draft pass lays out (photo_batch)
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0
        self.total = 0
        self.documents = 0

    def warn(self, message: str) -> None:
        """Record a warning once (documents are laid out more than once)."""
        if message not in self._seen:
            self._seen.add(message)
            self.warnings.append(message)

    def text(self, value: object, where: str) -> str:
        """``value`` as paragraph markup: escaped, line breaks kept, missing glyphs marked."""
        text = "" if value is None else str(value)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        missing = missing_glyphs(text)
        for char in missing:
            self.warn(f"{where}：字体缺少字符“{char}”（U+{ord(char):04X}），打印时显示为“{MISSING_MARK}”，"
                      "请改用常用字或手写补正")
            text = text.replace(char, MISSING_MARK)
        return escape(text).replace("\n", "<br/>")

    def para(self, value: object, style, where: str):
        """A Paragraph of ``value`` in ``style`` (see ``text``)."""
        from reportlab.platypus import Paragraph

        return Paragraph(self.text(value, where), style)

    def step(self, count: int = 1) -> None:
        """Advance the progress bar and stop here when the user cancelled."""
        check_cancel(self._cancelled)
        self.done = min(self.done + count, self.total) if self.total else self.done + count
        if self._progress is not None and self.total:
            self._progress(self.done, self.total)

    def check_cancel(self) -> None:
        """Raise Cancelled when the user asked to stop."""
        check_cancel(self._cancelled)

    def finish(self) -> None:
        """Show a full progress bar."""
        if self._progress is not None:
            self._progress(self.total, self.total)
