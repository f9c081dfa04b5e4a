"""帮扶台账: offline records for school-assistance programmes."""

__version__ = "0.1.0"

from ._deferred import import_peewee  # noqa: E402

import_peewee()
