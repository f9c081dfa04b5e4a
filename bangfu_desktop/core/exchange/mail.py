"""Sending packages by e-mail from an outbox that survives being offline and never sends twice.

A message gets a stable Message-ID when it is queued and is marked sent only once
the server has accepted it (the reply to DATA). When the connection fails it stays
queued and is retried on the next start or on 重试. If the answer to DATA was lost,
the retry delivers the same Message-ID and the same package ID again, and the
bureau's import treats the second copy as a no-op. Without SMTP settings the .eml
draft stays the way (``core.submission``).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import smtplib
import ssl
from email import encoders
from email.generator import BytesGenerator
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate
from io import BytesIO
from pathlib import Path

from .. import settings
from ..errors import InvalidInput
from ..fileio import atomic_write
from ..models import OutboxMessage, database, new_uuid, now

QUEUED, SENT = "待发送", "已发送"
TIMEOUT = 20


def smtp_configured() -> bool:
    """True when 设置 names an SMTP server."""
    return bool(settings.get("smtp.host"))


def _attach(msg: MIMEMultipart, path: Path) -> None:
    mime = (mimetypes.guess_type(path.name)[0] or "application/octet-stream").split("/", 1)
    part = MIMEBase(*mime)
    part.set_payload(path.read_bytes())
    encoders.encode_base64(part)
    # Both forms (PITFALLS): some Outlook setups and QQ Mail read only name=.
    part.set_param("name", Header(path.name, "utf-8").encode())
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", path.name))
    msg.attach(part)


def build_message(attachments: list[Path], *, to: str, subject: str, body: str, message_id: str = "",
                  sender: str = "") -> bytes:
    """A message with the attachments (CRLF); without ``message_id`` an unsent draft (X-Unsent, no Date)."""
    msg = MIMEMultipart()
    if sender:
        msg["From"] = formataddr((str(Header("帮扶台账", "utf-8")), sender))
    if to:
        msg["To"] = to
    msg["Subject"] = Header(subject, "utf-8")
    if message_id:
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = message_id
    else:
        msg["X-Unsent"] = "1"
    msg.attach(MIMEText(body, "plain", "utf-8"))
    for path in attachments:
        _attach(msg, Path(path))
    out = BytesIO()
    BytesGenerator(out, policy=compat32.clone(linesep="\r\n"), mangle_from_=False).flatten(msg)
    return out.getvalue()


def queue(attachments: list[str | os.PathLike], *, folder: str | os.PathLike, to: str | None = None,
          subject: str = "", body: str = "", package_uuid: str = "") -> OutboxMessage:
    """Put a message into the outbox (written as .eml in ``folder``), not yet sent."""
    to = to if to is not None else settings.get("bureau.email")
    if not to:
        raise InvalidInput("还没有设置教育局收件邮箱。请在“设置”中填写后再报送。")
    paths = [Path(p) for p in attachments]
    subject = subject or paths[0].stem
    body = body or f"您好：\n\n附件是{subject}，请查收。\n"
    uid = new_uuid()
    sender = settings.get("smtp.sender") or settings.get("smtp.user")
    message_id = f"<{uid}@bangfu.invalid>"
    data = build_message(paths, to=to, subject=subject, body=body, message_id=message_id, sender=sender)
    dest = Path(folder) / f"{paths[0].stem}.{uid[:8]}.eml"
    with atomic_write(dest) as tmp:
        tmp.write_bytes(data)
    with database.atomic():
        return OutboxMessage.create(uuid=uid, message_id=message_id, recipient=to, subject=subject,
                                    eml_path=str(dest), package_uuid=package_uuid)


def pending() -> list[OutboxMessage]:
    """Messages still waiting, oldest first."""
    return list(OutboxMessage.select().where(OutboxMessage.status == QUEUED).order_by(OutboxMessage.id))


def _connect() -> smtplib.SMTP:
    host, port = settings.get("smtp.host"), settings.get("smtp.port")
    security = (settings.get("smtp.security") or "ssl").lower()
    if security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port, timeout=TIMEOUT)
        if security == "starttls":
            client.starttls(context=ssl.create_default_context())
    user = settings.get("smtp.user")
    if user:
        client.login(user, settings.get("smtp.password"))
    return client


def _explain(exc: BaseException) -> str:
    host, port = settings.get("smtp.host"), settings.get("smtp.port")
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "发信账号或密码（授权码）不对，请在“设置”中检查。"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"与发信服务器 {host}:{port} 的连接中断，稍后会重试。"
    if isinstance(exc, smtplib.SMTPException):
        return f"发信服务器拒绝了邮件：{exc}"
    return f"连不上发信服务器 {host}:{port}（{exc}），邮件留在发件箱，联网后会重试。"


def send_pending() -> tuple[int, int]:
    """Try every waiting message once; return (sent, still waiting)."""
    waiting = pending()
    if not waiting or not smtp_configured():
        return 0, len(waiting)
    sender = settings.get("smtp.sender") or settings.get("smtp.user") or "bangfu@localhost"
    sent = 0
    client = None
    for message in waiting:
        try:
            if client is None:
                client = _connect()
            client.sendmail(sender, [message.recipient], Path(message.eml_path).read_bytes())
        except (OSError, smtplib.SMTPException) as exc:
            _note_failure(message, _explain(exc))
            client = _close(client)
            continue
        # The server accepted DATA: from here on the message is sent, whatever happens to QUIT.
        with database.atomic():
            message.status, message.sent_at, message.attempts = SENT, now(), message.attempts + 1
            message.last_error = ""
            message.save()
        sent += 1
    _close(client)
    return sent, len(waiting) - sent


def _note_failure(message: OutboxMessage, reason: str) -> None:
    with database.atomic():
        message.attempts += 1
        message.last_error = reason
        message.updated_at = now()
        message.save()


def _close(client: smtplib.SMTP | None) -> None:
    if client is None:
        return None
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()
    return None


def submit(attachments: list[str | os.PathLike], *, folder: str | os.PathLike, to: str | None = None,
           subject: str = "", package_uuid: str = "", body: str = "") -> tuple[str, Path]:
    """报送: with SMTP settings queue and try to send ('sent' or 'queued'); without, write a draft ('draft')."""
    paths = [Path(p) for p in attachments]
    if not smtp_configured():
        subject = subject or paths[0].stem
        to = settings.get("bureau.email") if to is None else to
        data = build_message(paths, to=to, subject=subject, body=body or f"您好：\n\n附件是{subject}，请查收。\n")
        dest = Path(folder) / f"{paths[0].stem}.eml"
        with atomic_write(dest) as tmp:
            tmp.write_bytes(data)
        return "draft", dest
    message = queue(paths, folder=folder, to=to, subject=subject, body=body, package_uuid=package_uuid)
    send_pending()
    message = OutboxMessage.get_by_id(message.id)
    return ("sent" if message.status == SENT else "queued"), Path(message.eml_path)


def last_attempt_summary() -> str:
    """One line for the window: how many wait and why the last one failed."""
    waiting = pending()
    if not waiting:
        return "发件箱为空。"
    return f"发件箱中有 {len(waiting)} 封邮件待发送。{waiting[-1].last_error}"
