"""Follow other clients of a shared (PostgreSQL) database: poll the change counter, refresh what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..core import dialect, errorlog
from .bus import bus

POLL_MS = 5000


class ChangeFollower(QObject):
    """Every few seconds asks which tables the audit log saw change, and announces them (概览 and tables refresh)."""

    def __init__(self, parent: QObject, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.last_id = dialect.change_counter()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(interval_ms)

    def poll(self) -> list[str]:
        """Announce the tables changed since the last poll (by anyone); return them."""
        try:
            self.last_id, tables = dialect.changes_since(self.last_id)
        except Exception as exc:  # noqa: BLE001 - a network blip must not stop the window; try again later
            errorlog.log_exception("读取共享数据库的修改失败", exc)  # notr
            return []
        for table in tables:
            bus.changed.emit(table)
        return tables


def follow_other_clients(window, store) -> ChangeFollower | None:
    """Start following a shared database's changes (nothing for a single SQLite file)."""
    if not getattr(store, "is_server", False):
        return None
    window.change_follower = ChangeFollower(window)
    return window.change_follower
