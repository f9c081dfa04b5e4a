"""The window on a shared PostgreSQL database: others' changes appear, a concurrent edit asks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bangfu_desktop.core import database, settings
from bangfu_desktop.core.models import Teacher
from bangfu_desktop.gui.shared_poll import ChangeFollower
from bangfu_desktop.gui.tabs.teachers import TeachersTab

from gui_helpers import open_tab, press_save, settle, when_dialog_opens

OTHER_CLERK = """
import sys
from bangfu_desktop.core import database, records
from bangfu_desktop.core.models import Teacher
database.open_database(sys.argv[1])
if sys.argv[2] == "add":
    records.save(Teacher(name="新来的老师"))
else:
    t = Teacher.get_by_id(int(sys.argv[2])); t.phone = "13900000009"; records.save(t)
"""


def other_clerk(url: str, what: str) -> None:
    subprocess.run([sys.executable, "-c", OTHER_CLERK, url, what], check=True, timeout=60)


@pytest.fixture
def shared(pg_server, tmp_path, qtbot):
    url = pg_server.new_database("demo")
    store = database.open_database(url)
    folder = tmp_path / "share"
    folder.mkdir()
    settings.put("attachments.dir", str(folder))
    tab = open_tab(qtbot, TeachersTab)
    yield url, tab
    settle(qtbot, rounds=3)
    store.close()
    pg_server.drop(url)


def test_the_table_follows_another_clients_change(shared, qtbot):
    """A teacher added by another clerk appears after the next poll of the change counter, without F5."""
    url, tab = shared
    follower = ChangeFollower(tab, interval_ms=60_000)
    other_clerk(url, "add")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        assert "teacher" in follower.poll()
    names = [tab.model.row_at(r)[1] for r in range(tab.model.rowCount())]
    assert "新来的老师" in names


@pytest.mark.parametrize("choice", ["reload", "keep"])
def test_saving_a_record_changed_by_someone_else_asks(shared, qtbot, choice):
    """The form says who changed it; 重新载入 shows their phone, 保留我的版本 saves mine over it."""
    url, tab = shared
    teacher = Teacher.live().order_by(Teacher.id).first()
    assert tab.select_id(teacher.id)
    asked = []

    def edit(dialog):
        dialog.editors["position"].setText("教研组长")
        other_clerk(url, str(teacher.id))  # saved by someone else while the form is open
        dialog.ask_conflict = lambda exc: asked.append(str(exc)) or choice
        press_save(dialog)
        qtbot.waitUntil(lambda: bool(asked), timeout=10000)
        if choice == "reload":
            assert dialog.editors["phone"].text() == "13900000009"
            dialog.reject()

    when_dialog_opens(qtbot, tab.edit_action.trigger, edit)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    settle(qtbot, rounds=5)
    assert "已被" in asked[0] and "修改了" in asked[0]
    stored = Teacher.get_by_id(teacher.id)
    if choice == "keep":
        qtbot.waitUntil(lambda: Teacher.get_by_id(teacher.id).position == "教研组长", timeout=10000)
    else:
        assert stored.phone == "13900000009" and stored.position == teacher.position
