"""活动记录 and 听课记录: activities with participants, linked tasks and attachments."""

from __future__ import annotations
from ..i18n import N_, tr

import datetime as dt

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...core import attachments as attachment_store
from ...core import record_ops
from ...core.models import Activity, ActivityParticipant, ActivityTask, Task, database
from ...core.tablesources import ACTIVITIES, school_year_condition, semester_condition
from ...core.terms import load_calendar
from ...core.vocab import ACTIVITY_TYPES
from ..dialogs.form import FieldSpec, RecordForm
from ..dialogs.pickers import AttachmentPanel, CheckList
from .creators import add_new_teacher_button
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, plan_choices, teacher_choices
from .observations import ObservationsTab

# Row: core.tablesources.ACTIVITIES (id, date, type, title, place, host, subject, people, online, …)
COLUMNS = [
    Column(N_("tabs.activities", "日期"), "date", 96), Column(N_("tabs.activities", "类型"), "type", 90), Column(N_("tabs.activities", "主题"), "title", 300),
    Column(N_("tabs.activities", "地点"), "place", 140), Column(N_("tabs.activities", "主持人/主讲人"), "host", 110), Column(N_("tabs.activities", "学科"), "subject", 90),
    Column(N_("tabs.activities", "参加人数"), "people", 70), Column(N_("tabs.activities", "线上"), "online", 50),
]


def year_choices() -> list[tuple[str, int]]:
    """学年 choices from the earliest activity to this year."""
    first = database.execute_sql("SELECT min(date) FROM activity WHERE deleted_at IS NULL").fetchone()[0]
    calendar = load_calendar()
    this_year = calendar.school_year_of(dt.date.today())
    start = calendar.school_year_of(dt.date.fromisoformat(str(first))) if first else this_year
    return [(tr("tabs.activities", "{start}-{end}学年").format(start=y, end=y + 1), y) for y in range(this_year, start - 1, -1)]


def task_choices() -> list[tuple[str, int]]:
    """Live tasks as (“编号 举措…”, id) for linking."""
    query = Task.live(Task.id, Task.code, Task.measure, Task.stage_goal).order_by(Task.plan, Task.position)
    return [(f"{code} {(measure or goal)[:40]}", tid) for tid, code, measure, goal in query.tuples()]


def activity_fields() -> list[FieldSpec]:
    """The activity form's fields."""
    return [
        FieldSpec("type", tr("tabs.activities", "活动类型"), "editcombo", required=True, choices=ACTIVITY_TYPES),
        FieldSpec("title", tr("tabs.activities", "活动主题"), required=True),
        FieldSpec("date", tr("tabs.activities", "日期"), "date", required=True),
        FieldSpec("start_time", tr("tabs.activities", "开始时间"), placeholder=tr("tabs.activities", "例如 14:30")),
        FieldSpec("end_time", tr("tabs.activities", "结束时间"), placeholder=tr("tabs.activities", "例如 16:30")),
        FieldSpec("place", tr("tabs.activities", "地点")),
        FieldSpec("online", tr("tabs.activities", "线上活动"), "bool"),
        FieldSpec("organiser", tr("tabs.activities", "组织单位/部门")),
        FieldSpec("host", tr("tabs.activities", "主持人/主讲人")),
        FieldSpec("subject", tr("tabs.activities", "学科")),
        FieldSpec("others_count", tr("tabs.activities", "其他参加人数（名册外）"), "int"),
        FieldSpec("purpose", tr("tabs.activities", "目的意义"), "multiline"),
        FieldSpec("content", tr("tabs.activities", "活动内容及步骤"), "multiline"),
        FieldSpec("outcome", tr("tabs.activities", "结果总结"), "multiline"),
        FieldSpec("reflection", tr("tabs.activities", "评价反思"), "multiline"),
        FieldSpec("plan_id", tr("tabs.activities", "所属方案"), "choice", choices=plan_choices),
    ]


class ActivityForm(RecordForm):
    """The activity form with participants, linked tasks and attachments."""

    def add_extra_widgets(self, form) -> None:
        self.participants = CheckList(self.cached_choices(teacher_choices),
                                      tr("ActivityForm", "搜索教师姓名、单位或学科（可输入拼音首字母）"))
        self.participants.setObjectName("participants")
        add_new_teacher_button(self, self.participants)
        self.tasks = CheckList(task_choices(), tr("ActivityForm", "搜索任务编号或内容"))
        self.tasks.setObjectName("linked_tasks")
        existing = []
        if self.record is not None:
            ids = ActivityParticipant.select(ActivityParticipant.teacher).where(
                ActivityParticipant.activity == self.record.id)
            self.participants.set_checked([p.teacher_id for p in ids])
            links = ActivityTask.select(ActivityTask.task).where(ActivityTask.activity == self.record.id)
            self.tasks.set_checked([link.task_id for link in links])
            existing = [(a.id, a.filename, attachment_store.stored_path(a))
                        for a in attachment_store.attachments_of(self.record)]
        self.attachments = AttachmentPanel(existing)
        self.attachments.setObjectName("attachments")
        form.addRow(tr("ActivityForm", "参加人员"), self.participants)
        form.addRow(tr("ActivityForm", "关联任务"), self.tasks)
        form.addRow(tr("ActivityForm", "照片与附件"), self.attachments)

    def save_call(self, values):
        """The activity with its participants, task links and attachments, in one transaction."""
        record_id = self.record_id()
        participants, tasks = list(self.participants.checked()), list(self.tasks.checked())
        new_files, removed = list(self.attachments.pending), list(self.attachments.removed)
        return lambda: record_ops.save_activity(record_id, values, participant_ids=participants, task_ids=tasks,
                                                new_files=new_files, removed_attachment_ids=removed)

    def changed_tables(self):
        return ("activity", "attachment")


class ActivityList(RecordTab):
    """The activity table."""

    title = N_("ActivityList", "活动")
    model_class = Activity
    columns = COLUMNS
    watched = ("activity", "attachment")
    archive_kind = "activities"

    source = ACTIVITIES

    def filters(self):
        return [
            FilterSpec(tr("ActivityList", "学年"), year_choices, where=school_year_condition),
            FilterSpec(tr("ActivityList", "学期"), lambda: [(tr("ActivityList", "第一学期（秋季）"), 1), (tr("ActivityList", "第二学期（春季）"), 2)], where=semester_condition),
            FilterSpec(tr("ActivityList", "类型"), lambda: [(t, t) for t in ACTIVITY_TYPES], where=lambda value: Activity.type == value),
        ]

    def open_form(self, record):
        fields = activity_fields()
        title = tr("ActivityList", "编辑活动记录") if record else tr("ActivityList", "新增活动记录")
        return edit_with_form(self, title, Activity, fields, record, form_class=ActivityForm,
                              defaults={"date": dt.date.today()})


class ActivitiesTab(QWidget):
    """活动记录: the activity list and the 听课记录 list side by side as sub-tabs."""

    title = N_("ActivitiesTab", "活动记录")

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.inner = QTabWidget()
        self.activities = ActivityList(self)
        self.observations = ObservationsTab(self)
        self.inner.addTab(self.activities, tr("ActivitiesTab", "活动记录"))
        self.inner.addTab(self.observations, tr("ActivitiesTab", "听课记录"))
        layout.addWidget(self.inner)

    def reload(self) -> None:
        """Reload both lists: the one shown first, the other once it has loaded (so they never compete)."""
        from PySide6.QtCore import QTimer

        shown = self.inner.currentWidget()
        pending = [self.observations if shown is self.activities else self.activities]

        def then(*_):
            if pending:
                shown.loaded.disconnect(then)
                pending.pop().reload()

        shown.loaded.connect(then)
        QTimer.singleShot(3000, self, then)  # a failed first load: go on (unless the tab is gone)
        shown.reload()
