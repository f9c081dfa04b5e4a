"""Frequency rules (频次要求) evaluated against the records for any selection of days.

A rule asks for at least ``minimum`` records per period (月/季度/学期/学年/年) and per
scope. For a selection (a 学期, a 学年, or any span) every period of the rule's kind
that overlaps the selection is evaluated whole: a 季度 rule shown for the spring
semester still counts its whole quarter.

What counts, by scope:

- 单位: live activities whose type is one of ``rule.activity_types``, dated in the
  period; the plan an activity is linked to does not matter (one 座谈会 serves
  every plan that asks for one).
- 学科: the same activities, grouped by their 学科. Every subject taught by a live
  teacher of 本单位, and every subject an activity names, must reach the minimum.
  Activities without a subject cannot count for any subject.
- 师傅: with no activity types, the distinct apprentices of each 帮扶人才 (a live
  teacher with ``is_helper``) whose pairing overlaps the period and was not
  dissolved (已解除); only helpers on duty in the period are listed. With activity
  types, as 人 below for each helper.
- 人: each live teacher whose 职务 contains ``rule.role`` or who holds a live honour of
  kind ``rule.honour`` (either filter alone when only one is set; all teachers of 本单位
  when neither is). For 听评课/听课 the unit is the lesson: the 听课记录 in which the
  teacher is a roster observer. For every other type: activities of that type the
  teacher hosted (主持人/主讲人 names them) or took part in.

What counts, by ``rule.record_kind``: 活动 (the default) as above; 听课记录 counts lessons
observed whatever the activity types (单位: every 听课记录; 学科: by the lesson's 学科;
人 and 师傅: as 听课人); 指导记录 counts guidance records of pairings (单位: all of them;
结对: each live, not dissolved pairing overlapping the period; 师傅: each mentor of such
a pairing, over all their pairings; 人: the chosen people's guidance as mentors; 学科:
by the pairing's 学科).

Status of a period and group: 达标 when done ≥ required; otherwise 未达标 once the
period is over and 进行中 while it is not (also for a period not yet begun). A rule
with no group at all in the selection is 无统计对象. Every function here costs a fixed number of
queries, however many activities there are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .deadlines import split_units
from .models import (
    Activity,
    ActivityParticipant,
    FrequencyRule,
    Guidance,
    Honour,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Teacher,
)
from .queries import self_unit
from .terms import Period, SchoolCalendar, load_calendar

MET, NOT_MET, IN_PROGRESS = "达标", "未达标", "进行中"
# A rule with nothing to count in the selection (e.g. no 帮扶人才 on duty): neither met nor failed.
NOT_APPLICABLE = "无统计对象"
# Activity types whose unit is a lesson observed: counted from 听课记录 for the 人 scope.
OBSERVATION_TYPES = frozenset({"听评课", "听课"})
NO_SUBJECT = ""


@dataclass
class Count:
    """One period and one group (a subject, a teacher, or the whole unit) of a rule."""

    period: Period
    group: str  # '' for 单位; the subject; the teacher's name
    teacher_id: int | None
    required: int
    done: int
    status: str
    activity_ids: list[int] = field(default_factory=list)
    observation_ids: list[int] = field(default_factory=list)
    pairing_ids: list[int] = field(default_factory=list)
    guidance_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "period": self.period.label, "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(), "group": self.group, "teacher_id": self.teacher_id,
            "required": self.required, "done": self.done, "status": self.status,
            "activity_ids": self.activity_ids, "observation_ids": self.observation_ids,
            "pairing_ids": self.pairing_ids, "guidance_ids": self.guidance_ids,
        }


@dataclass
class RuleResult:
    """A rule evaluated over a selection: one Count per period and group."""

    rule_id: int
    plan_id: int
    plan_title: str
    name: str
    period_kind: str
    scope: str
    minimum: int
    source_text: str
    counts: list[Count]
    record_kind: str = "活动"

    @property
    def status(self) -> str:
        """未达标 if any period/group failed, else 进行中 if any is open, else 达标.

        无统计对象 when there is no group at all (no subject, helper or person to count).
        """
        if not self.counts:
            return NOT_APPLICABLE
        statuses = {c.status for c in self.counts}
        if NOT_MET in statuses:
            return NOT_MET
        if IN_PROGRESS in statuses:
            return IN_PROGRESS
        return MET

    @property
    def required(self) -> int:
        """Sum of what every period and group requires."""
        return sum(c.required for c in self.counts)

    @property
    def done(self) -> int:
        """Sum of what every period and group has."""
        return sum(c.done for c in self.counts)

    @property
    def missing(self) -> int:
        """How many are still missing in the periods and groups that are not met yet."""
        return sum(max(0, c.required - c.done) for c in self.counts)

    def gap_text(self) -> str:
        """'还差 2 次，截至 2027-01-31' for the open period ending first; past shortfalls after it."""
        open_counts = [c for c in self.counts if c.status == IN_PROGRESS]
        past = sum(max(0, c.required - c.done) for c in self.counts if c.status == NOT_MET)
        parts = []
        if open_counts:
            first_end = min(c.period.end for c in open_counts)
            missing = sum(c.required - c.done for c in open_counts if c.period.end == first_end)
            parts.append(f"还差 {missing} 次，截至 {first_end:%Y-%m-%d}")
        if past:
            parts.append(f"已过期的周期差 {past} 次")
        return "；".join(parts)

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "missing": self.missing, "gap": self.gap_text(),
            "rule_id": self.rule_id, "plan_id": self.plan_id, "plan": self.plan_title, "name": self.name,
            "period": self.period_kind, "scope": self.scope, "minimum": self.minimum,
            "required": self.required, "done": self.done, "status": self.status,
            "source": self.source_text, "record_kind": self.record_kind,
            "counts": [c.as_dict() for c in self.counts],
        }


def status_of(required: int, done: int, period: Period, today: dt.date) -> str:
    """达标 / 未达标 / 进行中 for one period."""
    if done >= required:
        return MET
    return NOT_MET if period.is_over(today) else IN_PROGRESS


def periods_in(calendar: SchoolCalendar, kind: str, selection: Period) -> list[Period]:
    """The periods of ``kind`` that overlap ``selection``, in order."""
    periods = []
    day = selection.start
    while day <= selection.end:
        period = calendar.period_of(kind, day)
        if day not in period:
            # An overridden semester can leave days that no semester covers; step over them.
            day += dt.timedelta(days=1)
            continue
        periods.append(period)
        day = period.end + dt.timedelta(days=1)
    return periods


def selection_for(year: int | None = None, semester: int | None = None, *,
                  today: dt.date | None = None, calendar: SchoolCalendar | None = None) -> Period:
    """A 学期 (year and semester), a 学年 (year only) or today's semester (neither).

    A semester with no year means that semester of the current 学年.
    """
    calendar = calendar or load_calendar()
    today = today or dt.date.today()
    if year is None and semester is None:
        return calendar.semester_period(today)
    if year is None:
        year = calendar.school_year_of(today)
    if semester is None:
        return calendar.school_year(year)
    if semester not in (1, 2):
        raise ValueError("学期只能是 1（第一学期）或 2（第二学期）")
    return calendar.semester(year, semester)


def rule_query():
    """Live rules of live plans, in plan and rule order."""
    return (FrequencyRule.live().join(Plan)
            .where(Plan.deleted_at.is_null()).order_by(Plan.id, FrequencyRule.id))


def evaluate_rules(rules: Iterable[FrequencyRule] | None = None, selection: Period | None = None, *,
                   today: dt.date | None = None, calendar: SchoolCalendar | None = None) -> list[RuleResult]:
    """Evaluate ``rules`` (default: every live rule) over ``selection`` (default: this semester)."""
    today = today or dt.date.today()
    calendar = calendar or load_calendar()
    selection = selection or calendar.semester_period(today)
    rules = list(rules if rules is not None else rule_query())
    if not rules:
        return []
    plan_titles = {p.id: p.title for p in Plan.select(Plan.id, Plan.title)}
    rule_periods = {r.id: periods_in(calendar, r.period, selection) for r in rules}
    first = min(p[0].start for p in rule_periods.values())
    last = max(p[-1].end for p in rule_periods.values())
    facts = _Facts(first, last, {t for r in rules for t in (r.activity_types or [])})
    results = []
    for rule in rules:
        counts = []
        for period in rule_periods[rule.id]:
            counts.extend(_evaluate(rule, period, facts, today))
        results.append(RuleResult(rule.id, rule.plan_id, plan_titles.get(rule.plan_id, ""), rule.name,
                                  rule.period, rule.scope, rule.minimum, rule.source_text, counts,
                                  rule.record_kind or "活动"))
    return results


def evaluate_rule(rule: FrequencyRule, selection: Period | None = None, *,
                  today: dt.date | None = None) -> RuleResult:
    """Evaluate one rule (the rule editor's preview)."""
    return evaluate_rules([rule], selection, today=today)[0]


class _Facts:
    """Everything the rules of one evaluation need, fetched once (a handful of queries)."""

    def __init__(self, first: dt.date, last: dt.date, types: set[str]):
        self.first, self.last, self.types = first, last, types
        # (id, type, date, subject, host), sorted by date.
        self.activities = list(
            Activity.live(Activity.id, Activity.type, Activity.date, Activity.subject, Activity.host)
            .where(Activity.type.in_(list(types)) & Activity.date.between(first, last))
            .order_by(Activity.date, Activity.id).tuples()
        ) if types else []
        self._teachers = None
        self._own_unit_id: int | None | bool = False
        self._pairings = None
        self._observations = None
        self._lessons = None
        self._guidance = None
        self._honours: dict[str, set[int]] = {}
        self._participation = None

    def activities_in(self, types: set[str], period: Period) -> list[tuple]:
        """Activities of ``types`` dated in ``period``."""
        return [a for a in self.activities if a[1] in types and period.start <= a[2] <= period.end]

    @property
    def teachers(self) -> list[Teacher]:
        """Live teachers (few columns), fetched on first use."""
        if self._teachers is None:
            self._teachers = list(Teacher.live(
                Teacher.id, Teacher.name, Teacher.unit, Teacher.subject, Teacher.position,
                Teacher.is_helper, Teacher.helper_start, Teacher.helper_end,
            ).order_by(Teacher.id))
        return self._teachers

    @property
    def own_unit_id(self) -> int | None:
        """本单位's id (None when not set), fetched on first use."""
        if self._own_unit_id is False:
            own = self_unit()
            self._own_unit_id = own.id if own else None
        return self._own_unit_id

    def is_own_teacher(self, teacher: Teacher) -> bool:
        """A teacher of 本单位 (any non-helper when 本单位 is not set)."""
        own = self.own_unit_id
        return not teacher.is_helper and (own is None or teacher.unit_id == own)

    @property
    def pairings(self) -> list[tuple]:
        """(id, mentor, apprentice, start, end) of live, not dissolved pairings overlapping the span."""
        if self._pairings is None:
            live_apprentice = Teacher.alias()
            self._pairings = list(
                Pairing.live(Pairing.id, Pairing.mentor, Pairing.apprentice, Pairing.start_date, Pairing.end_date)
                .join(live_apprentice, on=(Pairing.apprentice == live_apprentice.id))
                .where(live_apprentice.deleted_at.is_null() & (Pairing.status != "已解除")
                       & (Pairing.start_date.is_null() | (Pairing.start_date <= self.last))
                       & (Pairing.end_date.is_null() | (Pairing.end_date >= self.first)))
                .tuples()
            )
        return self._pairings

    @property
    def observations(self) -> list[tuple]:
        """(observation id, date, observer teacher id) in the span."""
        if self._observations is None:
            self._observations = list(
                ObservationObserver.select(Observation.id, Observation.date, ObservationObserver.teacher)
                .join(Observation)
                .where(Observation.deleted_at.is_null() & Observation.date.between(self.first, self.last))
                .tuples()
            )
        return self._observations

    @property
    def lessons(self) -> list[tuple]:
        """(observation id, date, subject) of every live 听课记录 in the span."""
        if self._lessons is None:
            self._lessons = list(
                Observation.live(Observation.id, Observation.date, Observation.subject)
                .where(Observation.date.between(self.first, self.last)).order_by(Observation.date).tuples()
            )
        return self._lessons

    @property
    def guidance(self) -> list[tuple]:
        """(guidance id, pairing id, date, mentor id, pairing subject) of live guidance of live pairings."""
        if self._guidance is None:
            self._guidance = list(
                Guidance.live(Guidance.id, Guidance.pairing, Guidance.date, Pairing.mentor, Pairing.subject)
                .join(Pairing)
                .where(Pairing.deleted_at.is_null() & Guidance.date.between(self.first, self.last))
                .order_by(Guidance.date, Guidance.id).tuples()
            )
        return self._guidance

    def honour_holders(self, kind: str) -> set[int]:
        """Ids of teachers holding a live honour of ``kind``."""
        if kind not in self._honours:
            self._honours[kind] = {t for (t,) in Honour.live(Honour.teacher).where(Honour.kind == kind).tuples()}
        return self._honours[kind]

    def teacher_names(self) -> dict[int, str]:
        """Live teacher id → name."""
        return {t.id: t.name for t in self.teachers}

    @property
    def participation(self) -> dict[int, set[int]]:
        """Activity id → roster teacher ids who took part (activities of the rules' types)."""
        if self._participation is None:
            self._participation = defaultdict(set)
            query = (ActivityParticipant.select(ActivityParticipant.activity, ActivityParticipant.teacher)
                     .join(Activity)
                     .where(Activity.deleted_at.is_null() & Activity.type.in_(list(self.types))
                            & Activity.date.between(self.first, self.last)).tuples())
            for activity_id, teacher_id in query:
                self._participation[activity_id].add(teacher_id)
        return self._participation


def _evaluate(rule: FrequencyRule, period: Period, facts: _Facts, today: dt.date) -> list[Count]:
    types = set(rule.activity_types or [])
    minimum = rule.minimum
    kind = rule.record_kind or "活动"
    if kind == "指导记录":
        return _guidance(rule, period, facts, today)
    if kind == "听课记录":
        if rule.scope in ("单位", "学科"):
            return _lessons(rule.scope, minimum, period, facts, today)
        types = {"听课"}
    if rule.scope == "学科":
        return _by_subject(types, minimum, period, facts, today)
    if rule.scope == "师傅":
        helpers = [t for t in facts.teachers if t.is_helper and _on_duty(t, period)]
        if not types:
            return _apprentices(helpers, minimum, period, facts, today)
        return _per_person(helpers, types, minimum, period, facts, today)
    if rule.scope == "人":
        return _per_person(_people_of(rule, facts), types, minimum, period, facts, today)
    ids = [a[0] for a in facts.activities_in(types, period)]
    return [Count(period, "", None, minimum, len(ids), status_of(minimum, len(ids), period, today), ids)]


def _by_subject(types, minimum, period, facts, today) -> list[Count]:
    by_subject: dict[str, list[int]] = defaultdict(list)
    for teacher in facts.teachers:
        if teacher.subject and facts.is_own_teacher(teacher):
            by_subject.setdefault(teacher.subject, [])
    for activity_id, _, _, subject, _ in facts.activities_in(types, period):
        if subject:
            by_subject[subject].append(activity_id)
    return [Count(period, subject, None, minimum, len(ids), status_of(minimum, len(ids), period, today), ids)
            for subject, ids in sorted(by_subject.items())]


def _on_duty(teacher: Teacher, period: Period) -> bool:
    return ((teacher.helper_start is None or teacher.helper_start <= period.end)
            and (teacher.helper_end is None or teacher.helper_end >= period.start))


def _apprentices(helpers, minimum, period, facts, today) -> list[Count]:
    counts = []
    for helper in helpers:
        pairing_ids, apprentices = [], set()
        for pairing_id, mentor, apprentice, start, end in facts.pairings:
            if mentor == helper.id and (start is None or start <= period.end) and (end is None or end >= period.start):
                pairing_ids.append(pairing_id)
                apprentices.add(apprentice)
        done = len(apprentices)
        counts.append(Count(period, helper.name, helper.id, minimum, done,
                            status_of(minimum, done, period, today), pairing_ids=pairing_ids))
    return counts


def _people_of(rule: FrequencyRule, facts: _Facts) -> list[Teacher]:
    role, honour = rule.role or "", rule.honour or ""
    if not role and not honour:
        return [t for t in facts.teachers if facts.is_own_teacher(t)]
    holders = facts.honour_holders(honour) if honour else set()
    return [t for t in facts.teachers if (role and role in (t.position or "")) or t.id in holders]


def _lessons(scope, minimum, period, facts, today) -> list[Count]:
    lessons = [row for row in facts.lessons if period.start <= row[1] <= period.end]
    if scope == "单位":
        ids = [row[0] for row in lessons]
        return [Count(period, "", None, minimum, len(ids), status_of(minimum, len(ids), period, today),
                      observation_ids=ids)]
    by_subject: dict[str, list[int]] = {}
    for teacher in facts.teachers:
        if teacher.subject and facts.is_own_teacher(teacher):
            by_subject.setdefault(teacher.subject, [])
    for observation_id, _, subject in lessons:
        if subject:
            by_subject.setdefault(subject, []).append(observation_id)
    return [Count(period, subject, None, minimum, len(ids), status_of(minimum, len(ids), period, today),
                  observation_ids=ids) for subject, ids in sorted(by_subject.items())]


def _guidance(rule, period, facts, today) -> list[Count]:
    minimum = rule.minimum
    rows = [g for g in facts.guidance if period.start <= g[2] <= period.end]
    names = facts.teacher_names()

    def count(group, teacher_id, guidance_ids, pairing_ids=()):
        return Count(period, group, teacher_id, minimum, len(guidance_ids),
                     status_of(minimum, len(guidance_ids), period, today),
                     pairing_ids=list(pairing_ids), guidance_ids=guidance_ids)

    if rule.scope == "单位":
        return [count("", None, [g[0] for g in rows])]
    pairings = [p for p in facts.pairings
                if (p[3] is None or p[3] <= period.end) and (p[4] is None or p[4] >= period.start)]
    by_pairing: dict[int, list[int]] = defaultdict(list)
    for guidance_id, pairing_id, *_ in rows:
        by_pairing[pairing_id].append(guidance_id)
    if rule.scope == "结对":
        return [count(f"{names.get(mentor, '?')}→{names.get(apprentice, '?')}", mentor, by_pairing[pid], [pid])
                for pid, mentor, apprentice, _, _ in pairings]
    if rule.scope == "学科":
        by_subject: dict[str, list[int]] = {}
        for guidance_id, _, _, _, subject in rows:
            by_subject.setdefault(subject or "", []).append(guidance_id)
        return [count(subject, None, ids) for subject, ids in sorted(by_subject.items()) if subject]
    if rule.scope == "人":
        mentors = [t.id for t in _people_of(rule, facts)]
    else:  # 师傅: every mentor with a pairing in the period
        mentors = list(dict.fromkeys(p[1] for p in pairings))
    counts = []
    for mentor in mentors:
        pairing_ids = [p[0] for p in pairings if p[1] == mentor]
        ids = sorted(g[0] for g in rows if g[3] == mentor)
        counts.append(count(names.get(mentor, "?"), mentor, ids, pairing_ids))
    return counts


def _per_person(people, types, minimum, period, facts, today) -> list[Count]:
    observed = types & OBSERVATION_TYPES
    other = types - OBSERVATION_TYPES
    activities = facts.activities_in(other, period) if other else []
    hosts = {a[0]: set(split_units(a[4])) for a in activities}
    observations: dict[int, list[int]] = defaultdict(list)
    if observed:
        for observation_id, day, teacher_id in facts.observations:
            if period.start <= day <= period.end:
                observations[teacher_id].append(observation_id)
    counts = []
    for person in people:
        activity_ids = [a[0] for a in activities
                        if person.id in facts.participation.get(a[0], ()) or person.name in hosts[a[0]]]
        observation_ids = sorted(set(observations.get(person.id, [])))
        done = len(activity_ids) + len(observation_ids)
        counts.append(Count(period, person.name, person.id, minimum, done,
                            status_of(minimum, done, period, today), activity_ids, observation_ids))
    return counts
