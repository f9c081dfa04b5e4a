"""Pieces several tabs share: choice lists for pickers and the plain form round trip."""

from __future__ import annotations
from ..i18n import tr

from typing import Any, Sequence

from peewee import JOIN

from ...core.models import Plan, Teacher, TrashableModel, Unit
from ..dialogs.form import FieldSpec, RecordForm


def teacher_choices() -> list[tuple[str, int]]:
    """Live teachers as (“姓名（单位·学科）”, id), for searchable pickers."""
    query = (Teacher.live(Teacher.id, Teacher.name, Teacher.subject, Unit.name)
             .join(Unit, on=(Teacher.unit == Unit.id), join_type=JOIN.LEFT_OUTER)
             .order_by(Teacher.name).tuples())
    # The （ is parsed back by dialogs.pickers.choice_name.
    return [(tr("tabs.common", "{name}（{unit}·{subject}）").format(name=name, unit=unit or tr("tabs.common", "未设单位"),
                                                                 subject=subject or "—"), tid)
            for tid, name, subject, unit in query]


def unit_choices() -> list[tuple[str, int]]:
    """Live units as (name, id)."""
    return [(name, uid) for uid, name in Unit.live(Unit.id, Unit.name).order_by(Unit.name).tuples()]


def plan_choices() -> list[tuple[str, int]]:
    """Live plans as (title, id)."""
    return [(title, pid) for pid, title in Plan.live(Plan.id, Plan.title).order_by(Plan.id).tuples()]


def values_of(record: TrashableModel | None, fields: Sequence[FieldSpec], defaults: dict | None = None) -> dict:
    """The current values of a record for its form (defaults for a new one)."""
    if record is None:
        return dict(defaults or {})
    return {spec.name: getattr(record, spec.name) for spec in fields}


def apply_values(record: TrashableModel, values: dict[str, Any]) -> None:
    """Copy form values onto the record's attributes."""
    for name, value in values.items():
        setattr(record, name, value)


def edit_with_form(parent, title: str, model: type[TrashableModel], fields: Sequence[FieldSpec],
                   record: TrashableModel | None, form_class=RecordForm, defaults: dict | None = None,
                   before_save=None) -> TrashableModel | None:
    """Show a form for a record; 保存 saves it (and its parts) through run_op; return the saved record.

    ``before_save(target, form)`` runs in the worker just before the save: it may
    only set values on ``target`` (no Qt, no reading widgets).
    """
    form = form_class(title, fields, values_of(record, fields, defaults), parent, record=record)
    form.model_class = model
    if before_save is not None:
        form.prepare = lambda target: before_save(target, form)
    if form.exec() != RecordForm.Accepted:
        return None
    return form.saved
