"""Per-teacher lesson counts for a period: lessons observed (as 听课人) and lessons taught and observed."""

from __future__ import annotations

from .models import database
from .terms import Period

# One aggregate over both roles: a UNION of (teacher, observed, taught) rows, summed per teacher.
COUNTS_SQL = """
SELECT teacher_id, sum(observed), sum(taught) FROM (
    SELECT oo.teacher_id AS teacher_id, count(DISTINCT o.id) AS observed, 0 AS taught
    FROM observation_observer oo JOIN observation o ON o.id = oo.observation_id
    WHERE o.deleted_at IS NULL AND o.date BETWEEN ? AND ?
    GROUP BY oo.teacher_id
    UNION ALL
    SELECT o.teacher_id, 0, count(*) FROM observation o
    WHERE o.deleted_at IS NULL AND o.teacher_id IS NOT NULL AND o.date BETWEEN ? AND ?
    GROUP BY o.teacher_id
) GROUP BY teacher_id
"""


def lesson_counts(period: Period) -> dict[int, tuple[int, int]]:
    """Teacher id → (听课节数 as 听课人, 授课被听节数) in ``period``; teachers with neither are absent."""
    start, end = period.start.isoformat(), period.end.isoformat()
    rows = database.execute_sql(COUNTS_SQL, (start, end, start, end)).fetchall()
    return {tid: (int(observed), int(taught)) for tid, observed, taught in rows}
