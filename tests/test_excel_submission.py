"""The submission file in the outbox and the unsent e-mail draft."""

from __future__ import annotations

import datetime as dt
import email
import os
from pathlib import Path
from email.header import decode_header
from email.policy import default

import openpyxl

from bangfu_desktop.core import settings
from bangfu_desktop.core.submission import export_submission, submission_filename, write_eml_draft

DAY = dt.date(2024, 12, 5)


def test_submission_goes_to_the_outbox_named_for_the_bureau(demo_store):
    """本单位_内容_YYYYMMDD.xlsx in the default outbox, Documents/帮扶台账/报送."""
    path = export_submission("tasks", day=DAY)
    assert path.name == "沿河土家族自治县中等职业学校_任务清单_20241205.xlsx"
    assert path.parent == Path(os.environ["BANGFU_DOCUMENTS_DIR"]) / "帮扶台账" / "报送"
    assert openpyxl.load_workbook(path).active["A3"].value == "目标任务（分阶段）"


def test_outbox_setting_is_honoured(demo_store, tmp_path):
    """A configured outbox folder is used."""
    settings.put("outbox.dir", str(tmp_path / "out"))
    path = export_submission("teachers", day=DAY)
    assert path == tmp_path / "out" / submission_filename("教师名册", DAY)


def test_eml_draft(demo_store, tmp_path):
    """X-Unsent, no From/Date/Message-ID, CRLF, the bureau's address, both attachment name forms."""
    settings.put("bureau.email", "jyj@example.cn")
    workbook = export_submission("pairings", day=DAY)
    eml = write_eml_draft(workbook, subject="师徒结对名册报送")
    raw = eml.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"X-Unsent: 1" in head
    for name in (b"From:", b"Date:", b"Message-ID:"):
        assert name not in head
    msg = email.message_from_bytes(raw, policy=default)
    assert msg["To"] == "jyj@example.cn" and msg["Subject"] == "师徒结对名册报送"
    part = next(p for p in msg.walk() if p.get_content_type().endswith("spreadsheetml.sheet"))
    assert part.get_filename() == workbook.name
    assert part.get_payload(decode=True) == workbook.read_bytes()
    raw_part = raw.decode("ascii")
    assert "filename*=utf-8''" in raw_part
    name_param = raw_part.split('name="', 1)[1].split('"', 1)[0]
    assert name_param.startswith("=?utf-8?")
    text, charset = decode_header(name_param)[0]
    assert text.decode(charset) == workbook.name
