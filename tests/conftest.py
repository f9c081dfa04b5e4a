"""Shared fixtures: a real SQLite file in a temp folder, with or without demo data."""

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


@pytest.fixture
def store(db_path: Path):
    """An open, empty, migrated database."""
    s = database.open_database(db_path)
    yield s
    s.close()


@pytest.fixture
def demo_store(store):
    """An open database holding the demo data."""
    demo.load_demo(today=DEMO_TODAY)
    return store


def run_cli(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run ``bangfu`` in a subprocess, as a script or a bureau would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bangfu_desktop.cli", *args],
        capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=timeout,
    )
