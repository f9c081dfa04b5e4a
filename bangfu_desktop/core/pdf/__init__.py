"""档案资料 as PDF: record sheets, agreements, ledgers and the yearly binder.

No Qt here: the window and the command line call these functions alike. Every
export embeds the bundled Chinese font, reports characters it lacks and photos
it cannot print, takes optional ``progress(done, total)`` and ``cancelled()``
callables, and writes through ``core.fileio.atomic_write``.
"""

from .binder import DEFAULT_TITLE, export_archive
from .context import ExportReport
from .exports import export_activity, export_agreement, export_rotation_form
from .selection import SECTIONS, ArchiveSelection

__all__ = [
    "DEFAULT_TITLE",
    "SECTIONS",
    "ArchiveSelection",
    "ExportReport",
    "export_activity",
    "export_agreement",
    "export_archive",
    "export_rotation_form",
]
