"""年度工作统计: one 学年's activities, rule compliance, targets, rotations and pairings.

``build_year_report`` gathers the figures (a fixed number of queries); ``xlsx`` and
``pdf`` lay them out. ``write_year_report`` picks the writer by the file's extension.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from peewee import JOIN

from ..compliance import RuleResult
from ..errors import InvalidInput
from ..models import Activity, Pairing, Rotation, Teacher, Unit
from ..queries import self_unit_name
from ..targets import Figures, TargetProgress, year_figures
from ..terms import Period, load_calendar


@dataclass
class YearReport:
    """The figures of one 学年, ready to lay out."""

    school_year: int
    period: Period
    semesters: list[Period]
    today: dt.date
    unit_name: str
    # (activity type, count per semester..., total), most frequent first
    activity_rows: list[tuple] = field(default_factory=list)
    rules: list[RuleResult] = field(default_factory=list)
    targets: list[TargetProgress] = field(default_factory=list)
    # (teacher, unit, host unit, kind, start, end, leader) of rotations started in the 学年
    rotation_rows: list[tuple] = field(default_factory=list)
    # (mentor, apprentice count, apprentice names) of pairings active in the 学年
    pairing_rows: list[tuple] = field(default_factory=list)
    # The one truth of targets and rules (core.targets.year_figures); rules/targets above are its lists.
    figures: Figures | None = None

    @property
    def counted_until(self) -> dt.date:
        """The last day counted: the end of the 学年, or today while it runs."""
        return min(self.period.end, self.today)

    def plan_label(self, plan_id: int) -> str:
        """The 方案 a rule or target row belongs to (its 文号, else its title)."""
        return self.figures.plan_label(plan_id) if self.figures else ""

    @property
    def title(self) -> str:
        """'2023-2024学年帮扶工作年度统计'."""
        return f"{self.period.label}帮扶工作年度统计"

    @property
    def rotated_teachers(self) -> int:
        """Distinct teachers rotated in the 学年."""
        return len({row[0] for row in self.rotation_rows})

    @property
    def rotated_leaders(self) -> int:
        """Distinct leaders rotated in the 学年."""
        return len({row[0] for row in self.rotation_rows if row[6]})


def build_year_report(year: int | None = None, *, today: dt.date | None = None) -> YearReport:
    """The figures of the 学年 starting in ``year`` (default: today's 学年)."""
    today = today or dt.date.today()
    calendar = load_calendar()
    year = calendar.school_year_of(today) if year is None else year
    period = calendar.school_year(year)
    semesters = [calendar.semester(year, 1), calendar.semester(year, 2)]
    report = YearReport(year, period, semesters, today, self_unit_name())
    report.activity_rows = _activity_rows(semesters)
    report.figures = year_figures(period, today=today, calendar=calendar)
    report.rules = report.figures.rules
    report.targets = report.figures.targets
    report.rotation_rows = _rotation_rows(period)
    report.pairing_rows = _pairing_rows(period)
    return report


def _activity_rows(semesters: list[Period]) -> list[tuple]:
    counts: dict[str, Counter] = {}
    query = (Activity.live(Activity.type, Activity.date).where(
        Activity.date.between(semesters[0].start, semesters[-1].end)).tuples())
    for kind, day in query:
        for index, semester in enumerate(semesters):
            if day in semester:
                counts.setdefault(kind, Counter())[index] += 1
                break
    rows = [(kind, *(c[i] for i in range(len(semesters))), sum(c.values())) for kind, c in counts.items()]
    return sorted(rows, key=lambda row: (-row[-1], row[0]))


def _rotation_rows(period: Period) -> list[tuple]:
    host = Unit.alias()
    query = (Rotation.live(Teacher.name, Unit.name, host.name, Rotation.kind, Rotation.start_date,
                           Rotation.end_date, Rotation.is_leader)
             .join(Teacher).join(Unit, on=(Teacher.unit == Unit.id), join_type=JOIN.LEFT_OUTER)
             .switch(Rotation).join(host, on=(Rotation.host_unit == host.id), join_type=JOIN.LEFT_OUTER)
             .where(Teacher.deleted_at.is_null() & Rotation.start_date.between(period.start, period.end))
             .order_by(Rotation.start_date, Rotation.id).tuples())
    return [tuple("" if v is None else v for v in row) for row in query]


def _pairing_rows(period: Period) -> list[tuple]:
    apprentice = Teacher.alias()
    query = (Pairing.live(Teacher.name, apprentice.name)
             .join(Teacher, on=(Pairing.mentor == Teacher.id))
             .switch(Pairing).join(apprentice, on=(Pairing.apprentice == apprentice.id))
             .where(Teacher.deleted_at.is_null() & apprentice.deleted_at.is_null() & (Pairing.status != "已解除")
                    & (Pairing.start_date.is_null() | (Pairing.start_date <= period.end))
                    & (Pairing.end_date.is_null() | (Pairing.end_date >= period.start)))
             .order_by(Teacher.id, Pairing.id).tuples())
    by_mentor: dict[str, list[str]] = {}
    for mentor, name in query:
        by_mentor.setdefault(mentor, []).append(name)
    return [(mentor, len(names), "、".join(names)) for mentor, names in by_mentor.items()]


def write_year_report(report: YearReport, dest: str | os.PathLike) -> Path:
    """Write ``report`` as .xlsx or .pdf (by the extension of ``dest``); return the path."""
    dest = Path(dest)
    suffix = dest.suffix.lower()
    if suffix == ".xlsx":
        from .xlsx import write_xlsx

        write_xlsx(report, dest)
    elif suffix == ".pdf":
        from .pdf import write_pdf_report

        write_pdf_report(report, dest)
    else:
        raise InvalidInput(f"输出文件“{dest.name}”的扩展名应为 .pdf 或 .xlsx")
    return dest
