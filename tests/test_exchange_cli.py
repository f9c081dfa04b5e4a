"""The command-line chain: a school's package into the bureau, and the status as JSON."""

import json

import pytest

from conftest import run_cli

YEARLY = "2026年度帮扶工作总结"


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


@pytest.mark.parametrize("school_backend", ["sqlite", "postgresql"])
def test_chain_into_a_postgresql_bureau(tmp_path, pg_server, school_backend):
    """The contract line with B on PostgreSQL (S a laptop's SQLite file or a server database too), answering a round."""
    made = []

    def server_db() -> str:
        url = pg_server.new_database(None)  # bare: `bangfu demo` creates the tables itself
        made.append(url)
        return url

    try:
        school = server_db() if school_backend == "postgresql" else str(tmp_path / "s.sqlite3")
        office, package, notice = server_db(), tmp_path / "p.bfpkg", tmp_path / "n.bfpkg"
        for db in (school, office):
            demo = run_cli("--db", db, "demo")
            assert demo.returncode == 0 and not demo.stderr, demo.stderr
        assert run_cli("--db", office, "round", "add", YEARLY, "--period", "2026", "--due", "2026-12-05",
                       "--asks", "活动台账").returncode == 0
        assert run_cli("--db", office, "round", "notice", "-o", str(notice)).returncode == 0
        assert run_cli("--db", school, "import", "package", str(notice)).returncode == 0
        out = run_cli("--db", school, "export", "package", "-o", str(package), "--round", YEARLY)
        assert out.returncode == 0 and "已导出数据包" in out.stdout, out.stderr
        first = run_cli("--db", office, "import", "package", str(package))
        assert first.returncode == 0 and "已导入" in first.stdout, first.stderr
        again = run_cli("--db", office, "import", "package", str(package))
        assert again.returncode == 0 and "已导入过" in again.stdout
        status = run_cli("--db", office, "bureau", "status", "--json")
        assert status.returncode == 0 and not status.stderr, status.stderr
        data = json.loads(status.stdout)
        row = next(r for r in data["schools"] if r["sender_uuid"])
        assert row["school"] == "沿河土家族自治县中等职业学校"
        assert row["rounds"][YEARLY]["status"] in ("按时报送", "逾期报送")
        assert row["rules"]["total"] > 0
        [round_] = data["rounds"]
        assert round_["name"] == YEARLY and round_["reporting_rate"] > 0
        stats = run_cli("--db", office, "stats")
        assert stats.returncode == 0 and "teachers: 160" in stats.stdout  # its own 80 and the school's 80, apart
    finally:
        for url in made:
            pg_server.drop(url)


def test_submit_writes_a_draft_with_package_and_workbook(tmp_path):
    """`bangfu submit` without SMTP: a draft in the folder carrying the .bfpkg and the 任务清单 workbook."""
    import email

    school, folder = tmp_path / "s.sqlite3", tmp_path / "out"
    run_cli("--db", str(school), "demo")
    done = run_cli("--db", str(school), "submit", "--folder", str(folder))
    assert done.returncode == 0 and "邮件草稿" in done.stdout, done.stderr
    [draft] = folder.glob("*.eml")
    parsed = email.message_from_bytes(draft.read_bytes())
    found = {p.get_filename(): p.get_payload(decode=True) for p in parsed.walk() if p.get_filename()}
    assert len(found) == 2 and any(n.endswith(".bfpkg") for n in found)
    assert any(n.endswith(".xlsx") and "_任务清单_" in n for n in found)
    for name, data in found.items():
        assert (folder / name).read_bytes() == data and f"附件：{name}" in done.stdout
