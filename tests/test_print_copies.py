"""Photos that arrived without a print copy get one ahead of the binder, in the core and from the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image
from playhouse.test_utils import count_queries

from bangfu_desktop.core import records
from bangfu_desktop.core.attachments import add_attachment
from bangfu_desktop.core.models import Activity
from bangfu_desktop.core.pdf import print_copies
from bangfu_desktop.core.pdf.photos import cache_dir


def activity_with_photos(tmp_path: Path, count: int) -> Activity:
    record = records.save(Activity(type="示范课", title="示范课活动", date=dt.date(2025, 10, 9)))
    for index in range(count):
        path = tmp_path / f"现场{index}.jpg"
        Image.new("RGB", (2400, 1800), (30 * index, 120, 60)).save(path, "JPEG", quality=90)
        add_attachment(record, path)
    (tmp_path / "说明.txt").write_text("不是照片", encoding="utf-8")
    add_attachment(record, tmp_path / "说明.txt")
    return record


def test_missing_copies_are_found_in_one_query_and_made(store, tmp_path):
    """After the cache is emptied (as after an exchange import), the photos are listed and warmed; text files never."""
    activity_with_photos(tmp_path, 3)
    assert print_copies.missing() == []  # attaching made them
    for copy in cache_dir().iterdir():
        copy.unlink()
    with count_queries() as counter:
        missing = print_copies.missing()
    assert counter.count == 1
    assert len(missing) == 3 and all(path.suffix == ".jpg" for path, _ in missing)
    assert print_copies.warm(missing, cache_dir(), stop=lambda: False) == 3
    assert print_copies.missing() == []
    assert len([p for p in cache_dir().iterdir() if p.suffix == ".jpg"]) == 3


def test_warming_stops_when_asked(store, tmp_path):
    """The window's closing stops the warm-up after the photo being made."""
    activity_with_photos(tmp_path, 3)
    for copy in cache_dir().iterdir():
        copy.unlink()
    asked = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) > 1

    assert print_copies.warm(print_copies.missing(), cache_dir(), stop) == 1
    assert len(print_copies.missing()) == 2
