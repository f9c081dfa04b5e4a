"""The import preview shows each conflict with both versions and its own choice; the choices are kept."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QRadioButton, QTableWidget, QWidget

from bangfu_desktop.core import records
from bangfu_desktop.core.exchange import importer
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.core.models import Activity, Teacher
from bangfu_desktop.gui.operations import wait_for_jobs
from bangfu_desktop.gui.tabs.bureau import confirm_import

from exchange_helpers import SCHOOLS, make_bureau, make_school, opened
from gui_helpers import when_dialog_opens


@pytest.fixture
def both_edited(tmp_path):
    """A teacher's phone and an activity's title, changed at the school and at the bureau after one exchange."""
    school = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    office = make_bureau(tmp_path / "j" / "j.sqlite3")
    with opened(school):
        export_package(tmp_path / "1.bfpkg")
        teacher = Teacher.live().order_by(Teacher.id).first()
        activity = Activity.live().order_by(Activity.id).first()
        teacher.phone = "13900000002"
        records.save(teacher)
        activity.title, activity.place = "学校改过的主题", "学校会议室"
        records.save(activity)
        export_package(tmp_path / "2.bfpkg")
    with opened(office):
        importer.apply_import(importer.plan_import(tmp_path / "1.bfpkg"))
        mine = Teacher.get(Teacher.uuid == teacher.uuid)
        mine.phone = "13700000003"
        records.save(mine)
        mine_activity = Activity.get(Activity.uuid == activity.uuid)
        mine_activity.title, mine_activity.place = "教育局改过的主题", "教育局三楼"
        records.save(mine_activity)
    return office, tmp_path / "2.bfpkg", teacher.uuid, activity.uuid


def _rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def test_each_conflict_gets_its_own_choice(both_edited, qtbot, tmp_path):
    """Keep the bureau's phone, take the school's title: the database holds exactly that afterwards."""
    office, package, teacher_uuid, activity_uuid = both_edited
    with opened(office):
        parent = QWidget()
        qtbot.addWidget(parent)
        plan = importer.plan_import(package)
        seen = {}

        def decide(dialog):
            table = dialog.findChild(QTableWidget, "conflicts")
            rows = _rows(table)
            seen["rows"] = rows
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
            seen["ok_at_first"] = ok.isEnabled()
            by_table = {view.table: n for n, view in enumerate(dialog.views)}
            dialog.findChild(QRadioButton, f"mine_{by_table['teacher']}").click()
            seen["ok_after_one"] = ok.isEnabled()
            dialog.findChild(QRadioButton, f"theirs_{by_table['activity']}").click()
            dialog.resize(1000, 420)
            dialog.grab().save(str(tmp_path / "conflicts.png"))
            ok.click()

        when_dialog_opens(qtbot, lambda: confirm_import(parent, plan), decide)
        wait_for_jobs()
        assert Teacher.get(Teacher.uuid == teacher_uuid).phone == "13700000003"
        assert Activity.get(Activity.uuid == activity_uuid).title == "学校改过的主题"
    assert not seen["ok_at_first"] and not seen["ok_after_one"]
    assert ["手机号码", "13700000003", "13900000002"] in [row[1:] for row in seen["rows"]]
    columns = [[line.split("\n") for line in row[1:]] for row in seen["rows"]]
    fields, local, received = next(c for c in columns if "活动主题" in c[0])
    assert dict(zip(fields, zip(local, received))) == {"活动主题": ("教育局改过的主题", "学校改过的主题"),
                                                       "地点": ("教育局三楼", "学校会议室")}
    assert any(row[0].startswith("教师：") for row in seen["rows"])


def test_take_all_theirs_shortcut(both_edited, qtbot):
    """全部采用收到的 chooses every row; both records then hold the school's version."""
    office, package, teacher_uuid, activity_uuid = both_edited
    with opened(office):
        parent = QWidget()
        qtbot.addWidget(parent)
        plan = importer.plan_import(package)

        def take_all(dialog):
            dialog.findChild(QPushButton, "all_theirs").click()
            assert dialog.choices() == {("teacher", teacher_uuid): "theirs", ("activity", activity_uuid): "theirs"}
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

        when_dialog_opens(qtbot, lambda: confirm_import(parent, plan), take_all)
        wait_for_jobs()
        assert Teacher.get(Teacher.uuid == teacher_uuid).phone == "13900000002"
        assert Activity.get(Activity.uuid == activity_uuid).title == "学校改过的主题"


def test_cancel_writes_nothing(both_edited, qtbot):
    """取消 in the preview: neither record changes and the package is not noted as imported."""
    office, package, teacher_uuid, activity_uuid = both_edited
    with opened(office):
        parent = QWidget()
        qtbot.addWidget(parent)
        plan = importer.plan_import(package)
        when_dialog_opens(qtbot, lambda: confirm_import(parent, plan),
                          lambda d: d.findChild(QDialogButtonBox).button(QDialogButtonBox.Cancel).click())
        wait_for_jobs()
        assert Teacher.get(Teacher.uuid == teacher_uuid).phone == "13700000003"
        assert not importer.plan_import(package).already_imported
