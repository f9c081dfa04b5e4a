"""The demo reads like a real school year: statuses agree with dates, guidance and lessons over both years."""


from conftest import DEMO_TODAY, run_cli

from bangfu_desktop.core.compliance import evaluate_rules
from bangfu_desktop.core.models import Guidance, Observation, Pairing, Task
from bangfu_desktop.core.terms import load_calendar


def test_pairing_statuses_agree_with_their_dates(demo_store):
    """No 进行中 pairing ended before today; 已结束 ones ended and carry an evaluation; one is 已解除."""
    pairings = list(Pairing.live())
    assert not [p for p in pairings if p.status == "进行中" and p.end_date and p.end_date < DEMO_TODAY]
    ended = [p for p in pairings if p.status == "已结束"]
    assert ended and all(p.end_date < DEMO_TODAY and p.evaluation for p in ended)
    assert [p.status for p in pairings].count("已解除") == 1
    for p in pairings:
        assert all(p.start_date <= g.date <= min(p.end_date, DEMO_TODAY) for g in p.guidance)


def test_guidance_and_lessons_spread_over_both_school_years(demo_store):
    """Every semester of the two demo 学年 up to today holds guidance records and 听课记录, none in August."""
    calendar = load_calendar()
    year = calendar.school_year_of(DEMO_TODAY)
    for y in (year - 1, year):
        for n in (1, 2):
            period = calendar.semester(y, n)
            if period.start > DEMO_TODAY:
                continue
            assert Guidance.live().where(Guidance.date.between(period.start, period.end)).count() > 10, period.label
            assert Observation.live().where(Observation.date.between(period.start, period.end)).count() >= 4
    assert not [g for g in Guidance.live() if g.date.month in (7, 8, 2)]
    assert all(g.reflection and g.content for g in Guidance.live())


def test_some_tasks_are_done_and_not_every_task_is_overdue(demo_store):
    """Done tasks carry a completion date and evidence; overdue ones remain, but are not all of them."""
    tasks = list(Task.live())
    done = [t for t in tasks if t.status == "已完成"]
    overdue = [t for t in tasks if t.effective_status(DEMO_TODAY) == "逾期"]
    assert done and all(t.completed_on and t.evidence for t in done)
    assert overdue and len(overdue) < len(tasks) / 2
    assert all(t.completed_on <= DEMO_TODAY for t in done)


def test_researcher_lesson_rule_per_person_last_semester(demo_store):
    """Seed 002's 教研员听评课 ≥ 15 节: over the last whole semester one 教研员 reached it and one did not."""
    calendar = load_calendar()
    year, number = calendar.semester_of(DEMO_TODAY)
    last = calendar.semester(*((year, 1) if number == 2 else (year - 1, 2)))
    (result,) = [r for r in evaluate_rules(selection=last, today=DEMO_TODAY) if r.name == "教研员听评课"]
    assert result.record_kind == "听课记录"
    assert sorted((c.done >= 15, c.status) for c in result.counts) == [(False, "未达标"), (True, "达标")]


def test_demo_twice_changes_nothing(db_path):
    """bangfu demo is idempotent: the second run adds no record."""
    assert run_cli("--db", str(db_path), "demo").returncode == 0
    first = run_cli("--db", str(db_path), "compliance", "--json", "--today", "2026-12-01").stdout
    second = run_cli("--db", str(db_path), "demo")
    assert second.returncode == 0
    assert run_cli("--db", str(db_path), "compliance", "--json", "--today", "2026-12-01").stdout == first
