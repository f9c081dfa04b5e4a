"""Shared fixtures: a real SQLite file in a temp folder, with or without demo data.

The data-layer, rules, targets, Excel and PDF tests (``BOTH_BACKENDS``) run the
``store`` fixtures twice: on an SQLite file and on a fresh PostgreSQL database
(``pg_server``, from ``BANGFU_TEST_PG``; ``.ci/run`` always sets it).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bangfu_desktop.core import database, demo  # noqa: E402

# The demo data is dated relative to "today"; tests pin it.
DEMO_TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Window state of one test never leaks into another, nor into the user's."""
    monkeypatch.setenv("BANGFU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BANGFU_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("BANGFU_DOCUMENTS_DIR", str(tmp_path / "Documents"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file lives."""
    return tmp_path / "data" / "bangfu.sqlite3"


# Test modules whose ``store``/``demo_store`` tests run on both backends.
BOTH_BACKENDS = {
    "test_records", "test_compliance", "test_compliance_records", "test_targets",
    "test_targets_deadlines", "test_targets_one_truth", "test_rotation_stats", "test_guidance",
    "test_excel_export", "test_excel_ledgers", "test_excel_ledgers_records", "test_excel_submission",
    "test_excel_template", "test_excel_import", "test_excel_import_ledgers", "test_excel_pages",
    "test_pdf_documents", "test_pdf_binder", "test_pdf_observation", "test_pdf_pages", "test_pdf_queries",
    "test_report", "test_archive_check", "test_demo_year", "test_calendar_store", "test_exchange_package",
    "test_exchange_rounds", "test_pg_shared", "test_import_bulk_write",
}

# Tests of those modules that look at the SQLite file itself (sqlite3 on the path).
SQLITE_ONLY = {("test_pdf_binder", "test_cli_exports")}


def pytest_generate_tests(metafunc):
    """Run the store fixtures of ``BOTH_BACKENDS`` modules on SQLite and on PostgreSQL."""
    if "backend" not in metafunc.fixturenames:
        return
    module = metafunc.module.__name__.rpartition(".")[2]
    both = module in BOTH_BACKENDS and (module, metafunc.function.__name__) not in SQLITE_ONLY
    names = ["sqlite", "postgresql"] if both else ["sqlite"]
    metafunc.parametrize("backend", names, indirect=True)


@pytest.fixture
def backend(request) -> str:
    """Which store a test runs on: ``sqlite`` (every test) or ``postgresql``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """The test PostgreSQL server (``BANGFU_TEST_PG``), with migrated and demo template databases."""
    from pg_helpers import PgServer

    url = os.environ.get("BANGFU_TEST_PG", "").strip()
    if not url:
        pytest.skip("PostgreSQL tests need BANGFU_TEST_PG=postgresql://… (.ci/run starts a server and sets it)")
    server = PgServer(url, DEMO_TODAY)
    yield server
    server.drop_all()


@pytest.fixture
def pg_url(pg_server, tmp_path) -> str:
    """A fresh migrated PostgreSQL database for one test, dropped afterwards."""
    url = pg_server.new_database("empty")
    yield url
    pg_server.drop(url)


# In a PostgreSQL run, the test's SQLite path given to run_cli stands for its server database.
PG_ALIASES: dict[str, str] = {}


_real_open = database.open_database


def _open_aliased(path, *args, **kwargs):
    """``database.open_database`` where a PostgreSQL run's SQLite path stands for its server database."""
    return _real_open(PG_ALIASES.get(str(path), path), *args, **kwargs)


def _open_pg(pg_server, tmp_path, template: str):
    url = pg_server.new_database(template)
    PG_ALIASES[str(tmp_path / "data" / "bangfu.sqlite3")] = url
    s = database.open_database(url)
    folder = tmp_path / "data" / "shared_attachments"
    folder.mkdir(parents=True, exist_ok=True)
    from bangfu_desktop.core import settings

    settings.put("attachments.dir", str(folder))
    return url, s


@pytest.fixture
def store(db_path: Path, backend, request, monkeypatch):
    """An open, empty, migrated database (an SQLite file, or a PostgreSQL database)."""
    if backend == "postgresql":
        monkeypatch.setattr(database, "open_database", _open_aliased)
        pg_server = request.getfixturevalue("pg_server")
        url, s = _open_pg(pg_server, db_path.parent.parent, "empty")
        yield s
        s.close()
        PG_ALIASES.clear()
        pg_server.drop(url)
        return
    s = database.open_database(db_path)
    yield s
    s.close()


@pytest.fixture
def demo_store(db_path: Path, backend, request, monkeypatch):
    """An open database holding the demo data."""
    if backend == "postgresql":
        monkeypatch.setattr(database, "open_database", _open_aliased)
        pg_server = request.getfixturevalue("pg_server")
        url, s = _open_pg(pg_server, db_path.parent.parent, "demo")
        yield s
        s.close()
        PG_ALIASES.clear()
        pg_server.drop(url)
        return
    s = database.open_database(db_path)
    demo.load_demo(today=DEMO_TODAY)
    yield s
    s.close()


def run_cli(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run ``bangfu`` in a subprocess, as a script or a bureau would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    args = tuple(PG_ALIASES.get(a, a) for a in args)
    return subprocess.run(
        [sys.executable, "-m", "bangfu_desktop.cli", *args],
        capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=timeout,
    )
