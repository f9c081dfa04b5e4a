"""设置 behaves like a form: each error at its field, 办公电话 checked, nothing saved while anything is wrong."""

from PySide6.QtWidgets import QLabel

from bangfu_desktop.core import settings
from bangfu_desktop.core.models import Unit
from bangfu_desktop.gui.tabs.settings_tab import SettingsTab
from gui_helpers import settle


def _page(qtbot):
    page = SettingsTab()
    qtbot.addWidget(page)
    page.resize(900, 1400)
    page.show()
    page.reload()
    return page


def test_errors_show_at_their_fields_and_nothing_is_saved(store, qtbot):
    """A bad mobile and 办公电话 “abc” are named under their own fields; the unit is not stored."""
    page = _page(qtbot)
    page.unit_edits["name"].setText("沿河县第二中学")
    page.unit_edits["mobile"].setText("1390000")
    page.unit_edits["office_phone"].setText("abc")
    page.bureau_email.setText("jyj@example.cn")
    assert page.save() is False  # core.settings_checks, before anything is sent to be saved
    assert Unit.select().count() == 0 and settings.get("bureau.email") == ""
    mobile_error = page.findChild(QLabel, "error_self_mobile")
    office_error = page.findChild(QLabel, "error_self_office_phone")
    assert mobile_error.isVisible() and "11 位" in mobile_error.text()
    assert office_error.isVisible() and "0951-1234567-123" in office_error.text()
    # Right under its field, in the same group box.
    for edit, label in ((page.unit_edits["mobile"], mobile_error), (page.unit_edits["office_phone"], office_error)):
        assert label.parentWidget() is edit.parentWidget()
        assert 0 <= label.y() - (edit.y() + edit.height()) < 20
    assert "有 2 处需要修改" in page.message.text()

    page.unit_edits["mobile"].setText("139 0000 1234")
    page.unit_edits["office_phone"].setText("0951-1234567转123")
    assert page.save() is True
    settle(qtbot)  # 设置 is saved off the GUI thread
    unit = Unit.get()
    assert (unit.name, unit.mobile, unit.office_phone, unit.is_self) == \
        ("沿河县第二中学", "13900001234", "0951-1234567转123", True)
    assert settings.get("bureau.email") == "jyj@example.cn"
    assert not mobile_error.isVisible() and not office_error.isVisible()
    assert page.message.text() == "已保存。"


def test_error_labels_are_not_duplicated(store, qtbot):
    """Saving twice with the same mistake shows one message under the field, not two."""
    page = _page(qtbot)
    page.unit_edits["name"].setText("单位")
    page.bureau_email.setText("not an address")
    page.save()
    settle(qtbot)  # 设置 is saved off the GUI thread
    page.save()
    settle(qtbot)  # 设置 is saved off the GUI thread
    labels = [w for w in page.findChildren(QLabel) if w.objectName() == "error_bureau_email"]
    assert len(labels) == 1 and labels[0].isVisible() and "jyj@example.cn" in labels[0].text()


def test_task_deadline_hint_reads_the_unit_calendar(store, qtbot):
    """完成时限 “2024年春季学期” is shown in full, ending where 设置's calendar ends the semester."""
    from bangfu_desktop.core import records
    from bangfu_desktop.core.models import Plan, Task
    from bangfu_desktop.gui.tabs.tasks import TasksTab

    from gui_helpers import editor, open_tab, press_save, settle, when_dialog_opens

    settings.put("calendar.autumn_start", "08-25")
    plan = records.save(Plan(title="测试方案"))
    tab = open_tab(qtbot, TasksTab)

    def fill(dialog):
        editor(dialog, "plan_id").set_value(plan.id)
        editor(dialog, "measure").setPlainText("开展同课异构")
        editor(dialog, "deadline_text").setText("2024年春季学期")
        hint = dialog.findChild(QLabel, "help_deadline_text")
        assert hint.text() == "识别为：截止 2024-08-24（2024年春季学期末）"
        editor(dialog, "deadline_text").setText("每年12月5日前")
        assert hint.text().startswith("识别为：每年 12 月 5 日前（下一次：")
        editor(dialog, "deadline_text").setText("2024年春季学期")
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    import datetime as dt
    assert Task.get().due_date == dt.date(2024, 8, 24)
    settle(qtbot)


def test_unit_name_taken_is_refused_at_its_field(store, qtbot):
    """A new 本单位 named like an existing unit is refused by core, the message under 单位名称."""
    from bangfu_desktop.core import records

    records.save(Unit(name="沿河县第二中学"))
    page = _page(qtbot)
    page.unit_picker.set_value(None)
    page.unit_edits["name"].setText("沿河县第二中学")
    assert page.save() is False
    label = page.findChild(QLabel, "error_self_name")
    assert label.isVisible() and "已有名为“沿河县第二中学”的单位" in label.text()
    assert Unit.select().count() == 1 and not Unit.get().is_self
    assert "有 1 处需要修改" in page.message.text()
