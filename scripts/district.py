"""The generated district database the benchmark measures (fixed seed, invented people).

    python scripts/district.py OUT.sqlite3 [--scale 1.0]

At scale 1.0: 5,000 teachers in 40 schools, 100,566 activities with 3 participants
each, 50,024 听课记录 with 2 observers each, 2,525 pairings with guidance records,
5,062 rotations, on top of the demo data (plans, tasks, rules, targets).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力林飞鹏宇浩凯健俊帆帅旭宁玲婷雪琳晶欣悦"
SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "音乐", "体育", "美术", "信息技术")
COUNTS = dict(teachers=5_000, schools=40, activities=100_566, observations=50_024,
              pairings=2_525, rotations=5_062)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _batched(model, rows: list[dict], size: int = 2000) -> None:
    for k in range(0, len(rows), size):
        model.insert_many(rows[k:k + size]).execute()


def generate(path: Path, scale: float = 1.0, seed: int = 42) -> dict[str, int]:
    """Create the district database at ``path`` and return the counts written."""
    from bangfu_desktop.core import database, demo
    from bangfu_desktop.core.models import (
        Activity, ActivityParticipant, Guidance, Observation, ObservationObserver, Pairing,
        Rotation, Teacher, Unit)
    from bangfu_desktop.core.vocab import ACTIVITY_TYPES

    rng = random.Random(seed)
    n = {k: max(1, int(v * scale)) for k, v in COUNTS.items()}
    store = database.open_database(path, backup_on_open=False)
    demo.load_demo()
    start = dt.date(2020, 9, 1)
    with database.database.atomic():
        schools = [Unit.create(name=f"示例县第{i + 1}中学", kind="学校", stage="初中", role="受援方").id
                   for i in range(n["schools"])]
        _batched(Teacher, [dict(name=_name(rng), gender=rng.choice("男女"), unit=rng.choice(schools),
                                subject=rng.choice(SUBJECTS), position=rng.choice(("教师", "教研员", "教研组长")),
                                phone=f"139{rng.randrange(10**8):08d}") for _ in range(n["teachers"])])
        teachers = [t for (t,) in Teacher.select(Teacher.id).tuples()]
        _batched(Activity, [dict(type=rng.choice(ACTIVITY_TYPES),
                                 title=f"第{i}次{rng.choice(SUBJECTS)}{rng.choice(('集体备课', '教研', '听评课', '讲座'))}",
                                 date=start + dt.timedelta(days=rng.randrange(2200)), place="会议室",
                                 host=_name(rng), subject=rng.choice(SUBJECTS), others_count=rng.randrange(6),
                                 purpose="提高课堂教学质量", content="说课、上课、评课、总结。" * 3,
                                 outcome="形成教学设计一份", reflection="", online=False)
                            for i in range(n["activities"])])
        activities = [a for (a,) in Activity.select(Activity.id).tuples()]
        _batched(ActivityParticipant, [dict(activity=a, teacher=t) for a in activities
                                       for t in rng.sample(teachers, 3)], 5000)
        _batched(Observation, [dict(date=start + dt.timedelta(days=rng.randrange(2200)), period=f"第{rng.randrange(1, 8)}节",
                                    teacher=rng.choice(teachers), subject=rng.choice(SUBJECTS),
                                    grade_class=f"{rng.randrange(7, 10)}年级{rng.randrange(1, 9)}班",
                                    topic=f"第{i}课", lesson_type=rng.choice(("新授课", "复习课", "练习课")),
                                    notes="导入、新授、练习、小结。", evaluation="目标明确，重点突出。")
                               for i in range(n["observations"])])
        observations = [o for (o,) in Observation.select(Observation.id).tuples()]
        _batched(ObservationObserver, [dict(observation=o, teacher=t) for o in observations
                                       for t in rng.sample(teachers, 2)], 5000)
        pairs = []
        for _ in range(n["pairings"]):
            mentor, apprentice = rng.sample(teachers, 2)
            begin = start + dt.timedelta(days=rng.randrange(1800))
            pairs.append(dict(mentor=mentor, apprentice=apprentice, subject=rng.choice(SUBJECTS),
                              start_date=begin, end_date=begin + dt.timedelta(days=365),
                              status="已结束" if begin + dt.timedelta(days=365) < dt.date.today() else "进行中"))
        _batched(Pairing, pairs)
        pairings = [p for (p,) in Pairing.select(Pairing.id).tuples()]
        _batched(Guidance, [dict(pairing=p, date=start + dt.timedelta(days=rng.randrange(2200)),
                                 kind=rng.choice(("听课指导", "备课指导", "评课")), content="指导教学设计。")
                            for p in pairings for _ in range(4)])
        rotations = []
        for _ in range(n["rotations"]):
            begin = start + dt.timedelta(days=rng.randrange(2000))
            rotations.append(dict(teacher=rng.choice(teachers), host_unit=rng.choice(schools), kind="岗位轮训",
                                  start_date=begin, end_date=begin + dt.timedelta(days=rng.randrange(14, 120)),
                                  is_leader=rng.random() < 0.05))
        _batched(Rotation, rotations)
    counts = {m.__name__: m.select().count() for m in (Teacher, Activity, Observation, Pairing, Rotation)}
    store.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print(generate(args.out, args.scale))


if __name__ == "__main__":
    main()
