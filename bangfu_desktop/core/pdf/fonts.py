"""The bundled Chinese font: registering it with reportlab and checking glyph coverage.

WenQuanYi Micro Hei (Apache-2.0) ships under ``resources/fonts/``. reportlab embeds
a subset of it in every PDF, so a document prints the same in any viewer. A
character the font lacks would print as an empty box without any error, so the
writers ask ``missing_glyphs`` first and report what they found.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from ...resources import resource

FONT_NAME = "BangfuHei"
FONT_FILE = "wqy-microhei.ttc"
LICENSE_FILE = "wqy-microhei-LICENSE.txt"

_lock = threading.Lock()
_files = contextlib.ExitStack()
atexit.register(_files.close)


@lru_cache(maxsize=1)
def font_path() -> Path:
    """A real filesystem path of the bundled font (extracted once when frozen or zipped)."""
    # as_file() yields the file itself when it is on disk; otherwise a temporary copy
    # that must outlive every reportlab document, hence the process-wide ExitStack.
    return _files.enter_context(importlib_resources.as_file(resource("fonts", FONT_FILE)))


def register_font() -> str:
    """Register the bundled font with reportlab (once) and return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            # The font has no bold or italic face: <b> in a paragraph falls back to it.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME


@lru_cache(maxsize=1)
def covered_codepoints() -> frozenset[int]:
    """Every code point the bundled font has a glyph for."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(font_path()), lazy=True)
    try:
        return frozenset(collection.fonts[0].getBestCmap())
    finally:
        collection.close()


# Layout characters that never need a glyph of their own.
_IGNORED = {"\n", "\r", "\t", "\u00a0", "\u200b", "\ufeff"}


def missing_glyphs(text: str) -> list[str]:
    """The distinct characters of ``text`` the bundled font cannot draw, in order of appearance."""
    covered = covered_codepoints()
    missing: list[str] = []
    for char in text:
        if char not in _IGNORED and ord(char) not in covered and char not in missing:
            missing.append(char)
    return missing
