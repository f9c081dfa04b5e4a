#!/usr/bin/env python3
"""Issue 16: importing a 5,000-row roster (new, unchanged, changed) against openpyxl reading it.

    python scripts/bench_import.py [--rows 5000] [-p]

``measure(rows)`` is what scripts/benchmark.py calls: it writes the roster (fixed seed),
times openpyxl reading it, then our preview and apply into a new database, in this process.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from pathlib import Path

HEADER = ["序号", "姓名", "性别", "单位", "学科", "职务", "职称", "手机号码", "双师型", "党员", "帮扶人才", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def write_roster(path: Path, rows: int, seed: int = 42) -> Path:
    """A bureau's roster of ``rows`` teachers in 40 schools (invented names and phones)."""
    import openpyxl

    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for n in range(rows):
        ws.append([n + 1, rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + str(n), rng.choice("男女"),
                   f"第{rng.randint(1, 40)}中学", rng.choice(["语文", "数学", "英语", "物理"]), "教师", "一级教师",
                   13800000000 + n, rng.choice(["是", "否"]), rng.choice(["中共党员", "群众"]), "否", ""])
    wb.save(path)
    return path


def read_raw(path: Path) -> float:
    """Seconds openpyxl takes to read every value of the roster."""
    import openpyxl

    began = time.perf_counter()
    wb = openpyxl.load_workbook(path, data_only=True)
    list(wb.active.iter_rows(values_only=True))
    return time.perf_counter() - began


def measure(rows: int = 5000, folder: Path | None = None, profile: bool = False) -> dict:
    """Roster import (preview + apply) into an empty database against openpyxl reading the same file."""
    from bangfu_desktop.core import database
    from bangfu_desktop.core.excel_import import apply_import
    from bangfu_desktop.core.excel_import_teachers import preview_teachers

    folder = Path(folder or tempfile.mkdtemp(prefix="bangfu-import-"))
    path = write_roster(folder / "roster.xlsx", rows)
    raw = read_raw(path)
    store = database.open_database(folder / "db.sqlite3", backup_on_open=False)
    prof = cProfile.Profile() if profile else None
    try:
        began = time.perf_counter()
        if prof:
            prof.enable()
        preview = preview_teachers(path)
        preview_s = time.perf_counter() - began
        result = apply_import(preview)
        if prof:
            prof.disable()
        ours = time.perf_counter() - began
    finally:
        store.close()
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return {"rows": rows, "raw_read_s": raw, "preview_s": preview_s, "seconds": ours, "ratio": ours / raw,
            "added": result.added, "folder": str(folder)}


def main() -> None:
    """Print the new import, then importing the same file again and a changed one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("-p", dest="profile", action="store_true", help="profile the first import")
    args = parser.parse_args()
    figures = measure(args.rows, profile=args.profile)
    raw = figures["raw_read_s"]
    print(f"openpyxl read {raw:.2f} s; preview {figures['preview_s']:.2f} s; preview+apply {figures['seconds']:.2f} s; "
          f"ratio {figures['ratio']:.2f}; added {figures['added']}")

    import openpyxl

    from bangfu_desktop.core import database
    from bangfu_desktop.core.excel_import import apply_import
    from bangfu_desktop.core.excel_import_teachers import preview_teachers

    folder = Path(figures["folder"])
    path = folder / "roster.xlsx"
    store = database.open_database(folder / "db.sqlite3", backup_on_open=False)
    for label in ("same", "changed"):
        if label == "changed":
            wb = openpyxl.load_workbook(path)
            for row in wb.active.iter_rows(min_row=2):
                row[4].value = "化学"
            wb.save(path)
        t = time.perf_counter()
        preview = preview_teachers(path)
        t1 = time.perf_counter() - t
        result = apply_import(preview)
        ours = time.perf_counter() - t
        print(f"{label}: preview {t1:.2f} s; preview+apply {ours:.2f} s; ratio {ours / raw:.2f}; "
              f"added {result.added} updated {result.updated}")
    store.close()


if __name__ == "__main__":
    main()
