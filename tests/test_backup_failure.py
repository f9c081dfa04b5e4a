"""A backup that fails never fails the write: the change stands, the warning is kept and logged."""

import subprocess
import sys

from bangfu_desktop.core import errorlog, records, settings
from bangfu_desktop.core.models import Unit


def test_failed_automatic_backup_keeps_the_write(store, tmp_path):
    """Backup folder cannot be made: every save commits, the warning reaches listeners and the log."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    settings.put("backup.dir", str(blocker / "backups"))
    settings.put("backup.every", 1)
    heard = []
    store.on_backup_error(heard.append)
    for i in range(3):
        records.save(Unit(name=f"学校{i}"))  # no exception
    assert [u.name for u in Unit.select().order_by(Unit.id)] == ["学校0", "学校1", "学校2"]
    assert store.last_backup_error and "自动备份失败" in store.last_backup_error
    assert heard and heard[-1] == store.last_backup_error
    assert "自动备份失败" in errorlog.log_path().read_text(encoding="utf-8")
    # The folder becomes usable again: the next backup succeeds and the warning clears.
    settings.put("backup.dir", str(tmp_path / "good"))
    records.save(Unit(name="学校3"))
    assert store.last_backup_error is None and heard[-1] is None
    assert store.last_backup is not None and store.last_backup.exists()


LEAN_IMPORTS = r"""
import sys
from bangfu_desktop.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = [m for m in ("openpyxl", "reportlab", "PIL", "PySide6") if m in sys.modules]
print("HEAVY", heavy, file=sys.stderr)
"""


def test_version_and_stats_load_no_heavy_library(db_path):
    """bangfu --version and stats import neither openpyxl, reportlab, Pillow nor Qt."""
    from conftest import run_cli

    assert run_cli("--db", str(db_path), "demo").returncode == 0
    for args in (["--version"], ["--db", str(db_path), "stats"], ["--db", str(db_path), "check"]):
        result = subprocess.run([sys.executable, "-c", LEAN_IMPORTS, *args], capture_output=True, text=True,
                                encoding="utf-8", timeout=60)
        assert "HEAVY []" in result.stderr, (args, result.stderr)


def test_stats_is_one_query_per_table(demo_store):
    """record_counts costs one query per counted table, however many rows there are."""
    from bangfu_desktop.cli import base
    from bangfu_desktop.core.models import database

    seen = []
    conn = database.connection()
    conn.set_trace_callback(seen.append)
    try:
        counts = base.record_counts()
    finally:
        conn.set_trace_callback(None)
    selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == len(base.STAT_MODELS) + 1
    assert counts["teachers"] > 0
