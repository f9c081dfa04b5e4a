"""The five importable ledgers: their columns (with the names bureaus use) and how a row is read.

Each ``_read_*`` turns one row's texts into the record's values and the key that finds
the same record already in the database (so importing our own export twice changes nothing).
"""

from __future__ import annotations

import re
from typing import Any

from .excel_import import FieldSpec, ImportPreview
from .excel_import_ledgers import (LedgerImport, Planned, Roster, RowError, clean_name, parse_day,
                                   replace_observers)
from .excel_import_teachers import as_bool
from .models import PAIRING_STATUSES, Activity, Guidance, Observation, ObservationObserver, Pairing, Rotation, Unit
from .observations import check_score, parse_scores

F = FieldSpec
PAIRING_FIELDS = (
    F("mentor", "师傅", ("师傅", "师傅姓名", "导师", "指导教师", "指导老师")),
    F("mentor_unit", "师傅单位", ("师傅单位", "师傅所在单位", "导师单位")),
    F("apprentice", "徒弟", ("徒弟", "徒弟姓名", "青年教师", "结对教师", "被指导教师")),
    F("apprentice_unit", "徒弟单位", ("徒弟单位", "徒弟所在单位")),
    F("subject", "学科", ("学科", "结对学科", "任教学科")),
    F("programme", "结对项目", ("结对项目", "项目", "结对形式")),
    F("start_date", "开始日期", ("开始日期", "结对开始日期", "起始日期", "开始时间", "结对时间")),
    F("end_date", "结束日期", ("结束日期", "结对结束日期", "截止日期", "结束时间")),
    F("status", "状态", ("状态", "结对状态")),
    F("goals", "结对目标", ("结对目标", "目标", "培养目标")),
)
ROTATION_FIELDS = (
    F("teacher", "姓名", ("姓名", "教师姓名", "参训教师", "轮训教师", "参训人员")),
    F("unit", "所在单位", ("所在单位", "单位", "工作单位", "派出单位")),
    F("host", "轮训单位", ("轮训单位", "跟岗单位", "接收单位", "派往单位", "实践单位", "挂职单位", "研修单位")),
    F("kind", "轮训形式", ("轮训形式", "形式", "轮训方式", "类型", "轮训类型")),
    F("start_date", "开始日期", ("开始日期", "开始时间", "起始日期")),
    F("end_date", "结束日期", ("结束日期", "结束时间", "截止日期")),
    F("is_leader", "校领导", ("校领导", "是否校领导", "是否干部", "干部")),
    F("report", "学习总结", ("学习总结", "总结", "心得体会", "收获")),
)
ACTIVITY_FIELDS = (
    F("date", "日期", ("日期", "活动日期", "活动时间")),
    F("time", "时间", ("时间", "起止时间")),
    F("type", "活动类型", ("活动类型", "类型", "活动形式类别")),
    F("title", "活动主题", ("活动主题", "主题", "活动名称", "名称", "活动内容主题")),
    F("place", "地点", ("地点", "活动地点")),
    F("online", "形式", ("形式", "线上线下", "活动形式")),
    F("organiser", "组织部门", ("组织部门", "组织单位", "主办单位", "承办单位")),
    F("host", "主持人/主讲人", ("主持人/主讲人", "主持人", "主讲人", "中心发言人")),
    F("subject", "学科", ("学科",)),
    F("count", "参与人数", ("参与人数", "参加人数", "人数")),
    F("content", "活动内容", ("活动内容", "内容", "活动过程")),
)
OBSERVATION_FIELDS = (
    F("date", "听课日期", ("听课日期", "日期", "听课时间")),
    F("period", "节次", ("节次", "第几节", "课节")),
    F("teacher", "授课教师", ("授课教师", "授课人", "执教教师", "执教者", "上课教师", "授课老师")),
    F("teacher_unit", "授课教师单位", ("授课教师单位", "授课单位", "执教单位")),
    F("subject", "学科", ("学科",)),
    F("grade_class", "年级/班级", ("年级/班级", "年级班级", "班级", "年级")),
    F("topic", "课题", ("课题", "课题名称", "授课内容", "授课课题")),
    F("lesson_type", "课型", ("课型",)),
    F("observers", "听课人", ("听课人", "听课教师", "听课人员")),
    F("observers_text", "名册外听课人", ("名册外听课人", "其他听课人")),
    F("grade", "等级", ("等级", "评价等级", "课堂等级")),
    F("scores", "分项得分", ("分项得分",)),
    F("notes", "教学过程", ("教学过程", "听课记录", "课堂实录")),
    F("evaluation", "评价与建议", ("评价与建议", "评价", "意见与建议", "点评", "评课意见")),
)
GUIDANCE_FIELDS = (
    F("date", "指导日期", ("指导日期", "日期", "指导时间")),
    F("mentor", "师傅", ("师傅", "导师", "指导教师")),
    F("mentor_unit", "师傅单位", ("师傅单位",)),
    F("apprentice", "徒弟", ("徒弟", "被指导教师", "青年教师")),
    F("apprentice_unit", "徒弟单位", ("徒弟单位",)),
    F("kind", "指导形式", ("指导形式", "指导类型", "形式", "类型")),
    F("content", "指导内容", ("指导内容", "内容", "指导记录")),
)
GRADE_WORDS = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "合格": "中",
               "差": "差", "较差": "差", "不合格": "差"}


def _dates(cell: dict[str, str], raw: dict[str, Any], start: str, end: str, what: str):
    first = parse_day(raw.get(start), cell.get(start, ""), f"{what}开始日期")
    last = parse_day(raw.get(end), cell.get(end, ""), f"{what}结束日期")
    if first and last and last < first:
        raise RowError(f"结束日期 {last} 早于开始日期 {first}，请核对")
    return first, last


# -- 师徒结对 ------------------------------------------------------------------------------------
def _read_pairing(cell, raw, roster: Roster, preview: ImportPreview) -> Planned:
    mentor = roster.teacher(cell["mentor"], cell.get("mentor_unit", ""), "师傅")
    apprentice = roster.teacher(cell["apprentice"], cell.get("apprentice_unit", ""), "徒弟")
    if mentor.id == apprentice.id:
        raise RowError("师傅和徒弟是同一人")
    start, end = _dates(cell, raw, "start_date", "end_date", "结对")
    status = cell.get("status", "").strip()
    if status and status not in PAIRING_STATUSES:
        raise RowError(f"状态“{status}”应为 {'、'.join(PAIRING_STATUSES)} 之一")
    values = {"mentor": mentor, "apprentice": apprentice, "subject": cell.get("subject", "").strip(),
              "programme": cell.get("programme", "").strip() or None, "start_date": start, "end_date": end,
              "status": status or None, "goals": cell.get("goals", "").strip()}
    return Planned({k: v for k, v in values.items() if v is not None}, (mentor.id, apprentice.id, start),
                   f"{mentor.name}—{apprentice.name}")


def _existing_pairings():
    return {(p.mentor_id, p.apprentice_id, p.start_date): p for p in Pairing.live()}


# -- 轮训 ----------------------------------------------------------------------------------------
def _read_rotation(cell, raw, roster: Roster, preview: ImportPreview) -> Planned:
    teacher = roster.teacher(cell["teacher"], cell.get("unit", ""), "")
    start, end = _dates(cell, raw, "start_date", "end_date", "轮训")
    if start is None:
        raise RowError("开始日期为空")
    host = roster.unit(cell.get("host", ""), preview)
    values = {"teacher": teacher, "host_unit": host, "kind": cell.get("kind", "").strip() or None,
              "start_date": start, "end_date": end, "report": cell.get("report", "").strip()}
    if cell.get("is_leader", "").strip():
        values["is_leader"] = as_bool(cell["is_leader"])
    return Planned({k: v for k, v in values.items() if v is not None},
                   (teacher.id, start, host.name if host else ""), f"{teacher.name}（{start}）")


def _existing_rotations():
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    return {(r.teacher_id, r.start_date, units.get(r.host_unit_id, "")): r for r in Rotation.live()}


# -- 活动 ----------------------------------------------------------------------------------------
def _read_activity(cell, raw, roster: Roster, preview: ImportPreview) -> Planned:
    title = cell["title"].strip()
    if not title:
        raise RowError("活动主题为空")
    day = parse_day(raw.get("date"), cell.get("date", ""), "日期")
    if day is None:
        raise RowError("日期为空")
    kind = cell.get("type", "").strip()
    if not kind:
        raise RowError("活动类型为空（例如 教研活动、同课异构、座谈会）")
    start, _, end = cell.get("time", "").replace("—", "-").replace("~", "-").partition("-")
    count = cell.get("count", "").strip()
    if count and not re.fullmatch(r"\d+", count):
        raise RowError(f"参与人数“{count}”不是整数")
    form = cell.get("online", "")
    values = {"date": day, "title": title, "type": kind, "start_time": start.strip(), "end_time": end.strip(),
              "place": cell.get("place", "").strip(), "online": "线上" in form if form else None,
              "organiser": cell.get("organiser", "").strip(), "host": cell.get("host", "").strip(),
              "subject": cell.get("subject", "").strip(), "others_count": int(count) if count else None,
              "content": cell.get("content", "").strip()}
    return Planned({k: v for k, v in values.items() if v is not None}, (day, title), f"{day} {title}")


def _existing_activities():
    return {(a.date, a.title): a for a in Activity.live()}


# -- 听课记录 ------------------------------------------------------------------------------------
def _read_observation(cell, raw, roster: Roster, preview: ImportPreview) -> Planned:
    day = parse_day(raw.get("date"), cell.get("date", ""), "听课日期")
    if day is None:
        raise RowError("听课日期为空")
    teacher = roster.teacher(cell["teacher"], cell.get("teacher_unit", ""), "授课教师")
    topic = cell.get("topic", "").strip()
    if not topic:
        raise RowError("课题为空")
    grade_text = clean_name(cell.get("grade", ""))
    grade = GRADE_WORDS.get(grade_text, grade_text)
    try:
        scores = parse_scores(cell.get("scores", ""))
    except Exception as exc:  # noqa: BLE001 - InvalidInput with the reason
        raise RowError(str(exc)) from None
    problem = check_score(grade, scores)
    if problem:
        raise RowError(problem)
    ids, outside, row_notes = [], [], []
    for name in (n for n in re_split(cell.get("observers", "")) if n):
        found = roster.candidates(name)
        if len(found) == 1:
            ids.append(found[0].id)
        else:
            outside.append(name)
            row_notes.append(name)
    extra = cell.get("observers_text", "").strip()
    text = " ".join(x for x in ("、".join(outside), extra) if x)
    if row_notes:
        preview.notes.append(f"提醒：{day}《{topic}》中的听课人“{'、'.join(row_notes)}”不在教师名册中"
                             "（或有同名），已作为名册外听课人记录；如是名册中的教师，请先添加后重新导入")
    values = {"date": day, "teacher": teacher, "period": cell.get("period", "").strip(),
              "subject": cell.get("subject", "").strip(), "grade_class": cell.get("grade_class", "").strip(),
              "topic": topic, "lesson_type": cell.get("lesson_type", "").strip(), "observers_text": text,
              "notes": cell.get("notes", "").strip(), "evaluation": cell.get("evaluation", "").strip(),
              "grade": grade, "scores": scores}

    def observers_changed(record) -> dict[str, tuple[str, str]]:
        old = getattr(record, "observer_ids", None)  # read with the existing records, in one query
        if old is None:
            old = [o.teacher_id for o in ObservationObserver.select(ObservationObserver.teacher)
                   .where(ObservationObserver.observation == record.id).order_by(ObservationObserver.id)]
        if not ids or old == ids:
            return {}
        return {"observers": (str(len(old)) + " 人", str(len(ids)) + " 人")}

    return Planned(values, (day, teacher.id, values["period"], topic), f"{day} {teacher.name}《{topic}》",
                   links=replace_observers(ObservationObserver, "observation", ids) if ids else None,
                   links_changed=observers_changed)


def re_split(text: str) -> list[str]:
    """'张三、李四 王五' → names (any of 、,，;；/ or blanks separates)."""
    return [clean_name(n) for n in re.split(r"[、,，;；/\s]+", text or "")]


def _existing_observations():
    observers: dict[int, list[int]] = {}
    for observation_id, teacher_id in (ObservationObserver.select(ObservationObserver.observation,
                                                                  ObservationObserver.teacher)
                                       .order_by(ObservationObserver.id).tuples()):
        observers.setdefault(observation_id, []).append(teacher_id)
    found = {}
    for o in Observation.live():
        o.observer_ids = observers.get(o.id, [])
        found[(o.date, o.teacher_id, o.period, o.topic)] = o
    return found


# -- 指导记录 ------------------------------------------------------------------------------------
def _read_guidance(cell, raw, roster: Roster, preview: ImportPreview) -> Planned:
    day = parse_day(raw.get("date"), cell.get("date", ""), "指导日期")
    if day is None:
        raise RowError("指导日期为空")
    mentor = roster.teacher(cell["mentor"], cell.get("mentor_unit", ""), "师傅")
    apprentice = roster.teacher(cell["apprentice"], cell.get("apprentice_unit", ""), "徒弟")
    pairings = roster.pairings(mentor.id, apprentice.id)
    if len(pairings) > 1:
        pairings = [p for p in pairings if (p.start_date is None or p.start_date <= day)
                    and (p.end_date is None or day <= p.end_date)] or pairings[:0]
    if len(pairings) != 1:
        raise RowError(f"没有找到师傅“{mentor.name}”与徒弟“{apprentice.name}”在 {day} 的师徒结对"
                       "（请先录入或导入师徒结对名册）")
    content = cell.get("content", "").strip()
    if not content:
        raise RowError("指导内容为空")
    values = {"pairing": pairings[0], "date": day, "kind": cell.get("kind", "").strip(), "content": content}
    return Planned(values, (pairings[0].id, day, content), f"{day} {mentor.name}—{apprentice.name}")


def _existing_guidance():
    return {(g.pairing_id, g.date, g.content): g for g in Guidance.live()}


LEDGER_IMPORTS: dict[str, LedgerImport] = {
    spec.kind: spec for spec in (
        LedgerImport("pairings", "师徒结对名册", Pairing, PAIRING_FIELDS, ("mentor", "apprentice"),
                     _read_pairing, _existing_pairings),
        LedgerImport("rotations", "轮训台账", Rotation, ROTATION_FIELDS, ("teacher", "start_date"),
                     _read_rotation, _existing_rotations),
        LedgerImport("activities", "活动台账", Activity, ACTIVITY_FIELDS, ("date", "title"),
                     _read_activity, _existing_activities),
        LedgerImport("observations", "听课记录台账", Observation, OBSERVATION_FIELDS, ("date", "teacher", "topic"),
                     _read_observation, _existing_observations),
        LedgerImport("guidance", "指导记录台账", Guidance, GUIDANCE_FIELDS, ("date", "mentor", "apprentice"),
                     _read_guidance, _existing_guidance),
    )
}
