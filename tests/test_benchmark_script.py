"""scripts/benchmark.py keeps running: a couple of its rows with --quick on a small database."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "benchmark.py"


def test_quick_rows_print_ours_the_comparison_and_memory(db_path, tmp_path):
    """--quick --json on the demo database: bangfu --version and stats, each with its comparison and peak."""
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    result = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--json", "--db", str(db_path),
                             "--only", "version,stats", "--keep", str(tmp_path / "bench")],
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    rows = {row["id"]: row for row in report["rows"]}
    assert set(rows) == {"version", "stats"}
    for row in rows.values():
        assert row["ours"] > 0 and row["comparison_s"] > 0 and row["peak_mb"] > 5, row
        assert row["ratio"] == row["ours"] / row["comparison_s"] and row["met"] in (True, False)
    assert rows["stats"]["comparison"] == "raw SQLite counts"
    assert report["machine"]["cores"] >= 1 and report["machine"]["load_at_start"]
