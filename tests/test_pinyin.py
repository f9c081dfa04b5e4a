"""Chinese names sort and search by pinyin, as a clerk expects."""

import pytest

from bangfu_desktop.core.pinyin import matches, search_keys, sort_key


def test_names_sort_by_pinyin_not_code_point():
    """刘芳, 吴静, 周杰 … come in dictionary order, not by Unicode code point."""
    names = ["周杰", "刘芳", "吴静", "陈静", "王芳", "张伟", "安然"]
    assert sorted(names) != sorted(names, key=lambda n: sort_key(n, True))  # code point order differs
    assert sorted(names, key=lambda n: sort_key(n, True)) == ["安然", "陈静", "刘芳", "王芳", "吴静", "张伟", "周杰"]


@pytest.mark.parametrize("surname,reading,everyday", [("曾", "zeng", "ceng"), ("单", "shan", "dan"), ("解", "xie", "jie")])
def test_polyphonic_surnames_read_as_names(surname, reading, everyday):
    """曾, 单, 解 as the first character of a name take their surname reading."""
    assert search_keys(surname + "丽", True)[0] == reading + "li"
    assert search_keys(surname, False)[0] == everyday


def test_surnames_sort_by_their_name_reading():
    """曾丽 (zēng) sorts before 张 (zhāng) and 单伟 (shàn) before 沈 (shěn), not under c and d."""
    names = ["张伟", "曾丽", "沈阳", "单伟", "蔡明"]
    assert sorted(names, key=lambda n: sort_key(n, True)) == ["蔡明", "单伟", "沈阳", "曾丽", "张伟"]


@pytest.mark.parametrize("query,found", [("zj", True), ("zhoujie", True), ("ZHOU", True), ("周", True),
                                          ("jie", True), ("zhou jie", True), ("wj", False), ("王", False)])
def test_search_by_initials_full_pinyin_or_characters(query, found):
    """zj and zhoujie find 周杰, as do its characters; other names' initials do not."""
    assert matches(query, "周杰", True) is found
