"""Benchmark (not a test): the window on 100,000 activities.

    QT_QPA_PLATFORM=offscreen python scripts/benchmark_window.py [N]

Reports the time to fill the database, open the window, show the 活动记录 tab
with every row loaded, sort it, and filter it by a typed word.
"""

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANGFU_CONFIG_DIR", tempfile.mkdtemp())

from PySide6.QtCore import Qt  # noqa: E402

from bangfu_desktop.core import database, demo  # noqa: E402
from bangfu_desktop.core.models import Activity, ActivityParticipant, Teacher  # noqa: E402
from bangfu_desktop.core.vocab import ACTIVITY_TYPES  # noqa: E402


def fill(n: int) -> None:
    """Insert n activities with participants, in batches."""
    rng = random.Random(42)
    teachers = [t.id for t in Teacher.select(Teacher.id)]
    start = dt.date(2020, 9, 1)
    with database.database.atomic():
        for batch in range(0, n, 1000):
            rows = [dict(type=rng.choice(ACTIVITY_TYPES), title=f"第{i}次{rng.choice(('语文', '数学', '英语'))}教研",
                         date=start + dt.timedelta(days=rng.randrange(2200)), place="会议室", host="主讲人",
                         subject="语文", others_count=3, purpose="", content="", outcome="", reflection="",
                         start_time="", end_time="", organiser="", online=False)
                    for i in range(batch, min(batch + 1000, n))]
            Activity.insert_many(rows).execute()
        ids = [a for (a,) in Activity.select(Activity.id).tuples()]
        links = [dict(activity=a, teacher=rng.choice(teachers)) for a in ids for _ in range(3)]
        for k in range(0, len(links), 5000):
            ActivityParticipant.insert_many(links[k:k + 5000]).execute()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    store = database.open_database(path, backup_on_open=False)
    demo.load_demo()
    t0 = time.perf_counter()
    fill(n)
    print(f"fill {Activity.select().count():,} activities: {time.perf_counter() - t0:.2f} s")

    from bangfu_desktop.gui.app import create_app
    from bangfu_desktop.gui.main_window import MainWindow
    from bangfu_desktop.gui.operations import wait_for_jobs

    app = create_app()
    t0 = time.perf_counter()
    window = MainWindow(store)
    window.show()
    tab = window.show_page("activities").activities
    while tab.model.rowCount() < n:
        wait_for_jobs(100)
        app.processEvents()
    print(f"open window and show 活动记录 ({tab.model.rowCount():,} rows): {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    tab.view.sortByColumn(2, Qt.AscendingOrder)
    app.processEvents()
    print(f"sort by 主题: {time.perf_counter() - t0:.3f} s")
    t0 = time.perf_counter()
    tab.search.setText("数学")
    app.processEvents()
    print(f"filter by typed word “数学” ({tab.model.rowCount():,} shown): {time.perf_counter() - t0:.3f} s")
    t0 = time.perf_counter()
    tab.search.clear()
    app.processEvents()
    print(f"clear filter: {time.perf_counter() - t0:.3f} s")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
