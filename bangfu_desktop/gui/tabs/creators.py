"""新建… from inside another form: a unit from the teacher form, a teacher from the others.

Each creator opens the record's own form (prefilled with what was typed), saves it the
usual way and hands the new record's id back, so the picker can select it.
"""

from __future__ import annotations
from ..i18n import tr

from typing import Any, Callable

from ..bus import bus


def create_unit(parent, name: str, done: Callable[[Any], None]) -> None:
    """Open the unit form with ``name``; call ``done(unit id)`` when saved (None: cancelled)."""
    from ...core.models import Unit
    from .common import edit_with_form
    from .units_plans import UnitForm, unit_fields

    saved = edit_with_form(parent, tr("tabs.creators", "新增单位"), Unit, unit_fields(), None, form_class=UnitForm,
                           defaults={"name": name, "kind": "学校"})  # notr
    if saved is not None:
        bus.changed.emit("unit")
    done(saved.id if saved is not None else None)


def create_teacher(parent, name: str, done: Callable[[Any], None]) -> None:
    """Open the teacher form with ``name``; call ``done(teacher id)`` when saved (None: cancelled)."""
    from ...core.models import Teacher
    from ...core.queries import self_unit
    from .common import edit_with_form
    from .teachers import TeacherForm, teacher_fields

    unit = self_unit()
    saved = edit_with_form(parent, tr("tabs.creators", "新增教师"), Teacher, teacher_fields(), None,
                           form_class=TeacherForm,
                           defaults={"name": name, "unit_id": unit.id if unit else None})
    if saved is not None:
        bus.changed.emit("teacher")
    done(saved.id if saved is not None else None)


def add_new_teacher_button(form, checklist) -> None:
    """A "新建教师…" button beside a participants list: the new teacher comes back checked."""
    from PySide6.QtWidgets import QPushButton

    from .common import teacher_choices

    button = QPushButton(tr("tabs.creators", "新建教师…"))
    button.setObjectName("new_teacher")
    button.setToolTip(tr("tabs.creators", "名册里没有时新建（会用搜索框里的文字作姓名）"))

    def done(teacher_id):
        if teacher_id is None:
            return
        checked = checklist.checked()
        checklist.set_items(form.cached_choices(teacher_choices, fresh=True))
        checklist.set_checked([*checked, teacher_id])
        checklist.search.clear()

    button.clicked.connect(lambda: create_teacher(form, checklist.search.text().strip(), done))
    checklist.top.addWidget(button)
