"""Several databases in one test: three schools from the demo data and one bureau."""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path

from bangfu_desktop.core import database, demo, records
from bangfu_desktop.core.models import ALL_MODELS, Unit

from conftest import DEMO_TODAY

SCHOOLS = ("青松县第一职业中学", "青松县柳河中学", "青松县石桥小学")
MISSING_SCHOOL = "青松县云岭中学"
BUREAU = "青松县教育局"


@contextmanager
def opened(path: Path):
    """Open ``path`` as the one database of the process for the block."""
    store = database.open_database(path, backup_on_open=False)
    try:
        yield store
    finally:
        store.close()


def make_school(path: Path, name: str) -> Path:
    """A school database: the demo data, with 本单位 renamed to ``name``."""
    with opened(path):
        demo.load_demo(today=DEMO_TODAY)
        unit = Unit.live().where(Unit.is_self == True).get()  # noqa: E712
        unit.name = name
        records.save(unit)
    return path


def make_bureau(path: Path, schools=(*SCHOOLS, MISSING_SCHOOL)) -> Path:
    """A bureau database: 本单位 is a 教育局 with its schools as units."""
    with opened(path):
        records.save(Unit(name=BUREAU, kind="教育局", role="主管部门", is_self=True, email="jyj@example.cn"))
        for name in schools:
            records.save(Unit(name=name, kind="学校", role="受援方"))
    return path


def content_digest() -> str:
    """A digest of every row of every table of the open database (its content, not its bytes)."""
    digest = hashlib.sha256()
    conn = database.database.connection()
    for model in ALL_MODELS:
        table = model._meta.table_name
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
            digest.update(repr(row).encode())
    return digest.hexdigest()
