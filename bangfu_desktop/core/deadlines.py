"""Understanding 完成时限 texts and 责任单位 lists as the plans write them.

The raw text is always kept; parsing only adds what could be understood. Text
that cannot be understood yields no due date, never an exception. Semester deadlines
("2024年春季学期") end where the school calendar says the semester ends; yearly ones
("每年12月5日前") have a next date that moves with today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .terms import SchoolCalendar

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
    yearly: tuple[int, int] | None = None  # (month, day) recurring every year; day 0 = month end
    meaning: str = ""  # what the date stands for, e.g. "2024年春季学期末"

    def next_due(self, today: dt.date | None = None) -> dt.date | None:
        """The date that is due next: a yearly deadline's next occurrence, else ``due``."""
        if self.yearly is None:
            return self.due
        today = today or dt.date.today()
        month, day = self.yearly
        for year in (today.year, today.year + 1):
            date = (_safe_date(year, month, day) or _month_end(year, month)) if day else _month_end(year, month)
            if date and date >= today:
                return date
        return None

    def explain(self, today: dt.date | None = None) -> str:
        """How the text was understood, in full Chinese (shown beside the field)."""
        if not self.raw.strip():
            return "未填写完成时限"
        if self.yearly is not None:
            month, day = self.yearly
            when = f"每年 {month} 月 {day} 日前" if day else f"每年 {month} 月底前"
            nxt = self.next_due(today)
            return f"{when}（下一次：{nxt:%Y-%m-%d}）" if nxt else when
        parts = []
        if self.start_year is not None:
            parts.append(f"自 {self.start_year} 年起")
        if self.due:
            parts.append(f"截止 {self.due:%Y-%m-%d}" + (f"（{self.meaning}）" if self.meaning else ""))
        if self.ongoing:
            parts.append("并长期坚持" if parts else "长期坚持，无固定截止日期")
        if not parts:
            return "无法识别截止日期，已按原文保存"
        return "，".join(parts)


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CN_NUMBER_RE = re.compile(r"([〇零一二三四五六七八九两十]+)(?=\s*[年月日号])")


def _cn_number(text: str) -> str:
    """'二〇二三' → '2023', '十二' → '12', '二十五' → '25' (digits read one by one without 十)."""
    if "十" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return str(value)


def normalise(text: str) -> str:
    """Full-width digits and Chinese numerals before 年/月/日 to ASCII; blanks to one space."""
    text = unicodedata.normalize("NFKC", text or "")
    try:
        text = _CN_NUMBER_RE.sub(lambda m: _cn_number(m.group(1)), text)
    except KeyError:
        pass  # an odd numeral such as 十十: leave the text as written
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


_YEARLY_RE = re.compile(r"每年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|底|末)")
_SEMESTER_RE = re.compile(
    r"((?:19|20)\d{2})\s*年?\s*(?:-\s*((?:19|20)\d{2})\s*学年\s*)?"
    r"(春季学期|秋季学期|春季|秋季|第一学期|第二学期|上学期|下学期)")
_HALF_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(上半年|下半年|第\s*([1-4一二三四])\s*季度)")


def _special(text: str, cal: SchoolCalendar) -> tuple[dt.date, str] | None:
    """Semesters, half-years and quarters that name a period rather than a date."""
    m = _SEMESTER_RE.search(text)
    if m:
        year, word = int(m.group(1)), m.group(3)
        if m.group(2):  # "2023-2024学年第一学期": the 学年 names the year
            number = 1 if word in ("第一学期", "上学期", "秋季", "秋季学期") else 2
            school_year = year
            meaning = f"{year}-{year + 1}学年第{'一' if number == 1 else '二'}学期末"
        elif word.startswith("春") or word in ("第二学期", "下学期"):
            number, school_year, meaning = 2, year - 1, f"{year}年春季学期末"
        else:
            number, school_year, meaning = 1, year, f"{year}年秋季学期末"
        return cal.semester(school_year, number).end, meaning
    m = _HALF_RE.search(text)
    if m:
        year = int(m.group(1))
        if m.group(2) == "上半年":
            return dt.date(year, 6, 30), f"{year}年上半年末"
        if m.group(2) == "下半年":
            return dt.date(year, 12, 31), f"{year}年下半年末"
        quarter = int(m.group(3)) if m.group(3).isdigit() else "一二三四".index(m.group(3)) + 1
        return _month_end(year, quarter * 3), f"{year}年第{quarter}季度末"
    return None


def parse_deadline(raw: str | None, calendar: SchoolCalendar | None = None) -> Deadline:
    """Parse a 完成时限 text such as "2023-2025 年 12 月底" or "2023年12月底前，并长期坚持".

    ``calendar`` says where semesters end (the defaults when not given).
    """
    raw = raw or ""
    text = normalise(raw)
    ongoing = any(word in text for word in ONGOING_WORDS)
    if not text:
        return Deadline(raw)
    yearly = _YEARLY_RE.search(text)
    if yearly and not re.search(r"(?:19|20)\d{2}", text):
        month = int(yearly.group(1))
        day = int(yearly.group(2)) if yearly.group(2) else 0
        if _safe_date(2024, month, day or 1):  # 2024 is a leap year: 02-29 is a real yearly day
            return Deadline(raw, None, None, True, (month, day))
    special = _special(text, calendar or SchoolCalendar())
    if special is not None:
        return Deadline(raw, special[0], None, ongoing, None, special[1])
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
# How the name of a school, office or company ends; a line break after one separates.
_UNIT_ENDINGS = "(?:" + "|".join((
    "学校", "中学", "小学", "学院", "大学", "幼儿园", "中心", "局", "办", "室", "科", "处", "委",
    "院", "馆", "部", "会", "组", "所", "站", "队", "厅", "司", "公司", "集团", "政府", "园",
)) + ")"


def split_units(raw: str | None) -> list[str]:
    """Split a 责任单位/配合部门 text into unit names, in order, without repeats.

    A line break separates like 、 does ("沿河县第二中学⏎铜仁市第一中学" is two units),
    unless the part before it cannot be a whole unit name ("沿河土家族自治县⏎中等职业学校"
    is one name wrapped by hand).
    """
    text = unicodedata.normalize("NFKC", raw or "")
    text = re.sub(r"[ \t]*(\r\n|\r|\n|\x0b)\s*", "\n", text.strip())
    text = re.sub(_UNIT_ENDINGS + r"\n", lambda m: m.group(0)[:-1] + "、", text).replace("\n", "")
    names = []
    for part in re.split(_UNIT_SEPARATORS, text):
        name = part.strip().strip("。.")
        if name and name not in names:
            names.append(name)
    return names
