"""peewee without psycopg at start: a SQLite start does not pay 0.1-0.3 s for a server driver.

peewee imports psycopg at its own import when it is installed. ``import_peewee`` hides
psycopg for that one import; ``hand_psycopg_to_peewee`` (called by core.dialect before a
PostgreSQL database is made) imports psycopg and sets the names peewee would have set.
"""

from __future__ import annotations

import sys


def import_peewee() -> None:
    """Import peewee with psycopg hidden, unless either is already imported."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # makes `import psycopg` raise ImportError
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


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
