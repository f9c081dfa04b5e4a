"""Settings kept in the database, each declared once with its type, default and title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import Setting, database


@dataclass(frozen=True)
class Option:
    """One setting: its key, Python type, default and the Chinese title shown in 设置."""

    key: str
    type: type
    default: Any
    title: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("backup.keep", int, 10, "保留最近备份份数"),
        Option("backup.every", int, 50, "每修改多少次自动备份一次"),
        Option("backup.dir", str, "", "备份文件夹（留空则放在数据库旁）"),
        Option("calendar.autumn_start", str, "09-01", "秋季学期（第一学期）开始日期（月-日）"),
        Option("calendar.spring_start", str, "02-01", "春季学期（第二学期）开始日期（月-日）"),
        Option("bureau.email", str, "", "教育局收件邮箱"),
        Option("outbox.dir", str, "", "报送文件夹（留空则放在“文档/帮扶台账/报送”）"),
        Option("demo.loaded", str, "", "已载入演示数据"),
        # A shared (PostgreSQL) database keeps attachment files here: a share every client reaches.
        Option("attachments.dir", str, "", "附件文件夹（共享数据库用：每台电脑都能访问的共享文件夹）"),
        # The archive binder's fixed catalogue fields (DA/T 22-2015).
        Option("archive.fonds", str, "", "全宗号"),
        Option("archive.retention", str, "定期30年", "保管期限（永久/定期30年/定期10年）"),
        Option("archive.volume", str, "001", "案卷号（档号的最后一段）"),
        Option("archive.compiler", str, "", "立卷人"),
        Option("archive.checker", str, "", "检查人"),
        Option("archive.stamp", int, 0, "在每份材料首页加盖归档章（1 是，0 否）"),
        Option("exchange.database_id", str, "", "本数据库标识（数据包用）"),
        Option("smtp.host", str, "", "发信服务器（SMTP）地址"),
        Option("smtp.port", int, 465, "发信服务器端口"),
        Option("smtp.security", str, "ssl", "加密方式（ssl / starttls / none）"),
        Option("smtp.user", str, "", "发信账号"),
        Option("smtp.password", str, "", "发信密码或授权码"),
        Option("smtp.sender", str, "", "发件人地址（留空则用发信账号）"),
        Option("observation.criteria", str, "教学目标 10\n教学内容 20\n教学方法 20\n教学过程 20\n教学效果 20\n教师素养 10",
               "听课评分项目（每行一项：项目名称 分值；只评等级时填“无”）"),
    )
}


def _value(option: Option, text: str | None) -> Any:
    """A stored text as the option's type; the default when it is empty or unreadable."""
    if text is None or text == "":
        return option.default
    try:
        return option.type(text)
    except ValueError:
        return option.default


def get(key: str) -> Any:
    """The value of a declared setting, or its default."""
    row = Setting.get_or_none(Setting.key == key)
    return _value(OPTIONS[key], row.value if row is not None else None)


def get_all() -> dict[str, Any]:
    """Every declared setting's value (or default), read in one query: what a settings page shows."""
    stored = dict(Setting.select(Setting.key, Setting.value).where(Setting.key.in_(list(OPTIONS))).tuples())
    return {key: _value(option, stored.get(key)) for key, option in OPTIONS.items()}


def put(key: str, value: Any) -> None:
    """Store a declared setting."""
    option = OPTIONS[key]
    text = "" if value is None else str(option.type(value))
    with database.atomic():
        Setting.insert(key=key, value=text).on_conflict(conflict_target=[Setting.key], preserve=[Setting.value]).execute()
    from . import database as db_mod

    if db_mod._current is not None and hasattr(db_mod._current, "settings_changed"):
        db_mod._current.settings_changed(key)
