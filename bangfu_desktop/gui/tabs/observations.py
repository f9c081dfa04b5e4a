"""听课记录: lesson observations with their form (授课教师, 学科, 班级, 课题, 课型, 节次, 听课人, 评价)."""

from __future__ import annotations
from ..i18n import N_, tr

import datetime as dt

from ...core import record_ops
from ...core.models import Observation, ObservationObserver
from ...core.observations import GRADES
from ...core.tablesources import OBSERVATIONS
from ...core.vocab import LESSON_TYPES
from ..dialogs.form import FieldSpec, RecordForm
from ..dialogs.pickers import CheckList
from .creators import add_new_teacher_button
from ..table_model import Column
from .base import RecordTab
from .common import edit_with_form, teacher_choices
from .creators import create_teacher
from .observation_score import ScoreInputs

# Row: core.tablesources.OBSERVATIONS (id, date, period, teacher, subject, grade_class, topic, …)
COLUMNS = [
    Column(N_("tabs.observations", "听课日期"), "date", 96), Column(N_("tabs.observations", "节次"), "period", 60), Column(N_("tabs.observations", "授课教师"), "teacher", 90),
    Column(N_("tabs.observations", "学科"), "subject", 90), Column(N_("tabs.observations", "年级/班级"), "grade_class", 110), Column(N_("tabs.observations", "课题"), "topic", 220),
    Column(N_("tabs.observations", "课型"), "lesson_type", 70), Column(N_("tabs.observations", "听课人"), "observers", 200),
]


def observation_fields() -> list[FieldSpec]:
    """The 听课记录 form's fields."""
    return [
        FieldSpec("date", tr("tabs.observations", "听课日期"), "date", required=True),
        FieldSpec("period", tr("tabs.observations", "节次"), placeholder=tr("tabs.observations", "例如 第3节")),
        FieldSpec("teacher_id", tr("tabs.observations", "授课教师"), "choice", required=True, choices=teacher_choices,
                  extra={"create": create_teacher}),
        FieldSpec("subject", tr("tabs.observations", "学科")),
        FieldSpec("grade_class", tr("tabs.observations", "年级/班级"), placeholder=tr("tabs.observations", "例如 2024级3班")),
        FieldSpec("topic", tr("tabs.observations", "课题"), required=True),
        FieldSpec("lesson_type", tr("tabs.observations", "课型"), "editcombo", choices=LESSON_TYPES),
        FieldSpec("observers_text", tr("tabs.observations", "其他听课人（名册外）")),
        FieldSpec("notes", tr("tabs.observations", "教学过程（听课记录）"), "multiline"),
        FieldSpec("evaluation", tr("tabs.observations", "评价与建议"), "multiline"),
        FieldSpec("grade", tr("tabs.observations", "等级"), "combo", choices=[(tr("tabs.observations", "（不评等级）"), ""), *((g, g) for g in GRADES)]),
    ]


class ObservationForm(RecordForm):
    """The 听课记录 form with the observers picked from the roster."""

    def add_extra_widgets(self, form) -> None:
        self.observers = CheckList(self.cached_choices(teacher_choices), tr("ObservationForm", "搜索听课人（可输入拼音首字母）"))
        self.observers.setObjectName("observers")
        add_new_teacher_button(self, self.observers)
        if self.record is not None:
            self.observers.set_checked([o.teacher_id for o in ObservationObserver.select().where(
                ObservationObserver.observation == self.record.id)])
        form.addRow(tr("ObservationForm", "听课人"), self.observers)
        self.score_inputs = ScoreInputs(self.record.scores if self.record is not None else None)
        form.addRow(tr("ObservationForm", "课堂评分"), self.score_inputs)

    def read_values(self):
        """The fields, plus the points per criterion (stored with the record)."""
        values, errors = super().read_values()
        values["scores"] = self.score_inputs.scores()
        return values, errors

    def extra_errors(self, values):
        if not self.observers.checked() and not values.get("observers_text"):
            return {"observers_text": tr("ObservationForm", "请至少选择一位听课人，或填写名册外的听课人")}
        return {}

    def save_call(self, values):
        """The 听课记录 with its observers, in one transaction."""
        record_id, observers = self.record_id(), list(self.observers.checked())
        return lambda: record_ops.save_observation(record_id, values, observers)


class ObservationsTab(RecordTab):
    """The 听课记录 table."""

    title = N_("ObservationsTab", "听课记录")
    model_class = Observation
    columns = COLUMNS
    watched = ("observation", "teacher")
    archive_kind = "observations"  # 打印/导出档案: the selected records, one 听课记录表 per page

    source = OBSERVATIONS

    def open_form(self, record):
        return edit_with_form(self, tr("ObservationsTab", "听课记录"), Observation, observation_fields(), record,
                              form_class=ObservationForm, defaults={"date": dt.date.today()})
