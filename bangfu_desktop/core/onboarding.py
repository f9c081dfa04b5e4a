"""The guided start: the steps of a clerk's first day and which of them are done."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Activity, Plan, Task, Teacher, Unit


@dataclass(frozen=True)
class StartStep:
    """One step of the checklist: a key the window acts on, its Chinese title and whether it is done."""

    key: str
    title: str
    hint: str
    done: bool


def start_steps() -> list[StartStep]:
    """本单位 → 方案 → 任务清单 → 教师名册 → the first activity, each ticked when done (five counts)."""
    return [
        StartStep("self_unit", "填写本单位信息", "单位名称、联系人、电话会填在每张表的表头",
                  Unit.live().where(Unit.is_self == True).exists()),  # noqa: E712
        StartStep("plan", "新增实施方案", "教育局下发的方案：标题、文号、发文单位", Plan.live().exists()),
        StartStep("tasks", "导入任务清单（Excel）", "教育局下发的重点任务清单，按文号或标题归入方案", Task.live().exists()),
        StartStep("teachers", "导入教师名册（Excel）", "也可以在“教师名册”中逐个添加", Teacher.live().exists()),
        StartStep("activity", "记录第一次活动", "教研活动、听评课、座谈会……照片可直接拖入", Activity.live().exists()),
    ]
