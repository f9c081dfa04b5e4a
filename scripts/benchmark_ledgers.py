"""Ledger writers against raw openpyxl write-only with the same cells, in the same run.

    python scripts/benchmark_ledgers.py [--activities 10000,100000] [--teachers 5000] [--keep DIR]

A database is generated with a fixed seed (``random.Random(42)``); each measurement
runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. Printed:
rows, our time, write-only time, ratio, and both peak memories.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = ["听评课", "集体备课", "同课异构", "专题讲座", "座谈会", "示范课", "远程教研", "送教下乡"]
SUBJECTS = ["语文", "数学", "英语", "物理", "化学", "电子技术", "汽修", "计算机"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"


def generate(path: Path, activities: int, teachers: int) -> None:
    """A database of ``teachers`` teachers and ``activities`` activities (3 participants each)."""
    from bangfu_desktop.core import database
    from bangfu_desktop.core.models import Activity, ActivityParticipant, Honour, Teacher, Unit

    rnd = random.Random(42)
    store = database.open_database(path)
    with Teacher._meta.database.atomic():
        Unit.insert(name="沿河土家族自治县中等职业学校", is_self=True).execute()
        unit_id = Unit.get(Unit.is_self == True).id  # noqa: E712
        Teacher.insert_many([{
            "name": rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN), "gender": rnd.choice("男女"),
            "unit": unit_id, "subject": rnd.choice(SUBJECTS), "position": "教师", "title": "一级教师",
            "phone": f"13{rnd.randrange(10**9):09d}", "is_dual_qualified": rnd.random() < 0.4,
            "notes": "备注" * rnd.randint(0, 8)} for _ in range(teachers)]).execute()
        ids = [i for (i,) in Teacher.select(Teacher.id).tuples()]
        Honour.insert_many([{"teacher": rnd.choice(ids), "kind": "骨干教师", "level": "县级", "year": 2020 + i % 5}
                            for i in range(teachers // 3)]).execute()
        start = dt.date(2018, 9, 1)
        for chunk in range(0, activities, 5000):
            rows = [{
                "type": rnd.choice(TYPES), "title": f"{rnd.choice(SUBJECTS)}教研活动第{i}次", "date":
                start + dt.timedelta(days=rnd.randrange(3000)), "start_time": "14:30", "end_time": "16:00",
                "place": "学术报告厅", "organiser": "教务处", "host": rnd.choice(SURNAMES) + "老师",
                "subject": rnd.choice(SUBJECTS), "others_count": rnd.randint(0, 5),
                "content": "围绕课堂教学开展研讨，" * rnd.randint(1, 12)}
                for i in range(chunk, min(chunk + 5000, activities))]
            Activity.insert_many(rows).execute()
        act_ids = [i for (i,) in Activity.select(Activity.id).tuples()]
        for chunk in range(0, len(act_ids), 5000):
            ActivityParticipant.insert_many([{"activity": a, "teacher": rnd.choice(ids)}
                                             for a in act_ids[chunk:chunk + 5000] for _ in range(3)]).execute()
    store.close()


def _ours(kind: str, db: str, dest: str) -> None:
    from bangfu_desktop.core import database
    from bangfu_desktop.core.excel_ledgers import LEDGERS

    database.open_database(Path(db), backup_on_open=False)
    LEDGERS[kind][1](dest, day=dt.date(2026, 11, 22))


def _raw(kind: str, db: str, dest: str) -> None:
    """The same cells (values only, one shared style per cell) with plain openpyxl write-only."""
    import sqlite3

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Border, Font, Side

    con = sqlite3.connect(db)
    if kind == "activities":
        sql = ("SELECT date, start_time || '-' || end_time, type, title, place, online, organiser, host, subject, "
               "(SELECT COUNT(*) FROM activity_participant p WHERE p.activity_id = a.id) + others_count, content "
               "FROM activity a WHERE deleted_at IS NULL ORDER BY date, start_time, id")
    else:
        sql = ("SELECT t.name, gender, u.name, subject, position, title, phone, is_dual_qualified, is_party_member, "
               "is_leader, is_helper, '', t.notes FROM teacher t LEFT JOIN unit u ON t.unit_id = u.id "
               "WHERE t.deleted_at IS NULL ORDER BY t.unit_id, t.id")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(kind)
    thin = Side(style="thin")
    font, border = Font(name="宋体", size=10.5), Border(left=thin, right=thin, top=thin, bottom=thin)
    bools = {5} if kind == "activities" else {7, 8, 9, 10}
    for n, row in enumerate(con.execute(sql), start=1):
        row = [("是" if v else "否") if i in bools else v for i, v in enumerate(row)]
        if kind == "activities":
            row[0] = dt.date.fromisoformat(row[0])
        cells = []
        for value in (n, *row):
            cell = WriteOnlyCell(ws, value=value)
            cell.font, cell.border = font, border
            cells.append(cell)
        ws.append(cells)
    wb.save(dest)


def peak_kb() -> int:
    """This process's peak resident memory in KB (VmHWM: unlike ru_maxrss it is not inherited through exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(which: str, kind: str, db: Path, dest: Path) -> dict:
    """Run one writer in a subprocess; its wall time and peak memory."""
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); "
            f"import scripts.benchmark_ledgers as b; t = time.perf_counter(); "
            f"b._{which}({kind!r}, {str(db)!r}, {str(dest)!r}); "
            f"print(time.perf_counter() - t, b.peak_kb())")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return {"seconds": float(out[0]), "peak_mb": int(out[1]) / 1024}


def main() -> None:
    """Generate the databases, measure, print the table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", default="10000,100000")
    parser.add_argument("--teachers", type=int, default=5000)
    parser.add_argument("--keep", metavar="DIR")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bangfu-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cases = [("activities", int(n)) for n in args.activities.split(",") if n] + [("teachers", args.teachers)]
    results = []
    for kind, n in cases:
        db = work / f"{kind}{n}.sqlite3"
        if not db.exists():
            generate(db, activities=n if kind == "activities" else 100, teachers=n if kind == "teachers" else 500)
        ours = measure("ours", kind, db, work / f"ours_{kind}{n}.xlsx")
        raw = measure("raw", kind, db, work / f"raw_{kind}{n}.xlsx")
        results.append({"ledger": kind, "rows": n, "ours": ours, "write_only": raw,
                        "ratio": ours["seconds"] / raw["seconds"]})
        print(f"{kind:10s} {n:>7,d} rows: ours {ours['seconds']:6.1f} s {ours['peak_mb']:6.0f} MB | "
              f"write-only {raw['seconds']:6.1f} s {raw['peak_mb']:6.0f} MB | ratio {results[-1]['ratio']:.2f}x",
              flush=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
