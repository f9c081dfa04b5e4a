"""活动记录表: one ruled form per activity, with up to six photos."""

from __future__ import annotations

from html import unescape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..attachments import attachments_of
from ..models import Activity, ActivityParticipant, ActivityTask, Task, Teacher
from .context import ExportContext
from .forms import FormRows, fmt_date, mm_widths, signature_block, title_block
from .photos import is_photo, photo_flowable
from .styles import LABEL_FILL, ruled, styles
from .fonts import register_font
from .tables import KeepTable
from reportlab.pdfbase.pdfmetrics import stringWidth

MAX_PHOTOS = 6
PHOTO_HEIGHT = 52 * mm


def activity_where(activity: Activity) -> str:
    """How warnings name an activity."""
    return f"活动记录表《{activity.title}》（{activity.date}，编号 {activity.id}）"


def _participants(activity: Activity) -> str:
    names = getattr(activity, "_pdf_participants", None)  # prefetched for a binder (pdf.bulk)
    if names is None:
        names = [t.name for t in Teacher.select(Teacher.name).join(ActivityParticipant)
                 .where(ActivityParticipant.activity == activity).order_by(ActivityParticipant.id)]
    text = "、".join(names)
    others = activity.others_count or 0
    if others:
        text += f"；另有其他人员 {others} 人" if text else f"其他人员 {others} 人"
    total = len(names) + others
    return f"{text}（共 {total} 人）" if total else ""


def _time(activity: Activity) -> str:
    text = fmt_date(activity.date)
    if activity.start_time or activity.end_time:
        text += f" {activity.start_time}—{activity.end_time}".rstrip("—")
    return text


def _linked_tasks(activity: Activity) -> str:
    tasks = getattr(activity, "_pdf_tasks", None)
    if tasks is None:
        tasks = (Task.select().join(ActivityTask).where(ActivityTask.activity == activity)
                 .order_by(Task.position))
    # The whole text: a cut measure can change its meaning ("不少于 100 万元" dropped).
    return "\n".join(f"{t.code} {t.measure or t.stage_goal}".strip() for t in tasks)


class PhotoHeading(Flowable):
    """The 活动照片 heading; on a later page than the sheet's first it names the activity (主题, 日期)."""

    def __init__(self, continuation: str, width: float):
        super().__init__()
        self.continuation, self.width, self.height = continuation, width, 14

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        first = getattr(canvas, "_bangfu_doc_page", canvas.getPageNumber())
        text = "活动照片" if canvas.getPageNumber() == first else self.continuation
        font, size = register_font(), 10
        while size > 7 and stringWidth(text, font, size) > self.width:
            size -= 0.5
        canvas.setFont(font, size)
        canvas.drawCentredString(self.width / 2, 3, text)


def _attachments(activity: Activity) -> list:
    attachments = getattr(activity, "_pdf_attachments", None)
    return attachments_of(activity) if attachments is None else attachments


def printed_photos(activity: Activity) -> list:
    """The photos the 活动记录表 prints (the first MAX_PHOTOS), for ``photo_batch.prepare_photos``."""
    return [a for a in _attachments(activity) if is_photo(a)][:MAX_PHOTOS]


def _photo_table(activity: Activity, ctx: ExportContext, where: str, label_width: float,
                 rest_width: float) -> list[Flowable]:
    s = styles()
    attachments = _attachments(activity)
    photos = [a for a in attachments if is_photo(a)]
    others = [a for a in attachments if not is_photo(a)]
    shown = photos[:MAX_PHOTOS]
    total = label_width + rest_width
    cell_width = total / 2
    box = (cell_width - 8, PHOTO_HEIGHT)
    cells = []
    for number, attachment in enumerate(shown, start=1):
        caption = attachment.caption or attachment.filename.rsplit(".", 1)[0]
        cells.append([photo_flowable(attachment, *box, ctx, where),
                      ctx.para(f"图{number}　{caption}", s.caption, where)])
    notes = []
    if len(photos) > MAX_PHOTOS:
        notes.append(f"另有 {len(photos) - MAX_PHOTOS} 张照片未打印，见电子档案。")
    if others:
        notes.append("其他附件：" + "、".join(a.filename for a in others))
    # ctx.text marks characters the font lacks (and warns); the heading draws plain text.
    plain = unescape(ctx.text(f"活动照片（续）：{activity.title}　{fmt_date(activity.date)}", where))
    heading = PhotoHeading(plain.replace("<br/>", " "), total - 8)
    rows: list[list] = [[heading, ""]]
    commands = [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("ALIGN", (0, 1), (-1, -1), "CENTER")]
    if not cells:
        rows.append([ctx.para("（无照片）", s.cell_center, where), ""])
        commands.append(("SPAN", (0, 1), (1, 1)))
    for start in range(0, len(cells), 2):
        pair = cells[start:start + 2]
        rows.append(pair + [""] * (2 - len(pair)))
    if notes:
        rows.append([ctx.para("；".join(notes), s.small, where), ""])
        commands.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
    table = KeepTable(rows, colWidths=[cell_width, cell_width], repeatRows=1, splitInRow=0)
    table.setStyle(ruled(commands, header_rows=0))
    return [table]


def activity_story(activity: Activity, ctx: ExportContext) -> list[Flowable]:
    """The 活动记录表 of one activity (flowables; long text continues on the next page)."""
    where = activity_where(activity)
    widths = mm_widths(26, 59, 26, 59)
    form = FormRows(ctx, where, widths)
    form.row(("活动名称", activity.title))
    form.row(("活动类型", activity.type), ("活动时间", _time(activity)))
    place = activity.place + ("（线上）" if activity.online and "线上" not in activity.place else "")
    form.row(("活动地点", place), ("主持人/主讲人", activity.host))
    form.row(("组织部门", activity.organiser), ("学科", activity.subject))
    form.row(("参加人员", _participants(activity)))
    if activity.purpose:
        form.row(("活动目的", activity.purpose))
    form.row(("活动内容", activity.content), min_height=45 * mm)
    effect = activity.outcome
    if activity.reflection:
        effect = f"{effect}\n反思：{activity.reflection}" if effect else f"反思：{activity.reflection}"
    form.row(("活动效果/反思", effect), min_height=28 * mm)
    tasks = _linked_tasks(activity)
    if tasks:
        form.row(("对应任务", tasks))
    story: list[Flowable] = title_block("活动记录表", ctx.text(activity.type, where))
    story.extend(form.tables())
    story.extend(_photo_table(activity, ctx, where, widths[0], sum(widths[1:])))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(signature_block(["记录人（签字）：", "负责人（签字）：", "日期："])))
    return story
