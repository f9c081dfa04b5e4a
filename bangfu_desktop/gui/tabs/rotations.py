"""轮训: rotations, with the count per year and kind and the teachers not yet rotated."""

from __future__ import annotations
from ..i18n import N_, tr

import datetime as dt

from peewee import JOIN
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.models import Rotation, Teacher, Unit
from ...core.rotation_stats import RotationSummary, load_rotation_summary
from ...core.validation import check_range
from ...core.tablesources import ROTATIONS
from ...core.vocab import ROTATION_KINDS
from ..dialogs.form import FieldSpec, RecordForm
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, teacher_choices, unit_choices

# Row: core.tablesources.ROTATIONS (id, teacher, unit, host, kind, start, end, days, leader, report, …)
COLUMNS = [
    Column(N_("tabs.rotations", "教师"), "teacher", 80), Column(N_("tabs.rotations", "单位"), "unit", 190), Column(N_("tabs.rotations", "轮训单位"), "host", 190),
    Column(N_("tabs.rotations", "类型"), "kind", 80), Column(N_("tabs.rotations", "开始"), "start", 92), Column(N_("tabs.rotations", "结束"), "end", 92), Column(N_("tabs.rotations", "天数"), "days", 48),
    Column(N_("tabs.rotations", "校领导"), "leader", 52), Column(N_("tabs.rotations", "轮训报告"), "report", 300),
]


def rotation_facts() -> list[tuple]:
    """(teacher id, kind, start, leader, host id, host name) of every live rotation: one query."""
    query = (Rotation.live(Rotation.teacher, Rotation.kind, Rotation.start_date, Rotation.is_leader,
                           Rotation.host_unit, Unit.name)
             .join(Teacher).switch(Rotation)
             .join(Unit, join_type=JOIN.LEFT_OUTER, on=(Rotation.host_unit == Unit.id))
             .where(Teacher.deleted_at.is_null()).tuples())
    return list(query)


def year_condition(year: int):
    """Rotations starting in a calendar year."""
    return Rotation.start_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))


def rotation_fields() -> list[FieldSpec]:
    """The rotation form's fields."""
    return [
        FieldSpec("teacher_id", tr("tabs.rotations", "教师"), "choice", required=True, choices=teacher_choices),
        FieldSpec("host_unit_id", tr("tabs.rotations", "轮训单位"), "choice", choices=unit_choices),
        FieldSpec("kind", tr("tabs.rotations", "类型"), "editcombo", choices=ROTATION_KINDS),
        FieldSpec("start_date", tr("tabs.rotations", "开始日期"), "date", required=True),
        FieldSpec("end_date", tr("tabs.rotations", "结束日期"), "date"),
        FieldSpec("is_leader", tr("tabs.rotations", "校领导及后备力量"), "bool"),
        FieldSpec("report", tr("tabs.rotations", "轮训报告"), "multiline"),
        FieldSpec("notes", tr("tabs.rotations", "备注"), "multiline"),
    ]


class RotationForm(RecordForm):
    """The rotation form: the end is not before the start."""

    def extra_errors(self, values):
        problem = check_range(values.get("start_date"), values.get("end_date"))
        return {"end_date": problem} if problem else {}


class RotationsTab(RecordTab):
    """轮训 records and their yearly summary."""

    title = N_("RotationsTab", "轮训")
    model_class = Rotation
    columns = COLUMNS
    watched = ("rotation", "teacher", "unit")
    archive_kind = "rotations"

    def __init__(self, parent=None):
        self._summary: RotationSummary | None = None
        self._years: list[int] = []
        self._kinds: list[str] = []
        self._hosts: list[tuple[str, int]] = []
        super().__init__(parent)

    # -- data ------------------------------------------------------------------------
    source = ROTATIONS

    def fetch_extra(self):
        # Worker thread: the summary and the filter options are kept for the GUI thread.
        facts = rotation_facts()
        rows = [(tid, kind, start, bool(leader)) for tid, kind, start, leader, _host, _name in facts]
        self._summary = load_rotation_summary(rotations=rows)
        self._years = sorted({start.year for _t, _k, start, _l, _h, _n in facts if start}, reverse=True)
        self._kinds = list(dict.fromkeys([*ROTATION_KINDS, *sorted({k for _t, k, *_ in facts if k})]))
        self._hosts = sorted({(name, host) for *_, host, name in facts if host})
        return self._summary

    def filters(self):
        return [
            FilterSpec(tr("RotationsTab", "年份"), lambda: [(tr("RotationsTab", "%d年") % y, y) for y in self._years],
                       where=year_condition),
            FilterSpec(tr("RotationsTab", "类型"), lambda: [(k, k) for k in self._kinds], where=lambda value: Rotation.kind == value),
            FilterSpec(tr("RotationsTab", "轮训单位"), lambda: self._hosts, where=lambda value: Rotation.host_unit == value),
        ]

    def open_form(self, record):
        return edit_with_form(self, tr("RotationsTab", "编辑轮训") if record else tr("RotationsTab", "新增轮训"), Rotation,
                              rotation_fields(), record, form_class=RotationForm,
                              defaults={"kind": ROTATION_KINDS[0]})

    # -- summary under the table -------------------------------------------------------
    def side_widget(self) -> QWidget:
        box = QGroupBox(tr("RotationsTab", "轮训统计"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 4, 8, 6)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("rotation_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("not_rotated")
        self.missing_label.setWordWrap(True)
        self.missing_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.missing_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(self.missing_label)
        layout.addWidget(scroll)
        self.missing_scroll = scroll
        return box

    def after_load(self) -> None:
        summary = self._summary
        if summary is None:
            return
        self.summary_label.setText(self.summary_text(summary))
        self.missing_label.setText(self.missing_text(summary))
        # As tall as the list needs, up to four lines; longer lists scroll.
        needed = self.missing_label.heightForWidth(max(self.missing_scroll.viewport().width(), 400))
        line = self.missing_label.fontMetrics().lineSpacing()
        self.missing_scroll.setFixedHeight(min(max(needed, line) + 4, 4 * line + 8))

    def summary_text(self, summary: RotationSummary) -> str:
        """One line per year: 人次, 校领导, and the count of each kind."""
        lines = []
        for year in summary.years:
            kinds = tr("RotationsTab", "，").join(f"{kind} {count}" for kind, count in year.by_kind)
            lines.append(tr("RotationsTab", "%d年：%d 人次（校领导 %d）；%s") % (year.year, year.total, year.leaders, kinds))
        if summary.undated:
            lines.append(tr("RotationsTab", "另有 %d 条未填开始日期") % summary.undated)
        return "\n".join(lines) or tr("RotationsTab", "还没有轮训记录。")

    def missing_text(self, summary: RotationSummary) -> str:
        """“尚未轮训（N 人）：…” for the teachers of 本单位 with no rotation yet."""
        if not summary.unit_name:
            return tr("RotationsTab", "尚未设置本单位，无法列出尚未轮训的教师（在“单位与方案”中勾选本单位）。")
        if not summary.not_rotated:
            return tr("RotationsTab", "%s的 %d 名教师都已参加轮训。") % (summary.unit_name, summary.roster_size)
        names = tr("RotationsTab", "、").join(name for _tid, name in summary.not_rotated)
        return tr("RotationsTab", "尚未轮训（%d 人，共 %d 人）：%s") % (len(summary.not_rotated), summary.roster_size, names)
