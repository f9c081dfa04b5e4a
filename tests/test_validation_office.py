"""办公电话: area code, number and extension are accepted in the usual ways; anything else is explained."""

import pytest

from bangfu_desktop.core.validation import check_office_phone


@pytest.mark.parametrize("text", [
    "", "0951-1234567", "0951-1234567-123", "0951-1234567转123", "0856 8221234", "(0951)1234567",
    "010-12345678", "12345678", "400-123-4567", "０９５１－１２３４５６７", "0951-1234567 转 8", "13912345678",
    "0951-1234567分机12",
])
def test_office_numbers_accepted(text):
    """Numbers as offices write them pass."""
    assert check_office_phone(text) is None


@pytest.mark.parametrize("text,message", [
    ("abc", "只能包含数字"),
    ("0951-12", "应写成 区号-号码"),
    ("0951-1234567-", "应写成 区号-号码"),
    ("电话0951-1234567", "只能包含数字"),
    ("0951--1234567", "应写成 区号-号码"),
])
def test_bad_office_numbers_explained(text, message):
    """A wrong number says what the right form looks like."""
    problem = check_office_phone(text)
    assert problem is not None and message in problem and "0951-1234567" in problem
