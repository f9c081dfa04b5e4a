"""Rules that count 听课记录 per person and 指导记录 per pairing or mentor, at period edges."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import run_cli

from bangfu_desktop.core import records
from bangfu_desktop.core.calendar_store import YearOverride, save_calendar
from bangfu_desktop.core.compliance import IN_PROGRESS, MET, NOT_MET, evaluate_rule
from bangfu_desktop.core.guidance import save_guidance
from bangfu_desktop.core.models import (
    FrequencyRule,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Teacher,
    Unit,
)
from bangfu_desktop.core.terms import Period, load_calendar

D = dt.date
LATER = D(2030, 1, 1)


@pytest.fixture
def plan(store):
    """本单位 and a plan (贺兰县 2023) with no records yet."""
    records.save(Unit(name="贺兰县第一中学", is_self=True))
    return records.save(Plan(title="贺兰县城乡义务教育一体化实施方案"))


def lesson(day: dt.date, *observers: Teacher) -> Observation:
    """One 听课记录 observed by roster teachers."""
    obs = records.save(Observation(date=day, topic=f"课题{day}"))
    for teacher in observers:
        ObservationObserver.create(observation=obs, teacher=teacher)
    return obs


def test_per_person_lesson_rule_follows_the_overridden_semester_edge(plan, db_path):
    """每名教研员每学期听课 ≥ 15 节: with 第一学期 overridden to end 2025-02-16, a lesson that day counts
    in autumn and one on 02-17 in spring; the honour filter adds a 兼职教研员; the CLI reports each person."""
    save_calendar("09-01", "02-01", [YearOverride(2024, D(2024, 8, 26), D(2025, 2, 16),
                                                  D(2025, 2, 17), D(2025, 8, 24))])
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    zhang = records.save(Teacher(name="张教研", unit=own, position="教研员"))
    li = records.save(Teacher(name="李老师", unit=own, position="教师"))
    records.save(Honour(teacher=li, kind="兼职教研员", level="县级", year=2024))
    wang = records.save(Teacher(name="王老师", unit=own, position="教师"))
    for n in range(14):
        lesson(D(2024, 9, 2) + dt.timedelta(days=7 * n), zhang, wang)
    edge = lesson(D(2025, 2, 16), zhang)
    after = lesson(D(2025, 2, 17), zhang, li)
    lesson(D(2024, 8, 25), zhang)  # the day before the overridden start: 2023-2024 spring
    trashed = lesson(D(2024, 10, 8), li)
    records.trash(trashed)
    rule = records.save(FrequencyRule(plan=plan, name="教研员听评课", activity_types=[], record_kind="听课记录",
                                      period="学期", minimum=15, scope="人", role="教研员", honour="兼职教研员"))
    calendar = load_calendar()
    autumn = evaluate_rule(rule, calendar.semester(2024, 1), today=LATER)
    assert autumn.counts[0].period.start == D(2024, 8, 26) and autumn.counts[0].period.end == D(2025, 2, 16)
    by_person = {c.group: c for c in autumn.counts}
    assert set(by_person) == {"张教研", "李老师"}
    assert (by_person["张教研"].done, by_person["张教研"].status) == (15, MET)
    assert edge.id in by_person["张教研"].observation_ids
    assert (by_person["李老师"].done, by_person["李老师"].status) == (0, NOT_MET)
    spring = evaluate_rule(rule, calendar.semester(2024, 2), today=D(2025, 3, 1))
    assert {c.group: (c.observation_ids, c.status) for c in spring.counts} == {
        "张教研": ([after.id], IN_PROGRESS), "李老师": ([after.id], IN_PROGRESS)}

    result = run_cli("--db", str(db_path), "compliance", "--year", "2024-2025", "--semester", "1", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["start"], data["end"]) == ("2024-08-26", "2025-02-16")
    counts = {c["group"]: (c["done"], c["status"]) for c in data["rules"][0]["counts"]}
    assert counts == {"张教研": (15, MET), "李老师": (0, NOT_MET)}
    text = run_cli("--db", str(db_path), "compliance", "--year", "2024-2025", "--semester", "1")
    assert "张教研：15/15 达标" in text.stdout and "李老师：0/15 未达标" in text.stdout


def pairing(mentor, apprentice, start, end=None, status="进行中") -> Pairing:
    return records.save(Pairing(mentor=mentor, apprentice=apprentice, start_date=start, end_date=end, status=status))


def guide(p: Pairing, day: dt.date, kind: str = "听课指导") -> Guidance:
    return save_guidance(None, p.id, {"date": day, "kind": kind, "content": "指导教学设计"})


def test_per_pairing_monthly_guidance_rule(plan):
    """每对师徒每月指导 ≥ 2 次: 1 and 30 September count for September, 1 October for October; a dissolved
    pairing and one that ended in August are not listed; a guidance record in the recycle bin does not count."""
    helper = records.save(Teacher(name="赵师傅", is_helper=True))
    other = records.save(Teacher(name="钱师傅"))
    a, b, c = (records.save(Teacher(name=n)) for n in ("孙徒弟", "周徒弟", "吴徒弟"))
    active = pairing(helper, a, D(2024, 9, 1))
    dissolved = pairing(helper, b, D(2024, 9, 1), status="已解除")
    ended = pairing(other, c, D(2023, 9, 1), D(2024, 8, 31), status="已结束")
    first, last = guide(active, D(2024, 9, 1)), guide(active, D(2024, 9, 30), "评课")
    october = guide(active, D(2024, 10, 1))
    records.trash(guide(active, D(2024, 10, 15)))
    guide(dissolved, D(2024, 9, 10))
    guide(ended, D(2024, 8, 31))
    rule = records.save(FrequencyRule(plan=plan, name="师徒每月指导", record_kind="指导记录", period="月",
                                      minimum=2, scope="结对"))
    result = evaluate_rule(rule, Period(D(2024, 9, 1), D(2024, 10, 31), ""), today=LATER)
    assert [(c.period.label, c.group, c.guidance_ids, c.status) for c in result.counts] == [
        ("2024年9月", "赵师傅→孙徒弟", [first.id, last.id], MET),
        ("2024年10月", "赵师傅→孙徒弟", [october.id], NOT_MET),
    ]
    assert result.counts[0].pairing_ids == [active.id]
    august = evaluate_rule(rule, Period(D(2024, 8, 1), D(2024, 8, 31), ""), today=LATER)
    assert [(c.group, c.done) for c in august.counts] == [("钱师傅→吴徒弟", 1)]


def test_per_mentor_semester_guidance_rule_sums_over_pairings(plan):
    """每名师傅每学期 ≥ 3 次: a mentor's guidance of two apprentices adds up; the first day of spring is spring."""
    helper = records.save(Teacher(name="冯师傅", is_helper=True))
    p1 = pairing(helper, records.save(Teacher(name="陈徒弟")), D(2024, 9, 1))
    p2 = pairing(helper, records.save(Teacher(name="褚徒弟")), D(2024, 9, 1))
    guide(p1, D(2024, 9, 5))
    guide(p2, D(2025, 1, 31))
    guide(p2, D(2025, 2, 1))
    rule = records.save(FrequencyRule(plan=plan, name="师傅指导", record_kind="指导记录", period="学期",
                                      minimum=3, scope="师傅"))
    autumn = evaluate_rule(rule, load_calendar().semester(2024, 1), today=LATER)
    assert [(c.group, c.done, c.status, sorted(c.pairing_ids)) for c in autumn.counts] == [
        ("冯师傅", 2, NOT_MET, sorted([p1.id, p2.id]))]
