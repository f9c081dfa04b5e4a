"""Typed dates and phone numbers are checked with Chinese messages."""

import datetime as dt

import pytest

from bangfu_desktop.core.validation import check_mobile, check_range, parse_date_text


@pytest.mark.parametrize("text,expected", [
    ("2024-03-01", dt.date(2024, 3, 1)),
    ("2024/3/1", dt.date(2024, 3, 1)),
    ("2024年3月1日", dt.date(2024, 3, 1)),
    ("２０２４－０３－０１", dt.date(2024, 3, 1)),
    ("2024-02-29", dt.date(2024, 2, 29)),
    ("", None),
])
def test_dates_accepted(text, expected):
    """Usual ways of writing a date are understood."""
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text,message", [
    ("2023年13月1日", "月份 13 不存在"),
    ("2023-02-29", "没有29日"),
    ("2023年13月", "缺少日"),
    ("下周一", "不是日期"),
])
def test_bad_dates_have_chinese_messages(text, message):
    """A date that does not exist says why."""
    with pytest.raises(ValueError, match=message):
        parse_date_text(text)


def test_mobile_numbers():
    """11 digits starting 13–19; anything else says what is wrong."""
    assert check_mobile("13800001234") is None
    assert check_mobile("138 0000 1234") is None
    assert check_mobile("") is None
    assert "11 位" in check_mobile("1380000123")
    assert "数字" in check_mobile("1380000123a")
    assert "13–19" in check_mobile("12800001234")


def test_range():
    """End before start is reported; equal dates are fine."""
    assert check_range(dt.date(2024, 3, 2), dt.date(2024, 3, 1))
    assert check_range(dt.date(2024, 3, 1), dt.date(2024, 3, 1)) is None
