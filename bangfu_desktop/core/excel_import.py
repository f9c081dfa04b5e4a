"""What imports share: finding the header row, mapping columns, the preview, the apply step.

An import is two steps. ``preview_*`` reads the file and decides, row by row,
what would be added, updated or skipped (and why), writing nothing. The user
may map a column by hand (``ImportPreview.remap``). ``apply_import`` then
writes everything in one transaction through ``records`` (so the audit log
sees it); any failure or a cancel leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from peewee import Model

from . import records
from .errors import InvalidInput
from .excel_read import Grid, header_key
from .fileio import CancelFn, ProgressFn, check_cancel
from .models import database

HEADER_SCAN_ROWS = 40
BATCH = 500


@dataclass(frozen=True)
class FieldSpec:
    """An importable field: its key, Chinese label and the header words that mean it."""

    key: str
    label: str
    aliases: tuple[str, ...]


def match_field(header: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """The field a header names: exact alias first, then the longest alias it starts with."""
    key = header_key(header)
    if not key:
        return None
    for spec in specs:
        if key in (header_key(a) for a in spec.aliases):
            return spec.key
    best, best_len = None, 0
    for spec in specs:
        for alias in spec.aliases:
            a = header_key(alias)
            if len(a) >= 2 and key.startswith(a) and len(a) > best_len:
                best, best_len = spec.key, len(a)
    return best


def find_header(grid: Grid, specs: tuple[FieldSpec, ...], required: tuple[str, ...]) -> tuple[int, dict[int, str]]:
    """The header row (0-based) and its column → field mapping.

    A row naming a required field wins; failing that, the row naming most fields
    (the user then maps the missing column by hand in the preview).
    """
    best, fallback = (-1, {}), (-1, {})
    for r, row in enumerate(grid.texts[:HEADER_SCAN_ROWS]):
        mapping = auto_mapping(row, specs)
        if any(req in mapping.values() for req in required):
            if len(mapping) > len(best[1]):
                best = (r, mapping)
        elif len(mapping) > len(fallback[1]):
            fallback = (r, mapping)
    if best[0] < 0 or len(best[1]) < 2:
        best = best if best[0] >= 0 and len(best[1]) >= len(fallback[1]) else fallback
    if best[0] < 0 or len(best[1]) < 2:
        wanted = "、".join(s.label for s in specs if s.key in required)
        raise InvalidInput(f"在工作表“{grid.sheet}”的前 {HEADER_SCAN_ROWS} 行中没有找到表头（应含有“{wanted}”等列名）。"
                           "请确认选择了正确的文件和工作表。")
    return best


def auto_mapping(header_row: list[str], specs: tuple[FieldSpec, ...]) -> dict[int, str]:
    """Map each header cell to a field; a field is taken by its first column only."""
    mapping: dict[int, str] = {}
    for c, text in enumerate(header_row):
        key = match_field(text, specs)
        if key and key not in mapping.values():
            mapping[c] = key
    return mapping


@dataclass
class RowPlan:
    """One row's fate: 'add', 'update', 'same' or 'skip', with its record and reasons."""

    row: int  # 1-based row number in the sheet, as the user sees it
    action: str
    summary: str
    record: Model | None = None
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    reason: str = ""
    warnings: list[str] = field(default_factory=list)  # imported as typed, but the user should look


@dataclass
class ImportPreview:
    """What an import would do; nothing is written until ``apply_import``."""

    kind: str  # "tasks" or "teachers"
    path: str
    grid: Grid
    header_row: int  # 0-based
    mapping: dict[int, str]
    specs: tuple[FieldSpec, ...]
    rows: list[RowPlan] = field(default_factory=list)
    extra: list[Model] = field(default_factory=list)  # parents to create first (plan, categories, units)
    notes: list[str] = field(default_factory=list)
    rebuild: Callable[["ImportPreview", dict[int, str]], "ImportPreview"] | None = None
    # Run inside the import's transaction once the records have ids (link tables such as 听课人).
    after_apply: list[Callable[[], None]] = field(default_factory=list)

    @property
    def to_add(self) -> list[RowPlan]:
        """Rows that become new records."""
        return [r for r in self.rows if r.action == "add"]

    @property
    def to_update(self) -> list[RowPlan]:
        """Rows that change an existing record."""
        return [r for r in self.rows if r.action == "update"]

    @property
    def unchanged(self) -> list[RowPlan]:
        """Rows equal to an existing record."""
        return [r for r in self.rows if r.action == "same"]

    @property
    def skipped(self) -> list[RowPlan]:
        """Rows that could not be read, each with its reason."""
        return [r for r in self.rows if r.action == "skip"]

    @property
    def flagged(self) -> list[RowPlan]:
        """Rows that will be imported but carry a warning (a date that does not exist, …)."""
        return [r for r in self.rows if r.warnings and r.action != "skip"]

    @property
    def headers(self) -> list[str]:
        """The texts of the header row (for the mapping editor)."""
        return self.grid.texts[self.header_row]

    def field_labels(self) -> dict[str, str]:
        """Field key → Chinese label (the choices of the mapping editor)."""
        return {s.key: s.label for s in self.specs}

    def remap(self, mapping: dict[int, str]) -> "ImportPreview":
        """A new preview with the user's column → field mapping (fields not listed are unmapped)."""
        known = {s.key for s in self.specs}
        bad = [k for k in mapping.values() if k not in known]
        if bad:
            raise InvalidInput(f"未知的字段：{'、'.join(bad)}")
        return self.rebuild(self, dict(mapping))

    def report(self) -> str:
        """A Chinese text listing what will be added, updated and skipped (the CLI prints it)."""
        lines = [f"文件：{self.path}（工作表“{self.grid.sheet}”，表头在第 {self.header_row + 1} 行）"]
        labels = self.field_labels()
        lines.append("列对应：" + "；".join(f"{self.headers[c] or '第%d列' % (c + 1)}→{labels[k]}"
                                           for c, k in sorted(self.mapping.items())))
        lines += self.notes
        lines.append(f"新增 {len(self.to_add)} 条，更新 {len(self.to_update)} 条，未变 {len(self.unchanged)} 条，"
                     f"跳过 {len(self.skipped)} 行。")
        if self.flagged:
            lines.append(f"其中 {len(self.flagged)} 行需要核对（按原文导入，导入后请修改）：")
            for r in self.flagged:
                lines.append(f"  注意 第{r.row}行：{'；'.join(r.warnings)}")
        for r in self.to_add:
            lines.append(f"  新增 第{r.row}行：{r.summary}")
        for r in self.to_update:
            what = "，".join(f"{labels.get(k, k)}“{old}”→“{new}”" for k, (old, new) in r.changes.items())
            lines.append(f"  更新 第{r.row}行：{r.summary}（{what}）")
        for r in self.skipped:
            lines.append(f"  跳过 第{r.row}行：{r.reason}")
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportResult:
    """What ``apply_import`` wrote."""

    added: int
    updated: int
    skipped: int


def apply_import(preview: ImportPreview, *, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None) -> ImportResult:
    """Write the preview's additions and updates in one transaction (all or nothing)."""
    work = preview.to_add + preview.to_update
    total = len(work) + len(preview.extra)
    done = 0
    with database.atomic():
        for parent in preview.extra:
            check_cancel(cancelled)
            _resolve_relations(parent)
            records.save(parent)
            done += 1
        added, updated = [], []
        for plan in work:
            _resolve_relations(plan.record)
            (added if plan.action == "add" else updated).append(plan.record)
        for start in range(0, len(work), BATCH):
            check_cancel(cancelled)
            if progress:
                progress(done, total)
            # Few statements per batch: a 5,000-row roster is written in a fraction of its reading time.
            records.add_many(added[start:start + BATCH])
            records.update_many(updated[start:start + BATCH])
            done += len(added[start:start + BATCH]) + len(updated[start:start + BATCH])
        for step in preview.after_apply:
            step()
        check_cancel(cancelled)
    records.changes_committed()  # the automatic backup that was due; its failure never fails the import
    if progress:
        progress(total, total)
    return ImportResult(len(preview.to_add), len(preview.to_update), len(preview.skipped))


def _resolve_relations(record: Model) -> None:
    """Point foreign keys at parents that were saved earlier in this transaction."""
    for fk in record._meta.refs:
        parent = record.__rel__.get(fk.name)
        if parent is not None and parent.get_id() is not None:
            record.__data__[fk.name] = parent.get_id()
