"""Undo of deletes: each delete pushes the records it moved to the recycle bin."""

from __future__ import annotations

from ..core import records

_stack: list[list[tuple[str, int]]] = []


def push(trashed: list[tuple[str, int]]) -> None:
    """Remember one delete (a list of (table, id))."""
    if trashed:
        _stack.append(trashed)
        del _stack[:-50]


def can_undo() -> bool:
    """True when a delete can be undone."""
    return bool(_stack)


def undo_last() -> list[tuple[str, int]]:
    """Restore the records of the last delete; return them."""
    if not _stack:
        return []
    trashed = _stack.pop()
    for table, record_id in trashed:
        records.restore(records.load(table, record_id))
    return trashed


def clear() -> None:
    """Forget everything (a different database was opened)."""
    _stack.clear()
