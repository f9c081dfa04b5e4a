"""Checks of typed values, each failing with a Chinese message that says what to write."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

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


_OFFICE_RE = re.compile(
    r"^(?:(?:\(0\d{2,3}\)|0\d{2,3})[- ]?)?\d{7,8}"       # (0951)1234567, 0951-1234567, 1234567
    r"(?:(?:-|转|分机|ext\.?|x)\d{1,6})?$"               # extension: -123, 转123, 分机123
    r"|^[48]00-?\d{3}-?\d{4}$"                            # 400-123-4567
    r"|^1[3-9]\d{9}$",                                    # an office may give a mobile number
    re.IGNORECASE)


def check_office_phone(text: str) -> str | None:
    """A Chinese message when ``text`` is not an office number (area code, number, extension)."""
    compact = unicodedata.normalize("NFKC", text or "").strip().replace("—", "-").replace("－", "-")
    if not compact:
        return None
    compact = re.sub(r"\s*([-转])\s*", r"\1", compact)
    if re.search(r"[^\d\-() 转分机extEXT.]", compact):
        return f"办公电话“{text.strip()}”只能包含数字、“-”和分机号（如 0951-1234567-123 或 0951-1234567转123）"
    if not _OFFICE_RE.match(compact.replace(" ", "-") if compact.count(" ") == 1 else compact.replace(" ", "")):
        return f"办公电话“{text.strip()}”应写成 区号-号码，例如 0951-1234567；分机写成 0951-1234567-123 或 0951-1234567转123"
    return None


EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(text: str) -> str | None:
    """A Chinese message when ``text`` (not empty) does not look like an e-mail address."""
    text = (text or "").strip()
    if text and not EMAIL_RE.match(text):
        return f"邮箱“{text}”格式不对，例如 jyj@example.cn"
    return None


def normalise_mobile(text: str) -> str:
    """Digits only, as stored."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text or ""))


def check_range(start: dt.date | None, end: dt.date | None) -> str | None:
    """A Chinese message when an end date lies before its start date."""
    if start and end and end < start:
        return f"结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}，请检查"
    return None


PHONE_TEXT_RE = re.compile(r"^\+?[\d\-()（）转]{5,}$")
MAX_PHONE_DIGITS = 15  # Excel keeps 15 significant digits; a longer "number" was never typed as one


def phone_from_cell(value: Any) -> tuple[str, str | None]:
    """A phone number read from a workbook cell, and a Chinese problem when it cannot be one.

    A number cell holding 13800000000 is fine; 1e300, a negative number, a
    fraction (13800000000.5) or text like 1.38E+10 is refused with advice.
    """
    advice = "请把该列设为“文本”格式后重新填写号码"
    if value is None or value == "":
        return "", None
    if isinstance(value, bool):
        return "", f"手机号码“{'是' if value else '否'}”不是号码，{advice}"
    if isinstance(value, (int, float)):
        shown = str(value)
        if isinstance(value, float):
            shown = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
        if isinstance(value, float) and not math.isfinite(value):
            return "", f"手机号码“{shown}”不是号码，{advice}"
        if value < 0:
            return "", f"手机号码“{shown}”是负数，请填写正确的号码"
        if isinstance(value, float) and not value.is_integer():
            return "", f"手机号码“{shown}”带有小数（可能被 Excel 显示成了科学计数法），{advice}"
        if value >= 10 ** MAX_PHONE_DIGITS:
            return "", f"手机号码“{shown}”位数过多（可能被 Excel 显示成了科学计数法），{advice}"
        return str(int(value)), None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    if not text:
        return "", None
    if text.startswith("-"):
        return "", f"手机号码“{text}”是负数，请填写正确的号码"
    if not PHONE_TEXT_RE.match(text):
        return "", f"手机号码“{text}”无法识别（可能被 Excel 显示成了科学计数法），{advice}"
    if sum(ch.isdigit() for ch in text) > MAX_PHONE_DIGITS + 5:
        return "", f"手机号码“{text[:24]}…”位数过多，请填写正确的号码"
    return text, None


_DATE_PIECE_RE = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?!\d)(?:\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?|\s*月)?")


def date_problem(text: str) -> str | None:
    """A Chinese message when ``text`` names a date that does not exist (2023年13月, 2023-02-30)."""
    for m in _DATE_PIECE_RE.finditer(unicodedata.normalize("NFKC", text or "")):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            return f"“{m.group(0)}”的月份 {month} 不存在"
        if m.group(3) is not None:
            day = int(m.group(3))
            try:
                dt.date(year, month, day)
            except ValueError:
                return f"“{m.group(0)}”的日期不存在（{year}年{month}月没有{day}日）"
    return None
