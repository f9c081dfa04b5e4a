"""Read files shipped under ``resources/`` and ``db/`` (installed, editable or frozen).

Installed, the two folders are the packages ``bangfu_desktop._resources`` and
``bangfu_desktop._db``; a frozen build carries them as data beside this module.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def _root(package: str, checkout_folder: str) -> Traversable:
    try:
        return resources.files(f"bangfu_desktop.{package}")
    except ModuleNotFoundError:
        here = Path(__file__).resolve().parent
        for candidate in (here / package, here.parent / checkout_folder):
            if candidate.is_dir():
                return candidate
        raise


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``."""
    node = _root("_resources", "resources")
    for part in parts:
        node = node / part
    return node


def db_file(*parts: str) -> Traversable:
    """A file or folder under ``db/`` (migrations, demo data)."""
    node = _root("_db", "db")
    for part in parts:
        node = node / part
    return node


def read_text(node: Traversable) -> str:
    """The UTF-8 text of a shipped file."""
    return node.read_text(encoding="utf-8")
