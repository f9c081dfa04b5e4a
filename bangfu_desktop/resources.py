"""Read files shipped under ``resources/`` and ``db/`` (installed, editable or frozen)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``."""
    node = resources.files("bangfu_desktop._resources")
    for part in parts:
        node = node / part
    return node


def db_file(*parts: str) -> Traversable:
    """A file or folder under ``db/`` (migrations, demo data)."""
    node = resources.files("bangfu_desktop._db")
    for part in parts:
        node = node / part
    return node


def read_text(node: Traversable) -> str:
    """The UTF-8 text of a shipped file."""
    return node.read_text(encoding="utf-8")
