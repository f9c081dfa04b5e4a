"""轮训登记表 (one per rotation) and 轮训台账 (the ledger of all rotations)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..models import Rotation
from .context import ExportContext
from .forms import FormRows, fmt_date, fmt_span, ledger_table, mm_widths, signature_block, title_block
from .styles import styles


def _days(rotation: Rotation) -> str:
    if rotation.start_date and rotation.end_date and rotation.end_date >= rotation.start_date:
        return f"{(rotation.end_date - rotation.start_date).days + 1} 天"
    return ""


def rotation_form_story(rotation: Rotation, ctx: ExportContext) -> list[Flowable]:
    """The 轮训登记表 of one rotation, with room for both units' opinions and seals."""
    teacher = rotation.teacher
    where = f"轮训登记表（{teacher.name}，编号 {rotation.id}）"
    host = rotation.host_unit.name if rotation.host_unit_id else ""
    story: list[Flowable] = title_block("轮训登记表", ctx.text(rotation.kind, where))
    form = FormRows(ctx, where, mm_widths(26, 59, 26, 59))
    form.row(("姓名", teacher.name), ("性别", teacher.gender))
    form.row(("所在单位", teacher.unit.name if teacher.unit_id else ""), ("学科", teacher.subject))
    form.row(("职务", teacher.position), ("职称", teacher.title))
    form.row(("联系电话", teacher.phone), ("是否干部", "是" if rotation.is_leader else "否"))
    form.row(("轮训单位", host), ("轮训方式", rotation.kind))
    form.row(("起止时间", fmt_span(rotation.start_date, rotation.end_date)), ("天数", _days(rotation)))
    form.row(("学习总结", rotation.report or "\n\n\n"))
    if rotation.notes:
        form.row(("备注", rotation.notes))
    form.row(("派出单位意见", "\n\n\n　　　　　　　　　　　　　　　　（盖章）　　年　　月　　日"))
    form.row(("接收单位意见", "\n\n\n　　　　　　　　　　　　　　　　（盖章）　　年　　月　　日"))
    story.extend(form.tables())
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(signature_block(["本人（签字）：", "填表日期："])))
    return story


def rotation_ledger_story(rotations: list[Rotation], ctx: ExportContext, title: str = "轮训台账") -> list[Flowable]:
    """The 轮训台账: one line per rotation, with counts of teachers and leaders."""
    s = styles()
    rows = []
    for number, r in enumerate(rotations, start=1):
        where = f"轮训台账第 {number} 行（编号 {r.id}）"
        t = r.teacher
        cells = [str(number), t.name, t.unit.name if t.unit_id else "", t.position,
                 r.host_unit.name if r.host_unit_id else "", r.kind, fmt_date(r.start_date),
                 fmt_date(r.end_date), _days(r), "是" if r.is_leader else ""]
        rows.append([ctx.para(c, s.small_center if i in (0, 8, 9) else s.small, where)
                     for i, c in enumerate(cells)])
    people = len({r.teacher_id for r in rotations})
    leaders = len({r.teacher_id for r in rotations if r.is_leader})
    header = ["序号", "姓名", "所在单位", "职务", "轮训单位", "方式", "开始", "结束", "天数", "干部"]
    story: list[Flowable] = title_block(title, f"共 {len(rotations)} 人次（{people} 人，其中干部 {leaders} 人）")
    story.append(ledger_table(header, rows, mm_widths(8, 13, 27, 13, 27, 15, 19, 19, 10, 9)))
    return story
