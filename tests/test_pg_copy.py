"""bangfu copy-to SQLite → PostgreSQL → SQLite, and backup/restore of a server database."""

from __future__ import annotations

import openpyxl
from bangfu_desktop.core import attachments, database, demo
from bangfu_desktop.core.models import Activity
from conftest import DEMO_TODAY, run_cli

LEDGERS = ("activities", "teachers", "pairings", "rotations", "observations")


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return [[c.value for c in row] for ws in wb.worksheets for row in ws.iter_rows()]


def _exports(db: str, folder) -> dict[str, list]:
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for kind in LEDGERS:
        dest = folder / f"{kind}.xlsx"
        r = run_cli("--db", db, "export", kind, "-o", str(dest))
        assert r.returncode == 0, r.stderr
        found[kind] = _cells(dest)
    return found


def test_copy_demo_to_postgresql_and_back(pg_server, tmp_path):
    """Same stats and the same exported ledgers cell for cell; attachment files travel too."""
    first = tmp_path / "a.sqlite3"
    store = database.open_database(first)
    demo.load_demo(today=DEMO_TODAY)
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg" * 50)
    attachments.add_attachment(Activity.select().first(), photo)
    store.close()
    url = pg_server.new_database(None)
    shared = tmp_path / "share"
    shared.mkdir()
    r = run_cli("--db", str(first), "copy-to", url, "--attachments-dir", str(shared))
    assert r.returncode == 0 and "内容校验值一致" in r.stdout, r.stderr
    back = tmp_path / "b.sqlite3"
    r = run_cli("--db", url, "copy-to", str(back))
    assert r.returncode == 0, r.stderr
    stats = [run_cli("--db", db, "stats").stdout for db in (str(first), url, str(back))]
    assert stats[0] == stats[1] == stats[2] and "attachments: 1" in stats[0]
    ledgers = [_exports(db, tmp_path / f"x{i}") for i, db in enumerate((str(first), url, str(back)))]
    assert ledgers[0] == ledgers[1] == ledgers[2]
    copies = [p for p in (tmp_path / "b_attachments").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in copies] == [photo.read_bytes()]
    assert len([p for p in shared.rglob("*") if p.is_file()]) == 1
    r = run_cli("--db", str(first), "copy-to", url)
    assert r.returncode == 1 and "已有记录" in r.stderr  # never into a database that has records


def test_server_backup_restores_into_an_empty_database(pg_server, tmp_path):
    """bangfu backup on a server writes a portable file; restore reads it into an empty database."""
    url = pg_server.new_database("demo")
    dest = tmp_path / "server-backup.sqlite3"
    r = run_cli("--db", url, "backup", "-o", str(dest))
    assert r.returncode == 0 and dest.is_file(), r.stderr
    empty = pg_server.new_database(None)
    r = run_cli("--db", empty, "restore", str(dest))
    assert r.returncode == 0, r.stderr
    assert run_cli("--db", empty, "stats").stdout == run_cli("--db", url, "stats").stdout
    assert run_cli("--db", str(dest), "stats").stdout == run_cli("--db", url, "stats").stdout
