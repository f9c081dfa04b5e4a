"""Opening, checking and migrating the one SQLite file that holds everything.

``open_database(path)`` is the only way in: it inspects the file read-only first
(damaged? someone else's? written by a newer version?) so that a file we must
refuse is left exactly as it was, then takes the single-instance lock, sets the
pragmas and applies pending migrations in one transaction.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..resources import db_file, read_text
from . import backup as backup_mod
from .errors import BangfuError, DatabaseDamaged, DatabaseTooNew, NotOurDatabase
from .lock import InstanceLock
from .models import database

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32000,
}


@dataclass(frozen=True)
class Migration:
    """One numbered schema step from ``db/migrations/NNNN_name.sql``."""

    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every shipped migration, in order."""
    found = []
    for node in db_file("migrations").iterdir():
        stem, dot, ext = node.name.partition(".")
        if ext != "sql" or not stem[:4].isdigit():
            continue
        found.append(Migration(int(stem[:4]), stem[5:], read_text(node)))
    found.sort(key=lambda m: m.number)
    return found


def latest_version() -> int:
    """The schema version this program writes."""
    return migrations()[-1].number


def split_statements(sql: str) -> list[str]:
    """Split a migration script into statements (executescript would commit)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


@dataclass
class FileState:
    """What a read-only look at a database file found."""

    exists: bool
    empty: bool  # no tables at all: a new file we may initialise
    version: int = 0
    tables: frozenset[str] = field(default_factory=frozenset)
    problems: list[str] = field(default_factory=list)


def _damaged(path: Path, detail: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"数据库文件“{path}”已损坏或不是帮扶台账的数据库（{detail}）。"
        "请用“恢复”从备份还原（bangfu restore 备份文件），或联系技术人员；原文件未作任何改动。"
    )


def inspect_file(path: Path, *, full_check: bool = False) -> FileState:
    """Look at a database file without changing it; raise if it is damaged."""
    if not path.exists():
        return FileState(exists=False, empty=True)
    if path.stat().st_size == 0:
        return FileState(exists=True, empty=True)
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise _damaged(path, "文件头不是 SQLite 格式")
    uri = "file:" + path.resolve().as_posix() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            check = "integrity_check" if full_check else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = frozenset(
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            )
            fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall() if full_check else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    if rows != ["ok"]:
        raise _damaged(path, "；".join(rows[:3]))
    state = FileState(exists=True, empty=not tables, version=version, tables=tables)
    if fk_rows:
        state.problems.append(f"有 {len(fk_rows)} 条记录引用了不存在的记录")
    return state


def ensure_ours(path: Path, state: FileState) -> None:
    """Refuse a file that another program or a newer version wrote."""
    if state.empty:
        return
    latest = latest_version()
    if state.version > latest:
        raise DatabaseTooNew(
            f"数据库“{path}”由更新版本的帮扶台账写入（数据版本 {state.version}，本程序支持到 {latest}）。"
            "请安装最新版本后再打开；文件未作任何改动。"
        )
    missing = _tables_of_v1() - state.tables
    if state.version == 0 or missing:
        raise NotOurDatabase(
            f"文件“{path}”不是帮扶台账的数据库（缺少数据表：{'、'.join(sorted(missing)) or '全部'}）。"
            "请选择正确的数据库文件；该文件未作任何改动。"
        )


def _tables_of_v1() -> frozenset[str]:
    """Tables every version of our schema has (those of migration 1)."""
    first = migrations()[0].sql
    names = set()
    for stmt in split_statements(first):
        if stmt.upper().startswith("CREATE TABLE"):
            names.add(stmt.split('"')[1])
    return frozenset(names)


def apply_migrations(conn_db=database) -> list[int]:
    """Apply pending migrations in one transaction; return the versions applied.

    Foreign keys are switched off around the transaction (the pragma is a no-op
    inside one) so that a table rebuild cannot cascade deletes into child rows;
    ``foreign_key_check`` must come back empty before the commit.
    """
    current = conn_db.execute_sql("PRAGMA user_version").fetchone()[0]
    pending = [m for m in migrations() if m.number > current]
    if not pending:
        return []
    conn_db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with conn_db.atomic():
            for migration in pending:
                for statement in split_statements(migration.sql):
                    conn_db.execute_sql(statement)
                conn_db.execute_sql(f"PRAGMA user_version = {migration.number}")
            broken = conn_db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseDamaged(
                    f"升级数据库时发现 {len(broken)} 条记录引用了不存在的记录，已撤销升级，数据未改动。"
                )
    finally:
        conn_db.execute_sql("PRAGMA foreign_keys = ON")
    return [m.number for m in pending]


class Store:
    """The open database: its path, lock, settings-driven backups and change count."""

    def __init__(self, path: Path, lock: InstanceLock | None):
        self.path = path
        self.lock = lock
        self.changes_since_backup = 0
        self.last_backup: Path | None = None
        self.backups = backup_mod.AutoBackup(self)

    @property
    def attachments_dir(self) -> Path:
        """The managed folder of attachment files."""
        return paths.attachments_dir(self.path)

    def note_change(self, count: int = 1) -> None:
        """Count committed changes; back up after every N of them."""
        self.changes_since_backup += count
        self.backups.after_change()

    def close(self) -> None:
        """Close the connection and release the lock."""
        if not database.is_closed():
            database.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        global _current
        if _current is self:
            _current = None


_current: Store | None = None


def current() -> Store:
    """The store opened by the last ``open_database`` call."""
    if _current is None:
        raise RuntimeError("no database is open")
    return _current


def open_database(
    path: str | os.PathLike,
    *,
    exclusive: bool = True,
    create: bool = True,
    backup_on_open: bool = True,
) -> Store:
    """Open (creating and migrating as needed) the database at ``path``.

    ``exclusive`` takes the single-instance lock: the window and every command
    that writes do; read-only commands need not.
    """
    global _current
    path = Path(path)
    state = inspect_file(path)
    ensure_ours(path, state)
    if not state.exists and not create:
        raise NotOurDatabase(f"找不到数据库文件“{path}”。请检查路径，或先运行 bangfu init。")
    if _current is not None:
        _current.close()
    lock = None
    if exclusive:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = InstanceLock.acquire(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        database.init(str(path), pragmas=PRAGMAS)
        database.connect(reuse_if_open=True)
        journal = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
        if journal.lower() != "wal":
            # WAL needs shared memory, which network drives do not give.
            raise DatabaseDamaged(
                f"无法以 WAL 模式打开“{path}”（当前为 {journal}）。数据库不能放在网络共享盘上，"
                "请把它复制到本机硬盘后再打开。"
            )
        apply_migrations()
    except sqlite3.DatabaseError as exc:
        if not database.is_closed():
            database.close()
        if lock:
            lock.release()
        raise _damaged(path, str(exc)) from exc
    except BaseException:
        if not database.is_closed():
            database.close()
        if lock:
            lock.release()
        raise
    store = Store(path, lock)
    _current = store
    if backup_on_open and state.exists and not state.empty:
        store.backups.run(reason="open")
    return store


def check_database(path: Path) -> list[str]:
    """Problems found by a full integrity check; empty when the file is healthy."""
    if not path.exists():
        return [f"找不到数据库文件“{path}”"]
    try:
        state = inspect_file(path, full_check=True)
        if state.empty:
            return [f"“{path}”是空文件，还不是帮扶台账的数据库（请运行 bangfu init）"]
        ensure_ours(path, state)
    except BangfuError as exc:
        return [str(exc)]
    return list(state.problems)
