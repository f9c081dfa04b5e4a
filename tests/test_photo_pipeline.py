"""The binder lays its pages out while its photos are still being scaled, and prints the same pages."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.attachments import add_attachment
from bangfu_desktop.core.models import Activity
from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from bangfu_desktop.core.pdf.photos import cache_dir

YEAR = ArchiveSelection(start=dt.date(2025, 9, 1), end=dt.date(2026, 8, 31), kinds=("activities",))


@pytest.fixture(autouse=True)
def two_workers(monkeypatch):
    """Scale with a pool of two whatever the machine's cores, so the pipeline is the path tested."""
    monkeypatch.setenv("BANGFU_PHOTO_WORKERS", "2")


def two_activities_with_photos(tmp_path: Path) -> None:
    """Two activities (October, November) with two distinct 4000×3000 photos each."""
    for number, day in enumerate((dt.date(2025, 10, 9), dt.date(2025, 11, 20))):
        record = records.save(Activity(type="示范课", title=f"第{number + 1}次活动", date=day))
        for index in range(2):
            path = tmp_path / f"现场{number}-{index}.jpg"
            Image.new("RGB", (4000, 3000), (40 * number + 90 * index, 120, 60)).save(path, "JPEG", quality=90)
            add_attachment(record, path)


def empty_print_cache() -> None:
    """As after an upgrade or an exchange import: every photo has to be scaled again."""
    for copy in cache_dir().iterdir():
        copy.unlink()


def pages_of(path: Path) -> list[tuple[bytes, list[str]]]:
    """Each page's content stream and the digests of its images."""
    result = []
    for page in PdfReader(path).pages:
        images = page["/Resources"].get_object().get("/XObject", {})
        digests = sorted(hashlib.sha256(ref.get_object().get_data()).hexdigest() for ref in images.values())
        result.append((page.get_contents().get_data(), digests))
    return result


def test_pages_are_laid_out_while_photos_are_scaled(store, tmp_path):
    """The second activity's page is reached before its photos are done (not after every photo).

    Progress: one step per document while the story is made, one per document laid out, then
    one per photo scaled. Each step asks ``cancelled``; so does every document's start in the
    final pass. Scaling every photo before the final pass (as before) asked it exactly once per
    photo step; drawing each photo as its copy arrives passes the second activity's start between
    its photos' steps, so one progress value is seen by two questions.
    """
    two_activities_with_photos(tmp_path)
    empty_print_cache()
    done, seen = [0], []
    report = export_archive(tmp_path / "档案.pdf", YEAR, progress=lambda now, total: done.__setitem__(0, now),
                            cancelled=lambda: seen.append(done[0]) or False)
    documents, photos = 2, 4
    assert report.documents == documents and len(list(cache_dir().iterdir())) == photos
    laid_out = 2 * documents  # where the photo steps begin
    while_scaling = [seen.count(value) for value in range(laid_out + 1, laid_out + photos)]
    assert while_scaling == [1, 2, 1], f"questions per progress value while photos were scaled: {while_scaling}"


def test_cold_binder_prints_the_pages_of_a_warm_one(store, tmp_path):
    """Scaled during the layout or found in the cache: the same pages, the same embedded photos."""
    two_activities_with_photos(tmp_path)
    empty_print_cache()
    cold = export_archive(tmp_path / "冷.pdf", YEAR)
    warm = export_archive(tmp_path / "热.pdf", YEAR)
    assert cold.warnings == [] and cold.pages == warm.pages
    cold_pages, warm_pages = pages_of(tmp_path / "冷.pdf"), pages_of(tmp_path / "热.pdf")
    assert cold_pages == warm_pages
    assert sum(len(digests) for _, digests in cold_pages) == 4, "every photo is on a page"
