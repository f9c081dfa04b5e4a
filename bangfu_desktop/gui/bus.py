"""The one place the window hears that records changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RecordBus(QObject):
    """Announces changes so that every tab refreshes what it shows."""

    # Emitted after a committed write; the argument is the table name ("" = anything).
    changed = Signal(str)
    # Emitted after a backup was written; the argument is the backup file path.
    backed_up = Signal(str)
    # Emitted when the stack of deletes that 撤销删除 can undo changed.
    undo_changed = Signal()


bus = RecordBus()
