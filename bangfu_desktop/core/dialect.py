"""What differs between the two stores: one SQLite file, or a PostgreSQL server.

The models bind to ``models.database``, a proxy that ``core.database`` points at
an ``AppSqliteDatabase`` or an ``AppPostgresDatabase``. Code that writes raw SQL
asks here for the few pieces that differ (parameter markers, string
aggregation) instead of testing the backend itself.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from peewee import SQL, ColumnBase, NodeList, SqliteDatabase, fn

from .models import database

URL_SCHEMES = ("postgresql://", "postgres://")


class AppSqliteDatabase(SqliteDatabase):
    """SQLite whose ROLLBACK tolerates a transaction SQLite already rolled back itself.

    After a full disk or an I/O error SQLite ends the transaction on its own;
    peewee's ROLLBACK then fails with "cannot rollback - no transaction is
    active" and hides the real cause.
    """

    def rollback(self):
        if not self.is_closed() and not self.connection().in_transaction:
            return
        return super().rollback()


_postgres_class: type | None = None


def _postgres_database_class() -> type | None:
    """AppPostgresDatabase, made on first use: psycopg costs 0.3-0.7 s to import, a SQLite start needs none."""
    global _postgres_class
    if _postgres_class is None:
        from .._deferred import hand_psycopg_to_peewee

        if not hand_psycopg_to_peewee():  # pragma: no cover - declared as a dependency
            return None
        from playhouse.postgres_ext import Psycopg3Database

        class AppPostgresDatabase(Psycopg3Database):
            """PostgreSQL through psycopg 3, with the same field semantics as our SQLite schema."""

        _postgres_class = AppPostgresDatabase
    return _postgres_class


def __getattr__(name: str):
    if name == "AppPostgresDatabase":
        return _postgres_database_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_url(target: object) -> bool:
    """Whether ``--db``/``BANGFU_DB`` names a PostgreSQL server rather than a file."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_SCHEMES)


@dataclass(frozen=True)
class ServerAddress:
    """Where a ``postgresql://`` URL points (the password is never kept here)."""

    host: str
    port: int
    dbname: str
    user: str

    def __str__(self) -> str:
        return f"{self.host}:{self.port}/{self.dbname}"


def parse_url(url: str) -> ServerAddress:
    """Host, port, database and user of a ``postgresql://`` URL (defaults as libpq's)."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    user = unquote(parts.username or "") or os.environ.get("PGUSER", "") or os_user()
    return ServerAddress(parts.hostname or "localhost", port, unquote(parts.path.lstrip("/")) or user, user)


def redact(url: str) -> str:
    """The URL with its password replaced by ``***`` (what messages and logs show)."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def os_user() -> str:
    """The operating system's name of the person at the keyboard."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in a stripped container: keep going
        return ""


def is_postgres() -> bool:
    """Whether the open database is PostgreSQL."""
    obj = database.obj
    # No class made yet means no PostgreSQL database was opened in this process.
    return _postgres_class is not None and isinstance(obj, _postgres_class)


def sql(text: str) -> str:
    """Raw SQL written with ``?`` markers, with the open database's markers."""
    return text.replace("?", "%s") if is_postgres() else text


def joined_names(column_sql: str, order_sql: str, sep: str = "、") -> str:
    """A raw-SQL aggregate joining ``column_sql`` with ``sep`` in ``order_sql`` order.

    SQLite's ``group_concat`` keeps the order of the rows it is fed (callers
    order the subquery); PostgreSQL's ``string_agg`` takes the order itself.
    """
    if is_postgres():
        return f"string_agg({column_sql}, '{sep}' ORDER BY {order_sql})"
    return f"group_concat({column_sql}, '{sep}')"


def string_agg(expr, sep: str = "、", order_by=None):
    """A peewee aggregate joining ``expr`` with ``sep`` (``string_agg`` or ``group_concat``)."""
    if is_postgres():
        if order_by is not None:
            return fn.string_agg(NodeList((expr, SQL(","), sep, SQL("ORDER BY"), order_by)))
        return fn.string_agg(expr, sep)
    return fn.group_concat(expr, sep)


class DaysBetween(ColumnBase):
    """``end - start`` in days, rendered for the open database when the query is built.

    SQLite keeps dates as ISO text (``julianday`` difference); PostgreSQL
    subtracts dates to an integer. A node rather than a function so that a
    module-level sort table can hold it before any database is open.
    """

    def __init__(self, end, start):
        super().__init__()
        self.end, self.start = end, start

    def __sql__(self, ctx):
        if is_postgres():
            return ctx.sql(NodeList((SQL("("), self.end, SQL("-"), self.start, SQL(")"))))
        return ctx.sql(NodeList((fn.julianday(self.end), SQL("-"), fn.julianday(self.start))))


def account() -> str:
    """Who makes a change: the OS user, plus the database role on PostgreSQL (``张三@bangfu_office``)."""
    who = os_user()
    if is_postgres():
        role = role_name()
        return f"{who}@{role}" if who else role
    return who


_role_cache: dict[int, str] = {}


def role_name() -> str:
    """PostgreSQL's ``current_user`` of the open connection (asked once per database object)."""
    key = id(database.obj)
    if key not in _role_cache:
        _role_cache[key] = database.execute_sql("SELECT current_user").fetchone()[0]
    return _role_cache[key]


__all__ = [
    "AppPostgresDatabase", "AppSqliteDatabase", "DaysBetween", "ServerAddress", "account", "is_postgres",
    "is_url", "joined_names", "parse_url", "redact", "role_name", "sql", "string_agg",
]


def change_counter() -> int:
    """A number that grows with every audited change (max audit_log id): windows poll it to refresh."""
    row = database.execute_sql('SELECT max("id") FROM "audit_log"').fetchone()
    return int(row[0] or 0)


def changes_since(last_id: int) -> tuple[int, list[str]]:
    """(the newest audit id, the tables changed after ``last_id``): what another client changed."""
    rows = database.execute_sql(
        sql('SELECT "table", max("id") FROM "audit_log" WHERE "id" > ? GROUP BY "table"'), (last_id,)).fetchall()
    if not rows:
        return last_id, []
    return max(r[1] for r in rows), sorted(r[0] for r in rows)
