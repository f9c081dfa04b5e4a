"""Checks of typed values, each failing with a Chinese message that says what to write."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def parse_date_text(text: str) -> dt.date | None:
    """'2024-03-01', '2024/3/1', '2024.3.1' or '2024年3月1日' → date; '' → None.

    Raises ValueError with a Chinese message for text that is no real date
    (2023年13月, 2023-02-30).
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if not m:
        if re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", text):
            raise ValueError(f"“{text}”缺少日，请写完整日期，例如 2024-03-01")
        raise ValueError(f"“{text}”不是日期，请写成 2024-03-01 这样的格式")
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"“{text}”的月份 {month} 不存在，月份应在 1 到 12 之间")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}”的日期不存在（{year}年{month}月没有{day}日）") from None


def check_mobile(text: str) -> str | None:
    """A Chinese message when ``text`` is not an 11-digit mainland mobile number."""
    digits = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text or ""))
    if not digits:
        return None
    if not digits.isdigit():
        return "手机号码只能包含数字"
    if len(digits) != 11:
        return f"手机号码应为 11 位数字，现在是 {len(digits)} 位"
    if not MOBILE_RE.match(digits):
        return "手机号码应以 13–19 开头"
    return None


def normalise_mobile(text: str) -> str:
    """Digits only, as stored."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text or ""))


def check_range(start: dt.date | None, end: dt.date | None) -> str | None:
    """A Chinese message when an end date lies before its start date."""
    if start and end and end < start:
        return f"结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}，请检查"
    return None
