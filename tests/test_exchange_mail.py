"""The outbox against a real SMTP server on 127.0.0.1 (aiosmtpd): sent, queued while down, never twice."""

import email
import socket

import pytest
from aiosmtpd.controller import Controller

from bangfu_desktop.core import settings
from bangfu_desktop.core.exchange import importer, mail
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.core.models import ExchangePackage, OutboxMessage

from exchange_helpers import SCHOOLS, make_bureau, make_school, opened


class Inbox:
    """An SMTP handler that keeps what it received; ``drop`` cuts the line after DATA arrived."""

    def __init__(self, drop: str = ""):
        self.messages: list[bytes] = []
        self.drop = drop  # '' / before-reply / after-reply

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        if self.drop == "before-reply":
            self.drop = ""
            server.transport.close()  # accepted the data, the answer is lost
            return "250 OK"
        if self.drop == "after-reply":
            self.drop = ""
            server.loop.call_later(0.05, server.transport.close)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def school(tmp_path):
    path = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    with opened(path) as store:
        settings.put("bureau.email", "jyj@example.cn")
        settings.put("smtp.host", "127.0.0.1")
        settings.put("smtp.security", "none")
        settings.put("smtp.sender", "school@example.cn")
        package = tmp_path / "报送.bfpkg"
        manifest = export_package(package)
        yield store, package, manifest["package_id"]


def _server(inbox, port):
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def test_sends_with_stable_message_id(school, tmp_path):
    """With SMTP set, 报送 sends the package itself and marks it sent once the server accepted it."""
    _, package, _ = school
    port = free_port()
    settings.put("smtp.port", port)
    inbox = Inbox()
    controller = _server(inbox, port)
    try:
        state, eml = mail.submit([package], folder=tmp_path / "outbox")
    finally:
        controller.stop()
    [message] = OutboxMessage.select()
    assert state == "sent" and message.status == mail.SENT and message.sent_at
    [received] = inbox.messages
    parsed = email.message_from_bytes(received)
    assert parsed["Message-ID"] == message.message_id
    names = [p.get_filename() for p in parsed.walk() if p.get_filename()]
    assert names == ["报送.bfpkg"]


def test_server_down_queues_and_retries_later(school, tmp_path):
    """No server: the message waits with a Chinese reason; once the server is up, 重试 sends it."""
    _, package, _ = school
    port = free_port()
    settings.put("smtp.port", port)
    state, _ = mail.submit([package], folder=tmp_path / "outbox")
    assert state == "queued"
    [message] = mail.pending()
    assert message.attempts == 1 and "连不上发信服务器" in message.last_error
    inbox = Inbox()
    controller = _server(inbox, port)
    try:
        assert mail.send_pending() == (1, 0)
        assert mail.send_pending() == (0, 0)  # nothing left: no second copy
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert OutboxMessage.get_by_id(message.id).status == mail.SENT


def test_line_cut_after_accepted_data_is_sent_once(school, tmp_path):
    """The server answered 250 and then the line dropped: marked sent, never sent again."""
    _, package, _ = school
    port = free_port()
    settings.put("smtp.port", port)
    inbox = Inbox(drop="after-reply")
    controller = _server(inbox, port)
    try:
        state, _ = mail.submit([package], folder=tmp_path / "outbox")
        assert mail.send_pending() == (0, 0)
    finally:
        controller.stop()
    assert state == "sent" and len(inbox.messages) == 1


def test_lost_answer_to_data_reaches_the_bureau_once(school, tmp_path):
    """The answer to DATA is lost: the retry delivers the same Message-ID, and the bureau imports it once."""
    store, package, package_id = school
    port = free_port()
    settings.put("smtp.port", port)
    inbox = Inbox(drop="before-reply")
    controller = _server(inbox, port)
    try:
        state, _ = mail.submit([package], folder=tmp_path / "outbox", package_uuid=package_id)
        assert state == "queued"
        assert mail.send_pending() == (1, 0)
    finally:
        controller.stop()
    first, second = (email.message_from_bytes(m) for m in inbox.messages)
    assert first["Message-ID"] == second["Message-ID"]
    store.close()
    bureau = make_bureau(tmp_path / "j" / "j.sqlite3")
    with opened(bureau):
        for n, copy in enumerate((first, second)):
            part = next(p for p in copy.walk() if p.get_filename())
            path = tmp_path / f"copy{n}.bfpkg"
            path.write_bytes(part.get_payload(decode=True))
            importer.apply_import(importer.plan_import(path))
        assert ExchangePackage.select().where(ExchangePackage.direction == "in").count() == 1


def test_without_smtp_the_draft_stays(school, tmp_path):
    """No SMTP server set: an unsent .eml draft carrying the package is written, nothing queued."""
    _, package, _ = school
    settings.put("smtp.host", "")
    state, draft = mail.submit([package], folder=tmp_path / "outbox")
    parsed = email.message_from_bytes(draft.read_bytes())
    assert state == "draft" and parsed["X-Unsent"] == "1" and parsed["Message-ID"] is None
    assert OutboxMessage.select().count() == 0
