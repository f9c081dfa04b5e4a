"""Benchmark (not a test): the program at district scale against raw tools, in one run.

    QT_QPA_PLATFORM=offscreen python scripts/benchmark.py [--scale 1.0] [--runs 3] [--only NAME]

Generates the district database (scripts/district.py, fixed seed), then measures each
row in a fresh process, ``--runs`` times, reporting the median time, the comparison
measured in the same run, the ratio and the peak memory (max RSS) of our process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    """One line of the table: our snippet and the comparison's, run with the same setup."""

    name: str
    ours: str
    comparison: str
    comparison_label: str
    setup: str = ""
    whole_process: bool = False  # time the process from start to exit (start-up counts)


def run_snippet(code: str, env: dict[str, str], whole_process: bool = False) -> tuple[float, float]:
    """Run ``code`` in a fresh Python; return (seconds of the timed part, peak RSS in MB).

    The snippet sets ``elapsed`` itself when only part of it is to be timed.
    """
    wrapper = textwrap.dedent("""
        import time, sys
        _t0 = time.perf_counter()
        elapsed = None
    """) + code + textwrap.dedent("""
        if elapsed is None:
            elapsed = time.perf_counter() - _t0
        sys.stderr.write(f"ELAPSED {elapsed}\\n")
    """)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", wrapper], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"snippet failed ({proc.returncode}):\n{err[-2000:]}")
    elapsed = wall if whole_process else float(err.rsplit("ELAPSED ", 1)[1].split()[0])
    return elapsed, usage.ru_maxrss / 1024


def cli_rows(db: Path) -> list[Row]:
    """The command line against bare Python and raw SQLite."""
    tables = ("teacher", "activity", "observation", "pairing", "rotation", "task", "unit", "plan")
    raw_counts = "; ".join(f"c.execute('select count(*) from {t}').fetchone()" for t in tables)
    return [
        Row("bangfu --version",
            "from bangfu_desktop.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass",
            "pass", "bare Python", whole_process=True),
        Row("bangfu stats",
            f"from bangfu_desktop.cli import main\ntry:\n    main(['--db', {str(db)!r}, 'stats'])\nexcept SystemExit:\n    pass",
            f"import sqlite3\nc = sqlite3.connect({str(db)!r})\n{raw_counts}", "raw SQLite counts", whole_process=True),
    ]


WINDOW_ROWS = (
    # (name, bench_window_rows.py row, extra argument, comparison label, comparison snippet or "")
    ("window until usable (活动记录 shown, from process start)", "start", "", "—", ""),
    ("one keystroke in the 活动记录 search box (“数学教研”, 200 ms debounce included)", "keystroke", "数学教研",
     "a raw scan of the same strings", "words = [t for t in titles if '数学教研' in t]"),
    ("one keystroke, 2 characters (“数学”: LIKE)", "keystroke", "数学",
     "a raw scan of the same strings", "words = [t for t in titles if '数学' in t]"),
    ("sort 活动记录 by 主题", "sort", "", "a raw Python sort", "titles.sort()"),
    ("open the 活动记录 form with 5,000 teachers", "form", "", "—", ""),
)


def run_window_row(row: str, arg: str, db: Path, env: dict[str, str]) -> dict[str, float]:
    """One window row in a fresh process: ELAPSED, STALL (GUI-thread heartbeat) and peak RSS."""
    cmd = [sys.executable, str(HERE / "bench_window_rows.py"), row, str(db), *([arg] if arg else [])]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"window row {row} failed:\n{err[-2000:]}")
    values = {"peak": usage.ru_maxrss / 1024}
    for line in err.splitlines():
        key, _, value = line.partition(" ")
        if key in ("ELAPSED", "STALL"):
            values[key.lower()] = float(value)
    return values


def measure_window(name: str, row: str, arg: str, label: str, comparison: str, db: Path, runs: int,
                   env: dict[str, str]) -> str:
    """A window row: our median time, the GUI thread's worst stall, the comparison in the same run."""
    ours, stalls, peaks, comp = [], [], [], []
    load_titles = (f"import sqlite3\ntitles = [t for (t,) in sqlite3.connect({str(db)!r}).execute("
                   "'select title from activity where deleted_at is null')]\n_t0 = time.perf_counter()\n")
    for _ in range(runs):
        values = run_window_row(row, arg, db, env)
        ours.append(values["elapsed"])
        stalls.append(values.get("stall", 0.0))
        peaks.append(values["peak"])
        if comparison:
            comp.append(run_snippet(load_titles + comparison, env)[0])
    o = statistics.median(ours)
    compared = f"{label}: {statistics.median(comp):.3f} s" if comp else label
    ratio = f"{o / statistics.median(comp):.1f}×" if comp and statistics.median(comp) > 0 else "—"
    return (f"| {name} | {o:.3f} s ({min(ours):.3f}–{max(ours):.3f}); worst GUI stall {max(stalls) * 1000:.0f} ms "
            f"| {compared} | {ratio} | {max(peaks):.0f} MB |")


def measure(row: Row, runs: int, env: dict[str, str]) -> str:
    ours, comp, peaks = [], [], []
    for _ in range(runs):
        t, peak = run_snippet(row.setup + row.ours, env, row.whole_process)
        ours.append(t)
        peaks.append(peak)
        comp.append(run_snippet(row.setup + row.comparison, env, row.whole_process)[0])
    o, c = statistics.median(ours), statistics.median(comp)
    ratio = o / c if c > 0 else float("inf")
    return (f"| {row.name} | {o:.2f} s ({min(ours):.2f}–{max(ours):.2f}) | {row.comparison_label}: {c:.2f} s "
            f"| {ratio:.1f}× | {max(peaks):.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse a generated district database")
    parser.add_argument("--only", help="run only rows whose name contains this")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BANGFU_CONFIG_DIR=tempfile.mkdtemp())
    db = args.db
    if db is None or not db.exists():
        db = db or Path(tempfile.mkdtemp()) / "district.sqlite3"
        sys.path.insert(0, str(HERE))
        from district import generate
        t0 = time.perf_counter()
        counts = generate(db, args.scale)
        print(f"generated {db} in {time.perf_counter() - t0:.0f} s: {counts}")
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each (median, range)\n")
    print("| operation | ours | compared with | ratio | our peak memory |")
    print("| --- | --- | --- | --- | --- |")
    for row in cli_rows(db):
        if args.only and args.only not in row.name:
            continue
        print(measure(row, args.runs, env), flush=True)
    if not args.only or any(args.only in w[0] for w in WINDOW_ROWS):
        # Once before timing: migrations and the pinyin keys of bulk-inserted names are not per start.
        run_snippet(f"from bangfu_desktop.core import database\n"
                    f"s = database.open_database({str(db)!r}, backup_on_open=False)\n"
                    "try:\n    from bangfu_desktop.core import sortkeys\n    sortkeys.backfill()\n"
                    "except ImportError:\n    pass  # a version before pinyin keys\ns.close()", env)
    for name, row, arg, label, comparison in WINDOW_ROWS:
        if args.only and args.only not in name:
            continue
        print(measure_window(name, row, arg, label, comparison, db, args.runs, env), flush=True)


if __name__ == "__main__":
    main()
