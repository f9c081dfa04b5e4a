"""Benchmark (not a test): the 年度档案 binder from the window against ``bangfu export archive``.

    QT_QPA_PLATFORM=offscreen python scripts/bench_binder_window.py [--db FILE] [--runs 3]

Both on the same database in the same run, alternating, each in a fresh process:

- cli_s: the wall time of ``bangfu --db FILE export archive -o OUT.pdf`` (what a stopwatch
  shows: start-up, opening the database and the export);
- window_s: the main window (offscreen) drives its real 年度档案 action: the 学年 dialog is
  accepted, 档案体检 answered with 仍然打印, the file dialog given the path; the time runs
  from the file dialog's 保存 to the 导出完成 message.

Prints one JSON line {"cli_s": …, "window_s": …, "ratio": …} (medians of ``--runs``).
Without ``--db`` the demo database is generated in a temporary folder first.
``measure(db_path)`` returns the same dict for scripts/benchmark.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The window's side, run as ``python bench_binder_window.py --window DB OUT``.
WINDOW_TIMEOUT_S = 600


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["BANGFU_CONFIG_DIR"] = str(config)  # window state and settings never touch the user's
    env["BANGFU_LOG_DIR"] = str(config / "logs")
    return env


def time_cli(db_path: Path, out: Path, env: dict[str, str]) -> float:
    """Seconds of the whole ``bangfu export archive`` process."""
    out.unlink(missing_ok=True)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bangfu_desktop.cli", "--db", str(db_path), "export", "archive",
                    "-o", str(out)], env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - began
    if not out.exists():
        raise RuntimeError("the command line wrote no binder")
    return seconds


def time_window(db_path: Path, out: Path, env: dict[str, str]) -> float:
    """Seconds from the window's file dialog to its 导出完成 message (in a fresh process)."""
    out.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--window", str(db_path), str(out)],
                            env=env, check=True, capture_output=True, text=True, timeout=WINDOW_TIMEOUT_S)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if not out.exists():
        raise RuntimeError("the window wrote no binder")
    return figures["window_s"]


def measure(db_path: str | os.PathLike, runs: int = 3) -> dict:
    """{"cli_s", "window_s", "ratio"}: medians of ``runs`` alternating exports of the binder of ``db_path``."""
    db_path = Path(db_path)
    with tempfile.TemporaryDirectory(prefix="bangfu-bench-binder-") as folder:
        folder = Path(folder)
        env = _env(folder / "config")
        cli, window = [], []
        for run in range(runs):
            cli.append(time_cli(db_path, folder / f"cli{run}.pdf", env))
            window.append(time_window(db_path, folder / f"window{run}.pdf", env))
        from pypdf import PdfReader

        pages = {len(PdfReader(folder / f"{side}{runs - 1}.pdf").pages) for side in ("cli", "window")}
        if len(pages) != 1:
            raise RuntimeError(f"the two binders differ in length: {sorted(pages)} pages")
    cli_s, window_s = statistics.median(cli), statistics.median(window)
    return {"cli_s": round(cli_s, 3), "window_s": round(window_s, 3), "ratio": round(window_s / cli_s, 3)}


# -- the window's side (child process) ---------------------------------------------------
def _drive_window(db_path: str, out: str) -> float:
    """Open the main window on ``db_path``, run its 年度档案 action to ``out``; return the seconds."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from bangfu_desktop.core import database
    from bangfu_desktop.gui.app import create_app
    from bangfu_desktop.gui.archive_actions import ArchiveCheckDialog, YearArchiveDialog, export_year_archive
    from bangfu_desktop.gui.main_window import MainWindow
    from bangfu_desktop.gui.operations import wait_for_jobs

    app = create_app([sys.argv[0]])
    store = database.open_database(db_path)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    times: dict[str, float] = {}
    answered: set[int] = set()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and id(dialog) not in answered:
            answered.add(id(dialog))
            if isinstance(dialog, YearArchiveDialog):
                dialog.accept()
            elif isinstance(dialog, ArchiveCheckDialog):
                dialog.print_button.click()
            elif isinstance(dialog, QFileDialog):
                dialog.selectFile(out)
                times["start"] = time.perf_counter()
                dialog.accept()
            elif isinstance(dialog, QMessageBox) and dialog.objectName() == "export_done":
                times["end"] = time.perf_counter()
                dialog.reject()
                QTimer.singleShot(0, app.quit)
                return
            else:
                answered.discard(id(dialog))  # a progress dialog or an unexpected box: look again
        QTimer.singleShot(5, answer)

    def start() -> None:
        # The clerk clicks once the window is up and its tables are loaded.
        wait_for_jobs(60000)
        QTimer.singleShot(0, answer)
        export_year_archive(window)

    QTimer.singleShot(1500, start)
    QTimer.singleShot(WINDOW_TIMEOUT_S * 1000, app.quit)
    app.exec()
    window.close()
    wait_for_jobs(60000)
    store.close()
    if "end" not in times:
        raise RuntimeError("the window never reported the binder as written")
    return times["end"] - times["start"]


def main() -> None:
    """Generate the demo database unless given one; print the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to export (default: the demo data, generated)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--window", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window:
        print(json.dumps({"window_s": _drive_window(*args.window)}))
        return
    if args.db is not None:
        print(json.dumps(measure(args.db, args.runs)))
        return
    with tempfile.TemporaryDirectory(prefix="bangfu-bench-demo-") as folder:
        db = Path(folder) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "bangfu_desktop.cli", "--db", str(db), "demo"],
                       env=_env(Path(folder) / "config"), check=True, capture_output=True)
        print(json.dumps(measure(db, args.runs)))


if __name__ == "__main__":
    main()
