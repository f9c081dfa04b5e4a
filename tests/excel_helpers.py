"""Helpers shared by the Excel tests (not fixtures of conftest: owned by these tests)."""

from __future__ import annotations

from bangfu_desktop.core.models import ALL_MODELS, AuditLog, database


def content_snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, ordered: equal snapshots mean an unchanged database."""
    snapshot = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        cursor = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1')
        snapshot[table] = [tuple(row) for row in cursor.fetchall()]
    return snapshot


def audit_count() -> int:
    """Entries in the audit log."""
    return AuditLog.select().count()
