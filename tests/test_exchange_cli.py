"""The command-line chain: a school's package into the bureau, and the status as JSON."""

import json

from conftest import run_cli


def test_export_import_status_chain(tmp_path):
    """bangfu --db S export package && bangfu --db B import package && bangfu --db B bureau status --json."""
    school, office, package = tmp_path / "s.sqlite3", tmp_path / "b.sqlite3", tmp_path / "p.bfpkg"
    assert run_cli("--db", str(school), "demo").returncode == 0
    assert run_cli("--db", str(office), "demo").returncode == 0  # a second demo database, its own IDs
    made = run_cli("--db", str(office), "round", "add", "2026年度帮扶工作总结", "--period", "2026",
                   "--due", "2026-12-05", "--asks", "活动台账,年度总结")
    assert made.returncode == 0, made.stderr
    out = run_cli("--db", str(school), "export", "package", "-o", str(package))
    assert out.returncode == 0, out.stderr
    dry = run_cli("--db", str(office), "import", "package", str(package), "--dry-run")
    assert dry.returncode == 0 and "试运行" in dry.stdout and "教师：新增 80" in dry.stdout
    first = run_cli("--db", str(office), "import", "package", str(package))
    assert first.returncode == 0 and "已导入" in first.stdout
    again = run_cli("--db", str(office), "import", "package", str(package))
    assert again.returncode == 0 and "已导入过" in again.stdout
    status = run_cli("--db", str(office), "bureau", "status", "--json")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["rounds"][0]["name"] == "2026年度帮扶工作总结"
    row = next(r for r in data["schools"] if r["sender_uuid"])
    assert row["school"] == "沿河土家族自治县中等职业学校"
    assert row["rounds"]["2026年度帮扶工作总结"]["status"] == "未报送"  # a package that names no round
    assert row["rules"]["total"] > 0


def test_refused_package_exits_1_with_chinese_message(tmp_path):
    """A package cut in half: exit code 1, a Chinese message, nothing imported."""
    school, office, package = tmp_path / "s.sqlite3", tmp_path / "b.sqlite3", tmp_path / "p.bfpkg"
    run_cli("--db", str(school), "demo")
    run_cli("--db", str(school), "export", "package", "-o", str(package))
    run_cli("--db", str(office), "init")
    package.write_bytes(package.read_bytes()[:5000])
    result = run_cli("--db", str(office), "import", "package", str(package))
    assert result.returncode == 1 and "已损坏或不完整" in result.stderr
    stats = run_cli("--db", str(office), "stats")
    assert "audit: 0" in stats.stdout
