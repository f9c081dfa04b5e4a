"""Understanding 完成时限 texts and 责任单位 lists as the plans write them.

The raw text is always kept; parsing only adds what could be understood. Text
that cannot be understood yields no due date, never an exception.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

ONGOING_WORDS = ("长期坚持", "持续推进", "长期", "每年", "常态化", "持续")
_RANGE = r"\s*(?:-|—|–|－|~|～|至|到)\s*"
_Y = r"((?:19|20)\d{2})\s*年?"


@dataclass(frozen=True)
class Deadline:
    """A parsed 完成时限: due date, optional start year, ongoing flag, raw text."""

    raw: str
    due: dt.date | None = None
    start_year: int | None = None
    ongoing: bool = False

    def explain(self) -> str:
        """How the text was understood, in Chinese (shown beside the field)."""
        if not self.raw.strip():
            return "未填写完成时限"
        parts = []
        if self.start_year is not None:
            parts.append(f"自 {self.start_year} 年起")
        if self.due:
            parts.append(f"截止 {self.due:%Y-%m-%d}")
        if self.ongoing:
            parts.append("并长期坚持")
        if not parts:
            return "无法识别截止日期，已按原文保存"
        return "，".join(parts)


def normalise(text: str) -> str:
    """Full-width digits and letters to ASCII, line breaks and runs of blanks to one space."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", " ", text).strip()


def _month_end(year: int, month: int) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _end_point(text: str) -> tuple[dt.date | None, int | None]:
    """The last date a text names, and the year it is in."""
    # 2023年12月5日 / 2023-12-05 / 2023.12.5 / 2023/12/5
    m = re.findall(r"((?:19|20)\d{2})\s*(?:年|-|\.|/)\s*(\d{1,2})\s*(?:月|-|\.|/)\s*(\d{1,2})\s*日?", text)
    if m:
        y, mo, d = (int(v) for v in m[-1])
        return _safe_date(y, mo, d), y
    # 2023年12月底 / 2023年12月 / 2023-12
    m = re.findall(r"((?:19|20)\d{2})\s*(?:年|-|\.|/)\s*(\d{1,2})\s*月?", text)
    if m:
        y, mo = (int(v) for v in m[-1])
        return _month_end(y, mo), y
    # 2023年底 / 2023年末 / 2023年
    m = re.findall(r"((?:19|20)\d{2})\s*年", text)
    if m:
        y = int(m[-1])
        return dt.date(y, 12, 31), y
    m = re.findall(r"\b((?:19|20)\d{2})\b", text)
    if m:
        y = int(m[-1])
        return dt.date(y, 12, 31), y
    return None, None


def parse_deadline(raw: str | None) -> Deadline:
    """Parse a 完成时限 text such as "2023-2025 年 12 月底" or "2023年12月底前，并长期坚持"."""
    raw = raw or ""
    text = normalise(raw)
    ongoing = any(word in text for word in ONGOING_WORDS)
    if not text:
        return Deadline(raw)
    start_year = None
    # "2023-2025 年 12 月底": a span of years sharing one month.
    span = re.search(r"((?:19|20)\d{2})\s*年?" + _RANGE + r"((?:19|20)\d{2})\s*年", text)
    if span:
        start_year = int(span.group(1))
        rest = text[span.start(2):]
        due, _ = _end_point(rest)
    else:
        # "2023年9月-2025年8月": a span of dates.
        pieces = re.split(_RANGE, text, maxsplit=1)
        if len(pieces) == 2 and re.search(r"(?:19|20)\d{2}", pieces[1]):
            _, first_year = _end_point(pieces[0])
            start_year = first_year
            due, _ = _end_point(pieces[1])
        elif len(pieces) == 2 and re.search(r"(?:19|20)\d{2}", pieces[0]) and re.match(r"\d{1,2}\s*月", pieces[1]):
            # "2023年6月-8月": the year of the start applies to the end.
            year = int(re.search(r"(?:19|20)\d{2}", pieces[0]).group(0))
            start_year = year
            due, _ = _end_point(f"{year}年{pieces[1]}")
        else:
            due, _ = _end_point(text)
    if start_year is not None and due is not None and start_year > due.year:
        start_year = None
    return Deadline(raw, due, start_year, ongoing)


_UNIT_SEPARATORS = r"[、，,；;/／]+"


def split_units(raw: str | None) -> list[str]:
    """Split a 责任单位/配合部门 text into unit names, in order, without repeats.

    Line breaks inside a cell are wrapping, not separators: they are removed.
    """
    text = unicodedata.normalize("NFKC", raw or "")
    text = re.sub(r"[\r\n]+\s*", "", text)
    names = []
    for part in re.split(_UNIT_SEPARATORS, text):
        name = part.strip().strip("。.")
        if name and name not in names:
            names.append(name)
    return names
