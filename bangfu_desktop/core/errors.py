"""Errors a user can act on: each carries a Chinese message that says what to do."""


class BangfuError(Exception):
    """A problem the user caused or can fix; `str()` is the Chinese message to show."""


class DatabaseDamaged(BangfuError):
    """The file is damaged, truncated or not a database at all."""


class NotOurDatabase(BangfuError):
    """A valid SQLite file that was not written by this program."""


class DatabaseTooNew(BangfuError):
    """The file was written by a newer version of the program."""


class DatabaseInUse(BangfuError):
    """Another instance of the program holds the database."""


class DatabaseReadOnly(BangfuError):
    """The database file or its folder cannot be written: reading works, writing is refused."""


class DatabaseLocked(BangfuError):
    """Another program holds SQLite's write lock and did not let go in time."""


class BadDatabasePath(BangfuError):
    """The path cannot be a database file (a folder, a path under a file, a missing folder)."""


class DiskFull(BangfuError):
    """The disk filled up during a write; the write was undone."""


class InvalidInput(BangfuError):
    """A value typed or imported does not make sense."""


class Cancelled(BangfuError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self, message: str = "已取消，未写入任何文件。"):
        super().__init__(message)


class RecordChanged(BangfuError):
    """Someone else saved (or deleted) the record since it was opened; nothing was written.

    ``who`` and ``when`` come from the audit log; the window offers to reload the
    record or to keep one's own version (save again with ``updated_at`` of now).
    """

    def __init__(self, message: str, *, table: str, record_id: int, who: str, when, stored_updated_at):
        super().__init__(message)
        self.table = table
        self.record_id = record_id
        self.who = who
        self.when = when
        self.stored_updated_at = stored_updated_at


class FieldErrors(InvalidInput):
    """Values that break a rule, each message keyed by the field it belongs to (for the form to mark).

    ``str()`` lists them all, for the command line and for callers that have no fields.
    """

    def __init__(self, fields: dict[str, str]):
        super().__init__("；".join(fields.values()) + "。")
        self.fields = dict(fields)
