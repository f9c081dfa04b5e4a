"""peewee without psycopg at start: a SQLite start does not pay 0.1-0.3 s for a server driver.

peewee imports psycopg at its own import when it is installed. ``hide_psycopg_from_peewee``
puts a one-shot finder first on ``sys.meta_path`` that hides psycopg while peewee's module
runs (nothing is imported until peewee itself is); ``hand_psycopg_to_peewee`` (called by
core.dialect before a PostgreSQL database is made) imports psycopg and sets the names
peewee would have set.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys


class _PeeweeLoader(importlib.abc.Loader):
    """peewee's own loader, run with ``import psycopg`` failing."""

    def __init__(self, real):
        self.real = real

    def create_module(self, spec):
        return self.real.create_module(spec)

    def exec_module(self, module) -> None:
        if "psycopg" in sys.modules:  # imported by someone else already: nothing to save
            self.real.exec_module(module)
            return
        sys.modules["psycopg"] = None  # type: ignore[assignment]  # makes `import psycopg` raise ImportError
        try:
            self.real.exec_module(module)
        finally:
            if sys.modules.get("psycopg", 0) is None:
                del sys.modules["psycopg"]


class _PeeweeFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "peewee":
            return None
        sys.meta_path.remove(self)  # one shot: the real finders find peewee
        spec = importlib.util.find_spec("peewee")
        if spec is not None and spec.loader is not None:
            spec.loader = _PeeweeLoader(spec.loader)
        return spec


def hide_psycopg_from_peewee() -> None:
    """Make peewee's coming import skip psycopg (unless peewee is imported already)."""
    if "peewee" not in sys.modules and not any(isinstance(f, _PeeweeFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _PeeweeFinder())


def hand_psycopg_to_peewee() -> bool:
    """Give peewee the psycopg names its import skipped; False when psycopg is not installed."""
    import peewee

    if peewee.psycopg is not None:
        return True
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return False
    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = (
        psycopg, TransactionStatus, Json, Jsonb)
    adapter = peewee.Psycopg3Adapter  # class attributes set only `if psycopg is not None` at import
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    return True
