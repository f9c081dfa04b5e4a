"""A shared database on a PostgreSQL server: opening, checking the schema version, migrating.

The same models as the SQLite file, on ``postgresql://user:pass@host:5432/dbname``.
The numbered migrations under ``db/migrations/postgresql`` (same numbers as the
SQLite ones) run in one transaction on open: PostgreSQL's DDL is transactional,
so a failed step leaves the schema as it was. The version lives in the table
``bangfu_schema`` (PostgreSQL has no ``user_version``). A schema newer than this
program is refused before anything is written. Several clerks work on one
server at once; there is no single-instance lock.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import db_file, read_text
from . import dialect
from .database import Migration, Store
from .errors import BangfuError, DatabaseTooNew, NotOurDatabase
from .models import database

VERSION_TABLE = "bangfu_schema"
# pg_advisory_xact_lock key: two clients opening a new server at once migrate one after the other.
MIGRATION_LOCK = 0x6266_7462  # "bftb"


class ServerUnreachable(BangfuError):
    """The PostgreSQL server cannot be reached or refused the login."""


def pg_migrations():
    """The PostgreSQL migrations, in order (numbers as the SQLite ones)."""
    found = []
    for node in db_file("migrations").joinpath("postgresql").iterdir():
        stem, _, ext = node.name.partition(".")
        if ext == "sql" and stem[:4].isdigit():
            found.append(Migration(int(stem[:4]), stem[5:], read_text(node)))
    return sorted(found, key=lambda m: m.number)


def split_statements(sql: str) -> list[str]:
    """Statements of a migration script (ours end each with ``;`` at a line end, no functions)."""
    statements, current = [], []
    for line in sql.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        if stripped.endswith(";"):
            statements.append("\n".join(current).strip().rstrip(";"))
            current = []
    if current:
        statements.append("\n".join(current).strip().rstrip(";"))
    return statements


def _unreachable(url: str, exc: Exception) -> ServerUnreachable:
    address = dialect.parse_url(url)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = detail.lower()
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        hint = f"服务器拒绝了账号“{address.user}”的登录，请检查用户名和密码"
    elif "does not exist" in lowered and "database" in lowered:
        hint = f"服务器上没有数据库“{address.dbname}”，请让管理员先建好（createdb）"
    else:
        hint = "请检查服务器是否已开机、地址和端口是否正确、网络和防火墙是否放行"
    return ServerUnreachable(
        f"无法连接数据库服务器 {address.host} 端口 {address.port}（数据库“{address.dbname}”）：{hint}。"
        f"（{detail}）"
    )


def _connect(url: str) -> None:
    import psycopg

    db = dialect.AppPostgresDatabase(url.strip(), connect_timeout=8,
                                     application_name="bangfu-desktop")
    try:
        db.connect()
    except (psycopg.Error, Exception) as exc:  # OperationalError, bad URL (ProgrammingError)
        if not db.is_closed():
            db.close()
        raise _unreachable(url, exc) from exc
    database.initialize(db)


def _raw(statement: str, params: tuple | None = None):
    """Run one statement on the raw psycopg connection (``%`` in literals stays literal)."""
    cursor = database.connection().cursor()
    cursor.execute(statement, params)
    return cursor


def schema_state() -> tuple[int | None, set[str]]:
    """(recorded schema version or None, table names in the current schema)."""
    tables = set(database.get_tables())
    if VERSION_TABLE not in tables:
        return None, tables - {VERSION_TABLE}
    row = _raw(f'SELECT max("version") FROM "{VERSION_TABLE}"').fetchone()
    return (row[0] or 0), tables - {VERSION_TABLE}


def latest_version() -> int:
    """The newest PostgreSQL schema version this program writes."""
    return pg_migrations()[-1].number


def _refuse_foreign(url: str, version: int | None, tables: set[str]) -> None:
    where = dialect.redact(url)
    if version is not None and version > latest_version():
        raise DatabaseTooNew(
            f"服务器上的数据库“{where}”由更新版本的帮扶台账写入（数据版本 {version}，本程序支持到 "
            f"{latest_version()}）。请安装最新版本后再连接；数据库未作任何改动。")
    if version is None and tables:
        raise NotOurDatabase(
            f"服务器上的数据库“{where}”已有别的数据表（{'、'.join(sorted(tables)[:5])}），不是帮扶台账的数据库。"
            "请为帮扶台账单独建一个空数据库；该数据库未作任何改动。")


def apply_migrations(url: str = "") -> list[int]:
    """Apply pending PostgreSQL migrations in one transaction; return the versions applied."""
    with database.atomic():
        _raw("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        version, tables = schema_state()  # again, under the lock: another client may have migrated
        _refuse_foreign(url, version, tables)
        if version is None:
            _raw(f'CREATE TABLE "{VERSION_TABLE}" ("version" INTEGER NOT NULL)')
            _raw(f'INSERT INTO "{VERSION_TABLE}" ("version") VALUES (0)')
            version = 0
        pending = [m for m in pg_migrations() if m.number > version]
        for migration in pending:
            for statement in split_statements(migration.sql):
                _raw(statement)
        if pending:
            _raw(f'UPDATE "{VERSION_TABLE}" SET "version" = %s', (pending[-1].number,))
    return [m.number for m in pending]


def schema_version() -> int:
    """The schema version of the open PostgreSQL database."""
    return schema_state()[0] or 0


def open_server(url: str, *, create: bool = True):
    """Connect to ``url``, refuse a foreign or newer schema untouched, migrate; return the store."""
    _connect(url)
    try:
        version, tables = schema_state()
        _refuse_foreign(url, version, tables)
        if version is None and not create:
            raise NotOurDatabase(
                f"服务器上的数据库“{dialect.redact(url)}”还是空的。请先运行 bangfu --db … init 建立数据表。")
        apply_migrations(url)
    except BaseException:
        database.close()
        raise
    return PgStore(url)


class PgStore(Store):
    """The open shared database: its URL, the attachments folder from its settings, no file lock."""

    def __init__(self, url: str):
        self.url = url.strip()
        self._attachments: Path | None = None
        super().__init__(Path("."), None, read_only=False)
        self.path = dialect.redact(self.url)  # shown where the SQLite store shows its file

    @property
    def is_server(self) -> bool:
        """True: several clients share this database."""
        return True

    @property
    def attachments_dir(self) -> Path:
        """The attachments folder configured in the database (a share every client reaches), checked once."""
        if self._attachments is None:
            self._attachments = shared_attachments_dir()
        return self._attachments

    def settings_changed(self, key: str) -> None:
        """Forget what depends on a setting that was just written."""
        if key == "attachments.dir":
            self._attachments = None

    def note_change(self, count: int = 1) -> None:
        """Count changes; the server's backups are the office's (``bangfu backup`` writes one on demand)."""
        self.changes_since_backup += count


def shared_attachments_dir(*, must_exist: bool = True) -> Path:
    """The ``attachments.dir`` setting of a shared database, checked to be reachable."""
    from . import settings

    chosen = (settings.get("attachments.dir") or "").strip()
    if not chosen:
        raise BangfuError(
            "共享数据库还没有设置附件文件夹。请在“设置”中（或用命令 bangfu attachments-dir 文件夹）"
            "填写一个每台电脑都能访问的共享文件夹，例如 \\\\服务器\\帮扶台账附件。")
    folder = Path(chosen).expanduser()
    if must_exist and not folder.is_dir():
        raise BangfuError(
            f"找不到附件文件夹“{folder}”。请确认共享盘已连接、这台电脑有访问权限，"
            "或在“设置”中改为正确的共享文件夹。")
    return folder


__all__ = ["PgStore", "ServerUnreachable", "apply_migrations", "open_server", "pg_migrations",
           "schema_version", "shared_attachments_dir"]
