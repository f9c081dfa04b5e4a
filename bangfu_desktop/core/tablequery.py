"""Tables that page from the database: one query for the ids in order, one per page of rows.

As Anki's browser does, a table holds the ids its search and sort select and
fetches named rows only for what is on screen. ``TableSource`` describes one
table (its row fields as peewee expressions, joins, sort keys, text search);
``TableQuery`` is what the user asked for (words, filters, sort); ``load`` runs
both halves in one call (off the GUI thread), ``rows`` fetches a later page.

Text search: each word must appear in one of the table's text columns (or their
pinyin keys). Words of three or more characters use the SQLite FTS5 trigram
index where the table has one (``fts_condition``, the only SQLite-specific
piece). Shorter words cannot use trigrams: where the table has the index, they
are matched against the table's text held in memory (``_Corpus``, one query,
rebuilt when the data changes) and filter the ids of the same query without
them, which the last load usually already fetched (``_Ordered``); a LIKE scan of
100,000 rows took 0.27 s. Other databases use LIKE for every word.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field, replace
from functools import reduce
from typing import Any, Callable, Iterable, Sequence

import operator
import threading

from peewee import SQL, Expression, ModelSelect, Ordering, fn

from .dialect import is_postgres
from .models import database

# How many rows around the visible ones a page fetch brings (Anki fetches on demand too).
PAGE = 200


@dataclass(frozen=True)
class TableQuery:
    """What a table is asked to show: search words, filter conditions, sort field and order."""

    words: tuple[str, ...] = ()
    conditions: tuple[Any, ...] = ()  # peewee expressions, ANDed
    sort: str | None = None  # a row field; None: the source's own order
    descending: bool = False
    only_ids: frozenset[int] | None = None

    @staticmethod
    def split(text: str) -> tuple[str, ...]:
        """The words of a search box's text."""
        return tuple(w for w in (text or "").strip().split() if w)


@dataclass
class Page:
    """A load's result: every id in display order, the rows of one window, the unfiltered total."""

    ids: list[int]
    rows: dict[int, Any]
    total: int
    extra: Any = None


@dataclass
class TableSource:
    """One table: how to select, join, order, search and finish its rows."""

    name: str
    model: Any
    # Row field → peewee expression, in the row's order; the first is the id.
    fields: dict[str, Any]
    join: Callable[[ModelSelect], ModelSelect] = lambda query: query
    where: Callable[[], Any] | None = None  # the live-rows condition (default: not in the 回收站)
    order: Callable[[], list] | None = None  # default ORDER BY (default: id)
    sorts: dict[str, Any] = field(default_factory=dict)  # field → sort expression (else the field's)
    search: Sequence[Any] = ()  # the model's own text columns, LIKE-searched (or through ``fts``)
    fts: str | None = None  # the FTS5 table over exactly the ``search`` columns, if any
    # Conditions for one word beyond the own columns (joined names, pinyin keys): word → expressions.
    search_more: Callable[[str], Sequence[Any]] | None = None
    computed: tuple[str, ...] = ()  # row fields that ``finish`` fills (None until then)
    finish: Callable[[list], list] | None = None  # fills computed fields of a page of rows
    row_type: Any = None

    def __post_init__(self) -> None:
        if self.row_type is None:
            name = "".join(part.title() for part in self.name.split("_")) + "Row"
            self.row_type = namedtuple(name, [*self.fields, *self.computed])

    # -- building -----------------------------------------------------------------
    def _base(self, *columns) -> ModelSelect:
        query = self.join(self.model.select(*columns))
        condition = self.where() if self.where else self.model.deleted_at.is_null()
        return query.where(condition)

    def _search_condition(self, word: str):
        hit = fts_condition(self.fts, self.model.id, word) if self.fts else None
        own = [hit] if hit is not None else [expr.contains(word) for expr in self.search]
        more = list(self.search_more(word)) if self.search_more else []
        parts = own + more
        return reduce(operator.or_, parts) if parts else None

    def id_query(self, query: TableQuery) -> ModelSelect:
        """SELECT id … WHERE filters AND words ORDER BY sort, id."""
        select = self._base(self.model.id)
        conditions = list(query.conditions)
        for word in query.words:
            condition = self._search_condition(word)
            if condition is not None:
                conditions.append(condition)
        if query.only_ids is not None:
            conditions.append(self.model.id.in_(sorted(query.only_ids)) if query.only_ids else SQL("0 = 1"))
        if conditions:
            select = select.where(reduce(operator.and_, conditions))
        if query.sort is not None and query.sort in self.fields:
            key = self.sorts.get(query.sort, self.fields[query.sort])
            if query.descending:
                select = select.order_by(Ordering(key, "DESC"), self.model.id.desc())
            else:
                select = select.order_by(Ordering(key, "ASC"), self.model.id.asc())
        else:
            select = select.order_by(*(self.order() if self.order else [self.model.id]))
        return select

    # -- running (any thread) -----------------------------------------------------------
    def data_key(self) -> tuple | None:
        """What the cached ids, total and text of this table were read for (None: nothing is cached)."""
        return _data_key(self.model) if self.fts and fts_available(self.fts) else None

    def ids(self, query: TableQuery, key: tuple | None = ...) -> list[int]:
        """Every id the query selects, in display order (``key``: ``data_key()`` if just asked)."""
        key = self.data_key() if key is ... else key
        short = [w for w in query.words if len(w) < 3] if key is not None else []
        if not short:
            return self._sql_ids(query, key)
        # The query without its short words (their order and filters), then the in-memory scan.
        ordered = self._sql_ids(replace(query, words=tuple(w for w in query.words if len(w) >= 3)), key)
        corpus = _Corpus.of(self, key)
        for word in short:
            hits = corpus.matching(word)
            if self.search_more is not None:
                more = self._base(self.model.id).where(reduce(operator.or_, list(self.search_more(word))))
                hits.update(row_id for (row_id,) in database.execute(more).fetchall())
            ordered = [row_id for row_id in ordered if row_id in hits]
        return ordered

    def _sql_ids(self, query: TableQuery, data_key: tuple | None) -> list[int]:
        select = self.id_query(query)
        if data_key is None:
            return self._fetch_ids(select)
        sql, params = select.sql()
        key = (sql, tuple(params), data_key)
        cached = _ordered.get(self.name)
        if cached is not None and cached[0] == key:
            return list(cached[1])
        ids = self._fetch_ids(select)
        _ordered[self.name] = (key, ids)
        return list(ids)

    @staticmethod
    def _fetch_ids(select) -> list[int]:
        # The cursor directly: peewee's row wrappers cost more than the query at 100,000 ids.
        return [row_id for (row_id,) in database.execute(select).fetchall()]

    def warm_search(self) -> None:
        """Build the in-memory text for short words now (a worker, after the first load)."""
        key = self.data_key()
        if key is not None:
            _Corpus.of(self, key)

    def total(self, key: tuple | None = ...) -> int:
        """How many live rows the table has, whatever the search (asked again only after a change)."""
        key = self.data_key() if key is ... else key
        cached = _totals.get(self.name)
        if key is not None and cached is not None and cached[0] == key:
            return cached[1]
        total = self._base(fn.COUNT(self.model.id)).scalar() or 0
        if key is not None:
            _totals[self.name] = (key, total)
        return total

    def rows(self, ids: Iterable[int]) -> dict[int, Any]:
        """Named rows of these ids, in one query (plus the finish step's fixed few)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        select = self._base(*self.fields.values()).where(self.model.id.in_(ids))
        blanks = (None,) * len(self.computed)
        rows = [self.row_type(*values, *blanks) for values in select.tuples()]
        if self.finish is not None:
            rows = self.finish(rows)
        return {row[0]: row for row in rows}

    def load(self, query: TableQuery, first: int = 0, count: int = PAGE) -> Page:
        """The ids, the rows from ``first`` for ``count``, and the total: three queries (+ finish)."""
        key = self.data_key()
        ids = self.ids(query, key)
        start = max(0, min(first, len(ids) - count))
        return Page(ids=ids, rows=self.rows(ids[start:start + count]), total=self.total(key))


# (database file, FTS table) → whether it exists; a new file (another test, a restore) asks again.
_fts_tables: dict[tuple[str, str], bool] = {}


def fts_available(table: str) -> bool:
    """True when the open database is SQLite and has this FTS5 table (schema 6)."""
    if is_postgres():
        return False
    key = (str(getattr(database, "database", None)), table)
    if key not in _fts_tables:
        found = database.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        _fts_tables[key] = found is not None
    return _fts_tables[key]


def fts_condition(table: str, id_column, word: str) -> Expression | None:
    """``id IN (rows whose text contains word)`` from an FTS5 trigram index; None without one.

    The one SQLite-only piece of table search: other databases get None and
    search with LIKE.
    """
    if len(word) < 3 or not fts_available(table):
        return None
    phrase = '"' + word.replace('"', '""') + '"'
    return id_column.in_(SQL(f'(SELECT rowid FROM "{table}" WHERE "{table}" MATCH ?)', [phrase]))


# -- short words: the table's text in memory -----------------------------------------------------

# Source name → (what it was computed for, ids): the last ids query of each table without short
# words; a keystroke re-filters it instead of asking again. Lists are never changed in place.
_ordered: dict[str, tuple[tuple, list[int]]] = {}
_totals: dict[str, tuple[tuple, int]] = {}  # source name → (data key, live rows)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _data_key(model) -> tuple:
    """What differs whenever the table's rows may have changed: the file, the audit counter, the top id."""
    # change_counter's query (the newest audit id: every save, delete and restore writes one) and
    # the table's top id (a bulk insert without audit entries), in one query of two index lookups.
    row = database.execute_sql(f'SELECT (SELECT max("id") FROM "audit_log"), max("id") '
                               f'FROM "{model._meta.table_name}"').fetchone()
    return (str(getattr(database, "database", None)), *row)


class _Corpus:
    """A table's searchable text (its ``search`` columns, ASCII lower-cased as LIKE compares) by id."""

    _built: dict[str, "_Corpus"] = {}
    _lock = threading.Lock()

    def __init__(self, key: tuple, ids: list[int], texts: list[str]):
        self.key, self.ids, self.texts = key, ids, texts

    @classmethod
    def of(cls, source: TableSource, key: tuple) -> "_Corpus":
        """The source's text, read again if the data changed since it was read (``key``)."""
        corpus = cls._built.get(source.name)
        if corpus is not None and corpus.key == key:
            return corpus
        with cls._lock:
            corpus = cls._built.get(source.name)
            if corpus is None or corpus.key != key:
                corpus = cls._build(source, key)
                cls._built[source.name] = corpus
        return corpus

    @staticmethod
    def _build(source: TableSource, key: tuple) -> "_Corpus":
        separator = SQL("char(31)")
        text = reduce(lambda left, right: left.concat(separator).concat(right),
                      [fn.COALESCE(column, "") for column in source.search])
        select = source.model.select(source.model.id, fn.LOWER(text)).where(source.model.deleted_at.is_null())
        ids, texts = [], []
        for row_id, value in database.execute(select).fetchall():
            ids.append(row_id)
            texts.append(value)
        return _Corpus(key, ids, texts)

    def matching(self, word: str) -> set[int]:
        """Ids whose text contains the word (ASCII letters in any case)."""
        word = word.translate(_ASCII_LOWER)
        return {row_id for row_id, text in zip(self.ids, self.texts) if word in text}
