"""Small shared look-ups used by the window, the writers and the command line."""

from __future__ import annotations

from .models import Unit


def self_unit() -> Unit | None:
    """本单位: the unit whose details fill the header of every form."""
    return Unit.live().where(Unit.is_self == True).first()  # noqa: E712 - peewee expression


def self_unit_name() -> str:
    """本单位's name, or an empty string before it is set."""
    unit = self_unit()
    return unit.name if unit else ""
