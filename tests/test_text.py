"""Control characters pasted from Word never reach a workbook or the database."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from bangfu_desktop.core.text import clean_text, clean_value


def test_line_break_controls_become_newlines():
    """Word's vertical tab, form feed and CR/CRLF read as line breaks."""
    assert clean_text("甲\x0b乙\x0c丙\r\n丁\r戊") == "甲\n乙\n丙\n丁\n戊"


def test_other_controls_are_removed_tab_and_newline_kept():
    """Bell, NUL, SOH, ESC and DEL vanish; tab and newline stay."""
    assert clean_text("a\x07b\x00c\x01d\x1be\x7ff\tg\nh") == "abcdef\tg\nh"


def test_no_character_openpyxl_refuses_survives():
    """Every C0 control character is either cleaned or one openpyxl accepts."""
    text = "".join(chr(c) for c in range(32)) + "文字"
    assert not ILLEGAL_CHARACTERS_RE.search(clean_text(text))
    assert clean_text(text).endswith("文字")


def test_non_text_passes_unchanged():
    """Numbers, dates and None are not touched."""
    assert clean_value(5) == 5 and clean_value(None) is None and clean_value("") == ""
