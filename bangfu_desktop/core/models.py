"""peewee models for every record type of PRODUCT.md.

The schema itself is created and changed only by the numbered SQL migrations
under ``db/migrations``; these classes describe it for queries. A test checks
that the two agree.

Records that a user can delete carry ``deleted_at``: a delete moves the record
to the recycle bin (回收站) by setting it, and a restore clears it. Queries for
live records go through ``Model.live()``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    DatabaseProxy,
    SqliteDatabase,
    TextField,
)

# Pointed by core.database.open_database() at an SQLite file or a PostgreSQL server
# (core.dialect); one open database per process. Until then an unopened SQLite.
database = DatabaseProxy()
database.initialize(SqliteDatabase(None))


def now() -> dt.datetime:
    """The current local time, to the second (what the audit log shows)."""
    return dt.datetime.now().replace(microsecond=0)


class JSONField(TextField):
    """A list or dict stored as JSON text."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value):
        return None if value is None else json.loads(value)


def new_uuid() -> str:
    """A fresh record UUID (the stable ID that travels in data packages)."""
    return str(uuid_mod.uuid4())


class BaseModel(Model):
    """Common columns: creation and update times, and the stable record UUID."""

    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    uuid = CharField(default=new_uuid, unique=True)

    class Meta:
        database = database
        legacy_table_names = False

    # A short Chinese name of the record type, shown in the recycle bin and audit log.
    label = "记录"

    def describe(self) -> str:
        """One line that identifies the record to a clerk."""
        return f"{self.label} #{self.id}"


class TrashableModel(BaseModel):
    """A record that goes to the recycle bin when deleted."""

    deleted_at = DateTimeField(null=True, index=True)
    # '' for this database's own records; the sender unit's UUID for records received
    # in a data package, which stay apart from ours and from other senders'.
    origin = CharField(default="", index=True)

    @classmethod
    def live(cls, *fields):
        """Select this database's own records that are not in the recycle bin."""
        return cls.select(*fields).where(cls.deleted_at.is_null() & (cls.origin == ""))

    @classmethod
    def received(cls, origin: str, *fields):
        """Select the live records received from the unit whose UUID is ``origin``."""
        return cls.select(*fields).where(cls.deleted_at.is_null() & (cls.origin == origin))


class Setting(Model):
    """A key/value setting stored in the database (本单位, calendar, backups, …)."""

    key = CharField(primary_key=True)
    value = TextField(null=True)

    class Meta:
        database = database
        table_name = "setting"


class Unit(TrashableModel):
    """单位: a school, bureau, enterprise or university."""

    label = "单位"
    name = CharField()
    short_name = CharField(default="")
    kind = CharField(default="学校")  # 学校/教育局/企业/高校/其他
    stage = CharField(default="")  # 学段: 小学/初中/高中/中职/…
    region = CharField(default="")
    address = CharField(default="")
    role = CharField(default="")  # 帮扶方/受援方/核心校/成员校/主管部门/合作企业
    group_name = CharField(default="")  # 教育集团
    contact_name = CharField(default="")
    contact_title = CharField(default="")
    office_phone = CharField(default="")
    mobile = CharField(default="")
    email = CharField(default="")
    is_self = BooleanField(default=False)
    notes = TextField(default="")
    # Pinyin sort and search keys of the name (core.sortkeys fills them on save).
    name_key = TextField(null=True)
    name_py = TextField(null=True)

    def describe(self) -> str:
        return f"单位：{self.name}"


class Plan(TrashableModel):
    """方案: an implementation plan with its task list, targets and rules."""

    label = "方案"
    title = CharField()
    doc_number = CharField(default="")  # 文号
    issuer = CharField(default="")
    issued_on = DateField(null=True)
    period_start = IntegerField(null=True)
    period_end = IntegerField(null=True)
    unit = ForeignKeyField(Unit, null=True, backref="plans", on_delete="SET NULL")
    notes = TextField(default="")

    def describe(self) -> str:
        return f"方案：{self.title}"


class TaskCategory(TrashableModel):
    """A category of a plan's task list, in the plan's order (1.政策支持, …)."""

    label = "任务类别"
    plan = ForeignKeyField(Plan, backref="categories", on_delete="CASCADE")
    code = CharField(default="")
    name = CharField()
    position = IntegerField(default=0)

    def describe(self) -> str:
        return f"任务类别：{self.code}.{self.name}" if self.code else f"任务类别：{self.name}"


TASK_STATUSES = ("未开始", "推进中", "已完成")
OVERDUE = "逾期"


class Task(TrashableModel):
    """任务: one line of the 任务清单."""

    label = "任务"
    plan = ForeignKeyField(Plan, backref="tasks", on_delete="CASCADE")
    category = ForeignKeyField(TaskCategory, null=True, backref="tasks", on_delete="SET NULL")
    code = CharField(default="")
    position = IntegerField(default=0)
    stage_goal = TextField(default="")  # 目标任务（分阶段）
    measure = TextField(default="")  # 主要举措
    deadline_text = CharField(default="")  # 完成时限 as written
    due_date = DateField(null=True)  # … as understood
    start_year = IntegerField(null=True)
    ongoing = BooleanField(default=False)  # 长期坚持
    responsible = TextField(default="")  # 责任单位 as written
    cooperating = TextField(default="")  # 配合部门 as written
    status = CharField(default="未开始")
    progress = TextField(default="")  # 进展情况
    completed_on = DateField(null=True)
    evidence = TextField(default="")

    def effective_status(self, today: dt.date | None = None) -> str:
        """The stored status, or 逾期 when the due date has passed unfinished."""
        today = today or dt.date.today()
        if self.status != "已完成" and self.due_date and self.due_date < today:
            return OVERDUE
        return self.status

    def describe(self) -> str:
        text = (self.measure or self.stage_goal or "").replace("\n", " ")
        return f"任务 {self.code}：{text[:30]}"


class Target(TrashableModel):
    """指标: a stage target of a plan, computed from the records or typed."""

    label = "指标"
    plan = ForeignKeyField(Plan, backref="targets", on_delete="CASCADE")
    stage_year = IntegerField(null=True)
    description = TextField()
    kind = CharField(default="manual")  # how the actual value is found (core.targets)
    params = JSONField(default=dict)
    target_value = FloatField(null=True)
    unit_label = CharField(default="")  # 名, 人, %, 个, 万元
    actual_value = FloatField(null=True)  # typed value for manual targets
    actual_date = DateField(null=True)
    notes = TextField(default="")

    def describe(self) -> str:
        return f"指标：{self.description[:30]}"


class Teacher(TrashableModel):
    """教师: a teacher or leader of any unit, including dispatched 帮扶人才."""

    label = "教师"
    name = CharField()
    gender = CharField(default="")
    unit = ForeignKeyField(Unit, null=True, backref="teachers", on_delete="SET NULL")
    subject = CharField(default="")
    position = CharField(default="")  # 职务
    title = CharField(default="")  # 职称
    phone = CharField(default="")
    is_dual_qualified = BooleanField(default=False)  # 双师型
    is_party_member = BooleanField(default=False)
    is_leader = BooleanField(default=False)  # 校领导及后备力量
    is_helper = BooleanField(default=False)  # 帮扶人才
    helper_from = ForeignKeyField(Unit, null=True, backref="helpers", on_delete="SET NULL")
    helper_start = DateField(null=True)
    helper_end = DateField(null=True)
    notes = TextField(default="")
    # Pinyin sort and search keys of the name (core.sortkeys fills them on save).
    name_key = TextField(null=True)
    name_py = TextField(null=True)

    def describe(self) -> str:
        return f"教师：{self.name}"


HONOUR_KINDS = ("骨干教师", "学科带头人", "名校长", "名班主任", "名教师", "兼职教研员")
HONOUR_LEVELS = ("校级", "县级", "区级", "市级", "省级", "国家级")


class Honour(TrashableModel):
    """A teacher's honour (骨干教师, 学科带头人, …) at a level, in a year."""

    label = "荣誉"
    teacher = ForeignKeyField(Teacher, backref="honours", on_delete="CASCADE")
    kind = CharField()
    level = CharField(default="县级")
    year = IntegerField(null=True)
    notes = TextField(default="")

    def describe(self) -> str:
        return f"荣誉：{self.level}{self.kind}"


PAIRING_STATUSES = ("进行中", "已结束", "已解除")


class Pairing(TrashableModel):
    """师徒结对: a mentor and an apprentice."""

    label = "师徒结对"
    mentor = ForeignKeyField(Teacher, backref="mentorships", on_delete="CASCADE")
    apprentice = ForeignKeyField(Teacher, backref="apprenticeships", on_delete="CASCADE")
    subject = CharField(default="")
    programme = CharField(default="青蓝工程")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    goals = TextField(default="")
    status = CharField(default="进行中")
    evaluation = TextField(default="")

    def describe(self) -> str:
        return f"师徒结对 #{self.id}"


GUIDANCE_KINDS = ("听课指导", "备课指导", "示范课", "评课", "谈心谈话", "课题指导", "其他")


class Guidance(TrashableModel):
    """指导记录: one guidance session of a pairing (date, kind, content, the apprentice's reflection)."""

    label = "指导记录"
    pairing = ForeignKeyField(Pairing, backref="guidance", on_delete="CASCADE")
    date = DateField(index=True)
    kind = CharField(default="")  # one of GUIDANCE_KINDS
    content = TextField(default="")  # 指导内容
    reflection = TextField(default="")  # 徒弟收获/反思

    def describe(self) -> str:
        return f"指导记录：{self.date} {self.kind}"


class Rotation(TrashableModel):
    """轮训: a teacher's period at a host unit."""

    label = "轮训"
    teacher = ForeignKeyField(Teacher, backref="rotations", on_delete="CASCADE")
    host_unit = ForeignKeyField(Unit, null=True, backref="hosted_rotations", on_delete="SET NULL")
    kind = CharField(default="岗位轮训")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    is_leader = BooleanField(default=False)
    report = TextField(default="")
    notes = TextField(default="")

    def describe(self) -> str:
        return f"轮训 #{self.id}"


class Activity(TrashableModel):
    """活动: an activity record (教研活动, 同课异构, 座谈会, …)."""

    label = "活动"
    type = CharField(index=True)
    title = CharField()
    date = DateField(index=True)
    start_time = CharField(default="")
    end_time = CharField(default="")
    place = CharField(default="")
    online = BooleanField(default=False)
    organiser = CharField(default="")
    host = CharField(default="")  # 主持人/主讲人
    subject = CharField(default="")
    others_count = IntegerField(default=0)
    purpose = TextField(default="")
    content = TextField(default="")
    outcome = TextField(default="")
    reflection = TextField(default="")
    plan = ForeignKeyField(Plan, null=True, backref="activities", on_delete="SET NULL")

    def describe(self) -> str:
        return f"活动：{self.date} {self.title}"


class ActivityParticipant(BaseModel):
    """A roster teacher who took part in an activity."""

    activity = ForeignKeyField(Activity, backref="participants", on_delete="CASCADE")
    teacher = ForeignKeyField(Teacher, backref="activities", on_delete="CASCADE")


class ActivityTask(BaseModel):
    """An activity offered as evidence for a task."""

    activity = ForeignKeyField(Activity, backref="task_links", on_delete="CASCADE")
    task = ForeignKeyField(Task, backref="activity_links", on_delete="CASCADE")


class Observation(TrashableModel):
    """听课记录: a lesson observation."""

    label = "听课记录"
    date = DateField(index=True)
    period = CharField(default="")  # 节次
    teacher = ForeignKeyField(Teacher, null=True, backref="observed_lessons", on_delete="SET NULL")
    subject = CharField(default="")
    grade_class = CharField(default="")
    topic = CharField(default="")  # 课题
    lesson_type = CharField(default="")  # 课型
    observers_text = CharField(default="")  # 听课人 not in the roster
    notes = TextField(default="")  # 听课记录
    evaluation = TextField(default="")  # 评价与建议
    activity = ForeignKeyField(Activity, null=True, backref="observations", on_delete="SET NULL")
    grade = CharField(default="")  # 等级: 优/良/中/差 or empty
    scores = JSONField(default=list)  # [{"name", "max", "score"}], the criteria as scored (core.observations)

    def describe(self) -> str:
        return f"听课记录：{self.date} {self.topic}"


class ObservationObserver(BaseModel):
    """A roster teacher who observed a lesson."""

    observation = ForeignKeyField(Observation, backref="observers", on_delete="CASCADE")
    teacher = ForeignKeyField(Teacher, backref="observations_made", on_delete="CASCADE")


RULE_PERIODS = ("月", "季度", "学期", "学年", "年")
RULE_SCOPES = ("单位", "学科", "师傅", "人", "结对")
# What a rule counts: activities of its types, 听课记录 (as 听课人), or 指导记录 of pairings.
RULE_RECORD_KINDS = ("活动", "听课记录", "指导记录")


class FrequencyRule(TrashableModel):
    """频次要求: at least N activities of given types per period and scope."""

    label = "频次要求"
    plan = ForeignKeyField(Plan, backref="rules", on_delete="CASCADE")
    name = CharField()
    activity_types = JSONField(default=list)
    period = CharField(default="学期")
    minimum = IntegerField(default=1)
    scope = CharField(default="单位")
    role = CharField(default="")  # for scope 人: which teachers (职务 contains it, e.g. 教研员)
    honour = CharField(default="")  # for scope 人: only teachers holding this honour kind
    record_kind = CharField(default="活动")  # one of RULE_RECORD_KINDS
    source_text = TextField(default="")

    def describe(self) -> str:
        return f"频次要求：{self.name}"


class Attachment(TrashableModel):
    """附件: a file copied into the managed folder, stored by content hash."""

    label = "附件"
    owner_table = CharField(index=True)
    owner_id = IntegerField(index=True)
    filename = CharField()  # the name the user's file had
    sha256 = CharField(index=True)
    size = IntegerField(default=0)
    mime = CharField(default="")
    caption = CharField(default="")

    def describe(self) -> str:
        return f"附件：{self.filename}"


class SchoolTerm(BaseModel):
    """A semester whose dates differ from the calendar defaults (one row per override)."""

    school_year = IntegerField()  # 2023 means 2023-2024
    semester = IntegerField()  # 1 autumn, 2 spring
    start_date = DateField()
    end_date = DateField()

    class Meta:
        indexes = ((("school_year", "semester"), True),)

    def describe(self) -> str:
        return f"校历：{self.school_year}-{self.school_year + 1}学年第{self.semester}学期"


class AuditLog(Model):
    """One change to one record: when, who, which record, what changed."""

    at = DateTimeField(default=now, index=True)
    user = CharField(default="")
    table = CharField()
    record_id = IntegerField(null=True)
    action = CharField()  # 新增/修改/删除/恢复/导入/恢复数据库
    summary = CharField(default="")
    changes = JSONField(default=dict)

    class Meta:
        database = database
        table_name = "audit_log"


class ExchangeRound(BaseModel):
    """报送批次: what the bureau asks for, for which period, due when."""

    origin = CharField(default="")  # '' when defined here, else the issuing bureau's UUID
    name = CharField()
    period_label = CharField(default="")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    due_date = DateField()
    asks = JSONField(default=list)  # record types and ledgers asked for
    issuer_uuid = CharField(default="")
    issuer_name = CharField(default="")
    notes = TextField(default="")

    class Meta:
        table_name = "exchange_round"


class ExchangePackage(BaseModel):
    """A data, 零报告, notice or receipt package written here ('out') or taken in ('in')."""

    direction = CharField()  # in / out
    kind = CharField()  # data / zero / notice / receipt
    sender_uuid = CharField(default="", index=True)
    sender_name = CharField(default="")
    round_uuid = CharField(default="")
    period_label = CharField(default="")
    made_at = DateTimeField(default=now)
    status = CharField(default="")  # '' (not reviewed) / 已接收 / 退回
    reason = TextField(default="")
    reviewed_at = DateTimeField(null=True)
    counts = JSONField(default=dict)
    summary = JSONField(default=dict)
    file_name = CharField(default="")

    class Meta:
        table_name = "exchange_package"


class ExchangeBase(Model):
    """The content hash of a received record as of the last exchange (three-way merge base)."""

    table_name = CharField()
    record_uuid = CharField()
    content_hash = CharField()

    class Meta:
        database = database
        table_name = "exchange_base"
        indexes = ((("table_name", "record_uuid"), True),)


class OutboxMessage(BaseModel):
    """An e-mail waiting in the outbox, marked sent only once the server accepted it."""

    message_id = CharField(unique=True)
    recipient = CharField(default="")
    subject = CharField(default="")
    eml_path = TextField(default="")
    package_uuid = CharField(default="")
    status = CharField(default="待发送")  # 待发送 / 已发送
    attempts = IntegerField(default=0)
    last_error = TextField(default="")
    sent_at = DateTimeField(null=True)

    class Meta:
        table_name = "exchange_outbox"


# Models in dependency order: parents before children.
ALL_MODELS: tuple[type[Model], ...] = (
    Setting,
    Unit,
    Plan,
    TaskCategory,
    Task,
    Target,
    Teacher,
    Honour,
    Pairing,
    Guidance,
    Rotation,
    Activity,
    ActivityParticipant,
    ActivityTask,
    Observation,
    ObservationObserver,
    FrequencyRule,
    Attachment,
    SchoolTerm,
    AuditLog,
    ExchangeRound,
    ExchangePackage,
    ExchangeBase,
    OutboxMessage,
)

TRASHABLE_MODELS: tuple[type[TrashableModel], ...] = tuple(
    m for m in ALL_MODELS if issubclass(m, TrashableModel)
)

MODEL_BY_TABLE: dict[str, type[Model]] = {m._meta.table_name: m for m in ALL_MODELS}
