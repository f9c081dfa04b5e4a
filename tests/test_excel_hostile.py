"""Hostile workbooks are refused in bounded memory and time, through the real command line.

Each file is built here from a small valid workbook. Without the guard, openpyxl
grows the merge bomb and the far cell to gigabytes (MemoryError under 300 MB) and
the damaged zips end in tracebacks; with it, every import and ``export tasks
--template`` is refused within 10 s under a 300 MB address-space limit, with a
Chinese message, exit code 1, and the database as it was.
"""

from __future__ import annotations

import hashlib
import os
import resource
import sqlite3
import subprocess
import sys

import pytest

from bangfu_desktop.core import database, demo
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.excel_read import check_xlsx, open_workbook_safely
from conftest import DEMO_TODAY
from excel_helpers import HOSTILE, write_roster, write_template

MEMORY_LIMIT = 300 * 1024 * 1024
TIME_LIMIT = 10

# What each refusal must say (the sheet and what is wrong, or that the file is damaged).
EXPECTED = {
    "merge_bomb": "工作表“Sheet”的合并单元格 J10:XFD3000 超出了",
    "far_cell": "工作表“Sheet”第 20,000 行有内容写在第 16,384 列，超过 300 列的上限",
    "far_dimension": "工作表“Sheet”声明的数据范围 A1:XFD1048576 超过",
    "bit_flipped_deflate": "文件已损坏（压缩数据有误）",
    "missing_part": "文件已损坏（缺少 xl/worksheets/sheet1.xml）",
    "truncated_zip": "文件已损坏或不完整",
}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str) -> subprocess.CompletedProcess:
    """``bangfu`` in a subprocess under 300 MB of address space; a run over 10 s fails the test."""
    env = dict(os.environ, PYTHONUTF8="1")
    return subprocess.run([sys.executable, "-m", "bangfu_desktop.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=TIME_LIMIT,
                          preexec_fn=_limit_memory)


def db_digest(path) -> str:
    """A hash of every row of every table: equal digests mean an unchanged database."""
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A demo database on disk, closed so that the commands can open it."""
    path = tmp_path_factory.mktemp("hostile") / "db.sqlite3"
    store = database.open_database(path)
    demo.load_demo(today=DEMO_TODAY)
    store.close()
    return path


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_file_refused_in_process(tmp_path, kind):
    """The guard itself refuses each file before openpyxl loads it, saying what is wrong."""
    bad = HOSTILE[kind](write_roster(tmp_path / "good.xlsx"), tmp_path / f"{kind}.xlsx")
    with pytest.raises(InvalidInput, match=EXPECTED[kind]):
        check_xlsx(bad)
    with pytest.raises(InvalidInput, match=EXPECTED[kind]):
        open_workbook_safely(bad)


def test_limits_leave_room_for_a_real_import(demo_db, tmp_path):
    """The same limits let a normal import run: they measure the guard, not the interpreter."""
    good = write_roster(tmp_path / "good.xlsx", 200)
    result = run_limited("--db", str(demo_db), "import", "teachers", str(good), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "新增 200 条" in result.stdout
    out = tmp_path / "filled.xlsx"
    template = write_template(tmp_path / "template.xlsx")
    result = run_limited("--db", str(demo_db), "export", "tasks", "--plan", "1", "--template", str(template),
                         "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("command", ["teachers", "tasks", "template"])
def test_hostile_file_refused_by_the_cli(demo_db, tmp_path, kind, command):
    """Imports and ``export tasks --template``: refused within 10 s and 300 MB, exit 1, nothing changed."""
    make_source = write_template if command == "template" else write_roster
    bad = HOSTILE[kind](make_source(tmp_path / "good.xlsx"), tmp_path / f"{kind}.xlsx")
    before = db_digest(demo_db)
    out = tmp_path / "out.xlsx"
    if command == "template":
        args = ("export", "tasks", "--plan", "1", "--template", str(bad), "-o", str(out))
    else:
        args = ("import", command, str(bad))
    result = run_limited("--db", str(demo_db), *args)
    assert result.returncode == 1, result.stderr
    assert EXPECTED[kind] in result.stderr
    assert "Traceback" not in result.stderr
    assert "请" in result.stderr  # says what to do
    assert db_digest(demo_db) == before
    assert not out.exists()
