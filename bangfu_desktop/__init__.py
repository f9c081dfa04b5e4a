"""帮扶台账: offline records for school-assistance programmes."""

__version__ = "0.1.0"

from ._deferred import hide_psycopg_from_peewee  # noqa: E402

hide_psycopg_from_peewee()
