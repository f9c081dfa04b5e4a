"""Core's Excel and PDF functions, imported on first use so the window starts without them.

openpyxl, reportlab and Pillow cost about half a second to import on a slow machine;
the window needs only the names of the ledgers and PDF sections to build its menus.
Each function here imports its core module when it is first called; the names are
kept here once (tests/test_startup_imports.py checks them against core).
"""

from __future__ import annotations
from .i18n import N_

import importlib
from collections.abc import Iterator, Mapping
from typing import Any, Callable

# Ledger kinds and names in menu order: core.excel_ledgers.LEDGERS without its writers.
LEDGER_NAMES = {"pairings": N_("lazy_core", "师徒结对名册"), "rotations": N_("lazy_core", "轮训台账"), "activities": N_("lazy_core", "活动台账"),
                "teachers": N_("lazy_core", "教师名册"), "targets": N_("lazy_core", "指标完成情况"), "observations": N_("lazy_core", "听课记录台账"),
                "guidance": N_("lazy_core", "指导记录台账")}
# core.excel_import_tasks.NEW_PLAN: the plan choice "新建方案" in the import preview.
NEW_PLAN = 0


def lazy(module: str, name: str) -> Callable[..., Any]:
    """A function that imports ``module`` (relative to bangfu_desktop) on first call and calls ``name``."""
    def call(*args, **kwargs):
        return getattr(importlib.import_module(module, "bangfu_desktop"), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call


def _ledger_writer(kind: str) -> Callable[..., Any]:
    def write(*args, **kwargs):
        from ..core.excel_ledgers import LEDGERS as CORE_LEDGERS

        return CORE_LEDGERS[kind][1](*args, **kwargs)

    write.__name__ = f"export_{kind}"
    return write


# kind -> (name, writer), as core.excel_ledgers.LEDGERS.
LEDGERS = {kind: (name, _ledger_writer(kind)) for kind, name in LEDGER_NAMES.items()}


class _LazyMapping(Mapping):
    """A read-only mapping that loads ``module.name`` when first read."""

    def __init__(self, module: str, name: str):
        self._where = (module, name)
        self._data: Mapping | None = None

    def _load(self) -> Mapping:
        if self._data is None:
            self._data = getattr(importlib.import_module(self._where[0], "bangfu_desktop"), self._where[1])
        return self._data

    def __getitem__(self, key):
        return self._load()[key]

    def __iter__(self) -> Iterator:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


# core.pdf's section names and selection (its package imports reportlab).
SECTIONS = _LazyMapping(".core.pdf", "SECTIONS")
ArchiveSelection = lazy(".core.pdf", "ArchiveSelection")
export_archive = lazy(".core.pdf", "export_archive")

# The Excel import and export (core.excel_* import openpyxl).
apply_import = lazy(".core.excel_import", "apply_import")
preview_ledger = lazy(".core.excel_import_ledgers", "preview_ledger")
preview_tasks = lazy(".core.excel_import_tasks", "preview_tasks")
with_plan = lazy(".core.excel_import_tasks", "with_plan")
preview_teachers = lazy(".core.excel_import_teachers", "preview_teachers")
export_tasks = lazy(".core.excel_tasks", "export_tasks")
write_consolidated = lazy(".core.exchange.workbook", "write_consolidated")
