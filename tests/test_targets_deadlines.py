"""Deadlines, rotation quota and coverage, and the 概览 picture in one call."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DEMO_TODAY
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records
from bangfu_desktop.core.compliance import IN_PROGRESS, MET
from bangfu_desktop.core.models import Activity, FrequencyRule, Plan, Rotation, Target, Task, Teacher, Unit
from bangfu_desktop.core.overview import (
    coverage_deadline,
    dashboard,
    rotation_coverage,
    rotation_quota,
    task_deadlines,
)

D = dt.date
TODAY = D(2024, 3, 15)


@pytest.fixture
def plan(store):
    """本单位 and one plan."""
    records.save(Unit(name="沿河中职", is_self=True))
    return records.save(Plan(title="沿河方案"))


def task(plan, code, due, status="推进中") -> Task:
    """Save a task due on ``due``."""
    return records.save(Task(plan=plan, code=code, measure=f"举措 {code}", due_date=due, status=status))


def test_overdue_and_due_within_thirty_days(plan):
    """Yesterday's unfinished task is overdue; today's and the 30th day's are upcoming; the 31st is not."""
    late = task(plan, "1.1", TODAY - dt.timedelta(days=1))
    task(plan, "1.2", TODAY - dt.timedelta(days=5), status="已完成")
    due_today = task(plan, "1.3", TODAY)
    last = task(plan, "1.4", TODAY + dt.timedelta(days=30))
    task(plan, "1.5", TODAY + dt.timedelta(days=31))
    task(plan, "1.6", None)
    records.trash(task(plan, "1.7", TODAY - dt.timedelta(days=3)))
    overdue, upcoming = task_deadlines(TODAY)
    assert [(t.task_id, t.status, t.days_left) for t in overdue] == [(late.id, "逾期", -1)]
    assert [(t.task_id, t.days_left) for t in upcoming] == [(due_today.id, 0), (last.id, 30)]


def test_rotation_quota_from_the_plans_yearly_targets(plan):
    """50 teachers and 2 leaders a year (2023 targets) apply to 2024 too; leaders counted apart."""
    records.save(Target(plan=plan, stage_year=2023, description="50 名", kind="rotation_count",
                        params={"per": "year"}, target_value=50))
    records.save(Target(plan=plan, stage_year=2023, description="2 名校领导", kind="rotation_count",
                        params={"per": "year", "leaders_only": True}, target_value=2))
    a = records.save(Teacher(name="甲", is_leader=True))
    b = records.save(Teacher(name="乙"))
    records.save(Rotation(teacher=a, start_date=D(2024, 1, 1), is_leader=True))
    records.save(Rotation(teacher=b, start_date=D(2024, 12, 31)))
    records.save(Rotation(teacher=b, start_date=D(2023, 12, 31)))
    quota = rotation_quota(2024)
    assert (quota.teachers, quota.leaders, quota.required_teachers, quota.required_leaders) == (2, 1, 50, 2)
    assert quota.met is False
    assert rotation_quota(2024, required_teachers=2).met is True


def test_coverage_by_a_date_names_who_is_missing(plan):
    """Everyone once by 2025-12-31: helpers and other units are not in the roll; the missing are named."""
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    done = records.save(Teacher(name="已轮训", unit=own))
    records.save(Teacher(name="未轮训", unit=own))
    records.save(Teacher(name="帮扶", unit=own, is_helper=True))
    records.save(Teacher(name="外校", unit=records.save(Unit(name="外校"))))
    records.save(Rotation(teacher=done, start_date=D(2025, 12, 31)))
    cover = rotation_coverage(D(2025, 12, 31))
    assert (cover.total, cover.covered, cover.percent) == (2, 1, 50.0)
    assert [name for _, name in cover.missing] == ["未轮训"]
    assert rotation_coverage(D(2025, 12, 30)).covered == 0


def test_coverage_deadline_is_the_next_coverage_target(plan):
    """The date comes from rotation_coverage targets: the next stage year not yet past."""
    assert coverage_deadline(TODAY) is None
    for year in (2023, 2025):
        records.save(Target(plan=plan, stage_year=year, description="全员轮训", kind="rotation_coverage",
                            target_value=100))
    assert coverage_deadline(TODAY) == D(2025, 12, 31)
    assert coverage_deadline(D(2027, 1, 1)) == D(2025, 12, 31)


def test_dashboard_turns_a_rule_met_when_an_activity_is_added(plan):
    """One more 座谈会 this semester turns the rule from 未达标/进行中 to 达标 on the next call."""
    records.save(FrequencyRule(plan=plan, name="座谈会", activity_types=["座谈会"], period="学期", minimum=2))
    records.save(Activity(type="座谈会", title="一", date=D(2024, 2, 1)))
    before = dashboard(D(2024, 8, 31))
    assert before.rules[0].status != MET and before.semester.start == D(2024, 2, 1)
    records.save(Activity(type="座谈会", title="二", date=D(2024, 8, 31)))
    after = dashboard(D(2024, 8, 31))
    assert after.rules[0].status == MET and after.rules[0].done == 2
    # The next day the autumn semester has begun with none yet: running, not failed.
    assert dashboard(D(2024, 9, 1)).rules[0].status == IN_PROGRESS

def test_dashboard_on_demo_data_costs_few_queries(demo_store):
    """The whole picture for the demo's day in a bounded number of queries, JSON-ready."""
    with count_queries() as counter:
        picture = dashboard(DEMO_TODAY)
    assert counter.count <= 40
    assert len(picture.rules) == 19 and picture.overdue
    # Every demo plan ends in 2025: 2026-2027 has no targets; last 学年's are shown when chosen.
    assert picture.targets == [] and picture.as_dict()["target_year"] == "2026-2027学年"
    assert dashboard(DEMO_TODAY, target_year=2025).targets
    assert picture.coverage is not None and picture.coverage.missing
    assert picture.as_dict()["semester"] == "2026-2027学年第一学期（秋季）"


def test_yearly_deadline_is_upcoming_on_its_next_date(plan):
    """"每年12月5日前" shows in 概览 as due on the coming 12-05, never as overdue."""
    yearly = records.save(Task(plan=plan, code="2.1", measure="年度总结报送", deadline_text="每年12月5日前",
                               due_date=None, ongoing=True))
    overdue, upcoming = task_deadlines(D(2026, 11, 20))
    assert [(t.task_id, t.due_date, t.days_left) for t in upcoming] == [(yearly.id, D(2026, 12, 5), 15)]
    assert overdue == []
    overdue, upcoming = task_deadlines(D(2026, 12, 6))
    assert upcoming == [] and overdue == []  # next one is 2027-12-05, beyond 30 days
