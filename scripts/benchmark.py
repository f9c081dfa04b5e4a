"""Benchmark (not a test): every row of issue 16's table, ours against the comparison, in one run.

    QT_QPA_PLATFORM=offscreen python scripts/benchmark.py [--runs 3] [--db FILE] [--only ID,ID] [--quick] [--json]
    python scripts/benchmark.py --table SAVED.json   (the table of a saved --json run)

Generates the district database (scripts/district.py, fixed seed; ``--quick``: a small one),
then measures each row in fresh processes: our time (median and range of ``--runs`` for the
quick rows, one run for the heavy ones), the comparison measured in the same run (bare
Python, raw SQLite counts, raw openpyxl write-only and read, a raw scan and sort of the same
strings, LibreOffice printing the same rows where it is installed), the ratio, our peak
memory (VmHWM of the measuring process) and whether the issue's goal is met. The window
rows come from scripts/bench_window_rows.py (a 5 ms timer on the GUI thread measures its
worst stall), the ledgers from scripts/benchmark_ledgers.py, the import from
scripts/bench_import.py, the binder from scripts/benchmark_binder.py's ``measure`` and the
binder from the window from scripts/bench_binder_window.py's ``measure`` when they exist.

Row ids for ``--only``: version stats start keystroke keystroke2 sort form form-observation
ledger-10k ledger-all ledger-teachers import binder libreoffice binder-window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


@dataclass
class Result:
    """One line of the table."""

    id: str
    name: str
    goal: str
    ours: float | None = None  # seconds (median)
    low: float | None = None
    high: float | None = None
    runs: int = 0
    comparison: str = "—"
    comparison_s: float | None = None
    peak_mb: float | None = None
    extra: dict = field(default_factory=dict)  # stall_ms, rows, pages, …
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.comparison_s:
            return None
        return self.ours / self.comparison_s


# -- running things in fresh processes ------------------------------------------------------
PEAK = ("\nwith open('/proc/self/status') as _s:\n"
        "    _peak = next(int(l.split()[1]) for l in _s if l.startswith('VmHWM')) / 1024\n"
        "sys.stderr.write(f'PEAK {_peak}\\n')\n")


def run_snippet(code: str, env: dict[str, str], whole_process: bool = False) -> tuple[float, float]:
    """Run ``code`` in a fresh Python; (seconds, peak MB). The snippet may set ``elapsed`` itself."""
    wrapper = textwrap.dedent("""
        import time, sys
        _t0 = time.perf_counter()
        elapsed = None
    """) + code + textwrap.dedent("""
        if elapsed is None:
            elapsed = time.perf_counter() - _t0
        sys.stderr.write(f"ELAPSED {elapsed}\\n")
    """) + PEAK
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"snippet failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    values = _values(proc.stderr)
    return (wall if whole_process else values["elapsed"]), values["peak"]


def _values(err: str) -> dict[str, float]:
    values = {}
    for line in err.splitlines():
        key, _, value = line.partition(" ")
        if key in ("ELAPSED", "STALL", "STALL_CPU", "PEAK", "DEBOUNCE", "SHOWN"):
            try:
                values[key.lower()] = float(value)
            except ValueError:
                pass
    return values


def run_json(code: str, env: dict[str, str]) -> dict:
    """Run ``code`` (which prints one JSON line last) in a fresh Python with scripts/ importable."""
    wrapper = f"import sys, json\nsys.path.insert(0, {str(HERE)!r})\n" + code + PEAK
    proc = subprocess.run([sys.executable, "-c", wrapper], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["peak_mb"] = _values(proc.stderr)["peak"]
    return result


def spread(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


# -- the rows ------------------------------------------------------------------------------
TABLES = ("teacher", "activity", "observation", "pairing", "rotation", "task", "unit", "plan")


def cli_rows(db: Path, runs: int, env: dict[str, str], wanted) -> list[Result]:
    """The command line against bare Python and raw SQLite, timed as a stopwatch would (whole process)."""
    raw_counts = "; ".join(f"c.execute('select count(*) from {t}').fetchone()" for t in TABLES)
    rows = [("version", "bangfu --version", "≤ 0.15 s", 0.15,
             "from bangfu_desktop.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass",
             "pass", "bare Python"),
            ("stats", "bangfu stats", "≤ 0.3 s", 0.3,
             f"from bangfu_desktop.cli import main\ntry:\n    main(['--db', {str(db)!r}, 'stats'])\n"
             "except SystemExit:\n    pass",
             f"import sqlite3\nc = sqlite3.connect({str(db)!r})\n{raw_counts}", "raw SQLite counts")]
    out = []
    for rid, name, goal, bound, ours, comparison, label in rows:
        if not wanted(rid):
            continue
        times, comps, peaks = [], [], []
        for _ in range(runs):
            t, peak = run_snippet(ours, env, whole_process=True)
            times.append(t)
            peaks.append(peak)
            comps.append(run_snippet(comparison, env, whole_process=True)[0])
        o, low, high = spread(times)
        out.append(Result(rid, name, goal, o, low, high, runs, label, statistics.median(comps), max(peaks),
                          met=o <= bound))
    return out


# (id, name, bench_window_rows row, argument, comparison label, comparison snippet, goal, bound s)
WINDOW_ROWS = (
    ("start", "window until usable (活动记录 shown, from process start); worst GUI stall while the tabs load",
     "start", "", "—", "", "usable ≤ 1.0 s, no stall > 50 ms", 1.0),
    ("keystroke", "one keystroke in the 活动记录 search box (“数学教研”: FTS5); worst GUI stall while typing",
     "keystroke", "数学教研", "a raw scan of the same strings", "[t for t in titles if '数学教研' in t]",
     "≤ 100 ms after the debounce, no stall > 50 ms", 0.1),
    ("keystroke2", "one keystroke, 2 characters (“数学”: too short for trigrams, the table text in memory)", "keystroke", "数学",
     "a raw scan of the same strings", "[t for t in titles if '数学' in t]",
     "≤ 100 ms after the debounce, no stall > 50 ms", 0.1),
    ("sort", "sort 活动记录 by 主题", "sort", "", "a raw Python sort", "titles.sort()", "≤ 100 ms", 0.1),
    ("form", "open the 活动记录 form with 5,000 teachers", "form", "", "—", "", "≤ 200 ms", 0.2),
    ("form-observation", "open the 听课记录 form with 5,000 teachers", "form-observation", "", "—", "",
     "≤ 200 ms", 0.2),
)


def run_window_row(row: str, arg: str, db: Path, env: dict[str, str]) -> dict[str, float]:
    """One window row in a fresh process: elapsed, stall (GUI-thread heartbeat), debounce, peak."""
    cmd = [sys.executable, str(HERE / "bench_window_rows.py"), row, str(db), *([arg] if arg else [])]
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"window row {row} failed:\n{proc.stderr[-2000:]}")
    return _values(proc.stderr)


def window_rows(db: Path, runs: int, env: dict[str, str], wanted) -> list[Result]:
    """The window rows, each in fresh processes, with the raw comparison in the same run."""
    load_titles = (f"import sqlite3\ntitles = [t for (t,) in sqlite3.connect({str(db)!r}).execute("
                   "'select title from activity where deleted_at is null')]\n_t0 = time.perf_counter()\n")
    out = []
    for rid, name, row, arg, label, comparison, goal, bound in WINDOW_ROWS:
        if not wanted(rid):
            continue
        figures = [run_window_row(row, arg, db, env) for _ in range(runs)]
        comps = [run_snippet(load_titles + comparison, env)[0] for _ in range(runs)] if comparison else []
        o, low, high = spread([f["elapsed"] for f in figures])
        stall = max(f.get("stall", 0.0) for f in figures)
        debounce = max(f.get("debounce", 0.0) for f in figures) / 1000
        result = Result(rid, name, goal, o, low, high, runs, label, statistics.median(comps) if comps else None,
                        max(f["peak"] for f in figures), {"stall_ms": round(stall * 1000),
                                                          "stall_cpu_ms": round(max(f.get("stall_cpu", 0.0) for f in figures) * 1000)})
        if debounce:
            result.extra["debounce_ms"] = round(debounce * 1000)
            result.note = f"includes the {debounce * 1000:.0f} ms debounce; after it {max(0.0, o - debounce) * 1000:.0f} ms"
        result.met = (o - debounce) <= bound and (stall <= 0.05 or rid in ("sort", "form", "form-observation"))
        out.append(result)
    return out


def ledger_rows(db: Path, small_db: Path, work: Path, wanted) -> list[Result]:
    """活动台账 (a 10,030-row database and the whole district) and 教师名册 against openpyxl write-only."""
    import benchmark_ledgers

    out = []
    cases = (("ledger-10k", "活动台账, 10,030 rows", "activities", small_db, "≤ 1.5× write-only", None),
             ("ledger-all", "活动台账, every activity of the district", "activities", db,
              "≤ 1.5× write-only, ≤ 150 MB", 150),
             ("ledger-teachers", "教师名册, every teacher of the district", "teachers", db, "≤ 1.5× write-only", None))
    for rid, name, kind, source, goal, memory in cases:
        if not wanted(rid):
            continue
        ours = benchmark_ledgers.measure("ours", kind, source, work / f"ours-{rid}.xlsx")
        raw = benchmark_ledgers.measure("raw", kind, source, work / f"raw-{rid}.xlsx")
        result = Result(rid, name, goal, ours["seconds"], runs=1, comparison="openpyxl write-only, same cells",
                        comparison_s=raw["seconds"], peak_mb=ours["peak_mb"],
                        extra={"write_only_peak_mb": round(raw["peak_mb"]), "rows": _data_rows(work / f"ours-{rid}.xlsx")})
        result.met = result.ratio <= 1.5 and (memory is None or ours["peak_mb"] <= memory)
        result.note = f"{result.extra['rows']:,} rows; write-only peak {raw['peak_mb']:.0f} MB"
        out.append(result)
    return out


def _data_rows(path: Path) -> int:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return sum(1 for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], int))


def import_row(rows: int, env: dict[str, str]) -> Result:
    """A roster import (preview + apply) against openpyxl reading the same file, in a fresh process."""
    figures = run_json(f"import bench_import\nr = bench_import.measure({rows})\nprint(json.dumps(r))", env)
    result = Result("import", f"import of a {rows:,}-row roster (preview + apply)", "≤ 2× openpyxl reading it",
                    figures["seconds"], runs=1, comparison="openpyxl reading it", comparison_s=figures["raw_read_s"],
                    peak_mb=figures["peak_mb"], extra={"preview_s": round(figures["preview_s"], 2)})
    result.met = result.ratio <= 2
    result.note = f"preview alone {figures['preview_s']:.2f} s"
    return result


def binder_rows(work: Path, activities: int, wanted) -> tuple[list[Result], Path | None]:
    """The yearly binder with photos, cold and warm, from benchmark_binder.measure (if it has one)."""
    if not wanted("binder"):
        return [], None
    import benchmark_binder

    name = f"yearly binder, {activities} activities with 1–2 photos each (3–4 MB JPEGs)"
    if not hasattr(benchmark_binder, "measure"):
        return [Result("binder", name, "≤ 20 s, ≤ 500 MB", note="not available (benchmark_binder.measure missing)")], None
    figures = benchmark_binder.measure(activities=activities, folder=work / "binder", spans=("year",))
    out = []
    for cache in ("cold", "warm"):
        runs = [r for r in figures.get("runs", []) if r.get("span") == "year" and r.get("cache") == cache]
        if not runs:
            continue
        run = runs[-1]
        result = Result("binder", f"{name}, {cache} photo cache", "≤ 20 s, ≤ 500 MB", run["seconds"], runs=len(runs),
                        peak_mb=run["peak_mb"], extra={k: run.get(k) for k in ("pages", "documents", "file_mb")})
        result.met = run["seconds"] <= 20 and run["peak_mb"] <= 500
        result.note = f"{run.get('pages')} pages, {run.get('file_mb', 0):.0f} MB file"
        out.append(result)
    return out, Path(figures.get("folder", work / "binder")) / "binder.sqlite3"


def libreoffice_row(db: Path, date_from: dt.date, date_to: dt.date, work: Path, env: dict[str, str],
                    label: str) -> Result:
    """LibreOffice printing (to PDF) a 活动台账 of the same rows: what a school would otherwise use."""
    name = f"LibreOffice printing the 活动台账 of {label} (no photos) to PDF"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return Result("libreoffice", name, "—", note="not available (LibreOffice not installed)")
    xlsx = work / "lo" / "ledger.xlsx"
    xlsx.parent.mkdir(parents=True, exist_ok=True)
    run_json("from pathlib import Path\nimport datetime as dt\nfrom bangfu_desktop.core import database\n"
             "from bangfu_desktop.core.excel_ledgers import LEDGERS\n"
             f"database.open_database({str(db)!r}, backup_on_open=False)\n"
             f"LEDGERS['activities'][1]({str(xlsx)!r}, date_from=dt.date.fromisoformat({date_from.isoformat()!r}), "
             f"date_to=dt.date.fromisoformat({date_to.isoformat()!r}))\nprint('{{}}')", env)
    profile = work / "lo" / "profile"
    began = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(xlsx.parent), str(xlsx)], capture_output=True, timeout=900, check=True)
    seconds = time.perf_counter() - began
    from pypdf import PdfReader

    pages = len(PdfReader(xlsx.with_suffix(".pdf")).pages)
    return Result("libreoffice", name, "—", seconds, runs=1, extra={"rows": _data_rows(xlsx), "pages": pages},
                  note=f"{_data_rows(xlsx):,} rows, {pages} pages (the first start of LibreOffice included)")


def binder_window_row(db: Path | None, wanted) -> list[Result]:
    """The binder from the window against the same binder from the command line."""
    if not wanted("binder-window"):
        return []
    name = "yearly binder from the window (年度档案) vs bangfu export archive"
    try:
        import bench_binder_window
    except ImportError:
        return [Result("binder-window", name, "window ≈ CLI", note="not available (bench_binder_window missing)")]
    if db is None or not db.exists():
        return [Result("binder-window", name, "window ≈ CLI", note="not available (no binder database measured)")]
    figures = bench_binder_window.measure(db)
    result = Result("binder-window", name, "window ≈ CLI", figures["window_s"], runs=3,
                    comparison="bangfu export archive", comparison_s=figures["cli_s"])
    result.met = figures["ratio"] <= 1.2
    return [result]


# -- set-up and output -----------------------------------------------------------------------
def machine() -> dict:
    """Where this ran: CPU, cores, memory, load, versions."""
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024 ** 2
    except (OSError, StopIteration):
        memory = 0
    import sqlite3

    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": model,
            "cores": os.cpu_count(), "memory_gb": round(memory, 1), "load_at_start": os.getloadavg(),
            "os": platform.platform(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}


def warm_up(db: Path, env: dict[str, str], window: bool = True) -> None:
    """Once before timing: migrations, pinyin keys of bulk-inserted names, planner statistics, byte code."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bangfu_desktop"), str(HERE)],
                   env=env, stdout=subprocess.DEVNULL, check=False)
    run_snippet(f"from bangfu_desktop.core import database, sortkeys\n"
                f"s = database.open_database({str(db)!r}, backup_on_open=False)\n"
                "sortkeys.backfill()\ndatabase.refresh_statistics()\ns.close()", env)
    if window:
        run_window_row("start", "", db, env)  # the first start's fonts and caches are not what a clerk sees daily


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(results: list[Result]) -> str:
    """The Markdown table."""
    lines = ["| operation | ours | compared with | ratio | our peak memory | goal | met |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        ours = fmt(r.ours)
        if r.runs > 1 and r.low is not None:
            ours += f" ({fmt(r.low)}–{fmt(r.high)})"
        if "stall_ms" in r.extra:
            ours += f"; worst GUI stall {r.extra['stall_ms']} ms (GUI-thread CPU in one gap ≤ {r.extra.get('stall_cpu_ms', '?')} ms)"
        if r.note:
            ours += f"; {r.note}"
        compared = f"{r.comparison}: {fmt(r.comparison_s)}" if r.comparison_s is not None else r.comparison
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        peak = f"{r.peak_mb:.0f} MB" if r.peak_mb is not None else "—"
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        lines.append(f"| {r.name} | {ours} | {compared} | {ratio} | {peak} | {r.goal} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Generate, warm up, measure every row, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs of each quick row (default 3; 1 with --quick)")
    parser.add_argument("--db", type=Path, help="reuse (or create here) the district database")
    parser.add_argument("--only", help="comma-separated row ids (see the module docstring)")
    parser.add_argument("--quick", action="store_true", help="a small database and small files (a smoke test)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the Markdown table")
    parser.add_argument("--keep", type=Path, help="folder for the generated files (default: a temporary one)")
    parser.add_argument("--table", type=Path, metavar="JSON", help="print the table of a saved --json run and stop")
    args = parser.parse_args(argv)
    if args.table:
        saved = json.loads(args.table.read_text(encoding="utf-8"))
        results = [Result(**{k: v for k, v in row.items() if k != "ratio"}) for row in saved["rows"]]
        print(saved["machine"])
        print(table(results))
        return 0
    runs = args.runs or (1 if args.quick else 3)
    only = {w.strip() for w in args.only.split(",")} if args.only else None

    def wanted(rid: str) -> bool:
        return only is None or rid in only

    work = args.keep or Path(tempfile.mkdtemp(prefix="bangfu-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: byte code cached
    env.update(QT_QPA_PLATFORM="offscreen", BANGFU_CONFIG_DIR=str(work / "config"))
    log = sys.stderr if args.json else sys.stdout
    info = machine()
    db = args.db or work / ("district-quick.sqlite3" if args.quick else "district.sqlite3")
    if not db.exists():
        began = time.perf_counter()
        counts = run_json(f"from district import generate\nprint(json.dumps(generate(__import__('pathlib').Path({str(db)!r}), "
                          f"{0.02 if args.quick else 1.0})))", env)
        counts.pop("peak_mb", None)
        print(f"generated {db} in {time.perf_counter() - began:.0f} s: {counts}", file=log, flush=True)
    warm_up(db, env, window=any(wanted(w[0]) for w in WINDOW_ROWS))
    results: list[Result] = []

    def add(rows: list[Result]) -> None:
        results.extend(rows)
        if not args.json:
            for r in rows:
                print(table([r]).splitlines()[-1], flush=True)

    if not args.json:
        print(f"{info['date']}; {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; load average at start "
              f"{', '.join(f'{x:.1f}' for x in info['load_at_start'])}; Python {info['python']}, SQLite {info['sqlite']}; "
              f"{runs} run(s) of each quick row (median, range)\n")
        print("\n".join(table([]).splitlines()[:2]))
    add(cli_rows(db, runs, env, wanted))
    add(window_rows(db, runs, env, wanted))
    if any(wanted(r) for r in ("ledger-10k", "ledger-all", "ledger-teachers")):
        import benchmark_ledgers

        small = work / ("ledger-500.sqlite3" if args.quick else "ledger-10030.sqlite3")
        if not small.exists() and wanted("ledger-10k"):
            benchmark_ledgers.generate(small, activities=500 if args.quick else 10_030, teachers=500)
        add(ledger_rows(db, small, work, wanted))
    if wanted("import"):
        add([import_row(250 if args.quick else 5000, env)])
    binder_db = None
    if args.quick:
        skipped = [r for r in ("binder", "libreoffice", "binder-window") if only is not None and r in only]
        add([Result(r, r, "—", note="skipped with --quick") for r in skipped])
    else:
        rows, binder_db = binder_rows(work, 508, wanted)
        add(rows)
        if wanted("libreoffice"):
            if binder_db is not None and binder_db.exists():
                add([libreoffice_row(binder_db, dt.date(2025, 9, 1), dt.date(2026, 8, 31), work, env,
                                     "the binder's 学年")])
            else:  # about the binder's 508 activities: eleven days of the district
                add([libreoffice_row(db, dt.date(2021, 3, 1), dt.date(2021, 3, 11), work, env,
                                     "eleven days of the district (about the binder's 508 activities)")])
        add(binder_window_row(binder_db, wanted))
    info["load_at_end"] = os.getloadavg()
    if args.json:
        print(json.dumps({"machine": info, "rows": [dict(asdict(r), ratio=r.ratio) for r in results]},
                         ensure_ascii=False, indent=1))
    else:
        print(f"\nload average at the end {', '.join(f'{x:.1f}' for x in info['load_at_end'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
