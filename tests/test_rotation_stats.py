"""轮训 statistics: counts per year and kind, and the teachers of 本单位 not yet rotated."""

import datetime as dt

from playhouse.test_utils import count_queries

from bangfu_desktop.core import records, rotation_stats
from bangfu_desktop.core.models import Rotation, Teacher, Unit
from bangfu_desktop.core.rotation_stats import count_by_year, not_rotated, summarise

from conftest import DEMO_TODAY

D = dt.date


def test_count_by_year_groups_by_calendar_year_and_kind():
    """Each rotation is one 人次 in the year it starts; kinds are listed most frequent first."""
    rows = [
        (1, "岗位轮训", D(2023, 3, 1), True),
        (2, "岗位轮训", D(2023, 12, 31), False),
        (2, "实践锻炼", D(2023, 5, 1), False),
        (3, "实践锻炼", D(2024, 1, 1), False),
        (4, "岗位轮训", None, False),
    ]
    years, undated = count_by_year(rows)
    assert undated == 1
    assert [(y.year, y.total, y.leaders, y.teachers) for y in years] == [(2023, 3, 1, 2), (2024, 1, 0, 1)]
    assert years[0].by_kind == (("岗位轮训", 2), ("实践锻炼", 1))
    assert years[1].by_kind == (("实践锻炼", 1),)


def test_empty_kind_is_counted_as_unclassified():
    """A rotation typed without a kind still counts, under 未分类."""
    years, _ = count_by_year([(1, "", D(2024, 4, 1), False)])
    assert years[0].by_kind == (("未分类", 1),)


def test_not_rotated_keeps_roster_order_and_respects_as_of():
    """Teachers with no rotation started by the day asked are missing; a future one does not count yet."""
    roster = [(1, "王一"), (2, "李二"), (3, "张三")]
    rotations = [(1, "岗位轮训", D(2024, 3, 1), False), (3, "跟岗学习", D(2025, 9, 1), False)]
    assert not_rotated(roster, rotations, as_of=D(2025, 1, 1)) == [(2, "李二"), (3, "张三")]
    assert not_rotated(roster, rotations, as_of=D(2025, 9, 1)) == [(2, "李二")]
    assert not_rotated(roster, rotations) == [(2, "李二")]


def test_summarise_without_self_unit_lists_nobody():
    """Before 本单位 is set there is no roster to compare with."""
    summary = summarise([(1, "岗位轮训", D(2024, 3, 1), False)], [], unit_name="")
    assert summary.unit_name == "" and summary.not_rotated == () and summary.years[0].total == 1


def test_demo_summary(demo_store):
    """The demo data: 40 rotations in 2023 (3 leaders), 22 in 2024, 10 of 72 teachers not rotated."""
    summary = rotation_stats.load_rotation_summary(as_of=DEMO_TODAY)
    assert [(y.year, y.total, y.leaders) for y in summary.years] == [(2023, 40, 3), (2024, 22, 0)]
    assert dict(summary.years[0].by_kind) == {"实践锻炼": 31, "岗位轮训": 9}
    assert summary.unit_name == "沿河土家族自治县中等职业学校"
    assert summary.roster_size == 72
    rotated = {tid for (tid,) in Rotation.live(Rotation.teacher).tuples()}
    assert len(summary.not_rotated) == 10
    assert not rotated & {tid for tid, _ in summary.not_rotated}


def test_summary_ignores_trashed_rotations_and_teachers(demo_store):
    """A rotation in the recycle bin does not count; a trashed teacher leaves the roster."""
    rotation = Rotation.live().order_by(Rotation.id).first()
    records.trash(rotation)
    summary = rotation_stats.load_rotation_summary(as_of=DEMO_TODAY)
    assert sum(y.total for y in summary.years) == 61
    assert rotation.teacher_id in {tid for tid, _ in summary.not_rotated}
    records.trash(Teacher.get_by_id(rotation.teacher_id))
    summary = rotation_stats.load_rotation_summary(as_of=DEMO_TODAY)
    assert summary.roster_size == 71 and len(summary.not_rotated) == 10


def test_helpers_are_not_in_the_roster(store):
    """帮扶人才 working at 本单位 are not its own teachers to rotate."""
    unit = records.save(Unit(name="第一中学", is_self=True))
    records.save(Teacher(name="王一", unit=unit))
    records.save(Teacher(name="李二", unit=unit, is_helper=True))
    summary = rotation_stats.load_rotation_summary(as_of=D(2024, 1, 1))
    assert [name for _, name in summary.not_rotated] == ["王一"]


def test_loading_costs_three_queries_however_many_rows(demo_store):
    """Rotations, 本单位 and its roster: three queries, not one per teacher."""
    with count_queries() as counter:
        rotation_stats.load_rotation_summary(as_of=DEMO_TODAY)
    assert counter.count == 3
