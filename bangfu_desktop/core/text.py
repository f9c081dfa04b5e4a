"""Text that every workbook, PDF and database accepts.

Word pastes vertical tabs (\\x0b) as line breaks and other tools leave control
characters behind; openpyxl refuses to write them (IllegalCharacterError). Text is
cleaned when it is saved and again when it is written, so no export can fail on it.
"""

from __future__ import annotations

import re
from typing import Any

# \x0b (vertical tab, Word's manual line break), \x0c (form feed) and \r are line
# breaks; \u2028/\u2029 are Unicode's line and paragraph separators.
_LINE_BREAKS_RE = re.compile(r"\r\n|[\r\x0b\x0c\u2028\u2029]")
# Every other C0 control character except tab and newline, and DEL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """``value`` with line-break controls turned into "\\n" and other controls removed."""
    if not value:
        return value
    return _CONTROL_RE.sub("", _LINE_BREAKS_RE.sub("\n", value))


def clean_value(value: Any) -> Any:
    """Clean ``value`` if it is text; anything else is returned unchanged."""
    return clean_text(value) if isinstance(value, str) else value
