"""Which plan a 任务清单 belongs to: by its 文号, else by its title, also when worded slightly differently.

A bureau's list is titled "2026年度沿河县中等职业学校“组团式”帮扶重点任务清单" while the
plan reads "沿河县中等职业学校“组团式”帮扶实施方案": both come down to the same words
once years, quotes and the kind of document are left out.
"""

from __future__ import annotations

import re
from typing import Iterable

from .models import Plan

DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号")
_NOISE = re.compile(
    r"^附件\s*\d*\s*[:：]?|\d{4}\s*(?:[-—～~至]\s*\d{4}\s*)?年度?|关于印发|关于|印发|的通知|通知|"
    r"(?:重点)?任务清单|任务分解表|实施方案|工作方案|方案|[“”\"'《》「」『』（）()\s·、，,。:：]")


def normal_doc_number(text: str) -> str:
    """红政办发〔2022〕119号 however its brackets are typed ([2022], （2022）), or '' when none."""
    m = DOC_NUMBER_RE.search(text or "")
    if not m:
        return ""
    prefix = m.group(0)[:m.group(0).index(next(c for c in m.group(0) if c in "〔[［(（【"))]
    return f"{prefix}〔{m.group(1)}〕{int(m.group(2))}号"


def title_core(title: str) -> str:
    """The words that name a programme, without years, quotes and the kind of document."""
    return _NOISE.sub("", title or "")


def match_plan(texts: Iterable[str], plans: Iterable[Plan] | None = None) -> tuple[Plan | None, str]:
    """(plan, how) for the texts above a list's header: how is "文号", "标题", "相近的标题" or ''."""
    texts = [t for t in texts if t]
    plans = list(Plan.live() if plans is None else plans)
    numbers = {normal_doc_number(t) for t in texts} - {""}
    if numbers:
        by_number = [p for p in plans if normal_doc_number(p.doc_number) in numbers]
        if len(by_number) == 1:
            return by_number[0], "文号"
    titles = [t for t in texts if "清单" in t or "方案" in t] or texts[:1]
    for title in titles:
        core = title_core(title)
        if len(core) < 4:
            continue
        same = [p for p in plans if title_core(p.title) == core]
        if len(same) == 1:
            return same[0], "标题"
        near = [p for p in plans if len(title_core(p.title)) >= 4
                and (core in title_core(p.title) or title_core(p.title) in core)]
        if len(near) == 1:
            return near[0], "相近的标题"
    return None, ""
