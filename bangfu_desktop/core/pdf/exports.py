"""Entry points for single documents: one activity, one agreement, one rotation form.

Each writes through ``atomic_write`` (a cancelled or failed export leaves no file
under the real name) and returns an ExportReport whose warnings the caller shows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from ..errors import InvalidInput
from ..fileio import CancelFn, ProgressFn, atomic_write
from ..models import Activity, Pairing, Rotation
from ..queries import self_unit_name
from .activity import activity_story, printed_photos
from .context import ExportContext, ExportReport
from .document import Marker, build
from .pairing import agreement_story
from .photo_batch import prepare_photos
from .rotation import rotation_form_story

NO_UNIT = "（未设置本单位）"


def write_pdf(dest: str | os.PathLike, make_story: Callable[[dict[str, int]], list], ctx: ExportContext,
              *, title: str, documents: int, cover: bool = False, toc: bool = False) -> ExportReport:
    """Lay out a story and write it to ``dest`` atomically; return the report."""
    unit_name = self_unit_name() or NO_UNIT
    with atomic_write(dest) as tmp:
        _, pages, _ = build(make_story, ctx=ctx, unit_name=unit_name, title=title, cover=cover, toc=toc,
                            path=tmp)
        ctx.check_cancel()
    ctx.finish()
    return ExportReport(Path(dest), pages, documents, list(ctx.warnings))


def _get(model, record_id: int, what: str):
    record = model.live().where(model.id == record_id).first()
    if record is None:
        raise InvalidInput(f"找不到编号为 {record_id} 的{what}（可能已删除）。请核对编号后重试。")
    return record


def export_one(model, record_id: int, what: str, key: str, section: str, dest: str | os.PathLike,
               story_of: Callable[[Any, ExportContext], list], title_of: Callable[[Any], str], *,
               progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
               prepare: Callable[[Any, ExportContext], None] | None = None) -> ExportReport:
    """Write one record's document: the record (``what`` names it in a refusal), its marked story
    (``key:id`` in section ``section``) and the PDF title taken from it; ``prepare`` runs first
    (the activity's photos are scaled there)."""
    record = _get(model, record_id, what)
    ctx = ExportContext(progress, cancelled)
    ctx.total = 1

    def story(_pages):
        if prepare is not None:
            prepare(record, ctx)  # here, inside the atomic write: a cancel leaves nothing
        return [Marker(f"{key}:{record.id}", section=section), *story_of(record, ctx)]

    return write_pdf(dest, story, ctx, title=title_of(record), documents=1)


def export_activity(activity_id: int, dest: str | os.PathLike, *, progress: ProgressFn | None = None,
                    cancelled: CancelFn | None = None) -> ExportReport:
    """Write the 活动记录表 of one activity to ``dest``."""
    return export_one(Activity, activity_id, "活动", "activity", "活动记录表", dest, activity_story,
                      lambda a: f"活动记录表：{a.title}", progress=progress, cancelled=cancelled,
                      prepare=lambda a, ctx: prepare_photos(printed_photos(a), ctx))


def export_agreement(pairing_id: int, dest: str | os.PathLike, *, progress: ProgressFn | None = None,
                     cancelled: CancelFn | None = None) -> ExportReport:
    """Write the 师徒结对协议书 of one pairing to ``dest``."""
    return export_one(Pairing, pairing_id, "师徒结对", "agreement", "师徒结对协议书", dest, agreement_story,
                      lambda _: "师徒结对协议书", progress=progress, cancelled=cancelled)


def export_rotation_form(rotation_id: int, dest: str | os.PathLike, *, progress: ProgressFn | None = None,
                         cancelled: CancelFn | None = None) -> ExportReport:
    """Write the 轮训登记表 of one rotation to ``dest``."""
    return export_one(Rotation, rotation_id, "轮训记录", "rotation", "轮训登记表", dest, rotation_form_story,
                      lambda _: "轮训登记表", progress=progress, cancelled=cancelled)
