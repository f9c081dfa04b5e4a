"""Database files told apart truthfully: odd names, hot journals, locks, restore, leftovers, empty files.

Each test drives the real ``bangfu`` command in a subprocess on real SQLite files.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import run_cli

from bangfu_desktop.core import database

needs_posix = pytest.mark.skipif(os.name == "nt", reason="SIGKILL/SIGINT are POSIX")


def counts(output: str) -> dict[str, int]:
    return {k: int(v) for k, v in (line.split(": ") for line in output.strip().splitlines())}


def no_traceback(result) -> bool:
    return "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["ledger#2024.sqlite3", "what?.sqlite3", "a%20b.sqlite3", "台账 2024 (副本).sqlite3"])
def test_any_file_name_works(tmp_path, name):
    """#, ?, % and spaces: the file of exactly that name is made, read and checked; nothing else appears."""
    db = tmp_path / name
    assert run_cli("--db", str(db), "demo").returncode == 0
    stats = run_cli("--db", str(db), "stats")
    assert stats.returncode == 0, stats.stderr
    assert counts(stats.stdout)["teachers"] > 0  # not "empty"
    check = run_cli("--db", str(db), "check")
    assert check.returncode == 0 and "完好" in check.stdout, check.stdout + check.stderr  # not "damaged"
    stem = db.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name, name + ".lock", f"{stem}_backups"] + [n for n in (name + "-wal", name + "-shm")
                                                     if (tmp_path / n).exists()])


def test_newer_schema_with_hash_in_name_is_refused_and_creates_nothing(tmp_path):
    """new#1.sqlite3 written by a newer version: refused by every command, byte for byte, no file 'new'."""
    db = tmp_path / "new#1.sqlite3"
    assert run_cli("--db", str(db), "init").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    for command in (["stats"], ["check"], ["demo"], ["backup", "-o", str(tmp_path / "b.sqlite3")]):
        result = run_cli("--db", str(db), *command)
        assert result.returncode == 1, command
        assert "更新版本" in result.stdout + result.stderr and no_traceback(result), command
    assert db.read_bytes() == before
    assert not (tmp_path / "new").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def _delete_mode_demo(db):
    """A demo database switched to DELETE journal mode; returns its counts."""
    assert run_cli("--db", str(db), "demo").returncode == 0
    before = counts(run_cli("--db", str(db), "stats").stdout)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"  # as a restored backup is
    conn.close()
    return before


KILLED_WRITER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 5")  # spill changed pages into the main file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE teacher SET notes = hex(randomblob(400))")
conn.execute("DELETE FROM activity")
print("written", flush=True)
time.sleep(60)
"""


@needs_posix
def test_hot_journal_is_rolled_back_not_called_damaged(tmp_path):
    """A writer killed mid-transaction in DELETE mode leaves -journal; every command rolls it back and works."""
    db = tmp_path / "台账#1.sqlite3"
    before = _delete_mode_demo(db)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "written"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    journal = db.with_name(db.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    check = run_cli("--db", str(db), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "损坏" not in check.stdout + check.stderr
    assert counts(run_cli("--db", str(db), "stats").stdout) == before
    assert not journal.exists() or journal.stat().st_size == 0


HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def held_lock(tmp_path):
    """A demo database whose write lock another process holds (BEGIN IMMEDIATE)."""
    db = tmp_path / "held.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    yield db
    proc.kill()
    proc.wait()


def test_held_write_lock_is_a_message_within_a_bounded_time(held_lock, tmp_path):
    """Writing commands wait the bounded time, then say another program holds the database; reads work."""
    good = tmp_path / "good.sqlite3"
    assert run_cli("--db", str(held_lock), "backup", "-o", str(good)).returncode == 0  # reading works
    for command in (["demo"], ["restore", str(good)]):
        start = time.monotonic()
        result = run_cli("--db", str(held_lock), *command, env={"BANGFU_LOCK_WAIT": "2"}, timeout=60)
        took = time.monotonic() - start
        assert result.returncode == 1, (command, result.stderr)
        assert "另一个程序占用" in result.stderr and no_traceback(result), result.stderr
        assert took < 20, (command, took)


@needs_posix
def test_lock_wait_is_cancelled_by_ctrl_c(held_lock):
    """Ctrl-C during the wait for the lock stops the command at once (exit 130)."""
    env = dict(os.environ, BANGFU_LOCK_WAIT="60")
    proc = subprocess.Popen([sys.executable, "-m", "bangfu_desktop.cli", "--db", str(held_lock), "demo"],
                            stderr=subprocess.PIPE, text=True, env=env)
    assert "正在等待" in proc.stderr.readline()
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 130
    assert time.monotonic() - start < 5
    assert "已取消" in proc.stderr.read()


def test_restore_over_a_damaged_file(tmp_path):
    """restore is what a damaged file needs: it works, and keeps the damaged file renamed beside it."""
    db = tmp_path / "坏#.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    good = tmp_path / "good.sqlite3"
    assert run_cli("--db", str(db), "backup", "-o", str(good)).returncode == 0
    expected = counts(run_cli("--db", str(db), "stats").stdout)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    assert run_cli("--db", str(db), "stats").returncode == 1
    result = run_cli("--db", str(db), "restore", str(good))
    assert result.returncode == 0, result.stderr
    assert "损坏" in result.stdout
    after = counts(run_cli("--db", str(db), "stats").stdout)
    assert after["teachers"] == expected["teachers"] and after["activities"] == expected["activities"]
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].stat().st_size == len(data) // 2
    assert run_cli("--db", str(db), "check").returncode == 0


def test_refused_restore_creates_nothing(tmp_path):
    """A mistyped --db folder or a bad backup: exit 1, and no folder, no file appears."""
    good = tmp_path / "good.sqlite3"
    assert run_cli("--db", str(tmp_path / "src.sqlite3"), "demo").returncode == 0
    assert run_cli("--db", str(tmp_path / "src.sqlite3"), "backup", "-o", str(good)).returncode == 0
    listing = sorted(p.name for p in tmp_path.iterdir())
    mistyped = tmp_path / "no-such-folder" / "db.sqlite3"
    result = run_cli("--db", str(mistyped), "restore", str(good))
    assert result.returncode == 1 and "不存在" in result.stderr and no_traceback(result)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    listing.append("bad.sqlite3")
    result = run_cli("--db", str(tmp_path / "x.sqlite3"), "restore", str(bad))
    assert result.returncode == 1 and no_traceback(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(listing)


def test_backup_with_page_size_1024_restores(tmp_path):
    """A backup written with 1024-byte pages restores into a database with 4096-byte pages."""
    db = tmp_path / "db.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    small = tmp_path / "small-pages.sqlite3"
    assert run_cli("--db", str(db), "backup", "-o", str(small)).returncode == 0
    conn = sqlite3.connect(small)
    conn.execute("UPDATE teacher SET name = '页大小' WHERE id = 1")
    conn.commit()
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 1024
    conn.close()
    result = run_cli("--db", str(db), "restore", str(small))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM teacher WHERE id = 1").fetchone()[0] == "页大小"
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
    conn.close()


def test_part_leftovers_of_killed_backups_are_removed(tmp_path):
    """.part files whose writer is gone are removed by the next backup; live ones and others' files stay."""
    db = tmp_path / "db.sqlite3"
    assert run_cli("--db", str(db), "init").returncode == 0
    folder = tmp_path / "db_backups"
    folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = folder / f"bangfu-20260101-000000.sqlite3.{dead.stdout.strip()}.part"
    legacy = folder / "bangfu-20250101-000000.sqlite3.part"
    live = folder / f"bangfu-20260101-000001.sqlite3.{os.getpid()}.part"
    foreign = folder / "film.mp4.part"
    for part in (killed, legacy, live, foreign):
        part.write_bytes(b"\x00" * 4096)
    old = time.time() - 3600
    os.utime(legacy, (old, old))
    os.utime(foreign, (old, old))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out_killed = out_dir / f"copy.sqlite3.{dead.stdout.strip()}.part"
    out_killed.write_bytes(b"x")
    assert run_cli("--db", str(db), "backup").returncode == 0
    assert run_cli("--db", str(db), "backup", "-o", str(out_dir / "copy.sqlite3")).returncode == 0
    assert not killed.exists() and not legacy.exists() and not out_killed.exists()
    assert live.exists() and foreign.exists()


@pytest.mark.parametrize("command", [["stats"], ["backup", "-o", "OUT"], ["export", "teachers", "-o", "OUT"],
                                     ["export", "tasks", "-o", "OUT"]])
def test_zero_byte_file_is_not_turned_into_a_database(tmp_path, command):
    """Only init makes a database of an empty file: stats, backup and export refuse and leave it empty."""
    db = tmp_path / "empty.sqlite3"
    db.write_bytes(b"")
    out = tmp_path / "out.file"
    result = run_cli("--db", str(db), *[str(out) if c == "OUT" else c for c in command])
    assert result.returncode == 1 and "空文件" in result.stderr and no_traceback(result), result.stderr
    assert db.stat().st_size == 0 and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]
    assert run_cli("--db", str(db), "init").returncode == 0
    assert db.stat().st_size > 0


def test_missing_file_is_not_created_by_reading_commands(tmp_path):
    """stats on a mistyped path says 找不到 and creates nothing."""
    result = run_cli("--db", str(tmp_path / "sub" / "typo.sqlite3"), "stats")
    assert result.returncode == 1 and "找不到" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_folder_and_path_under_a_file_are_messages(tmp_path):
    """--db naming a folder, or a path under a file: a Chinese message, exit 1."""
    result = run_cli("--db", str(tmp_path), "stats")
    assert result.returncode == 1 and "文件夹" in result.stderr and no_traceback(result)
    blocker = tmp_path / "a.txt"
    blocker.write_text("x")
    result = run_cli("--db", str(blocker / "db.sqlite3"), "init")
    assert result.returncode == 1 and "是一个文件" in result.stderr and no_traceback(result)


def test_quick_check_only_after_an_unclean_shutdown(db_path):
    """A clean close leaves an empty lock file (no quick_check next time); a crash leaves it full."""
    database.open_database(db_path).close()
    lock_file = db_path.with_name(db_path.name + ".lock")
    assert lock_file.stat().st_size == 0
    proc = subprocess.Popen([sys.executable, "-c", "import sys, time\n"
                             "from bangfu_desktop.core import database\n"
                             "database.open_database(sys.argv[1], backup_on_open=False)\n"
                             "print('open', flush=True); time.sleep(60)", str(db_path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    proc.kill()
    proc.wait()
    assert lock_file.stat().st_size > 0
    store = database.open_database(db_path)
    assert store.lock.previous_unclean
    store.close()
    store = database.open_database(db_path)
    assert not store.lock.previous_unclean
    store.close()
