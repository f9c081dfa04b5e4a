"""Starting the window on files it must refuse: a Chinese dialog, never a traceback.

Each case runs ``bangfu-desktop``'s real ``main`` in a subprocess (offscreen Qt);
a timer there reads the modal dialog that appears, prints it and answers it.
"""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import run_cli

DRIVER = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from bangfu_desktop.gui import app as gui_app
from bangfu_desktop.gui.main_window import MainWindow

qapp = gui_app.create_app()
seen = []

def poke():
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QMessageBox):
        seen.append({"title": dialog.windowTitle(), "text": dialog.text()})
        wanted = dialog.button(QMessageBox.No if sys.argv[2] == "no" else QMessageBox.Yes)
        (wanted or dialog.buttons()[0]).click()
    elif any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.append({"window": windows[0].db_label.text(), "backup": windows[0].backup_label.text(),
                     "status": windows[0].statusBar().currentMessage()})
        if sys.argv[3] == "wait-backup" and not windows[0].store.last_backup and not seen[-1]["status"]:
            seen.pop()
        else:
            windows[0].close()
            return
    QTimer.singleShot(50, poke)

QTimer.singleShot(50, poke)
code = gui_app.main(["--db", sys.argv[1]])
print("RESULT" + json.dumps({"code": code, "seen": seen}, ensure_ascii=False))
"""


def start_window(db, answer="no", mode="plain", env=None):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    result = subprocess.run([sys.executable, "-c", DRIVER, str(db), answer, mode], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, env=full_env)
    assert "Traceback" not in result.stderr, result.stderr
    line = [x for x in result.stdout.splitlines() if x.startswith("RESULT")]
    assert line, result.stdout + result.stderr
    return json.loads(line[0][len("RESULT"):])


def test_folder_as_database_is_a_dialog(tmp_path):
    """A folder given as the database: a dialog saying so, exit 1."""
    out = start_window(tmp_path)
    assert out["code"] == 1
    assert out["seen"][0]["title"] == "无法打开数据库" and "文件夹" in out["seen"][0]["text"]


def test_path_under_a_file_is_a_dialog(tmp_path):
    """A path under a file: a dialog naming the file, nothing created."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    out = start_window(blocker / "db.sqlite3")
    assert out["code"] == 1 and "是一个文件" in out["seen"][0]["text"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config", "notes.txt"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_damaged_file_with_hash_in_name_is_a_dialog(tmp_path):
    """A damaged file named with '#': the 已损坏 dialog, not a traceback; the file untouched."""
    db = tmp_path / "台账#2024.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    out = start_window(db)
    assert out["code"] == 1 and "已损坏" in out["seen"][0]["text"]
    assert db.read_bytes() == data[: len(data) // 2]


def test_newer_schema_is_a_dialog(tmp_path):
    """A database from a newer version: the dialog says to install the newer version."""
    db = tmp_path / "new#1.sqlite3"
    assert run_cli("--db", str(db), "init").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    out = start_window(db)
    assert out["code"] == 1 and "更新版本" in out["seen"][0]["text"]
    assert not (tmp_path / "new").exists()


def test_missing_file_is_created_only_when_the_user_agrees(tmp_path):
    """No database at --db: asked first; 否 creates nothing, 是 opens a new database."""
    db = tmp_path / "新建.sqlite3"
    out = start_window(db, answer="no")
    assert out["code"] == 1 and out["seen"][0]["title"] == "新建数据库"
    assert not db.exists()
    out = start_window(db, answer="yes")
    assert out["code"] == 0 and "window" in out["seen"][-1]
    assert db.exists()


def test_window_opens_although_the_opening_backup_fails(tmp_path):
    """The backup on opening fails (its folder cannot be made): the window opens with the warning."""
    db = tmp_path / "db.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    (tmp_path / "db_backups").rename(tmp_path / "old_backups")
    (tmp_path / "db_backups").write_text("a file where the backup folder should be")
    out = start_window(db, mode="wait-backup", env={"BANGFU_LOG_DIR": str(tmp_path / "logs")})
    assert out["code"] == 0
    shown = out["seen"][-1]
    assert shown["backup"] == "⚠ 自动备份失败" and "自动备份失败" in shown["status"], shown
    assert "自动备份失败" in (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_read_only_database_opens_read_only(tmp_path):
    """A database in a read-only place opens with the 只读 notice and a 只读 label (root: a read-only mount)."""
    import shutil
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root for a read-only bind mount")
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "db.sqlite3"
    assert run_cli("--db", str(db), "demo").returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        ["unshare", "-m", "sh", "-ec", 'mount --bind "$1" "$1"; mount -o remount,bind,ro "$1"; shift; exec "$@"',
         "sh", str(folder), sys.executable, "-c", DRIVER, str(db), "yes", "plain"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, env=env)
    if "mount" in result.stderr and result.returncode != 0:
        pytest.skip("mount not permitted here")
    assert "Traceback" not in result.stderr, result.stderr
    out = json.loads([x for x in result.stdout.splitlines() if x.startswith("RESULT")][0][len("RESULT"):])
    assert out["code"] == 0
    assert out["seen"][0]["title"] == "只读"
    assert "（只读）" in out["seen"][-1]["window"]
