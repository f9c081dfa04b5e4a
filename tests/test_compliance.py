"""Frequency rules evaluated on crafted records at the edges of months, quarters and semesters."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import run_cli
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records, settings
from bangfu_desktop.core.compliance import (
    IN_PROGRESS,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    evaluate_rule,
    evaluate_rules,
    selection_for,
)
from bangfu_desktop.core.models import (
    Activity,
    ActivityParticipant,
    FrequencyRule,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    SchoolTerm,
    Teacher,
    Unit,
)
from bangfu_desktop.core.terms import Period, load_calendar

D = dt.date
LATER = D(2030, 1, 1)  # every period of the tests is over by then


@pytest.fixture
def plan(store):
    """A plan (红寺堡 2023) and 本单位 with no records yet."""
    records.save(Unit(name="红寺堡区罗山中学", is_self=True))
    return records.save(Plan(title="红寺堡区教育人才“组团式”帮扶工作实施方案"))


def rule(plan, types, period, minimum, scope="单位", role="") -> FrequencyRule:
    """Save a rule as the 单位与方案 editor would."""
    return records.save(FrequencyRule(plan=plan, name="、".join(types) or "师徒结对", activity_types=types,
                                      period=period, minimum=minimum, scope=scope, role=role))


def activity(kind: str, day: dt.date, subject: str = "", host: str = "") -> Activity:
    """Save one activity."""
    return records.save(Activity(type=kind, title=f"{kind}{day}", date=day, subject=subject, host=host))


def by_label(result) -> dict[str, object]:
    return {c.period.label: c for c in result.counts}


def test_last_day_of_semester_counts_in_it_and_next_day_in_the_next(plan):
    """座谈会 on 31 January belongs to the autumn semester, on 1 February to the spring one."""
    r = rule(plan, ["座谈会"], "学期", 1)
    last = activity("座谈会", D(2024, 1, 31))
    first = activity("座谈会", D(2024, 2, 1))
    calendar = load_calendar()
    autumn = evaluate_rule(r, calendar.semester(2023, 1), today=LATER)
    spring = evaluate_rule(r, calendar.semester(2023, 2), today=LATER)
    assert [c.activity_ids for c in autumn.counts] == [[last.id]]
    assert [c.activity_ids for c in spring.counts] == [[first.id]]
    assert autumn.status == spring.status == MET


def test_configured_calendar_and_overridden_semester_move_the_edge(plan):
    """With 秋季 starting 08-25 and one semester overridden, the edges follow the settings."""
    settings.put("calendar.autumn_start", "08-25")
    SchoolTerm.create(school_year=2023, semester=1, start_date=D(2023, 8, 25), end_date=D(2024, 1, 20))
    SchoolTerm.create(school_year=2023, semester=2, start_date=D(2024, 1, 21), end_date=D(2024, 8, 24))
    r = rule(plan, ["座谈会"], "学期", 1)
    in_autumn = activity("座谈会", D(2024, 1, 20))
    in_spring = activity("座谈会", D(2024, 1, 21))
    before = activity("座谈会", D(2023, 8, 24))
    calendar = load_calendar()
    autumn = evaluate_rule(r, calendar.semester(2023, 1), today=LATER)
    assert autumn.counts[0].period.start == D(2023, 8, 25)
    assert autumn.counts[0].activity_ids == [in_autumn.id]
    spring = evaluate_rule(r, calendar.semester(2023, 2), today=LATER)
    assert spring.counts[0].period.start == D(2024, 1, 21)
    assert spring.counts[0].activity_ids == [in_spring.id]
    previous = evaluate_rule(r, calendar.semester(2022, 2), today=LATER)
    assert previous.counts[0].activity_ids == [before.id]


def test_a_gap_left_by_an_override_does_not_hang(plan):
    """A spring semester overridden to end in July leaves days in no semester; evaluation still ends."""
    SchoolTerm.create(school_year=2023, semester=2, start_date=D(2024, 2, 1), end_date=D(2024, 7, 10))
    r = rule(plan, ["座谈会"], "学期", 1)
    kept = activity("座谈会", D(2024, 7, 10))
    result = evaluate_rule(r, Period(D(2024, 6, 1), D(2024, 9, 30), ""), today=LATER)
    assert [c.period.label for c in result.counts] == ["2023-2024学年第二学期（春季）", "2024-2025学年第一学期（秋季）"]
    assert result.counts[0].activity_ids == [kept.id]


def test_monthly_rule_over_a_leap_february_and_month_ends(plan):
    """同课异构 ≥1 a month: 29 Feb 2024 counts in February, 1 March in March, 30 April in April."""
    r = rule(plan, ["同课异构"], "月", 1)
    leap = activity("同课异构", D(2024, 2, 29))
    march = activity("同课异构", D(2024, 3, 1))
    april = activity("同课异构", D(2024, 4, 30))
    result = evaluate_rule(r, Period(D(2024, 2, 1), D(2024, 5, 31), ""), today=LATER)
    months = by_label(result)
    assert list(months) == ["2024年2月", "2024年3月", "2024年4月", "2024年5月"]
    assert months["2024年2月"].period.end == D(2024, 2, 29)
    assert months["2024年2月"].activity_ids == [leap.id]
    assert months["2024年3月"].activity_ids == [march.id]
    assert months["2024年4月"].activity_ids == [april.id]
    assert months["2024年5月"].status == NOT_MET
    assert result.status == NOT_MET and (result.required, result.done) == (4, 3)


def test_february_of_a_common_year_ends_on_the_28th(plan):
    """In 2023 the month rule's February ends on 28 February and 1 March is March."""
    r = rule(plan, ["同课异构"], "月", 1)
    end = activity("同课异构", D(2023, 2, 28))
    activity("同课异构", D(2023, 3, 1))
    result = evaluate_rule(r, Period(D(2023, 2, 1), D(2023, 2, 28), ""), today=LATER)
    assert [(c.period.end, c.activity_ids) for c in result.counts] == [(D(2023, 2, 28), [end.id])]


def test_quarter_boundaries_and_whole_quarters_shown_for_a_semester(plan):
    """论坛 each quarter: 31 March is Q1, 1 April Q2; the spring semester shows Q1 whole (January too)."""
    r = rule(plan, ["教育论坛"], "季度", 1)
    january = activity("教育论坛", D(2024, 1, 15))
    q1_end = activity("教育论坛", D(2024, 3, 31))
    q2_start = activity("教育论坛", D(2024, 4, 1))
    q4_end = activity("教育论坛", D(2023, 12, 31))
    spring = evaluate_rule(r, load_calendar().semester(2023, 2), today=LATER)
    quarters = by_label(spring)
    assert list(quarters) == ["2024年第1季度", "2024年第2季度", "2024年第3季度"]
    assert quarters["2024年第1季度"].activity_ids == [january.id, q1_end.id]
    assert quarters["2024年第2季度"].activity_ids == [q2_start.id]
    assert quarters["2024年第3季度"].status == NOT_MET
    autumn = by_label(evaluate_rule(r, load_calendar().semester(2023, 1), today=LATER))
    assert autumn["2023年第4季度"].activity_ids == [q4_end.id]
    assert autumn["2024年第1季度"].done == 2


def test_status_in_progress_until_the_period_is_over(plan):
    """Two of three 座谈会 on the last day of the semester is 进行中; the next day it is 未达标."""
    r = rule(plan, ["座谈会"], "学期", 3)
    activity("座谈会", D(2023, 9, 10))
    activity("座谈会", D(2023, 12, 1))
    autumn = load_calendar().semester(2023, 1)
    assert evaluate_rule(r, autumn, today=D(2024, 1, 31)).status == IN_PROGRESS
    assert evaluate_rule(r, autumn, today=D(2024, 2, 1)).status == NOT_MET
    activity("座谈会", D(2024, 1, 31))
    assert evaluate_rule(r, autumn, today=D(2024, 1, 31)).status == MET


def test_only_live_activities_of_the_rule_types_count(plan):
    """A trashed 座谈会 and a 集体备课 do not count; 教学观摩 and 学科竞赛 of one rule both do."""
    r = rule(plan, ["教学观摩", "学科竞赛"], "学期", 2)
    a = activity("教学观摩", D(2023, 10, 1))
    b = activity("学科竞赛", D(2023, 10, 2))
    records.trash(activity("教学观摩", D(2023, 10, 3)))
    activity("集体备课", D(2023, 10, 4))
    result = evaluate_rule(r, load_calendar().semester(2023, 1), today=LATER)
    assert result.counts[0].activity_ids == [a.id, b.id] and result.status == MET


def test_yearly_and_school_year_rules_inside_a_semester(plan):
    """A 年 rule shown for the autumn semester lists both calendar years it touches; a 学年 rule its 学年."""
    yearly = rule(plan, ["课题研究"], "年", 1)
    school_year = rule(plan, ["校园文化活动"], "学年", 1)
    activity("课题研究", D(2023, 3, 1))
    culture = activity("校园文化活动", D(2024, 8, 31))
    autumn = load_calendar().semester(2023, 1)
    y, s = evaluate_rules([yearly, school_year], autumn, today=LATER)
    assert [c.period.label for c in y.counts] == ["2023年", "2024年"]
    assert [c.done for c in y.counts] == [1, 0]
    assert [(c.period.label, c.activity_ids) for c in s.counts] == [("2023-2024学年", [culture.id])]


def test_per_subject_scope_lists_every_subject_of_the_unit(plan):
    """远程教研 each subject: subjects of 本单位's teachers and of activities each need one."""
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    other = records.save(Unit(name="东莞市电子科技学校"))
    for name, subject in (("甲", "语文"), ("乙", "数学"), ("丙", "语文")):
        records.save(Teacher(name=name, unit=own, subject=subject))
    records.save(Teacher(name="丁", unit=other, subject="化学"))
    r = rule(plan, ["远程教研"], "学期", 1, scope="学科")
    chinese = activity("远程教研", D(2023, 10, 1), subject="语文")
    physics = activity("远程教研", D(2023, 11, 1), subject="物理")
    activity("远程教研", D(2023, 11, 2))  # no subject: cannot count for any
    result = evaluate_rule(r, load_calendar().semester(2023, 1), today=LATER)
    groups = {c.group: c for c in result.counts}
    assert sorted(groups) == ["数学", "物理", "语文"]
    assert groups["语文"].activity_ids == [chinese.id] and groups["物理"].activity_ids == [physics.id]
    assert groups["数学"].status == NOT_MET and result.status == NOT_MET


def test_per_mentor_scope_counts_apprentices_of_helpers_on_duty(plan):
    """≥3 徒弟 per 帮扶人才: dissolved and trashed pairings do not count; off-duty helpers are not listed."""
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    helper_a = records.save(Teacher(name="师傅甲", is_helper=True, helper_start=D(2023, 2, 20)))
    helper_b = records.save(Teacher(name="师傅乙", is_helper=True))
    records.save(Teacher(name="已离任", is_helper=True, helper_end=D(2023, 7, 15)))
    pupils = [records.save(Teacher(name=f"徒弟{i}", unit=own)) for i in range(7)]
    for pupil in pupils[:3]:
        records.save(Pairing(mentor=helper_a, apprentice=pupil, start_date=D(2023, 9, 1)))
    records.save(Pairing(mentor=helper_b, apprentice=pupils[3], start_date=D(2023, 9, 1)))
    records.save(Pairing(mentor=helper_b, apprentice=pupils[4], start_date=D(2023, 9, 1)))
    records.save(Pairing(mentor=helper_b, apprentice=pupils[5], status="已解除"))
    records.trash(records.save(Pairing(mentor=helper_b, apprentice=pupils[6])))
    records.save(Pairing(mentor=helper_b, apprentice=pupils[0], start_date=D(2022, 9, 1), end_date=D(2023, 6, 30)))
    r = rule(plan, [], "学年", 3, scope="师傅")
    result = evaluate_rule(r, load_calendar().school_year(2023), today=LATER)
    groups = {c.group: c for c in result.counts}
    assert sorted(groups) == ["师傅乙", "师傅甲"]
    assert (groups["师傅甲"].done, groups["师傅甲"].status) == (3, MET)
    assert (groups["师傅乙"].done, groups["师傅乙"].status) == (2, NOT_MET)
    assert len(groups["师傅甲"].pairing_ids) == 3


def test_mentor_rule_with_nobody_on_duty_is_not_applicable(plan):
    """With no 帮扶人才 in the period the rule reports 无统计对象, not 达标."""
    records.save(Teacher(name="已离任", is_helper=True, helper_end=D(2023, 7, 15)))
    r = rule(plan, [], "学年", 3, scope="师傅")
    assert evaluate_rule(r, load_calendar().school_year(2023), today=LATER).status == NOT_APPLICABLE


def test_per_person_scope_counts_observations_and_hosted_or_attended_activities(plan):
    """教研员: lessons observed from 听课记录; 教研指导 hosted (named as 主讲人) or attended."""
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    zhang = records.save(Teacher(name="张教研", unit=own, position="教研员"))
    li = records.save(Teacher(name="李教研", unit=own, position="兼职教研员"))
    records.save(Teacher(name="王老师", unit=own, position="教师"))
    for day in (D(2024, 1, 31), D(2023, 10, 9)):
        obs = records.save(Observation(date=day, topic="函数"))
        ObservationObserver.create(observation=obs, teacher=zhang)
    late = records.save(Observation(date=D(2024, 2, 1), topic="数列"))
    ObservationObserver.create(observation=late, teacher=zhang)
    hosted = activity("教研指导", D(2023, 11, 1), host="张教研、王老师")
    attended = activity("教研指导", D(2023, 11, 2))
    ActivityParticipant.create(activity=attended, teacher=li)
    observe = rule(plan, ["听评课"], "学期", 2, scope="人", role="教研员")
    guide = rule(plan, ["教研指导"], "学期", 1, scope="人", role="教研员")
    o, g = evaluate_rules([observe, guide], load_calendar().semester(2023, 1), today=LATER)
    assert {c.group: (c.done, c.status) for c in o.counts} == {"张教研": (2, MET), "李教研": (0, NOT_MET)}
    assert {c.group: c.activity_ids for c in g.counts} == {"张教研": [hosted.id], "李教研": [attended.id]}


def test_selection_for_year_semester_and_today():
    """A year alone is the 学年; a semester alone is that semester of today's 学年; neither is today's semester."""
    from bangfu_desktop.core.terms import SchoolCalendar

    cal = SchoolCalendar()
    assert selection_for(2023, calendar=cal, today=D(2026, 1, 1)) == cal.school_year(2023)
    assert selection_for(None, 2, calendar=cal, today=D(2023, 10, 1)) == cal.semester(2023, 2)
    assert selection_for(calendar=cal, today=D(2024, 2, 1)) == cal.semester(2023, 2)


def test_query_count_does_not_grow_with_activities(plan):
    """Evaluating every scope over a year costs the same number of queries for 20 or 2,000 activities."""
    own = Unit.get(Unit.is_self == True)  # noqa: E712
    helper = records.save(Teacher(name="师傅", is_helper=True))
    researcher = records.save(Teacher(name="教研", unit=own, position="教研员", subject="语文"))
    records.save(Pairing(mentor=helper, apprentice=researcher))
    rules = [rule(plan, ["座谈会"], "月", 1), rule(plan, ["远程教研"], "学期", 1, scope="学科"),
             rule(plan, [], "学年", 3, scope="师傅"), rule(plan, ["听评课", "教研指导"], "学期", 15, scope="人",
                                                          role="教研员")]

    def add(n: int) -> None:
        kinds = ("座谈会", "远程教研", "教研指导")
        Activity.insert_many([{"type": kinds[i % 3], "title": "t", "date": D(2023, 9, 1) + dt.timedelta(days=i % 300),
                               "subject": "语文"} for i in range(n)]).execute()

    selection = load_calendar().school_year(2023)
    add(20)
    with count_queries() as small:
        evaluate_rules(rules, selection, today=LATER)
    add(1980)
    with count_queries() as large:
        results = evaluate_rules(rules, selection, today=LATER)
    assert large.count == small.count <= 10
    assert sum(len(c.activity_ids) for c in results[0].counts) == 667


def test_cli_compliance_json_for_a_semester(store, db_path):
    """bangfu compliance --year --semester --json reports required, done and status of each rule."""
    records.save(Unit(name="本校", is_self=True))
    plan = records.save(Plan(title="方案"))
    rule(plan, ["座谈会"], "学期", 3)
    rule(plan, ["同课异构"], "月", 1)
    for day in (D(2024, 2, 1), D(2024, 5, 5), D(2024, 8, 31)):
        activity("座谈会", day)
    activity("同课异构", D(2024, 2, 29))
    result = run_cli("--db", str(db_path), "compliance", "--year", "2023-2024", "--semester", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["start"] == "2024-02-01" and data["end"] == "2024-08-31"
    rules = {r["name"]: r for r in data["rules"]}
    assert (rules["座谈会"]["required"], rules["座谈会"]["done"], rules["座谈会"]["status"]) == (3, 3, MET)
    assert rules["同课异构"]["counts"][0]["done"] == 1 and rules["同课异构"]["status"] == NOT_MET
    text = run_cli("--db", str(db_path), "compliance", "--year", "2023-2024", "--semester", "2")
    assert text.returncode == 0 and "【达标】座谈会" in text.stdout and "2024年2月：1/1 达标" in text.stdout


def test_cli_compliance_rejects_a_bad_semester(db_path):
    """--semester 3 is a usage error (exit 2) explained in Chinese."""
    result = run_cli("--db", str(db_path), "compliance", "--semester", "3")
    assert result.returncode == 2 and "命令用法不对" in result.stderr


def test_demo_rules_this_semester(demo_store):
    """The demo's 19 rules from seeds 000, 002 and 004 evaluate; the 座谈会 rule is met this semester."""
    from conftest import DEMO_TODAY

    results = evaluate_rules(today=DEMO_TODAY)
    assert len(results) == 19
    talks = next(r for r in results if r.name == "学校管理人员及班主任座谈会")
    assert talks.status == MET and talks.done == 3


def test_rule_line_says_how_many_are_missing_and_by_when(plan):
    """A 座谈会 ≥3/学期 rule with one held says '还差 2 次，截至' the semester's last day."""
    r = rule(plan, ["座谈会"], "学期", 3)
    activity("座谈会", D(2026, 10, 9))
    sel = load_calendar().semester(2026, 1)
    result = evaluate_rule(r, sel, today=D(2026, 12, 1))
    assert (result.status, result.missing) == (IN_PROGRESS, 2)
    assert result.gap_text() == "还差 2 次，截至 2027-01-31"
    assert result.as_dict()["gap"] == "还差 2 次，截至 2027-01-31"
    for day in (D(2026, 11, 2), D(2026, 11, 20)):
        activity("座谈会", day)
    met = evaluate_rule(r, sel, today=D(2026, 12, 1))
    assert (met.status, met.missing, met.gap_text()) == (MET, 0, "")


def test_gap_names_the_period_that_ends_first(plan):
    """A monthly rule open in December and January says what December still lacks."""
    r = rule(plan, ["同课异构"], "月", 2)
    activity("同课异构", D(2026, 12, 1))
    result = evaluate_rule(r, load_calendar().semester(2026, 1), today=D(2026, 12, 1))
    assert result.gap_text().startswith("还差 1 次，截至 2026-12-31")
    assert "已过期的周期差 6 次" in result.gap_text()  # Sep, Oct, Nov had none of their 2
