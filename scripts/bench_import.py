#!/usr/bin/env python3
"""Issue 16: importing a 5,000-row roster (new, unchanged, changed) against openpyxl reading it. Run: python scripts/bench_import.py [-p]"""
import cProfile, pstats, random, sys, tempfile, time, pathlib
import openpyxl
from bangfu_desktop.core import database
from bangfu_desktop.core.excel_import import apply_import
from bangfu_desktop.core.excel_import_teachers import preview_teachers
d = pathlib.Path(tempfile.mkdtemp())
rng = random.Random(42)
path = d / "roster.xlsx"
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "性别", "单位", "学科", "职务", "职称", "手机号码", "双师型", "党员", "帮扶人才", "备注"])
surn = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"; given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
for n in range(5000):
    ws.append([n + 1, rng.choice(surn) + rng.choice(given) + rng.choice(given) + str(n), rng.choice("男女"),
               f"第{rng.randint(1, 40)}中学", rng.choice(["语文", "数学", "英语", "物理"]), "教师", "一级教师",
               13800000000 + n, rng.choice(["是", "否"]), rng.choice(["中共党员", "群众"]), "否", ""])
wb.save(path)
t = time.perf_counter(); wb = openpyxl.load_workbook(path, data_only=True); rows = list(wb.active.iter_rows(values_only=True)); raw = time.perf_counter() - t
store = database.open_database(d / "db.sqlite3")
prof = cProfile.Profile() if "-p" in sys.argv else None
t = time.perf_counter()
if prof: prof.enable()
p = preview_teachers(path); t1 = time.perf_counter() - t
r = apply_import(p)
if prof: prof.disable()
ours = time.perf_counter() - t
print(f"openpyxl read {raw:.2f} s; preview {t1:.2f} s; preview+apply {ours:.2f} s; ratio {ours / raw:.2f}; added {r.added}")
if prof: pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
for label in ("same", "changed"):
    if label == "changed":
        wb = openpyxl.load_workbook(path); ws = wb.active
        for row in ws.iter_rows(min_row=2):
            row[4].value = "化学"
        wb.save(path)
    t = time.perf_counter(); p = preview_teachers(path); t1 = time.perf_counter() - t; r = apply_import(p); ours = time.perf_counter() - t
    print(f"{label}: preview {t1:.2f} s; preview+apply {ours:.2f} s; ratio {ours / raw:.2f}; added {r.added} updated {r.updated}")
