"""师徒结对 in the real window: a pairing's 指导记录 added, edited, deleted and undone through the pane."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox

from bangfu_desktop.core.models import Attachment, Guidance, Pairing
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.operations import wait_for_jobs

from gui_helpers import editor, error_text, press_save, settle, when_dialog_opens

COUNT_COLUMN = 8  # 指导次数


@pytest.fixture
def window(demo_store, qtbot):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    settle(qtbot)
    yield win
    win.close()
    wait_for_jobs()


def shown_count(tab, pairing_id) -> str:
    return tab.model.data(tab.model.index(tab.model.view_row_of(pairing_id), COUNT_COLUMN))


def test_add_edit_delete_undo_guidance(window, qtbot, tmp_path):
    """Selecting a pairing shows its log; a record added with a photo raises 指导次数 by one; an edit shows;
    a date before the pairing began is refused at the field; delete and Ctrl+Z bring the count back."""
    tab = window.show_page("pairings")
    pairing = Pairing.live().where(Pairing.start_date.is_null(False)).order_by(Pairing.id).first()
    before = Guidance.live().where(Guidance.pairing == pairing).count()
    assert shown_count(tab, pairing.id) == str(before)
    pane = tab.guidance
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        tab.select_id(pairing.id)
    assert pane.model.rowCount() == before
    assert f"{pairing.mentor.name} → {pairing.apprentice.name}（共 {before} 次）" in pane.heading.text()

    photo = tmp_path / "听课照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    day = pairing.start_date + dt.timedelta(days=3)

    def fill(dialog):
        editor(dialog, "date").line.setText((pairing.start_date - dt.timedelta(days=1)).isoformat())
        kind = editor(dialog, "kind")
        kind.setCurrentIndex(kind.findText("备课指导"))
        editor(dialog, "content").setPlainText("指导《三角形的内角和》教学设计")
        editor(dialog, "reflection").setPlainText("学会先设计问题链再备板书")
        press_save(dialog)
        assert "早于结对开始日期" in error_text(dialog, "date")
        editor(dialog, "date").line.setText(day.isoformat())
        dialog.attachments.pending.append(photo)
        press_save(dialog)

    when_dialog_opens(qtbot, pane.add_button.click, fill)
    settle(qtbot)
    assert shown_count(tab, pairing.id) == str(before + 1)
    added = Guidance.live().where(Guidance.pairing == pairing).order_by(Guidance.id.desc()).first()
    assert (added.date, added.kind, added.reflection) == (day, "备课指导", "学会先设计问题链再备板书")
    assert Attachment.live().where((Attachment.owner_table == "guidance") & (Attachment.owner_id == added.id)).count() == 1
    assert pane.model.rowCount() == before + 1

    pane.view.selectRow(pane.model.view_row_of(added.id))

    def edit(dialog):
        assert editor(dialog, "content").toPlainText() == "指导《三角形的内角和》教学设计"
        kind = editor(dialog, "kind")
        kind.setCurrentIndex(kind.findText("示范课"))
        press_save(dialog)

    when_dialog_opens(qtbot, pane.edit_button.click, edit)
    settle(qtbot)
    assert Guidance.get_by_id(added.id).kind == "示范课"
    row = pane.model.row_at(pane.model.view_row_of(added.id))
    assert row[2] == "示范课"

    pane.view.selectRow(pane.model.view_row_of(added.id))
    pane.delete_button.click()
    settle(qtbot)
    assert Guidance.get_by_id(added.id).deleted_at is not None
    assert shown_count(tab, pairing.id) == str(before)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    settle(qtbot)
    assert Guidance.get_by_id(added.id).deleted_at is None
    assert shown_count(tab, pairing.id) == str(before + 1)
    assert pane.model.view_row_of(added.id) is not None


def test_guidance_buttons_wait_for_a_pairing(window):
    """With no pairing selected the pane says to pick one and its buttons are off."""
    tab = window.show_page("pairings")
    tab.view.clearSelection()
    assert not tab.guidance.add_button.isEnabled()
    assert "请在上表选择" in tab.guidance.heading.text()


def test_a_district_of_mentors_is_counted_not_listed(store, qtbot):
    """With more mentors than the line shows, it names SHOWN_LOADS of them and counts the rest."""
    from table_data import fill

    from bangfu_desktop.gui.tabs.pairings import SHOWN_LOADS, mentor_loads

    fill(300)
    mentors = len(mentor_loads())
    assert mentors > SHOWN_LOADS
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    text = win.pages["pairings"].load_label.text()
    assert text.count(" 名；") + text.count(" 名（") == SHOWN_LOADS
    assert f"……共 {mentors} 名师傅" in text
    win.close()
    wait_for_jobs()
