"""师徒结对协议书 (one per pairing) and 师徒结对名册 (the list of all pairings)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..models import Guidance, Pairing, Teacher
from .context import ExportContext
from .forms import FormRows, fmt_date, fmt_span, ledger_table, mm_widths, signature_block, title_block
from .styles import styles

MENTOR_DUTIES = (
    "每学期听徒弟的课不少于 8 节，课后及时评课，指出优点和改进方向。",
    "指导徒弟备课、上课、作业设计与批改、课后辅导，每学期上示范课不少于 2 节。",
    "帮助徒弟制订个人成长规划，指导其开展教学反思与课题研究。",
    "在师德修养、班级管理、家校沟通等方面言传身教，做好传帮带。",
)
APPRENTICE_DUTIES = (
    "虚心向师傅学习，每学期听师傅的课不少于 15 节，并写好听课记录。",
    "主动请师傅指导备课和上课，每学期上汇报课不少于 1 节。",
    "认真撰写教学反思和学习心得，按时完成成长规划中的各项任务。",
    "尊重师傅，积极参加学校组织的教研活动和结对考核。",
)
CLOSING = (
    "学校负责本协议的组织与考核，每学期检查结对活动记录，结对期满进行综合评价，评价结果记入教师业务档案。",
)
COPIES = "零一二三四五六七八九十"


def copies_clause(holders: list[str]) -> str:
    """'本协议一式四份，…各执一份': as many copies as there are signatories."""
    return f"本协议一式{COPIES[len(holders)]}份，{'、'.join(holders)}各执一份，自签字之日起生效。"


def _unit_name(teacher: Teacher) -> str:
    unit = teacher.helper_from if teacher.is_helper and teacher.helper_from_id else teacher.unit
    return unit.name if unit else ""


def _party(form: FormRows, role: str, teacher: Teacher) -> None:
    form.row((role, teacher.name), ("性别", teacher.gender))
    form.row(("所在单位", _unit_name(teacher)), ("学科", teacher.subject))
    form.row(("职务", teacher.position), ("职称", teacher.title))


def _numbered(ctx: ExportContext, heading: str, items, where: str) -> list[Flowable]:
    s = styles()
    block: list[Flowable] = [Paragraph(heading, s.heading)]
    for number, item in enumerate(items, start=1):
        block.append(ctx.para(f"{number}. {item}", s.clause, where))
    return block


def agreement_story(pairing: Pairing, ctx: ExportContext) -> list[Flowable]:
    """The 师徒结对协议书 of one pairing: both parties, goals, duties, signatures and seals."""
    s = styles()
    mentor, apprentice = pairing.mentor, pairing.apprentice
    where = f"师徒结对协议书（{mentor.name}—{apprentice.name}，编号 {pairing.id}）"
    story: list[Flowable] = title_block("师徒结对协议书", ctx.text(pairing.programme, where))
    form = FormRows(ctx, where, mm_widths(26, 59, 26, 59))
    _party(form, "甲方（师傅）", mentor)
    if mentor.is_helper and mentor.helper_from_id:
        form.row(("帮扶期限", fmt_span(mentor.helper_start, mentor.helper_end)))
    _party(form, "乙方（徒弟）", apprentice)
    form.row(("结对学科", pairing.subject or apprentice.subject), ("结对项目", pairing.programme))
    form.row(("结对期限", fmt_span(pairing.start_date, pairing.end_date)))
    story.extend(form.tables())
    story.append(Spacer(1, 3 * mm))
    goals = [g for g in (pairing.goals or "").splitlines() if g.strip()] or ["（未填写）"]
    story += _numbered(ctx, "一、结对目标", goals, where)
    story += _numbered(ctx, "二、师傅（甲方）职责", MENTOR_DUTIES, where)
    story += _numbered(ctx, "三、徒弟（乙方）职责", APPRENTICE_DUTIES, where)
    mentor_unit = _unit_name(mentor)
    apprentice_unit = _unit_name(apprentice)
    seals = ["甲方（签字）：", "乙方（签字）："]
    holders = ["师傅", "徒弟"]
    if mentor_unit and mentor_unit != apprentice_unit:
        seals.append(ctx.text(f"帮扶单位（盖章）：\n{mentor_unit}", where))
        holders.append("帮扶单位")
    seals.append(ctx.text(f"学校（盖章）：\n{apprentice_unit}", where))
    holders.append("学校")
    story += _numbered(ctx, "四、考核与其他", [*CLOSING, copies_clause(holders)], where)
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether(signature_block(seals, seal_height=18 * mm, columns=2)))
    return story


def pairing_roster_story(pairings: list[Pairing], ctx: ExportContext, title: str = "师徒结对名册") -> list[Flowable]:
    """The 师徒结对名册: one line per pairing, with its count of guidance records."""
    s = styles()
    counts = {p.id: 0 for p in pairings}
    if counts:
        for guidance in Guidance.live().where(Guidance.pairing.in_(list(counts))):
            counts[guidance.pairing_id] += 1
    rows = []
    for number, p in enumerate(pairings, start=1):
        where = f"师徒结对名册第 {number} 行（编号 {p.id}）"
        cells = [str(number), p.mentor.name, _unit_name(p.mentor), p.apprentice.name,
                 p.subject or p.apprentice.subject, p.programme,
                 f"{fmt_date(p.start_date)}至\n{fmt_date(p.end_date, '今')}", p.status, str(counts[p.id])]
        rows.append([ctx.para(c, s.small_center if i in (0, 7, 8) else s.small, where)
                     for i, c in enumerate(cells)])
    header = ["序号", "师傅", "师傅单位", "徒弟", "学科", "结对项目", "结对期限", "状态", "指导次数"]
    story: list[Flowable] = title_block(title, f"共 {len(pairings)} 对")
    story.append(ledger_table(header, rows, mm_widths(9, 15, 30, 15, 18, 17, 30, 12, 12)))
    return story
