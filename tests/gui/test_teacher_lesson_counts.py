"""教师名册 shows each teacher's 听课节数 and 授课被听节数 for the semester chosen above the table."""

import datetime as dt

from bangfu_desktop.core import records
from bangfu_desktop.core.lesson_counts import lesson_counts
from bangfu_desktop.core.models import Observation, ObservationObserver, Teacher
from bangfu_desktop.core.terms import load_calendar
from bangfu_desktop.gui.tabs.teachers import TeachersTab

from gui_helpers import open_tab, settle


def lesson(day, teacher, *observers):
    obs = records.save(Observation(date=day, topic="课题", teacher=teacher))
    for o in observers:
        ObservationObserver.create(observation=obs, teacher=o)
    return obs


def counts_shown(tab, teacher_id):
    row = tab.model.row_at(tab.model.view_row_of(teacher_id))
    headers = [c.title for c in tab.model.columns]
    return (tab.model.columns[headers.index("听课节数")].value(row),
            tab.model.columns[headers.index("授课被听节数")].value(row))


def test_counts_follow_the_chosen_semester(store, qtbot):
    """A lesson on the first day of this semester counts now; one the day before counts in the last one."""
    this = load_calendar().semester_period(dt.date.today())
    observer = records.save(Teacher(name="周听课"))
    teacher = records.save(Teacher(name="吴授课"))
    for _ in range(2):
        lesson(this.start, teacher, observer)
    lesson(this.start - dt.timedelta(days=1), teacher, observer)
    records.trash(lesson(this.start, teacher, observer))
    tab = open_tab(qtbot, TeachersTab)
    assert tab.semester_combo.currentText() == this.label
    assert counts_shown(tab, observer.id) == (2, 0)
    assert counts_shown(tab, teacher.id) == (0, 2)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.semester_combo.setCurrentIndex(1)
    assert counts_shown(tab, observer.id) == (1, 0) and counts_shown(tab, teacher.id) == (0, 1)
    assert lesson_counts(this) == {observer.id: (2, 0), teacher.id: (0, 2)}
    settle(qtbot)
