"""The database in hostile places: a read-only folder and a full disk.

Tests run as root, where chmod does not stop writes, so the read-only folder is a
real read-only bind mount and the full disk a real 1-2 MB tmpfs, each made in a
private mount namespace (``unshare -m``) that vanishes with the subprocess. Where
that is not possible (no root, no unshare) the tests are skipped.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import run_cli

# Runs inside the namespace: each argument list is a bangfu command, or a step of ours.
DRIVER = r"""
import json, os, subprocess, sys
results = []
for cmd in json.loads(sys.argv[1]):
    if cmd[0] == "__fill__":  # fill the disk until only cmd[2] bytes are free
        st = os.statvfs(os.path.dirname(cmd[1]))
        free = st.f_bavail * st.f_frsize - int(cmd[2])
        with open(cmd[1], "wb") as fh:
            fh.write(b"\0" * max(free, 0))
        results.append({"rc": 0, "out": "", "err": ""})
        continue
    p = subprocess.run([sys.executable, "-m", "bangfu_desktop.cli", *cmd], capture_output=True,
                       text=True, encoding="utf-8")
    results.append({"rc": p.returncode, "out": p.stdout, "err": p.stderr})
print(json.dumps(results))
"""


def _can_unshare() -> bool:
    if os.name == "nt" or shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _can_unshare(), reason="needs root and unshare -m to mount")


def in_namespace(mount_script: str, folder, commands: list[list[str]]) -> list[dict]:
    """Mount with ``mount_script`` ($1 is ``folder``) in a private namespace, then run ``commands``."""
    result = subprocess.run(
        ["unshare", "-m", "sh", "-ec", mount_script + '\nshift\nexec "$@"', "sh", str(folder),
         sys.executable, "-c", DRIVER, json.dumps(commands)],
        capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


READ_ONLY = 'mount --bind "$1" "$1"\nmount -o remount,bind,ro "$1"'


@needs_mounts
def test_read_only_folder_reads_work_writes_are_refused(tmp_path):
    """In a read-only folder: check, stats, backup and exports work; writes say 只读; no traceback."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "台账#ro.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    roster = tmp_path / "roster.xlsx"
    assert run_cli("--db", str(db), "export", "teachers", "-o", str(roster)).returncode == 0
    before = db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    reads = [["check"], ["stats"], ["backup", "-o", str(out / "b.sqlite3")],
             ["export", "teachers", "-o", str(out / "t.xlsx")], ["export", "tasks", "-o", str(out / "k.xlsx")]]
    writes = [["demo"], ["init"], ["import", "teachers", str(roster)], ["restore", str(out / "b.sqlite3")]]
    results = in_namespace(READ_ONLY, folder, [["--db", str(db), *c] for c in reads + writes])
    for command, r in zip(reads, results):
        assert r["rc"] == 0, (command, r["err"])
        assert "损坏" not in r["out"] + r["err"], command
    for command, r in zip(writes, results[len(reads):]):
        assert r["rc"] == 1, (command, r)
        assert "只读" in r["err"] and "Traceback" not in r["err"], (command, r["err"])
    assert (out / "b.sqlite3").exists() and (out / "t.xlsx").exists()
    assert db.read_bytes() == before


FULL_DISK = 'mount -t tmpfs -o size=2m tmpfs "$1"'


@needs_mounts
def test_full_disk_during_demo_and_import(tmp_path):
    """The disk fills during demo and during an import: a Chinese message, exit 1, the database intact."""
    source = tmp_path / "source.sqlite3"
    assert run_cli("--db", str(source), "demo").returncode == 0
    roster = tmp_path / "roster.xlsx"
    assert run_cli("--db", str(source), "export", "teachers", "-o", str(roster)).returncode == 0
    disk = tmp_path / "disk"
    disk.mkdir()
    db = str(disk / "db.sqlite3")
    results = in_namespace(FULL_DISK, disk, [
        ["--db", db, "init"],
        ["__fill__", str(disk / "filler"), str(60_000)],
        ["--db", db, "demo"],
        ["--db", db, "check"],
        ["--db", db, "import", "teachers", str(roster)],
        ["--db", db, "check"],
        ["--db", db, "stats"],
    ])
    init, _, demo, check1, imported, check2, stats = results
    assert init["rc"] == 0, init["err"]
    for r in (demo, imported):
        assert r["rc"] == 1, r
        assert "磁盘空间已满" in r["err"], r["err"]
        assert "Traceback" not in r["err"] and "cannot rollback" not in r["err"]
    for r in (check1, check2):
        assert r["rc"] == 0 and "完好" in r["out"], r
    assert stats["rc"] == 0, stats["err"]
