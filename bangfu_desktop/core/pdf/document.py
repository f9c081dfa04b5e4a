"""The page frame of every document: A4, mirror margins for binding, header and footer.

Odd pages bind on the left, even pages on the right, so the inner margin is wider
and alternates. The header names 本单位 and the current section; the footer says
第 X 页 共 Y 页 (the total is known only at the end, so the canvas keeps its pages
until it saves). A table of contents needs the pages of later sections: ``build``
lays the story out again until those pages no longer change.
"""

from __future__ import annotations

import io
from typing import Callable

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .context import ExportContext
from .fonts import register_font

PAGE_WIDTH, PAGE_HEIGHT = A4
INNER, OUTER, TOP, BOTTOM = 25 * mm, 15 * mm, 22 * mm, 20 * mm
FRAME_WIDTH = PAGE_WIDTH - INNER - OUTER
FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM
MAX_PASSES = 4


class Marker(Flowable):
    """An invisible point in the story whose page is recorded (目录 entries, progress)."""

    def __init__(self, key: str, *, section: str | None = None, counts: bool = True):
        super().__init__()
        self.key = key
        self.section = section
        self.counts = counts

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        if self.section is not None:
            self.canv._bangfu_section = self.section
        # Where the current document began: a later page of it can say it continues.
        self.canv._bangfu_doc_page = self.canv.getPageNumber()


class PagedCanvas(Canvas):
    """A canvas that draws 第 X 页 共 Y 页 on every page once the total is known."""

    def __init__(self, *args, draft: bool = False, **kwargs):
        # The default initial font is Helvetica, which would be referenced but not embedded.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or register_font()
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._bangfu_section = ""
        self._bangfu_no_footer: set[int] = set()
        self._bangfu_draft = draft

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        if self._bangfu_draft:  # a draft pass only counts pages: nothing of it is ever read
            return
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            number = self.getPageNumber()
            if number not in self._bangfu_no_footer:
                self.setFont(register_font(), 9)
                self.drawCentredString(PAGE_WIDTH / 2, 11 * mm, f"第 {number} 页  共 {total} 页")
            super().showPage()
        super().save()


def _skip_draw(*args, **kwargs) -> None:
    pass


class DraftFrame(Frame):
    """A frame of the draft pass: wraps, splits and places every flowable as Frame does, draws none.

    Drawing changes nothing of the layout here (what flowables draw only depends on where
    they landed), and the draft's pages are thrown away, so its half of the drawing is saved.
    """

    def _add(self, flowable, canv, trySplit=0):
        flowable.drawOn = _skip_draw
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add


class ArchiveDoc(BaseDocTemplate):
    """A4 with mirror margins; records the page of each Marker while laying out."""

    def __init__(self, target, *, unit_name: str, ctx: ExportContext, title: str, cover: bool,
                 count_progress: bool, draft: bool = False):
        super().__init__(target, pagesize=A4, leftMargin=INNER, rightMargin=OUTER, topMargin=TOP,
                         bottomMargin=BOTTOM, title=title, author=unit_name, creator="帮扶台账",
                         subject=title, initialFontName=register_font())
        self.unit_name = unit_name
        self.ctx = ctx
        self.count_progress = count_progress
        self.marker_pages: dict[str, int] = {}
        frame = DraftFrame if draft else Frame
        odd = frame(INNER, BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="odd", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0)
        even = frame(OUTER, BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="even", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate("odd", [odd], onPageEnd=self._header, autoNextPageTemplate="even"),
            PageTemplate("even", [even], onPageEnd=self._header, autoNextPageTemplate="odd"),
        ]
        if cover:
            cover_frame = frame(INNER, BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="cover")
            templates.insert(0, PageTemplate("cover", [cover_frame], onPage=self._no_footer,
                                             autoNextPageTemplate="even"))
        self.addPageTemplates(templates)

    def _no_footer(self, canvas, doc) -> None:
        canvas._bangfu_no_footer.add(canvas.getPageNumber())

    def _header(self, canvas, doc) -> None:
        if canvas._bangfu_draft:
            return
        odd = canvas.getPageNumber() % 2 == 1
        left = INNER if odd else OUTER
        right = PAGE_WIDTH - (OUTER if odd else INNER)
        y = PAGE_HEIGHT - 14 * mm
        canvas.saveState()
        canvas.setFont(register_font(), 9)
        canvas.drawString(left, y, self.unit_name)
        section = getattr(canvas, "_bangfu_section", "")
        if section:
            canvas.drawRightString(right, y, section)
        canvas.setLineWidth(0.6)
        canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        """Record where markers landed; advance progress; honour a cancel."""
        if isinstance(flowable, Marker):
            self.marker_pages[flowable.key] = self.page
            if flowable.counts and self.count_progress:
                self.ctx.step()
            else:
                self.ctx.check_cancel()


StoryMaker = Callable[[dict[str, int]], list]


def build(make_story: StoryMaker, *, ctx: ExportContext, unit_name: str, title: str,
          cover: bool = False, toc: bool = False, path=None) -> tuple[bytes, int, dict[str, int]]:
    """Lay out ``make_story(pages)`` until the pages it was given are where markers land.

    ``make_story`` receives the marker pages of the previous pass (empty at first) and
    must return a story of the same shape whatever the numbers (a 目录 of fixed rows).
    Without ``toc`` the story ignores them and one pass is enough.
    Returns the PDF bytes, the page count and the final marker pages. With ``path`` the
    PDF is written there instead (the bytes returned are empty): a binder of 90 MB of
    photos then never sits in memory twice.
    """
    register_font()
    # Binary image streams: ASCII85 would grow every photo by a quarter (in pure Python without
    # reportlab's C accelerator) for 7-bit safety that no PDF reader needs.
    rl_config.useA85 = 0
    pages: dict[str, int] = {}
    try:
        for attempt in range(MAX_PASSES):
            # The draft pass writes nowhere useful; the others may be the last one.
            draft = toc and attempt == 0
            buffer = io.BytesIO() if path is None or draft else str(path)
            doc = ArchiveDoc(buffer, unit_name=unit_name, ctx=ctx, title=title, cover=cover,
                             count_progress=attempt == 0, draft=draft)
            # The first pass of a document with a 目录 only finds page numbers: it embeds no photo.
            doc.build(make_story(pages), canvasmaker=lambda *a, **k: PagedCanvas(*a, draft=draft, **k))
            replan = False
            if not draft and ctx.photo_batch is not None:
                # This pass drew the photos as their copies arrived; one that came out other than
                # planned (damaged past its header) is placed anew by one more pass.
                replan = ctx.photo_batch.wait(ctx)
                ctx.photo_batch = None
            if not replan and (not toc or (doc.marker_pages == pages and not draft)):
                break
            pages = doc.marker_pages
    finally:
        if ctx.photo_batch is not None:  # cancelled or failed: stop the photos not yet started
            ctx.photo_batch.close()
    return (buffer.getvalue() if isinstance(buffer, io.BytesIO) else b""), doc.page, pages
