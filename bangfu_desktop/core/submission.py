"""报送: the submission workbook in the outbox, named as bureaus expect, and an e-mail draft.

Nothing here needs a network: the file waits in the outbox folder, and the
.eml draft opens in Outlook, Foxmail or Thunderbird as a message ready to send.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import encoders
from email.generator import BytesGenerator
from email.policy import compat32
from io import BytesIO
from pathlib import Path

from . import settings
from .errors import InvalidInput
from .fileio import atomic_write
from ..paths import default_outbox_dir
from .queries import self_unit_name

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
_BAD_CHARS = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def outbox_dir() -> Path:
    """The outbox folder: the setting ``outbox.dir``, else Documents/帮扶台账/报送 (where a clerk looks)."""
    configured = settings.get("outbox.dir")
    if configured:
        return Path(configured).expanduser()
    return default_outbox_dir()


def safe_name(text: str) -> str:
    """``text`` without the characters Windows forbids in file names."""
    return _BAD_CHARS.sub("", text).strip(" .") or "未命名"


def submission_filename(content: str, day: dt.date | None = None, unit_name: str | None = None) -> str:
    """本单位_内容_YYYYMMDD.xlsx."""
    day = day or dt.date.today()
    unit = unit_name if unit_name is not None else self_unit_name()
    if not unit:
        raise InvalidInput("还没有设置本单位。请先在“单位”中把本单位标记出来，报送文件以它命名。")
    return f"{safe_name(unit)}_{safe_name(content)}_{day:%Y%m%d}.xlsx"


def copy_to_outbox(workbook: str | os.PathLike, content: str, *, day: dt.date | None = None) -> Path:
    """Copy a written workbook into the outbox under the bureau's naming; return the new path."""
    dest = outbox_dir() / submission_filename(content, day)
    with atomic_write(dest) as tmp:
        shutil.copyfile(workbook, tmp)
    return dest


def build_eml(attachment: str | os.PathLike, *, to: str = "", subject: str = "", body: str = "") -> bytes:
    """The bytes of an unsent e-mail draft with ``attachment`` (CRLF, no From/Date/Message-ID)."""
    attachment = Path(attachment)
    msg = MIMEMultipart()
    if to:
        msg["To"] = to
    msg["Subject"] = Header(subject or attachment.stem, "utf-8")
    msg["X-Unsent"] = "1"
    msg.attach(MIMEText(body or f"您好：\n\n附件是{attachment.stem}，请查收。\n", "plain", "utf-8"))
    part = MIMEBase(*XLSX_TYPE)
    part.set_payload(attachment.read_bytes())
    encoders.encode_base64(part)
    # Both forms: some Outlook setups and QQ Mail read only name= (RFC 2047), others filename*=.
    part.set_param("name", Header(attachment.name, "utf-8").encode())
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", attachment.name))
    msg.attach(part)
    out = BytesIO()
    BytesGenerator(out, policy=compat32.clone(linesep="\r\n"), mangle_from_=False).flatten(msg)
    return out.getvalue()


def write_eml_draft(attachment: str | os.PathLike, *, to: str | None = None, subject: str = "",
                    body: str = "", dest: str | os.PathLike | None = None) -> Path:
    """Write a draft beside the attachment (or to ``dest``), addressed to the bureau (``bureau.email``)."""
    attachment = Path(attachment)
    to = settings.get("bureau.email") if to is None else to
    dest = Path(dest) if dest else attachment.with_suffix(".eml")
    data = build_eml(attachment, to=to, subject=subject, body=body)
    with atomic_write(dest) as tmp:
        tmp.write_bytes(data)
    return dest


def exporters() -> dict[str, tuple[str, object]]:
    """Workbook kind → (内容 used in the file name, export function(dest, **options))."""
    from .excel_ledgers import LEDGERS
    from .excel_tasks import export_tasks

    return {"tasks": ("任务清单", export_tasks), **LEDGERS}


def export_submission(kind: str, *, day: dt.date | None = None, progress=None, cancelled=None,
                      **options) -> Path:
    """Write the workbook ``kind`` (tasks, pairings, …) straight into the outbox; return its path."""
    table = exporters()
    if kind not in table:
        raise InvalidInput(f"未知的报送内容：{kind}")
    content, export = table[kind]
    dest = outbox_dir() / submission_filename(content, day)
    export(dest, day=day, progress=progress, cancelled=cancelled, **options)
    return dest
