"""Photos in PDFs: decoded at print size, upright, cached once per content hash, never fatal."""

from __future__ import annotations

import datetime as dt
import io
import threading
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.errors import Cancelled
from bangfu_desktop.core.attachments import add_attachment, attachments_of, stored_path
from bangfu_desktop.core.models import Activity
from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from bangfu_desktop.core.pdf.photos import MAX_PIXELS, cache_dir, prepare_photo

RED, BLUE = (220, 20, 20), (20, 40, 200)
YEAR = ArchiveSelection(start=dt.date(2025, 9, 1), end=dt.date(2026, 8, 31), kinds=("activities",))


@pytest.fixture(autouse=True)
def two_workers(monkeypatch):
    """Scale with a pool of two whatever the machine's cores, so the parallel path is the one tested."""
    monkeypatch.setenv("BANGFU_PHOTO_WORKERS", "2")


def rotated_jpeg(path: Path, seed: int = 0) -> Path:
    """A 3000×4000 portrait photo (red top-left corner) stored sideways as 4000×3000 with EXIF orientation 6."""
    upright = Image.new("RGB", (3000, 4000), BLUE)
    upright.paste(RED, (0, 0, 1000, 1000))
    upright.paste((seed % 256, 200, 90), (2000, 3000, 3000, 4000))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show": exif_transpose applies ROTATE_270
    upright.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def big_jpeg(path: Path, seed: int) -> Path:
    """A distinct 4000×3000 landscape photo."""
    Image.new("RGB", (4000, 3000), (seed * 37 % 256, 120, 60)).save(path, "JPEG", quality=90)
    return path


def pdf_images(path: Path) -> list[Image.Image]:
    """Every embedded image of the PDF, decoded (they are plain JPEG streams)."""
    found = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get_object().get("/XObject", {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(Image.open(io.BytesIO(obj.get_data())))
    return found


def near(pixel, colour, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def activity_with(photos: list[Path], title: str, day: dt.date = dt.date(2025, 10, 9)) -> Activity:
    record = records.save(Activity(type="示范课", title=title, date=day))
    for path in photos:
        add_attachment(record, path)
    return record


def cached_files() -> dict[str, int]:
    """The print-size cache: file name → modification time (ns)."""
    folder = cache_dir()
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.is_dir() else {}


def test_draft_decoded_photo_is_upright_at_print_size(store, tmp_path):
    """A sideways 4000×3000 phone photo comes out 375×500 (decoded at 1/8), upright: its red corner is top-left."""
    activity = activity_with([rotated_jpeg(tmp_path / "竖拍.jpg")], "竖拍照片")
    (attachment,) = attachments_of(activity)
    prepared = prepare_photo(stored_path(attachment), attachment.sha256)
    assert (prepared.width, prepared.height) == (375, 500)
    assert prepared.path.parent == cache_dir() and attachment.sha256 in prepared.path.name
    with Image.open(prepared.path) as image:
        assert image.size == (375, 500) and image.format == "JPEG"
        assert near(image.getpixel((40, 40)), RED), "the top-left corner of the upright photo is red"
        assert near(image.getpixel((200, 250)), BLUE)
    dest = tmp_path / "档案.pdf"
    export_archive(dest, YEAR)
    (embedded,) = pdf_images(dest)
    assert embedded.size == (375, 500)
    assert near(embedded.convert("RGB").getpixel((40, 40)), RED), "the binder prints it upright too"


def test_cache_is_filled_once_per_content_hash(store, tmp_path):
    """Attaching makes each print copy once (the same photo twice: one copy); binders then scale nothing."""
    photos = [big_jpeg(tmp_path / f"现场{i}.jpg", i) for i in range(4)]
    activity_with(photos[:2], "第一次活动")
    activity_with(photos[2:] + [photos[0]], "第二次活动", dt.date(2025, 11, 20))
    made = cached_files()
    assert len(made) == 4, f"one print copy per distinct photo, made when it was attached: {sorted(made)}"
    first = export_archive(tmp_path / "一.pdf", YEAR)
    assert cached_files() == made, "the first binder found every photo ready"
    for name in made:  # an empty cache (after an upgrade or an exchange import): the binder scales them
        (cache_dir() / name).unlink()
    export_archive(tmp_path / "二.pdf", YEAR)
    again = cached_files()
    assert sorted(again) == sorted(made), "the binder made each missing copy once"
    export_archive(tmp_path / "三.pdf", YEAR)
    assert cached_files() == again, "a warm binder rewrites no copy"
    sizes = [image.size for image in pdf_images(tmp_path / "三.pdf")]
    assert sizes == [(500, 375)] * 5, sizes
    assert first.warnings == [] and first.pages == PdfReader(tmp_path / "三.pdf").get_num_pages()


def test_non_jpeg_photo_keeps_its_path(store, tmp_path):
    """A 2000×1500 PNG with transparency prints at MAX_PIXELS on a white ground, beside a JPEG."""
    png = Image.new("RGBA", (2000, 1500), (0, 0, 0, 0))
    png.paste((*RED, 255), (1000, 0, 2000, 1500))
    png.save(tmp_path / "示意图.png")
    activity_with([tmp_path / "示意图.png", big_jpeg(tmp_path / "现场.jpg", 7)], "带图示的活动")
    dest = tmp_path / "档案.pdf"
    report = export_archive(dest, YEAR)
    assert report.warnings == []
    photo, drawing = sorted(pdf_images(dest), key=lambda image: image.width)
    assert drawing.size == (MAX_PIXELS, 750) and photo.size == (500, 375)
    assert near(drawing.convert("RGB").getpixel((50, 350)), (255, 255, 255)), "transparent parts print white"
    assert near(drawing.convert("RGB").getpixel((950, 350)), RED)


def test_damaged_photo_does_not_stop_the_binder(store, tmp_path):
    """A truncated JPEG and a text file named .jpg become placeholders with warnings; the rest prints."""
    whole = big_jpeg(tmp_path / "完好.jpg", 3).read_bytes()
    (tmp_path / "截断.jpg").write_bytes(whole[: len(whole) // 3])  # a good header, a third of the data
    (tmp_path / "不是照片.jpg").write_text("这不是图片", encoding="utf-8")
    activity_with([tmp_path / "截断.jpg", tmp_path / "不是照片.jpg", tmp_path / "完好.jpg"], "照片有问题的活动")
    activity_with([big_jpeg(tmp_path / "另一张.jpg", 9)], "正常的活动", dt.date(2025, 12, 1))
    dest = tmp_path / "档案.pdf"
    report = export_archive(dest, YEAR)
    text = "".join(page.extract_text() or "" for page in PdfReader(dest).pages)
    assert any("截断.jpg" in w and "无法打印" in w for w in report.warnings), report.warnings
    assert any("不是照片.jpg" in w and "无法打印" in w for w in report.warnings), report.warnings
    assert text.count("照片无法显示") == 2 and "正常的活动" in text
    assert [image.size for image in pdf_images(dest)] == [(500, 375), (500, 375)]


def test_cancel_while_photos_are_scaled_leaves_nothing_running(store, tmp_path):
    """Stopping the binder while its photos are being scaled: Cancelled, no PDF, no photo thread left."""
    activity_with([big_jpeg(tmp_path / f"现场{i}.jpg", i) for i in range(6)], "六张照片的活动")
    for copy in cache_dir().iterdir():
        copy.unlink()
    calls = []
    dest = tmp_path / "档案.pdf"
    with pytest.raises(Cancelled):
        export_archive(dest, YEAR, progress=lambda done, total: calls.append(done), cancelled=lambda: len(calls) >= 1)
    assert not dest.exists()
    assert not [t for t in threading.enumerate() if t.name.startswith("bangfu-photo")], "the photo pool is shut down"
