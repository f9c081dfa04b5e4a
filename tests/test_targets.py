"""Targets computed from the records for every computable kind, typed values for the rest."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DEMO_TODAY, run_cli

from bangfu_desktop.core import records
from bangfu_desktop.core.models import Activity, Honour, Pairing, Plan, Rotation, Target, Teacher, Unit
from bangfu_desktop.core.targets import (
    IN_PROGRESS,
    NOT_ENTERED,
    NOT_REACHED,
    REACHED,
    evaluate_target,
    evaluate_targets,
)

D = dt.date
TODAY = D(2024, 6, 1)


@pytest.fixture
def school(store):
    """本单位 (沿河中职), a plan, and a helper school."""
    own = records.save(Unit(name="沿河土家族自治县中等职业学校", is_self=True))
    records.save(Unit(name="东莞市电子科技学校", role="帮扶方"))
    plan = records.save(Plan(title="沿河方案"))
    return own, plan


def target(plan, kind, value, params=None, year=2024, **extra) -> Target:
    """Save a target as the plan editor would."""
    return records.save(Target(plan=plan, stage_year=year, description=f"{kind} 指标", kind=kind,
                               params=params or {}, target_value=value, **extra))


def teacher(unit, name, **fields) -> Teacher:
    """Save a teacher."""
    return records.save(Teacher(name=name, unit=unit, **fields))


def test_honour_count_min_level_exact_level_and_year(school):
    """县级以上 counts 县级, 区级 (= 县级) and 市级 but not 校级; exact 县级 excludes 市级; later years wait."""
    own, plan = school
    rows = (("甲", "骨干教师", "县级", 2023), ("乙", "骨干教师", "区级", 2024), ("丙", "学科带头人", "市级", None),
            ("丁", "骨干教师", "校级", 2023), ("戊", "骨干教师", "市级", 2025), ("己", "名班主任", "省级", 2023))
    people = {}
    for name, kind, level, year in rows:
        people[name] = teacher(own, name)
        records.save(Honour(teacher=people[name], kind=kind, level=level, year=year))
    records.save(Honour(teacher=people["甲"], kind="学科带头人", level="县级", year=2022))  # one person, counted once
    records.trash(records.save(Honour(teacher=teacher(own, "庚"), kind="骨干教师", level="省级", year=2023)))
    outsider = teacher(Unit.get(Unit.name == "东莞市电子科技学校"), "外校")
    records.save(Honour(teacher=outsider, kind="骨干教师", level="国家级", year=2020))
    above = target(plan, "honour_count", 3, {"kinds": ["骨干教师", "学科带头人"], "min_level": "县级"})
    exact = target(plan, "honour_count", 5, {"kinds": ["骨干教师"], "min_level": "县级", "exact_level": True})
    city = target(plan, "honour_count", 1, {"kinds": ["骨干教师"], "min_level": "市级"}, year=2025)
    any_kind = target(plan, "honour_count", 4, {"min_level": "省级"})
    a, e, c, k = evaluate_targets([above, exact, city, any_kind], today=TODAY)
    assert (a.actual, a.status) == (3, REACHED)
    assert sorted(a.teacher_ids) == sorted(people[n].id for n in ("甲", "乙", "丙"))
    assert (e.actual, e.status, e.progress) == (2, IN_PROGRESS, 0.4)
    assert c.actual == 1  # 戊's 2025 市级 honour counts for a 2025 target
    assert k.actual == 1  # only 己 (省级); the trashed honour and the outsider do not count


def test_honour_count_of_a_named_unit_and_of_an_unknown_one(school):
    """unit_name limits the teachers; a unit missing from the list falls back to the typed value."""
    own, plan = school
    luoshan = records.save(Unit(name="红寺堡区罗山中学"))
    records.save(Honour(teacher=teacher(luoshan, "罗"), kind="骨干教师", level="县级", year=2023))
    records.save(Honour(teacher=teacher(own, "沿"), kind="骨干教师", level="县级", year=2023))
    named = target(plan, "honour_count", 5, {"kinds": ["骨干教师"], "min_level": "县级", "unit_name": "红寺堡区罗山中学"})
    unknown = target(plan, "honour_count", 5, {"kinds": ["骨干教师"], "unit_name": "不存在的学校"},
                     actual_value=4, actual_date=D(2024, 5, 1))
    n, u = evaluate_targets([named, unknown], today=TODAY)
    assert (n.actual, n.computed) == (1, True)
    assert (u.actual, u.computed, u.actual_date) == (4, False, D(2024, 5, 1))
    assert "不存在的学校" in u.note


def test_dual_ratio_of_live_teachers_of_the_unit(school):
    """双师型 share in %: helpers, trashed teachers and other units are left out."""
    own, plan = school
    for i in range(5):
        teacher(own, f"教师{i}", is_dual_qualified=i < 2)
    records.trash(teacher(own, "已删", is_dual_qualified=True))
    teacher(own, "帮扶", is_dual_qualified=True, is_helper=True)
    teacher(Unit.get(Unit.name == "东莞市电子科技学校"), "外校", is_dual_qualified=True)
    result = evaluate_target(target(plan, "dual_ratio", 40, year=2025), today=TODAY)
    assert (result.actual, result.status) == (40.0, REACHED)
    assert len(result.teacher_ids) == 2


def test_activity_count_per_year_per_month_and_cumulative(school):
    """Yearly count in the stage year; per month the weakest finished month; without per a running total."""
    _, plan = school
    days = [D(2023, 12, 31), D(2024, 1, 1), D(2024, 2, 29), D(2024, 3, 31), D(2024, 5, 31), D(2024, 6, 1)]
    for day in days:
        records.save(Activity(type="同课异构", title="t", date=day))
    records.save(Activity(type="校企交流", title="t", date=D(2024, 4, 1)))
    records.trash(records.save(Activity(type="同课异构", title="t", date=D(2024, 4, 2))))
    yearly = target(plan, "activity_count", 4, {"types": ["同课异构", "校企交流"], "per": "year"})
    monthly = target(plan, "activity_count", 1, {"types": ["同课异构"], "per": "month"})
    total = target(plan, "activity_count", 10, {"types": ["同课异构"]}, year=2025)
    y, m, t = evaluate_targets([yearly, monthly, total], today=TODAY)
    assert (y.actual, y.status) == (6, REACHED)
    # Jan, Feb, Mar, May have one each; April none (only 校企交流 and a trashed one); June is not over.
    assert (m.actual, m.status) == (0, IN_PROGRESS) and "2024年4月" in m.note
    assert (t.actual, t.status) == (6, IN_PROGRESS)
    assert len(t.activity_ids) == 6


def test_activity_count_per_month_reached_when_every_month_has_one(school):
    """Every finished month of 2023 with one 同课异构 reaches the monthly target after the year."""
    _, plan = school
    for month in range(1, 13):
        records.save(Activity(type="同课异构", title="t", date=D(2023, month, 28)))
    result = evaluate_target(target(plan, "activity_count", 1, {"types": ["同课异构"], "per": "month"}, year=2023),
                             today=TODAY)
    assert (result.actual, result.status) == (1, REACHED)


def test_rotation_count_per_year_and_leaders_only(school):
    """Distinct teachers whose rotation starts in the stage year; leaders only when asked."""
    own, plan = school
    a, b, c = teacher(own, "甲"), teacher(own, "乙", is_leader=True), teacher(own, "丙")
    records.save(Rotation(teacher=a, start_date=D(2023, 1, 1)))
    records.save(Rotation(teacher=a, start_date=D(2023, 12, 31)))
    records.save(Rotation(teacher=b, start_date=D(2023, 5, 1), is_leader=True))
    records.save(Rotation(teacher=c, start_date=D(2024, 1, 1)))
    records.trash(records.save(Rotation(teacher=c, start_date=D(2023, 6, 1))))
    all_2023 = target(plan, "rotation_count", 50, {"per": "year"}, year=2023)
    leaders = target(plan, "rotation_count", 2, {"per": "year", "leaders_only": True}, year=2023)
    running = target(plan, "rotation_count", 3, {}, year=2024)
    r_all, r_lead, r_run = evaluate_targets([all_2023, leaders, running], today=TODAY)
    assert (r_all.actual, r_all.status) == (2, NOT_REACHED)
    assert (r_lead.actual, r_lead.teacher_ids) == (1, [b.id])
    assert (r_run.actual, r_run.status) == (3, REACHED)


def test_rotation_coverage_lists_who_is_missing(school):
    """Coverage by the end of the stage year: 2 of 4 teachers, the other two listed."""
    own, plan = school
    people = [teacher(own, n) for n in "甲乙丙丁"]
    records.save(Rotation(teacher=people[0], start_date=D(2025, 12, 31)))
    records.save(Rotation(teacher=people[1], start_date=D(2023, 4, 1)))
    records.save(Rotation(teacher=people[2], start_date=D(2026, 1, 1)))
    result = evaluate_target(target(plan, "rotation_coverage", 100, year=2025), today=TODAY)
    assert (result.actual, result.status) == (50.0, IN_PROGRESS)
    assert result.teacher_ids == [people[2].id, people[3].id]


def test_studio_count_from_units_and_typed_when_none(school):
    """工作室 kept as 单位 are counted by name; without any, the typed value stands."""
    _, plan = school
    records.save(Unit(name="张明名校长工作室", kind="其他"))
    records.save(Unit(name="李华名师工作室", kind="其他"))
    records.trash(records.save(Unit(name="旧名校长工作室", kind="其他")))
    principal = target(plan, "studio_count", 1, {"kinds": ["名校长工作室"]}, year=2023)
    enterprise = target(plan, "studio_count", 1, {"kinds": ["企业德育导师工作室"]}, year=2025,
                        actual_value=1, actual_date=D(2024, 3, 1))
    p, e = evaluate_targets([principal, enterprise], today=TODAY)
    assert (p.actual, p.computed, p.status) == (1, True, REACHED)
    assert (e.actual, e.computed, e.status) == (1, False, REACHED)


def test_apprentices_per_helper_is_the_weakest_helper(school):
    """The fewest apprentices of any helper on duty; dissolved pairings and off-duty helpers do not count."""
    own, plan = school
    strong = teacher(None, "师傅甲", is_helper=True)
    weak = teacher(None, "师傅乙", is_helper=True)
    teacher(None, "已离任", is_helper=True, helper_end=D(2023, 7, 1))
    pupils = [teacher(own, f"徒{i}") for i in range(6)]
    for pupil in pupils[:3]:
        records.save(Pairing(mentor=strong, apprentice=pupil, start_date=D(2023, 9, 1)))
    records.save(Pairing(mentor=weak, apprentice=pupils[3], start_date=D(2023, 9, 1)))
    records.save(Pairing(mentor=weak, apprentice=pupils[4], status="已解除"))
    records.save(Pairing(mentor=weak, apprentice=pupils[5], end_date=D(2024, 1, 1)))
    result = evaluate_target(target(plan, "apprentices_per_helper", 3), today=TODAY)
    assert (result.actual, result.teacher_ids, result.status) == (1, [weak.id], IN_PROGRESS)
    assert "师傅乙（1 名）" in result.note


def test_manual_targets_use_the_typed_value_and_gt_comparison(school):
    """Typed values with their date; 超过 (gt) needs more than the target; nothing typed is 未填报."""
    _, plan = school
    money = target(plan, "manual", 100, year=2023, actual_value=120, actual_date=D(2023, 12, 1))
    prizes = target(plan, "manual", 3, {"comparison": "gt"}, year=2023, actual_value=3)
    empty = target(plan, "manual", 8, year=2023)
    m, p, e = evaluate_targets([money, prizes, empty], today=TODAY)
    assert (m.actual, m.actual_date, m.status, m.progress) == (120, D(2023, 12, 1), REACHED, 1.2)
    assert p.status == NOT_REACHED
    assert e.status == NOT_ENTERED and e.progress is None


def test_demo_targets(demo_store):
    """The demo's targets: rotations of 2023 and the 2025 coverage are computed from its records."""
    results = {(t.stage_year, t.description): t for t in evaluate_targets(today=DEMO_TODAY)}
    rotated = results[(2023, "选送 50 名教师到帮扶学校、合作企业开展岗位轮训、实践锻炼等跟班学习")]
    assert rotated.computed and rotated.actual == Rotation.select().where(
        Rotation.start_date.year == 2023).count()
    coverage = results[(2025, "将沿河土家族自治县中等职业学校所有教师、校领导及其后备力量轮训一遍")]
    assert coverage.computed and 0 < coverage.actual < 100 and coverage.status == NOT_REACHED


def test_cli_targets_json(demo_store, db_path):
    """bangfu targets --json lists every target with its actual value and status."""
    result = run_cli("--db", str(db_path), "targets", "--json", "--today", DEMO_TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["targets"]) == Target.live().count()
    kinds = {t["kind"] for t in data["targets"] if t["computed"]}
    assert {"honour_count", "rotation_count", "rotation_coverage"} <= kinds
    assert {t["status"] for t in data["targets"]} <= {REACHED, NOT_REACHED, IN_PROGRESS, NOT_ENTERED}
    text = run_cli("--db", str(db_path), "targets", "--today", DEMO_TODAY.isoformat())
    assert text.returncode == 0 and "【未填报】" in text.stdout
