"""报送 carries the package beside the workbook: in the .eml draft and over SMTP (aiosmtpd on 127.0.0.1)."""

import datetime as dt
import email
import io

import openpyxl
import pytest
from aiosmtpd.controller import Controller

from bangfu_desktop.core import settings
from bangfu_desktop.core.exchange import importer, mail, rounds
from bangfu_desktop.core.exchange.submit import submit_package, workbook_kinds
from bangfu_desktop.core.models import Activity, OutboxMessage

from exchange_helpers import SCHOOLS, make_bureau, make_school, opened
from test_exchange_mail import Inbox, free_port

YEARLY = "2026年度帮扶工作总结"
DAY = dt.date(2026, 11, 22)


def _attachments(raw: bytes) -> dict[str, bytes]:
    """File name → decoded bytes of every attachment of a message, as a mail program reads them."""
    parsed = email.message_from_bytes(raw)
    return {p.get_filename(): p.get_payload(decode=True) for p in parsed.walk() if p.get_filename()}


@pytest.fixture
def school(tmp_path):
    path = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    with opened(path) as store:
        settings.put("bureau.email", "jyj@example.cn")
        yield store


def test_draft_carries_package_and_tasks_workbook(school, tmp_path):
    """No SMTP: the .eml draft holds the .bfpkg and the 任务清单 workbook, byte for byte as written."""
    done = submit_package(tmp_path / "outbox", day=DAY)
    assert done.state == "draft"
    package, workbook = done.attachments
    assert package.name == f"{SCHOOLS[0]}_数据包_20261122.bfpkg"
    assert workbook.name == f"{SCHOOLS[0]}_任务清单_20261122.xlsx"
    parsed = email.message_from_bytes(done.eml.read_bytes())
    assert parsed["X-Unsent"] == "1" and parsed["To"] == "jyj@example.cn"
    found = _attachments(done.eml.read_bytes())
    assert found == {package.name: package.read_bytes(), workbook.name: workbook.read_bytes()}
    sheet = openpyxl.load_workbook(io.BytesIO(found[workbook.name])).active
    assert "任务清单" in str(sheet["A1"].value)
    assert OutboxMessage.select().count() == 0


def test_round_asks_decide_the_workbooks_and_their_period(tmp_path):
    """A round asking for 活动台账 and 教师名册: both workbooks beside the package, activities of 2026 only."""
    school = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    office = make_bureau(tmp_path / "j" / "j.sqlite3")
    notice = tmp_path / "notice.bfpkg"
    with opened(office):
        rounds.define_round(YEARLY, "2026", dt.date(2026, 12, 5), ["活动台账", "教师名册", "年度总结"])
        rounds.write_notice(notice)
    with opened(school):
        importer.apply_import(importer.plan_import(notice))
        settings.put("bureau.email", "jyj@example.cn")
        done = submit_package(tmp_path / "outbox", round_name=YEARLY, day=DAY)
        in_2026 = Activity.live().where(Activity.date.between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))).count()
        everything = Activity.live().count()
    names = [p.name for p in done.attachments]
    assert names == [f"{SCHOOLS[0]}_数据包_20261122.bfpkg", f"{SCHOOLS[0]}_活动台账_20261122.xlsx",
                     f"{SCHOOLS[0]}_教师名册_20261122.xlsx"]
    found = _attachments(done.eml.read_bytes())
    assert sorted(found) == sorted(names)
    ws = openpyxl.load_workbook(io.BytesIO(found[names[1]]), read_only=True).worksheets[0]
    listed = sum(1 for row in ws.iter_rows(min_row=4, values_only=True) if row and isinstance(row[0], int))
    assert 0 < listed == in_2026 < everything
    assert YEARLY in str(email.header.make_header(email.header.decode_header(
        email.message_from_bytes(done.eml.read_bytes())["Subject"])))


def test_round_kinds_map_names_to_ledgers():
    """听课记录 means the 听课记录台账; a round naming no ledger gets the 任务清单."""
    assert workbook_kinds(["听课记录", "活动台账"]) == ["observations", "activities"]
    assert workbook_kinds(["年度总结"]) == ["tasks"] and workbook_kinds(None) == ["tasks"]


def test_zero_report_travels_alone(school, tmp_path):
    """A 零报告 has nothing for a workbook: only the package is attached."""
    done = submit_package(tmp_path / "outbox", zero=True, day=DAY)
    assert [p.name for p in done.attachments] == [f"{SCHOOLS[0]}_零报告_20261122.bfpkg"]
    assert list(_attachments(done.eml.read_bytes())) == [done.attachments[0].name]


def test_smtp_message_carries_both(school, tmp_path):
    """With SMTP set, the server on 127.0.0.1 receives one message holding the package and the workbook."""
    port = free_port()
    settings.put("smtp.host", "127.0.0.1")
    settings.put("smtp.port", port)
    settings.put("smtp.security", "none")
    settings.put("smtp.sender", "school@example.cn")
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        done = submit_package(tmp_path / "outbox", day=DAY)
    finally:
        controller.stop()
    assert done.state == "sent"
    [raw] = inbox.messages
    package, workbook = done.attachments
    assert _attachments(raw) == {package.name: package.read_bytes(), workbook.name: workbook.read_bytes()}
    [message] = OutboxMessage.select()
    assert message.status == mail.SENT and message.package_uuid == done.manifest["package_id"]
    assert email.message_from_bytes(raw)["Message-ID"] == message.message_id
