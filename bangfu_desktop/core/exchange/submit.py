"""报送 in one call: the data package, the 报送 workbooks beside it, and the e-mail that carries both.

The window's 报送 and the command line use the same choice of attachments: the
package first, then the workbook of each ledger the round asks for (the ones the
报送 export writes, named 单位_内容_日期.xlsx and limited to the round's period where
the ledger is dated), or the 任务清单 when no round names a ledger. A 零报告 has
nothing to show in a workbook and travels alone.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import ExchangeRound
from ..queries import self_unit_name
from ..submission import exporters, safe_name, submission_filename
from . import mail
from .outgoing import export_package

DEFAULT_KIND = "tasks"  # 任务清单: the form bureaus ask for when a round names nothing else


@dataclass
class Submitted:
    """What 报送 did: 'sent', 'queued' or 'draft', the .eml written, and every attachment."""

    state: str
    eml: Path
    attachments: list[Path] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)


def workbook_kinds(asks: list[str] | None) -> list[str]:
    """The exporter kinds for what a round asks for (in its order); 任务清单 when it names no ledger."""
    table = exporters()
    kinds = []
    for ask in asks or []:
        for kind, (content, _) in table.items():
            # A round says 听课记录 where the ledger is called 听课记录台账.
            if (content == ask or content == f"{ask}台账") and kind not in kinds:
                kinds.append(kind)
    return kinds or [DEFAULT_KIND]


def _period_options(export, manifest: dict[str, Any]) -> dict[str, dt.date]:
    period = manifest.get("period") or {}
    accepted = inspect.signature(export).parameters
    if not period.get("start") or "date_from" not in accepted:
        return {}
    return {"date_from": dt.date.fromisoformat(period["start"]), "date_to": dt.date.fromisoformat(period["end"])}


def write_workbooks(manifest: dict[str, Any], folder: str | os.PathLike, *, day: dt.date | None = None) -> list[Path]:
    """Write the 报送 workbooks that go beside the package ``manifest`` describes; return their paths."""
    if manifest.get("kind") == "zero":
        return []
    round_info = manifest.get("round") or {}
    round_ = ExchangeRound.get_or_none(ExchangeRound.uuid == round_info["uuid"]) if round_info.get("uuid") else None
    table = exporters()
    paths = []
    for kind in workbook_kinds(list(round_.asks or []) if round_ else None):
        content, export = table[kind]
        dest = Path(folder) / submission_filename(content, day)
        export(dest, day=day, **_period_options(export, manifest))
        paths.append(dest)
    return paths


def package_name(*, day: dt.date | None = None, zero: bool = False) -> str:
    """本单位_数据包_YYYYMMDD.bfpkg (or _零报告_)."""
    day = day or dt.date.today()
    return f"{safe_name(self_unit_name() or '本单位')}_{'零报告' if zero else '数据包'}_{day:%Y%m%d}.bfpkg"


def submit_package(folder: str | os.PathLike, *, round_name: str | None = None, year: str | int | None = None,
                   semester: int | None = None, zero: bool = False, to: str | None = None,
                   day: dt.date | None = None) -> Submitted:
    """报送: write the package and its workbooks into ``folder``, then send them (or leave a draft)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / package_name(day=day, zero=zero)
    manifest = export_package(dest, year=year, semester=semester, round_name=round_name, zero=zero)
    attachments = [dest, *write_workbooks(manifest, folder, day=day)]
    subject = f"{self_unit_name() or '本单位'}报送"
    if manifest.get("round"):
        subject += f"：{manifest['round']['name']}"
    names = "\n".join(f"  {p.name}" for p in attachments)
    body = f"您好：\n\n附件是{subject}，请查收：\n{names}\n\n数据包（.bfpkg）可在帮扶台账中直接导入，无需重新录入。\n"
    state, eml = mail.submit(attachments, folder=folder, to=to, subject=subject, body=body,
                             package_uuid=manifest["package_id"])
    return Submitted(state, eml, attachments, manifest)
