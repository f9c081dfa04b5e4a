"""The rules of units and 设置 live in core (core.units, core.settings_checks): saves refuse by field."""

from __future__ import annotations

import pytest

from bangfu_desktop.core import record_ops, records, settings
from bangfu_desktop.core.errors import FieldErrors
from bangfu_desktop.core.models import Unit
from bangfu_desktop.core.settings_checks import settings_problems
from bangfu_desktop.core.units import unit_problems


def test_unit_name_is_required_and_unique(store):
    """A second unit of the same name (spaces aside) is refused; renaming a unit to its own name is not."""
    first = record_ops.save_unit(None, {"name": "沿河县第二中学", "kind": "学校"})
    with pytest.raises(FieldErrors) as refused:
        record_ops.save_unit(None, {"name": " 沿河县第二中学 ", "kind": "学校"})
    assert refused.value.fields == {"name": "已有名为“沿河县第二中学”的单位，请换一个名称或在单位列表中选用它"}
    assert Unit.select().count() == 1
    assert record_ops.save_unit(first.id, {"name": "沿河县第二中学", "notes": "改备注"}).notes == "改备注"
    assert unit_problems({"name": ""}) == {"name": "请填写单位名称"}
    records.trash(first)
    assert unit_problems({"name": "沿河县第二中学"}) == {}  # a unit in the recycle bin frees its name


def test_unit_phones_and_email_are_checked_by_field(store):
    """Mobile, 办公电话 and e-mail are refused by field, with nothing written."""
    with pytest.raises(FieldErrors) as refused:
        record_ops.save_unit(None, {"name": "某校", "mobile": "1390000", "office_phone": "abc", "email": "x@"})
    assert set(refused.value.fields) == {"mobile", "office_phone", "email"}
    assert "11 位" in refused.value.fields["mobile"] and "0951-1234567" in refused.value.fields["office_phone"]
    assert "；" in str(refused.value)  # the command line shows them all in one message
    assert Unit.select().count() == 0
    unit = record_ops.save_unit(None, {"name": "某校", "mobile": "13900001234", "office_phone": "0951-1234567-123"})
    assert unit.office_phone == "0951-1234567-123"


def test_settings_refused_by_key_and_nothing_stored(store):
    """设置: an empty 本单位 name, a bad port, security word, criteria and addresses are refused by key."""
    options = {"bureau.email": "jyj", "smtp.port": "70000", "smtp.security": "tls", "smtp.sender": "a@b",
               "observation.criteria": "教学目标 十分", "backup.keep": 5}
    problems = settings_problems(None, {"name": " ", "mobile": "12345"}, options)
    assert set(problems) == {"unit.name", "unit.mobile", "bureau.email", "smtp.port", "smtp.security",
                             "smtp.sender", "observation.criteria"}
    assert problems["unit.name"] == "请填写本单位名称"
    with pytest.raises(FieldErrors):
        record_ops.save_settings(None, {"name": " "}, options)
    assert Unit.select().count() == 0 and settings.get("backup.keep") == 10


def test_settings_saved_normalised(store):
    """A valid 设置 is stored: the mobile as digits, the port a number (465 when empty), ssl by default."""
    other = records.save(Unit(name="旧本单位", is_self=True))
    unit = record_ops.save_settings(None, {"name": "沿河县第二中学", "mobile": "139 0000 1234"},
                                    {"smtp.port": "", "smtp.security": "STARTTLS", "observation.criteria": " "})
    assert (unit.mobile, unit.is_self) == ("13900001234", True)
    assert (settings.get("smtp.port"), settings.get("smtp.security"), settings.get("observation.criteria")) == \
        (465, "starttls", "无")
    assert not Unit.get_by_id(other.id).is_self
    with pytest.raises(FieldErrors) as refused:  # a new 本单位 may not take an existing unit's name
        record_ops.save_settings(None, {"name": "旧本单位"}, {})
    assert "unit.name" in refused.value.fields
