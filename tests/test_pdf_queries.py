"""Documents cost a fixed number of queries, however many records they print (issue 16)."""

from __future__ import annotations

import datetime as dt
import random

from PIL import Image
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records
from bangfu_desktop.core.attachments import add_attachment
from bangfu_desktop.core.models import (
    Activity,
    ActivityParticipant,
    ActivityTask,
    Attachment,
    Guidance,
    Observation,
    ObservationObserver,
    Pairing,
    Plan,
    Rotation,
    Task,
    Teacher,
    Unit,
)
from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from bangfu_desktop.core.pdf.binder import _section_entries
from bangfu_desktop.core.pdf.context import ExportContext
from bangfu_desktop.core.targets import year_figures


def populate(activities: int, tmp_path) -> None:
    """本单位, a plan with a task, teachers, and ``activities`` activities each with 2 participants,
    a linked task and a photo; a tenth as many pairings and rotations."""
    rng = random.Random(7)
    own = records.save(Unit(name="示例县第一中学", is_self=True))
    host = records.save(Unit(name="示例市实验中学"))
    plan = records.save(Plan(title="示例方案", issued_on=dt.date(2025, 3, 1), period_start=2025, period_end=2027))
    task = records.save(Task(plan=plan, code="1.1", measure="开展教研活动", due_date=dt.date(2026, 12, 31)))
    teachers = [Teacher.create(name=f"教师{i}", unit=own) for i in range(30)]
    mentor = Teacher.create(name="帮扶教师", unit=host, is_helper=True, helper_from=host)
    Image.new("RGB", (64, 48), "gray").save(tmp_path / "p.jpg")
    first = Activity.create(type="教研活动", title="活动0", date=dt.date(2025, 9, 10))
    photo = add_attachment(first, tmp_path / "p.jpg")
    for i in range(1, activities):
        day = dt.date(2025, 9, 1) + dt.timedelta(days=i % 300)
        activity = Activity.create(type="教研活动", title=f"活动{i}", date=day, plan=plan)
        Attachment.create(owner_table="activity", owner_id=activity.id, filename="p.jpg", sha256=photo.sha256,
                          size=photo.size, mime="image/jpeg")
        for teacher in rng.sample(teachers, 2):
            ActivityParticipant.create(activity=activity, teacher=teacher)
        ActivityTask.create(activity=activity, task=task)
    for i in range(max(1, activities // 10)):
        pairing = Pairing.create(mentor=mentor, apprentice=teachers[i % 30], start_date=dt.date(2025, 9, 1),
                                 end_date=dt.date(2026, 7, 1))
        Guidance.create(pairing=pairing, date=dt.date(2025, 10, 1), kind="听课指导", content="评课")
        observation = Observation.create(date=dt.date(2025, 10, 2), teacher=teachers[i % 30], topic=f"课题{i}")
        ObservationObserver.create(observation=observation, teacher=mentor)
        Rotation.create(teacher=teachers[i % 30], host_unit=host, start_date=dt.date(2025, 10, 1),
                        end_date=dt.date(2025, 10, 20))


def story_queries(activities: int, tmp_path) -> int:
    """Queries to gather and build every document of the 2025-2026 binder (no layout)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    populate(activities, tmp_path)
    selection = ArchiveSelection(school_year=2025)
    with count_queries() as counter:
        ctx = ExportContext()
        figures = year_figures(selection.period(), today=dt.date(2026, 9, 1))
        for kind in selection.kinds:
            for entry in _section_entries(kind, selection, ctx, figures, "示例县第一中学"):
                entry.make()
    return counter.count


def test_binder_queries_do_not_grow(store, tmp_path):
    """100 and 2,000 activities (with pairings, guidance, observations and rotations) cost the same queries."""
    small = story_queries(100, tmp_path / "a")
    Activity.delete().execute()
    for model in (ActivityParticipant, ActivityTask, Attachment, ObservationObserver, Observation, Guidance, Pairing,
                  Rotation, Task, Teacher, Plan, Unit):
        model.delete().execute()
    large = story_queries(2000, tmp_path / "b")
    assert small == large, (small, large)
    assert small < 60


def test_whole_binder_export_queries_do_not_grow(store, tmp_path):
    """The real export (layout included) of 20 and 80 activities runs the same queries."""
    counts = []
    for n in (20, 80):
        for model in (ActivityParticipant, ActivityTask, Attachment, ObservationObserver, Observation, Guidance,
                      Pairing, Rotation, Activity, Task, Teacher, Plan, Unit):
            model.delete().execute()
        folder = tmp_path / str(n)
        folder.mkdir()
        populate(n, folder)
        with count_queries() as counter:
            export_archive(folder / "b.pdf", ArchiveSelection(school_year=2025), today=dt.date(2026, 9, 1))
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
