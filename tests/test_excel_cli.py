"""The Excel commands through a real subprocess."""

from __future__ import annotations

import openpyxl
import pytest

from bangfu_desktop.core import database, demo
from bangfu_desktop.core.models import Plan
from conftest import DEMO_TODAY, run_cli


@pytest.fixture
def demo_db(tmp_path):
    """A demo database on disk, closed so that the commands can open it."""
    path = tmp_path / "db.sqlite3"
    store = database.open_database(path)
    demo.load_demo(today=DEMO_TODAY)
    plan_id = Plan.get(Plan.title.contains("沿河")).id
    store.close()
    return path, plan_id


@pytest.mark.parametrize("kind", ["pairings", "rotations", "activities", "teachers", "targets"])
def test_export_ledgers(demo_db, tmp_path, kind):
    """Each ledger command writes a workbook whose first row is its title."""
    path, _ = demo_db
    out = tmp_path / f"{kind}.xlsx"
    result = run_cli("--db", str(path), "export", kind, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout
    assert openpyxl.load_workbook(out).worksheets[0]["A1"].value


def test_export_activities_range_and_tasks(demo_db, tmp_path):
    """--from/--to narrow the activities; --plan picks the task list."""
    path, plan_id = demo_db
    out = tmp_path / "a.xlsx"
    result = run_cli("--db", str(path), "export", "activities", "-o", str(out), "--from", "2025-09-01",
                     "--to", "2025-10-31")
    assert result.returncode == 0, result.stderr
    assert "2025-09-01 至 2025-10-31" in openpyxl.load_workbook(out).active["A1"].value
    out = tmp_path / "t.xlsx"
    result = run_cli("--db", str(path), "export", "tasks", "-o", str(out), "--plan", str(plan_id))
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).active["A4"].value == "1.政策支持"
    bad = run_cli("--db", str(path), "export", "tasks", "-o", str(out), "--plan", "999")
    assert bad.returncode == 1 and "找不到编号为 999 的方案" in bad.stderr


def test_import_dry_run_then_real(demo_db, tmp_path):
    """--dry-run reports without writing; the real run writes and says how many."""
    path, _ = demo_db
    roster = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "性别", "手机号码"])
    wb.active.append(["新老师", "女", 13812345678.0])
    wb.save(roster)
    dry = run_cli("--db", str(path), "import", "teachers", str(roster), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "新增 1 条" in dry.stdout and "新增 第2行：新老师" in dry.stdout and "未写入" in dry.stdout
    real = run_cli("--db", str(path), "import", "teachers", str(roster))
    assert real.returncode == 0 and "已导入：新增 1 条" in real.stdout
    again = run_cli("--db", str(path), "import", "teachers", str(roster), "--dry-run")
    assert "新增 0 条" in again.stdout and "未变 1 条" in again.stdout


def test_import_tasks_and_refused_file(demo_db, tmp_path):
    """Our own task list imports back unchanged; a renamed CSV exits 1 with a Chinese message."""
    path, plan_id = demo_db
    out = tmp_path / "t.xlsx"
    run_cli("--db", str(path), "export", "tasks", "-o", str(out), "--plan", str(plan_id))
    result = run_cli("--db", str(path), "import", "tasks", str(out), "--dry-run")
    assert result.returncode == 0 and "新增 0 条，更新 0 条" in result.stdout
    fake = tmp_path / "fake.xlsx"
    fake.write_text("a,b\n", encoding="utf-8")
    bad = run_cli("--db", str(path), "import", "tasks", str(fake))
    assert bad.returncode == 1 and "另存为" in bad.stderr
