"""Our own window strings, translatable under a context that never moves.

The source language is Simplified Chinese: every text stays as written unless a
translator (a ``.qm`` built from ``resources/i18n/bangfu_zh_CN.ts``) is installed.

The rule (``tests/test_i18n_wrapped.py`` checks it, ``scripts/wrap_tr.py`` applies it):

- Every Chinese literal of ``bangfu_desktop/gui`` is the text argument of ``tr(context,
  text)`` or ``N_(context, text)``, or its line says ``# notr`` (data, not UI: database
  values compared in code, file names the bureau expects, log text).
- The context is a fixed string written in the call: the name of the class whose body
  holds the code (methods, nested functions and class attributes alike), else the
  module's name under ``gui`` (``"tabs.teachers"``, ``"main_window"``) for functions
  and module constants. ``self.tr`` is not used: PySide takes its context from the
  runtime class, so a subclass would look its base's strings up under another name.
- ``tr`` translates now; use it in code that runs after start (functions, methods).
- ``N_`` marks a text evaluated at import time (module constants, class attributes,
  default arguments) and returns it unchanged but carrying its context; the place that
  shows it calls ``translated(text)`` (column headers, form labels, filter names, tab
  titles do).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class MarkedText(str):
    """A text marked with ``N_``: equal to the source text, plus its translation context."""

    context: str


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated under ``context`` (the text itself when no translation is loaded)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def N_(context: str, text: str) -> str:  # noqa: N802 (the usual gettext-style name)
    """Mark ``text`` for translation under ``context`` without translating it yet."""
    marked = MarkedText(text)
    marked.context = context
    return marked


def translated(text):
    """A text marked with ``N_`` translated now; anything else comes back unchanged."""
    context = getattr(text, "context", None)
    if context and isinstance(text, str):
        return QCoreApplication.translate(context, str(text), None, -1)
    return text
