"""Undo of deletes: each delete pushes the records it moved to the recycle bin.

The stack only remembers; the window restores through run_op and core.record_ops.
"""

from __future__ import annotations


_stack: list[list[tuple[str, int]]] = []


def push(trashed: list[tuple[str, int]]) -> None:
    """Remember one delete (a list of (table, id))."""
    if trashed:
        _stack.append(trashed)
        del _stack[:-50]


def can_undo() -> bool:
    """True when a delete can be undone."""
    return bool(_stack)


def take_last() -> list[tuple[str, int]]:
    """Remove and return the last delete (restore it with core.record_ops.restore_many)."""
    return _stack.pop() if _stack else []


def clear() -> None:
    """Forget everything (a different database was opened)."""
    _stack.clear()
