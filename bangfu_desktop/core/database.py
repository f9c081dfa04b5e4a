"""Opening, checking and migrating the one SQLite file that holds everything.

``open_database(path)`` is the only way in: it inspects the file read-only first
(a folder? damaged? someone else's? written by a newer version? read-only?) so
that a file we must refuse is left exactly as it was, then takes the
single-instance lock, sets the pragmas and applies pending migrations in one
transaction. ``dbfile`` looks at files from outside; ``backup`` writes backup
files; ``restore`` puts one back. This module imports those, never the reverse.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..resources import db_file, read_text
from . import backup as backup_mod
from . import dbfile, dialect
from . import lock as lock_mod
from .errors import BangfuError, DatabaseDamaged, DatabaseReadOnly, DatabaseTooNew, NotOurDatabase
from .fileio import remove_stale_parts
from .lock import InstanceLock
from .models import database

SQLITE_HEADER = dbfile.SQLITE_MAGIC
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
    empty: bool  # zero bytes or no tables at all: a new file only ``init`` may initialise
    version: int = 0
    tables: frozenset[str] = field(default_factory=frozenset)
    problems: list[str] = field(default_factory=list)
    read_only: bool = False  # the file or its folder cannot be written
    page_size: int = 0


# Kept for callers of the old private name.
_damaged = dbfile.damaged


def inspect_file(path: Path, *, full_check: bool = False, quick_check: bool = False) -> FileState:
    """Look at a database file without changing it; raise if it cannot be used.

    The cheap checks (path, header, schema) always run; ``quick_check`` adds
    SQLite's quick check, ``full_check`` the integrity and foreign-key checks.
    A hot journal left by a killed writer is rolled back first (that is recovery,
    not damage).
    """
    path = Path(path)
    dbfile.check_path(path)
    read_only = not dbfile.writable(path)
    if not path.exists():
        return FileState(exists=False, empty=True, read_only=read_only)
    try:
        if path.stat().st_size == 0:
            return FileState(exists=True, empty=True, read_only=read_only)
        header = dbfile.read_header(path)
    except OSError as exc:
        raise BangfuError(f"无法读取数据库文件“{path}”：{exc.strerror or exc}。请检查文件权限后重试。") from exc
    if header is None:
        raise _damaged(path, "文件头不是 SQLite 格式")
    if not header.wal:
        dbfile.recover_hot_journal(path)
        header = dbfile.read_header(path) or header
    if header.user_version > latest_version():
        # Known from the header alone: refuse before SQLite touches the file.
        return FileState(exists=True, empty=False, version=header.user_version, read_only=read_only,
                         page_size=header.page_size)

    def look() -> tuple[list[str], int, frozenset[str], list]:
        conn = dbfile.connect_read_only(path)
        try:
            rows = ["ok"]
            if full_check or quick_check:
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
        return rows, version, tables, fk_rows

    try:
        rows, version, tables, fk_rows = dbfile.retry_locked(look, path)
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc).lower():
            raise DatabaseReadOnly(dbfile.read_only_message(path)) from exc
        raise _damaged(path, str(exc)) from exc
    if rows != ["ok"]:
        raise _damaged(path, "；".join(rows[:3]))
    state = FileState(exists=True, empty=not tables, version=version, tables=tables,
                      read_only=read_only, page_size=header.page_size)
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

    def __init__(self, path: Path, lock: InstanceLock | None, *, read_only: bool = False):
        self.path = path
        self.lock = lock
        # Opened read-only (the file or its folder cannot be written): writes are refused.
        self.read_only = read_only
        self.changes_since_backup = 0
        self.last_backup: Path | None = None
        self.backups = backup_mod.AutoBackup(self)

    @property
    def attachments_dir(self) -> Path:
        """The managed folder of attachment files."""
        return paths.attachments_dir(self.path)

    @property
    def last_backup_error(self) -> str | None:
        """The Chinese warning of the last failed automatic backup (None once one succeeds)."""
        return self.backups.last_error

    def on_backup_error(self, listener) -> None:
        """Call ``listener(message_or_None)`` (from any thread) when an automatic backup fails or recovers."""
        self.backups.listeners.append(listener)

    def note_change(self, count: int = 1) -> None:
        """Count committed changes; back up after every N of them (a failed backup never raises)."""
        self.changes_since_backup += count
        self.backups.after_change()

    def close(self) -> None:
        """Close the connection and release the lock (which marks the shutdown clean)."""
        if not database.is_closed():
            self._optimize()
            database.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        global _current
        if _current is self:
            _current = None


    def _optimize(self) -> None:
        # Planner statistics: without them SQLite reads 100,000 live activities through the
        # deleted_at index and sorts them (0.2 s) instead of walking the partial "live" date
        # index (0.07 s). ``PRAGMA optimize`` only sees this connection's queries, and the
        # tables are read by the worker threads', so the big tables are checked here.
        if getattr(self, "read_only", False) or dialect.is_postgres():
            return
        try:
            refresh_statistics()
        except Exception:  # noqa: BLE001 - statistics only: a busy or read-only file closes all the same
            pass


# Tables that grow with the years; the others stay small enough for any plan.
GROWING_TABLES = ("activity", "observation", "teacher", "pairing", "guidance", "rotation",
                  "activity_participant", "observation_observer", "task", "attachment")


def refresh_statistics(minimum: int = 1000) -> list[str]:
    """ANALYZE the growing tables that have no statistics yet or doubled since; the tables analysed."""
    known: dict[str, int] = {}
    if database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        for table, stat in database.execute_sql("SELECT tbl, stat FROM sqlite_stat1").fetchall():
            rows = (stat or "0").split()[0]
            known[table] = max(known.get(table, 0), int(rows) if rows.isdigit() else 0)
    present = {name for (name,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    analysed = []
    for table in GROWING_TABLES:
        if table not in present:
            continue
        count = database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        if count >= minimum and count > 2 * known.get(table, 0):
            database.execute_sql(f'ANALYZE "{table}"')
            analysed.append(table)
    return analysed


_current: Store | None = None


def current() -> Store:
    """The store opened by the last ``open_database`` call."""
    if _current is None:
        raise RuntimeError("no database is open")
    return _current


READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "cache_size": -32000, "query_only": 1}




def _prepare_for_writing(path: Path, *, will_write: bool) -> None:
    """Switch the file to WAL; with ``will_write`` make sure no other program holds the write lock.

    Both wait a bounded time in short, interruptible steps (Ctrl-C stops them).
    """
    def probe() -> str:
        conn = sqlite3.connect(str(path), timeout=0.2)
        try:
            journal = conn.execute("PRAGMA journal_mode = wal").fetchone()[0]
            if will_write:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
            return journal
        finally:
            conn.close()

    journal = dbfile.retry_locked(probe, path)
    if journal.lower() != "wal":
        # WAL needs shared memory, which network drives do not give.
        raise DatabaseDamaged(
            f"无法以 WAL 模式打开“{path}”（当前为 {journal}）。数据库不能放在网络共享盘上，"
            "请把它复制到本机硬盘后再打开。"
        )


def _release(lock: InstanceLock | None) -> None:
    if not database.is_closed():
        database.close()
    if lock:
        lock.release()


def open_database(
    path: str | os.PathLike,
    *,
    exclusive: bool = True,
    create: bool = True,
    backup_on_open: bool = True,
    allow_read_only: bool = False,
) -> Store:
    """Open (creating and migrating as needed) the database at ``path``.

    ``exclusive`` takes the single-instance lock: the window and every command
    that writes do; read-only commands need not. ``create=False`` refuses a
    missing, zero-byte or table-less file (only ``init`` and the window, when the
    user agrees, make new databases). A file that cannot be written raises
    DatabaseReadOnly unless ``allow_read_only``, which opens it read-only.
    The full quick check runs only after an unclean shutdown (see ``lock``).
    """
    global _current
    if dialect.is_url(path):
        from . import pgstore

        if _current is not None:
            _current.close()
        _current = pgstore.open_server(str(path), create=create)
        return _current
    path = Path(path)
    state = inspect_file(path)
    ensure_ours(path, state)
    if state.empty and not create:
        if not state.exists:
            raise NotOurDatabase(f"找不到数据库文件“{path}”。请检查路径，或先运行 bangfu init 新建数据库。")
        raise NotOurDatabase(f"“{path}”是空文件，还不是帮扶台账的数据库。请检查路径，或运行 bangfu init 把它初始化。")
    read_only = state.read_only
    if read_only and (not allow_read_only or state.empty):
        raise DatabaseReadOnly(dbfile.read_only_message(path))
    if read_only and state.version < latest_version():
        raise DatabaseReadOnly(
            f"数据库“{path}”需要升级到新的数据版本（{state.version} → {latest_version()}），但它是只读的。"
            "请把它复制到可写的文件夹，用本程序打开一次完成升级。")
    if _current is not None:
        _current.close()
    lock = None
    crashed = False
    try:
        if read_only:
            crashed = lock_mod.left_by_crash(path)
            database.initialize(dialect.AppSqliteDatabase(dbfile.read_only_uri(path), uri=True, pragmas=READ_ONLY_PRAGMAS))
            database.connect(reuse_if_open=True)
        else:
            if exclusive:
                path.parent.mkdir(parents=True, exist_ok=True)
                lock = InstanceLock.acquire(path)
                crashed = lock.previous_unclean
                remove_stale_parts(path.parent, lambda name: name.startswith(f".{path.name}"))
            else:
                crashed = lock_mod.left_by_crash(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            _prepare_for_writing(path, will_write=exclusive)
            database.initialize(dialect.AppSqliteDatabase(str(path), pragmas=PRAGMAS))
            database.connect(reuse_if_open=True)
        if crashed and state.exists and not state.empty:
            rows = [r[0] for r in database.execute_sql("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise _damaged(path, "；".join(rows[:3]))
            if lock is None:
                lock_mod.mark_clean(path)
        if not read_only:
            apply_migrations()
    except BangfuError:
        _release(lock)
        raise
    except sqlite3.DatabaseError as exc:
        _release(lock)
        known = dbfile.user_error(exc, path)
        if known is not None:
            raise known from exc
        raise _damaged(path, str(exc)) from exc
    except OSError as exc:
        _release(lock)
        raise BangfuError(f"无法打开数据库“{path}”：{exc.strerror or exc}。请检查路径、权限和磁盘空间后重试。") from exc
    except BaseException:
        _release(lock)
        raise
    store = Store(path, lock, read_only=read_only)
    _current = store
    if backup_on_open and state.exists and not state.empty and not read_only:
        store.backups.run_quietly(reason="open")
    return store


def check_database(path: Path) -> list[str]:
    """Problems found by a full integrity check; empty when the file is healthy."""
    path = Path(path)
    if dbfile.path_problem(path):
        return [dbfile.path_problem(path)]
    if not path.exists():
        return [f"找不到数据库文件“{path}”"]
    try:
        state = inspect_file(path, full_check=True)
        if state.empty:
            return [f"“{path}”是空文件，还不是帮扶台账的数据库（请运行 bangfu init）"]
        ensure_ours(path, state)
    except BangfuError as exc:
        return [str(exc)]
    if not state.problems and not state.read_only:
        lock_mod.mark_clean(path)
    return list(state.problems)


def user_error(exc: BaseException, path: Path | None = None) -> Exception | None:
    """A Chinese message for a database failure a user can act on (full disk, read-only, locked)."""
    if path is None and _current is not None:
        path = _current.path
    return dbfile.user_error(exc, path)
