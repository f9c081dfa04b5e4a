"""Repeatable table data for paging tests: n records of every big table, with their child rows."""

from __future__ import annotations

import datetime as dt
import random

from bangfu_desktop.core import sortkeys
from bangfu_desktop.core.models import (
    Activity,
    ActivityParticipant,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Task,
    TaskCategory,
    Teacher,
    Unit,
    database,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭曾单"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明"
SUBJECTS = ("语文", "数学", "英语", "物理")
TYPES = ("集体备课", "听评课", "专题讲座", "座谈会")


def fill(n: int, seed: int = 42) -> None:
    """Insert n teachers, activities, observations, pairings, rotations and tasks (bulk, keys backfilled)."""
    rng = random.Random(seed)
    start = dt.date(2022, 9, 1)
    with database.atomic():
        units = [Unit.create(name=f"{name}学校", is_self=(k == 0)).id
                 for k, name in enumerate(("沿河第一中学", "铜仁第二中学", "安顺第三中学"))]
        plan = Plan.create(title="测试方案")
        category = TaskCategory.create(plan=plan, code="1", name="人才帮带")
        Teacher.insert_many([dict(name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", *GIVEN)),
                                  unit=rng.choice(units), subject=rng.choice(SUBJECTS), is_helper=k % 9 == 0)
                             for k in range(n)]).execute()
        teachers = [t for (t,) in Teacher.select(Teacher.id).tuples()]
        Honour.insert_many([dict(teacher=t, kind="骨干教师", level="县级", year=2024) for t in teachers[::7]]).execute()
        Activity.insert_many([dict(type=rng.choice(TYPES), title=f"第{k}次{rng.choice(SUBJECTS)}教研活动",
                                   date=start + dt.timedelta(days=rng.randrange(900)), place="会议室",
                                   others_count=k % 4) for k in range(n)]).execute()
        activities = [a for (a,) in Activity.select(Activity.id).tuples()]
        ActivityParticipant.insert_many([dict(activity=a, teacher=rng.choice(teachers))
                                         for a in activities for _ in range(2)]).execute()
        Observation.insert_many([dict(date=start + dt.timedelta(days=rng.randrange(900)),
                                      teacher=rng.choice(teachers), subject=rng.choice(SUBJECTS),
                                      topic=f"第{k}课") for k in range(n)]).execute()
        observations = [o for (o,) in Observation.select(Observation.id).tuples()]
        ObservationObserver.insert_many([dict(observation=o, teacher=rng.choice(teachers))
                                         for o in observations]).execute()
        Pairing.insert_many([dict(mentor=rng.choice(teachers), apprentice=rng.choice(teachers),
                                  start_date=start) for _ in range(n)]).execute()
        pairings = [p for (p,) in Pairing.select(Pairing.id).tuples()]
        Guidance.insert_many([dict(pairing=p, date=start) for p in pairings]).execute()
        Rotation.insert_many([dict(teacher=rng.choice(teachers), host_unit=units[1],
                                   start_date=start + dt.timedelta(days=k % 700),
                                   end_date=start + dt.timedelta(days=k % 700 + 10)) for k in range(n)]).execute()
        Task.insert_many([dict(plan=plan, category=category, code=f"1.{k}", position=k,
                               measure=f"举措{k}", due_date=start) for k in range(n)]).execute()
    sortkeys.backfill()
