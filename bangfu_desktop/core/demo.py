"""Demo data: the seeds' plans, task lists, targets and rules, plus invented people.

Names and phone numbers of people are invented (the seeds print real ones);
the plan texts are public documents and are quoted as they are.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from ..resources import db_file, read_text
from . import records, settings
from .deadlines import parse_deadline
from .models import (
    Activity,
    ActivityParticipant,
    ActivityTask,
    FrequencyRule,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Target,
    Task,
    TaskCategory,
    Teacher,
    Unit,
    database,
)
from .terms import load_calendar
from .vocab import GUIDANCE_KINDS, LESSON_TYPES, ROTATION_KINDS, TITLES

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "晓明丽华建国秀英志强海燕春梅振宇佳怡子涵雨欣浩然思远文静俊杰欣怡宏伟玉兰红霞永刚桂芳立新淑珍德胜晨曦雅婷明轩梓萱一鸣诗琪"
SUBJECTS = ("语文", "数学", "英语", "思想政治", "计算机应用", "电子技术", "汽车运用与维修",
            "旅游服务与管理", "电子商务", "学前教育", "体育与健康", "历史")
DEMO_TEACHERS = 72
DEMO_HELPERS = 8


def _load(name: str):
    return json.loads(read_text(db_file("demo", name)))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


GIVEN_PAIRS = tuple(GIVEN[i:i + 2] for i in range(0, len(GIVEN) - 1, 2))


def _invented_name(rng: random.Random, used: set[str]) -> str:
    while True:
        given = rng.choice(GIVEN_PAIRS) if rng.random() < 0.7 else rng.choice(GIVEN)
        name = rng.choice(SURNAMES) + given
        if name not in used:
            used.add(name)
            return name


def load_demo(today: dt.date | None = None) -> bool:
    """Fill the open database with demo data; False when it was loaded before."""
    if settings.get("demo.loaded"):
        return False
    today = today or dt.date.today()
    rng = random.Random(42)
    with database.atomic():
        units = _load_units()
        self_unit = next(u for u in units.values() if u.is_self)
        plans = _load_plans(self_unit)
        teachers, helpers = _make_teachers(rng, units, self_unit, today)
        _make_honours(rng, teachers)
        # Separate random streams, so that adding one kind of demo record does not reshuffle the others.
        _make_pairings(random.Random(43), teachers, helpers, today)
        _make_rotations(rng, teachers, units, today)
        _make_activities(rng, teachers, helpers, plans, today)
        _settle_tasks(random.Random(44), today)
        settings.put("demo.loaded", today.isoformat())
    return True


def _load_units() -> dict[str, Unit]:
    units = {}
    for row in _load("units.json"):
        unit = Unit(
            name=row["name"], kind=row.get("kind", "学校"), stage=row.get("stage", ""),
            region=row.get("region", ""), role=row.get("role", ""),
            contact_name=row.get("contact_name", ""), contact_title=row.get("contact_title", ""),
            office_phone=row.get("office_phone", ""), mobile=row.get("mobile", ""),
            is_self=bool(row.get("is_self")),
        )
        records.save(unit)
        units[unit.name] = unit
    return units


def _load_plans(self_unit: Unit) -> dict[str, Plan]:
    plans = {}
    for data in _load("plans.json"):
        plan = records.save(Plan(
            title=data["title"], doc_number=data.get("doc_number", ""), issuer=data.get("issuer", ""),
            issued_on=_date(data.get("issued_on")), period_start=data.get("period_start"),
            period_end=data.get("period_end"),
            unit=self_unit if data["key"] == "yanhe-2022" else None,
        ))
        plans[data["key"]] = plan
        position = 0
        for c_pos, cat in enumerate(data["categories"]):
            category = records.save(TaskCategory(plan=plan, code=cat.get("code", ""), name=cat["name"], position=c_pos))
            for item in cat["tasks"]:
                position += 1
                deadline = parse_deadline(item.get("deadline", ""))
                records.save(Task(
                    plan=plan, category=category, code=item.get("code", ""), position=position,
                    stage_goal=item.get("stage_goal", ""), measure=item.get("measure", ""),
                    deadline_text=deadline.raw, due_date=deadline.due, start_year=deadline.start_year,
                    ongoing=deadline.ongoing, responsible=item.get("responsible", ""),
                    cooperating=item.get("cooperating", ""),
                ))
        for t in data.get("targets", []):
            records.save(Target(
                plan=plan, stage_year=t.get("stage_year"), description=t["description"],
                kind=t.get("kind", "manual"), params=t.get("params", {}),
                target_value=t.get("target_value"), unit_label=t.get("unit", ""),
            ))
        for r in data.get("rules", []):
            records.save(FrequencyRule(
                plan=plan, name=r["name"], activity_types=r.get("activity_types", []),
                period=r.get("period", "学期"), minimum=r.get("minimum", 1),
                scope=r.get("scope", "单位"), role=r.get("role", ""), source_text=r.get("source", ""),
                record_kind=r.get("record_kind", "活动"), honour=r.get("honour", ""),
            ))
    return plans


def _phone(rng: random.Random) -> str:
    return f"1370000{rng.randrange(10000):04d}"


def _make_teachers(rng, units, self_unit, today):
    used: set[str] = set()
    helping = [u for u in units.values() if u.role == "帮扶方" and u.kind == "学校"][0]
    teachers, helpers = [], []
    for i in range(DEMO_TEACHERS):
        position = "校长" if i == 0 else "副校长" if i in (1, 2) else "教务科长" if i == 3 else "教师"
        if i in (4, 5):
            position = "教研员"
        teacher = records.save(Teacher(
            name=_invented_name(rng, used), gender=rng.choice("男女"), unit=self_unit,
            subject=SUBJECTS[i % len(SUBJECTS)], position=position, title=rng.choice(TITLES[1:5]),
            phone=_phone(rng), is_dual_qualified=rng.random() < 0.3, is_party_member=rng.random() < 0.35,
            is_leader=i < 4,
        ))
        teachers.append(teacher)
    for i in range(DEMO_HELPERS):
        helper = records.save(Teacher(
            name=_invented_name(rng, used), gender=rng.choice("男女"), unit=helping,
            subject=SUBJECTS[i % len(SUBJECTS)], position="帮扶教师", title=rng.choice(TITLES[:3]),
            phone=_phone(rng), is_dual_qualified=True, is_party_member=rng.random() < 0.6,
            is_helper=True, helper_from=helping,
            # On duty from the previous 学年 to the end of the next spring: dated from today.
            helper_start=dt.date(_this_year(today) - 1, 8, 20), helper_end=dt.date(_this_year(today) + 1, 7, 15),
        ))
        helpers.append(helper)
    return teachers, helpers


def _make_honours(rng, teachers):
    kinds = ("骨干教师", "学科带头人", "名班主任", "名教师", "兼职教研员")
    for teacher in rng.sample(teachers, 16):
        records.save(Honour(teacher=teacher, kind=rng.choice(kinds),
                            level=rng.choice(("县级", "县级", "市级", "省级")), year=rng.choice((2023, 2024, 2025))))


def _this_year(today: dt.date) -> int:
    """The 学年 of ``today`` (its autumn year): the demo's second school year."""
    return load_calendar().school_year_of(today)


GUIDANCE_TEXTS = {
    "听课指导": ("随堂听{a}的{s}课，课后逐环节点评导入与提问设计。", "提问要有梯度，下一课先写好问题链。"),
    "备课指导": ("和{a}一起研读{s}课标与教材，修改单元教学设计。", "学会先定目标再选活动，教案更精炼了。"),
    "示范课": ("{m}上{s}示范课，{a}听课并做课堂观察记录。", "看到了小组合作的组织方法，准备在本班试用。"),
    "评课": ("对{a}的{s}公开课进行评课，肯定亮点，指出时间分配问题。", "课堂节奏偏慢，练习环节要压缩。"),
    "谈心谈话": ("与{a}交流班级管理与职业规划，了解工作困难。", "明确了本学期成长目标，压力小了很多。"),
    "课题指导": ("指导{a}确定{s}微课题选题，修改开题报告。", "选题从小处着手，研究方法更清楚了。"),
    "其他": ("带{a}参加{s}学科教研活动，会后交流心得。", "了解了兄弟学校的做法。"),
}
TEACHING_MONTHS = (9, 10, 11, 12, 1, 3, 4, 5, 6)  # no guidance in the winter and summer holidays


def _make_pairings(rng, teachers, helpers, today):
    """Pairings whose status agrees with their dates: a finished cohort, a current one, one dissolved."""
    year = _this_year(today)
    apprentices = iter(rng.sample(teachers[4:], len(teachers) - 4))
    for n, helper in enumerate(helpers):
        # Two helpers fall short of the three apprentices the plan asks for.
        count = 2 if n in (2, 5) else 3 + n % 2
        for _ in range(count):
            _pairing(rng, helper, next(apprentices), dt.date(year - 1, 9, rng.randint(1, 20)),
                     dt.date(year + 1, 7, 15), "进行中", today)
        if n % 3 == 0:  # last year's cohort: finished in July, with an evaluation
            _pairing(rng, helper, next(apprentices), dt.date(year - 2, 9, rng.randint(1, 20)),
                     dt.date(year, 7, 10), "已结束", today)
    # A pairing dissolved when the apprentice moved school: ended early, no guidance after that.
    _pairing(rng, helpers[1], next(apprentices), dt.date(year - 1, 9, 8), dt.date(year, 1, 12), "已解除", today)


def _pairing(rng, helper, apprentice, start, end, status, today) -> Pairing:
    evaluation = ""
    if status == "已结束":
        evaluation = f"{apprentice.name}已能独立承担{apprentice.subject}教学，公开课获校级好评，考核合格。"
    elif status == "已解除":
        evaluation = f"{apprentice.name}调往其他学校，结对于{end:%Y年%m月}解除。"
    pairing = records.save(Pairing(
        mentor=helper, apprentice=apprentice, subject=apprentice.subject,
        programme=rng.choice(("青蓝工程", "种子计划", "影子跟训")), start_date=start, end_date=end,
        goals=f"一年站稳讲台，两年成为{apprentice.subject}学科骨干。", status=status, evaluation=evaluation,
    ))
    month = dt.date(start.year, start.month, 1)
    last = min(end, today)
    while month <= last:
        if month.month in TEACHING_MONTHS:
            # Mostly twice a month, sometimes once (a rule of 2 a month then shows who fell short).
            for _ in range(2 if rng.random() < 0.7 else 1):
                day = month + dt.timedelta(days=rng.randint(2, 26))
                if start <= day <= last:
                    kind = rng.choice(GUIDANCE_KINDS)
                    content, reflection = GUIDANCE_TEXTS[kind]
                    names = {"a": apprentice.name, "m": helper.name, "s": apprentice.subject}
                    records.save(Guidance(pairing=pairing, date=day, kind=kind, content=content.format(**names),
                                          reflection=reflection))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return pairing


def _settle_tasks(rng, today):
    """Most tasks due by today are done (with date and evidence); the rest show 逾期; some later ones 推进中."""
    for task in Task.select().where(Task.due_date.is_null(False)).order_by(Task.id):
        if task.due_date <= today and rng.random() < 0.7:
            task.status = "已完成"
            task.completed_on = task.due_date - dt.timedelta(days=rng.randint(3, 60))
            task.evidence = f"{task.completed_on:%Y年%m月}完成，相关文件、照片与记录已归档（见年度档案）。"
            task.progress = "已按期完成。"
        elif task.due_date > today and rng.random() < 0.6:
            # Only tasks not yet due: the 任务清单 shows an overdue 推进中 as 逾期, and reads 逾期 back as 未开始.
            task.status = "推进中"
            task.progress = "已制定实施计划，正在按月推进。"
        else:
            continue
        records.save(task)


def _make_rotations(rng, teachers, units, today):
    hosts = [u for u in units.values() if u.role in ("帮扶方", "合作企业")]
    pool = teachers[:]
    rng.shuffle(pool)
    for year, chunk in ((2023, pool[:40]), (2024, pool[40:62])):
        for teacher in chunk:
            start = dt.date(year, rng.choice((3, 4, 5, 9, 10, 11)), rng.randint(1, 25))
            if start > today:
                continue
            host = rng.choice(hosts)
            records.save(Rotation(
                teacher=teacher, host_unit=host, kind="岗位轮训" if host.kind == "学校" else "实践锻炼",
                start_date=start, end_date=start + dt.timedelta(days=rng.choice((14, 21, 30))),
                is_leader=teacher.is_leader,
                report=f"在{host.name}{rng.choice(ROTATION_KINDS)}，学习课堂教学与专业建设经验。",
            ))


ACTIVITY_PLAN = (
    ("座谈会", 3, "学校管理人员及班主任座谈会"),
    ("同课异构", 4, "同课异构研讨"),
    ("教育论坛", 2, "全域教育论坛"),
    ("教学观摩", 2, "教学观摩活动"),
    ("示范课", 2, "帮扶教师示范课"),
    ("远程教研", 3, "远程教研活动"),
    ("集体备课", 3, "集体备课"),
    ("专题讲座", 1, "专题讲座"),
    ("校企交流", 1, "校企交流"),
    ("联合教研", 1, "联合教研会议"),
)


def _make_activities(rng, teachers, helpers, plans, today):
    calendar = load_calendar()
    this_year = calendar.school_year_of(today)
    plan = plans.get("hongsibu-2023")
    tasks = list(Task.select().where(Task.plan == plans["yanhe-2022"]).order_by(Task.position))
    places = ("学校会议室", "录播教室", "实训楼 201", "图书馆报告厅", "线上（腾讯会议）")
    lesson_rng = random.Random(45)
    for year in (this_year - 1, this_year):
        for semester in (1, 2):
            period = calendar.semester(year, semester)
            span = (min(period.end, today) - period.start).days
            if span < 0:
                continue
            for kind, count, title in ACTIVITY_PLAN:
                for k in range(count):
                    day = period.start + dt.timedelta(days=rng.randint(0, span))
                    helper = rng.choice(helpers)
                    subject = rng.choice(SUBJECTS)
                    place = rng.choice(places)
                    activity = records.save(Activity(
                        type=kind, title=f"{subject}{title}（{k + 1}）", date=day,
                        start_time="14:30", end_time="16:30", place=place, online=place.startswith("线上"),
                        organiser="教务科", host=helper.name, subject=subject, others_count=rng.randint(0, 12),
                        purpose=f"落实帮扶方案，提升{subject}教师课堂教学能力。",
                        content=f"1. {helper.name}作专题发言；2. 分组研讨；3. 形成改进措施。",
                        outcome="与会教师交流了做法，明确了下一步改进方向。",
                        reflection="研讨时间偏紧，下次提前下发材料。",
                        plan=plan,
                    ))
                    for teacher in rng.sample(teachers, rng.randint(4, 10)):
                        ActivityParticipant.create(activity=activity, teacher=teacher)
                    if tasks and rng.random() < 0.3:
                        ActivityTask.create(activity=activity, task=rng.choice(tasks))
            # 教研员 (teachers 4 and 5) observe often: one reaches the 15 lessons of seed 002, one falls short.
            whole = min(period.end, today) == period.end
            for k in range(26 if whole else max(4, 26 * span // max((period.end - period.start).days, 1))):
                day = period.start + dt.timedelta(days=lesson_rng.randint(0, min(span, 150)))  # not in the summer
                teacher = lesson_rng.choice(teachers[6:])
                observation = records.save(Observation(
                    date=day, period=f"第{lesson_rng.randint(1, 7)}节", teacher=teacher, subject=teacher.subject,
                    grade_class=f"{lesson_rng.choice(('2023', '2024', '2025'))}级{lesson_rng.randint(1, 6)}班",
                    topic=f"{teacher.subject}第{lesson_rng.randint(1, 12)}单元", lesson_type=lesson_rng.choice(LESSON_TYPES),
                    notes="教学目标明确，环节完整，学生参与度较高。",
                    evaluation="建议增加学生展示时间，板书再精炼。",
                ))
                observers = [teachers[4]] if k < 16 else [teachers[5]] if k < 26 else []
                observers += [o for o in lesson_rng.sample(teachers[:4] + helpers, 1) if o not in observers]
                for observer in observers:
                    ObservationObserver.create(observation=observation, teacher=observer)
