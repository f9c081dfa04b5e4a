"""The bangfu command line through a subprocess, as bureau scripts use it."""

import sqlite3

from conftest import run_cli

from bangfu_desktop import __version__


def counts(output: str) -> dict[str, int]:
    return {k: int(v) for k, v in (line.split(": ") for line in output.strip().splitlines())}


def test_version():
    """--version prints the version and exits 0."""
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_twice_changes_no_count(db_path):
    """demo fills every record type; a second run adds nothing."""
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    first = run_cli("--db", str(db_path), "stats")
    assert first.returncode == 0
    stats = counts(first.stdout)
    for name in ("tasks", "teachers", "pairings", "rotations", "activities", "rules", "targets"):
        assert stats[name] > 0, name
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    assert counts(run_cli("--db", str(db_path), "stats").stdout) == stats


def test_env_variable_names_the_database(db_path):
    """BANGFU_DB is used when --db is absent."""
    assert run_cli("init", env={"BANGFU_DB": str(db_path)}).returncode == 0
    assert db_path.exists()


def test_check_healthy_and_cut_in_half(db_path, tmp_path):
    """check exits 0 on a good file; on a copy cut to half its size exits 1 with Chinese and no traceback."""
    run_cli("--db", str(db_path), "demo")
    ok = run_cli("--db", str(db_path), "check")
    assert ok.returncode == 0, ok.stderr
    data = db_path.read_bytes()
    cut = tmp_path / "half.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    bad = run_cli("--db", str(cut), "check")
    assert bad.returncode == 1
    assert "损坏" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_backup_and_restore_commands(db_path, tmp_path):
    """backup -o writes a checked copy; restore puts it back after the current file is backed up."""
    run_cli("--db", str(db_path), "demo")
    out = tmp_path / "copy.sqlite3"
    assert run_cli("--db", str(db_path), "backup", "-o", str(out)).returncode == 0
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] > 0
    conn.close()
    other = tmp_path / "other.sqlite3"
    run_cli("--db", str(other), "init")
    restored = run_cli("--db", str(other), "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    assert counts(run_cli("--db", str(other), "stats").stdout)["activities"] > 0


def test_user_error_is_chinese_exit_1(tmp_path):
    """Restoring from a missing file: Chinese message, exit 1, no traceback."""
    result = run_cli("--db", str(tmp_path / "x.sqlite3"), "restore", str(tmp_path / "nope.sqlite3"))
    assert result.returncode == 1
    assert "找不到" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    """An unknown command is a usage error."""
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "用法" in result.stderr
