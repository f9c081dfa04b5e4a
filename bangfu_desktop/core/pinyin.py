"""Pinyin for sorting and searching Chinese names, as a clerk expects (刘 before 周).

Names sort by their syllables with tones, the way a dictionary orders them;
surnames with a special reading (曾 zēng, 单 shàn, 解 xiè) are read as names.
Search matches characters, full pinyin ("zhoujie") and initials ("zj").
"""

from __future__ import annotations

from functools import lru_cache

# Surnames read differently from the word's everyday reading (first character of a name).
SURNAME_READINGS = {
    "曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "查": "zha1", "区": "ou1",
    "盖": "ge3", "乐": "yue4", "覃": "qin2", "翟": "zhai2", "尉": "yu4", "缪": "miao4", "繁": "po2",
    "员": "yun4", "召": "shao4", "祭": "zhai4", "牟": "mu4", "秘": "bi4", "种": "chong2", "折": "she2",
    "句": "gou1", "隗": "wei3", "重": "chong2", "那": "na1", "华": "hua4", "谌": "chen2", "黑": "he4",
    "宁": "ning4", "莘": "shen1", "过": "guo1", "藏": "zang4", "柏": "bai3", "薄": "bo2", "贲": "ben1",
    "能": "nai4", "阚": "kan4", "令狐": "ling2 hu2", "长孙": "zhang3 sun1", "尉迟": "yu4 chi2",
    "万俟": "mo4 qi2", "单于": "chan2 yu2",
}


_SURNAMES_LONGEST_FIRST = sorted(SURNAME_READINGS, key=len, reverse=True)
_converter = None


def _lazy_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text, style=TONE3, neutral_tone_with_five=True)``, its style conversion memoized.

    The conversion of one reading to TONE3 is a pure function of the character and
    its reading, and most of pypinyin's time: remembered, a 5,000-name roster is keyed
    in half the time, with the same result.
    """
    global _converter
    from pypinyin import Style  # its dictionaries cost 0.2 s to import: not at start
    from pypinyin.core import Pinyin

    if _converter is None:
        from pypinyin.converter import UltimateConverter

        class _MemoConverter(UltimateConverter):
            _memo: dict = {}

            def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
                key = (han, orig_pinyin, style, strict)
                if kwargs or key not in self._memo:
                    value = super().convert_style(han, orig_pinyin, style, strict, **kwargs)
                    if kwargs:
                        return value
                    self._memo[key] = value
                return self._memo[key]

        _converter = Pinyin(_MemoConverter(neutral_tone_with_five=True))
    return _converter.lazy_pinyin(text, style=Style.TONE3, errors="default")


@lru_cache(maxsize=65536)
def _syllables_of(text: str, is_name: bool) -> tuple[str, ...]:
    """The readings of ``text``, once per distinct text (``sort_key`` and ``search_keys`` share them)."""
    if is_name:
        for surname in _SURNAMES_LONGEST_FIRST:
            if text.startswith(surname):
                return tuple(SURNAME_READINGS[surname].split()) + _syllables_of(text[len(surname):], False)
    return tuple(_lazy_pinyin(text))


def _syllables(text: str, is_name: bool) -> list[str]:
    return list(_syllables_of(text, is_name))


@lru_cache(maxsize=65536)
def sort_key(text: str, is_name: bool = False) -> tuple:
    """A key that orders Chinese text by pinyin (with tones), then by the characters."""
    text = text or ""
    return (tuple(s.lower() for s in _syllables(text, is_name)), text)


@lru_cache(maxsize=65536)
def search_keys(text: str, is_name: bool = False) -> tuple[str, str]:
    """(full pinyin, initials) without tones or spaces: 周杰 → ("zhoujie", "zj")."""
    plain = ["".join(c for c in s if not c.isdigit()).lower() for s in _syllables(text or "", is_name)]
    plain = [s for s in plain if s.strip()]
    return "".join(plain), "".join(s[0] for s in plain if s[0].isalnum())


def matches(query: str, text: str, is_name: bool = False) -> bool:
    """True when ``text`` contains ``query`` as characters, as full pinyin or as initials."""
    query = (query or "").strip().lower()
    if not query:
        return True
    if query in (text or "").lower():
        return True
    if not query.isascii():
        return False
    full, initials = search_keys(text or "", is_name)
    compact = query.replace(" ", "").replace("'", "")
    return compact in full or compact in initials
