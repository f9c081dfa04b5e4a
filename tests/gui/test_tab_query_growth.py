"""The tabs not covered by tests/gui/test_table_paging.py load in queries that do not grow with data.

单位 and 方案 here (one query each however many units or plans); the 概览 page's whole load
is in tests/test_query_growth.py.
"""

from __future__ import annotations

from playhouse.test_utils import count_queries

from bangfu_desktop.core import database
from bangfu_desktop.core.models import Plan, Task, TaskCategory, Unit


def test_units_and_plans_tabs_cost_the_same_queries_for_100_and_2000(tmp_path, qtbot):
    """UnitsTab and PlansTab fetch their rows in the same number of queries for 100 and 2,000 records."""
    from bangfu_desktop.gui.tabs.units_plans import PlansTab, UnitsTab

    counts, sizes = {}, {}
    for n in (100, 2000):
        store = database.open_database(tmp_path / f"{n}.sqlite3", backup_on_open=False)
        try:
            with database.database.atomic():
                Unit.insert_many([dict(name=f"学校{k}", kind="学校") for k in range(n)]).execute()
                Plan.insert_many([dict(title=f"方案{k}") for k in range(n)]).execute()
                plans = [p for (p,) in Plan.select(Plan.id).tuples()]
                TaskCategory.insert_many([dict(plan=p, code="1", name="人才帮带") for p in plans]).execute()
                categories = dict(TaskCategory.select(TaskCategory.plan, TaskCategory.id).tuples())
                Task.insert_many([dict(plan=p, category=categories[p], code="1.1", position=1, measure="举措")
                                  for p in plans]).execute()
            for cls in (UnitsTab, PlansTab):
                tab = cls()
                qtbot.addWidget(tab)
                with count_queries() as counter:
                    rows = tab.fetch_rows()
                counts.setdefault(n, {})[cls.__name__] = counter.count
                sizes.setdefault(n, {})[cls.__name__] = len(rows)
        finally:
            store.close()
    assert counts[100] == counts[2000], counts
    assert sizes[2000] == {"UnitsTab": 2000, "PlansTab": 2000}, sizes
