"""Photos of a record, made ready for the PDF: turned upright, scaled down, never fatal.

A phone stores a portrait photo sideways with an EXIF orientation tag; Pillow's
``exif_transpose`` turns it upright. A 12-megapixel photo is decoded once straight
at print size (libjpeg's DCT scaling, about 180 dpi in its box) and cached on disk
by content hash, so the next binder reuses it; ``photo_batch`` makes the missing
copies on every core while a binder is laid out (``PendingPhoto`` waits for its own).
reportlab receives the JPEG's path: it embeds the file as it is (DCTDecode, no
decoding, no re-encoding) when its page is drawn, so no decoded photo stays in memory.
A missing, corrupt or non-image file becomes a labelled placeholder and a warning.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib import colors
from reportlab.platypus import Flowable
from reportlab.platypus import Image as PdfImage

from ..attachments import stored_path
from ..models import Attachment
from .context import ExportContext
from .fonts import register_font

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".heic"}
# A photo prints in a box of at most 82 × 52 mm (活动记录表). A JPEG is decoded straight at
# 1/2, 1/4 or 1/8 of its size (libjpeg's DCT scaling, Image.draft) down to no less than
# PRINT_PIXELS on its long side: 500 px is 155 dpi across the whole 82 mm and 184 dpi for a
# 4:3 landscape photo (height-bound, 69 mm wide), more than a laser printer resolves there.
PRINT_PIXELS = 500
# Longest side embedded: what the decoder's 1/8 still leaves of a very large photo, and any
# non-JPEG photo, is scaled down to this (1000 px is ~300 ppi at 82 mm).
MAX_PIXELS = 1000
MAX_SOURCE_PIXELS = 120_000_000  # refuse decompression bombs instead of hanging
JPEG_QUALITY = 85
CACHE_VERSION = "v2"  # part of the cache key: change it when the sizes or the encoding change
OLD_CACHE_NAMES = ("-v1-1000.jpg",)  # made by earlier versions: removed when their photo is made again


@dataclass(frozen=True)
class PreparedPhoto:
    """An upright JPEG at print size on disk, ready to embed as it is (DCTDecode, no re-encoding)."""

    path: Path
    width: int
    height: int

    @property
    def data(self) -> bytes:
        """The JPEG bytes (tests and previews)."""
        return self.path.read_bytes()


@dataclass(frozen=True)
class PlannedPhoto(PreparedPhoto):
    """A photo still being scaled: its print size is known from its header, its file not yet made."""


class PhotoProblem(Exception):
    """Why a photo cannot be printed (a Chinese reason)."""


def is_photo(attachment: Attachment) -> bool:
    """True for attachments that are meant to be photos (by type or file name)."""
    return attachment.mime.startswith("image/") or Path(attachment.filename).suffix.lower() in PHOTO_SUFFIXES


def cache_dir(attachments: Path | None = None) -> Path:
    """Where print-size copies live: beside the attachments folder, never inside it (it is exchanged)."""
    if attachments is None:
        from ..database import current

        attachments = current().attachments_dir
    return attachments.with_name(attachments.name + "-print")


def warm_print_copy(path: Path, sha256: str, filename: str, mime: str, attachments: Path | None = None) -> bool:
    """Make the print-size copy of a newly attached photo now, so the first binder finds it ready.

    Called where the file is copied in (off the GUI thread); about 50 ms for a 12-megapixel
    JPEG. Never fails: a file that is not a usable image is reported when it is printed.
    Returns True when a copy is ready.
    """
    if not (mime.startswith("image/") or Path(filename).suffix.lower() in PHOTO_SUFFIXES):
        return False
    try:
        prepare_photo(path, sha256, cache_dir(attachments))
    except (PhotoProblem, OSError):
        return False
    return True


def cache_target(path: Path, key: str | None, cache: Path) -> Path:
    """The cached print-size copy of the photo at ``path`` with content hash ``key``."""
    return cache / f"{key or path.stem}-{CACHE_VERSION}-{PRINT_PIXELS}.jpg"


def cached_photo(path: Path, key: str | None, cache: Path | None = None) -> PreparedPhoto | None:
    """The print-size copy made earlier for this content hash, or None (nothing is decoded)."""
    if not key:
        return None
    target = cache_target(path, key, cache or cache_dir())
    size = _jpeg_size(target) if target.is_file() else None
    return PreparedPhoto(target, *size) if size else None


def prepare_photo(path: Path, key: str | None = None, cache: Path | None = None) -> PreparedPhoto:
    """Turn upright and scale one photo to print size once; later calls reuse the cached JPEG.

    ``key`` is the content hash (the attachment's sha256); the cached file is named after it.
    A JPEG that is already upright and small enough is used as it is. Raises PhotoProblem.
    Safe to call from several threads at once (Pillow decodes and encodes without the GIL).
    """
    if not path.is_file():
        raise PhotoProblem("附件文件不见了")
    cache = cache or cache_dir()
    hit = cached_photo(path, key, cache)
    if hit is not None:
        return hit
    with _image_errors(), Image.open(path) as image:
        orientation, as_is = _plan(image)
        if as_is:
            return PreparedPhoto(path, image.width, image.height)
        # The whole file to the decoder in one call (Pillow's default is 64 KB a call): it runs
        # without the GIL, and each return for the next block would wait for the layout thread.
        image.decodermaxblock = max(image.decodermaxblock, path.stat().st_size)
        image.load()
        # exif_transpose copies the image even when it is upright: only call it when it turns.
        upright = ImageOps.exif_transpose(image) if orientation in range(2, 9) else image
        upright.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
        if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
            flat = Image.new("RGB", upright.size, "white")
            flat.paste(upright.convert("RGBA"), mask=upright.convert("RGBA").getchannel("A"))
            upright = flat
        if upright.mode != "RGB":
            upright = upright.convert("RGB")
        target = cache_target(path, key, cache)
        # A name of its own per writer: two threads making the same photo never share a file.
        temporary = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.part")
        try:
            cache.mkdir(parents=True, exist_ok=True)
            upright.save(temporary, "JPEG", quality=JPEG_QUALITY)
        except OSError as exc:  # the cache folder, not the photo: say so
            temporary.unlink(missing_ok=True)
            raise PhotoProblem(f"无法写入照片缓存（{exc.strerror or exc}），请检查磁盘空间") from None
        width, height = upright.size
    temporary.replace(target)
    _remove_old_copies(path, key, cache)
    return PreparedPhoto(target, width, height)


@contextmanager
def _image_errors():
    """Pillow's errors for a file that is not a usable image, as the PhotoProblem printed in its place."""
    try:
        yield
    except PhotoProblem:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoProblem("不是可识别的图片（文件可能已损坏）") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise PhotoProblem(f"图片已损坏（{exc.__class__.__name__}）") from None


def _plan(image: Image.Image) -> tuple[int, bool]:
    """Set up the reduced decode of an opened photo; return its EXIF orientation and whether to use it as is."""
    if image.width * image.height > MAX_SOURCE_PIXELS:
        raise PhotoProblem("图片尺寸过大，无法处理")
    orientation = image.getexif().get(0x0112, 1)
    if image.format == "JPEG" and image.mode in ("RGB", "L") and orientation == 1 and max(image.size) <= MAX_PIXELS:
        return orientation, True
    if image.format == "JPEG" and max(image.size) > PRINT_PIXELS:
        # Decode at the smallest DCT scale that keeps PRINT_PIXELS: a 4000×3000 photo
        # decodes at 1/8 (500×375) with no full-size pixels ever in memory.
        ratio = PRINT_PIXELS / max(image.size)
        image.draft("RGB", (max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))
    return orientation, False


def planned_photo(path: Path, key: str | None, cache: Path) -> PreparedPhoto:
    """What ``prepare_photo`` will make of ``path``, from its header alone (about a millisecond).

    The size lets a draft layout pass place the photo while it is still being scaled; the
    final pass uses the real copy (a size off by a pixel only costs a further pass).
    Raises PhotoProblem for a file that is missing or not an image.
    """
    if not path.is_file():
        raise PhotoProblem("附件文件不见了")
    with _image_errors(), Image.open(path) as image:
        orientation, as_is = _plan(image)
        width, height = image.size  # after draft(): the reduced size, nothing decoded
    if as_is:
        return PreparedPhoto(path, width, height)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    if max(width, height) > MAX_PIXELS:
        ratio = MAX_PIXELS / max(width, height)
        width, height = max(1, round(width * ratio)), max(1, round(height * ratio))
    return PlannedPhoto(cache_target(path, key, cache), width, height)


def _remove_old_copies(path: Path, key: str | None, cache: Path) -> None:
    """Delete the copies earlier versions made of this photo (they are never read again)."""
    for suffix in OLD_CACHE_NAMES:
        try:
            (cache / f"{key or path.stem}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _jpeg_size(path: Path) -> tuple[int, int] | None:
    from reportlab.pdfbase.pdfutils import readJPEGInfo

    try:
        with path.open("rb") as handle:
            info = readJPEGInfo(handle)
        return info[0], info[1]
    except Exception:  # noqa: BLE001 - a damaged cache file is simply made again
        return None


class Photo(PdfImage):
    """A JPEG file handed to reportlab by path: embedded as it is, read only when its page is drawn.

    In a draft layout pass (the one that only finds the 目录's page numbers) nothing is embedded.
    """

    def draw(self):
        if getattr(self.canv, "_bangfu_draft", False):
            return
        super().draw()


class PendingPhoto(Flowable):
    """A photo still being scaled in the pool: laid out at its planned size, drawn once its copy is made.

    A draft pass draws nothing; the final pass waits for this photo's copy alone
    (``PhotoBatch.result``) and draws it exactly as ``Photo`` would. A copy that came out
    other than planned is left out here: the batch then asks for one more pass, which
    places the real copy or the placeholder.
    """

    def __init__(self, batch, key: str, ctx: ExportContext, width: float, height: float):
        super().__init__()
        self.batch, self.key, self.ctx = batch, key, ctx
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        if getattr(self.canv, "_bangfu_draft", False):
            return
        prepared = self.batch.result(self.key, self.ctx)
        if self.batch.replan or not isinstance(prepared, PreparedPhoto):
            return  # this pass is laid out again
        photo = Photo(str(prepared.path), width=self.width, height=self.height)
        photo.canv = self.canv
        try:
            photo.draw()
        finally:
            del photo.canv


class Placeholder(Flowable):
    """A framed box saying which photo could not be printed and why."""

    def __init__(self, width: float, height: float, lines: list[str]):
        super().__init__()
        self.width, self.height, self.lines = width, height, lines

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.grey)
        canvas.setDash(3, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFont(register_font(), 9)
        canvas.setFillColor(colors.black)
        y = self.height / 2 + 6 * (len(self.lines) - 1)
        for line in self.lines:
            canvas.drawCentredString(self.width / 2, y, _fit(line, self.width - 8, 9))
            y -= 13
        canvas.restoreState()


def _fit(text: str, width: float, size: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = register_font()
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def photo_flowable(attachment: Attachment, box_width: float, box_height: float,
                   ctx: ExportContext, where: str) -> Flowable:
    """The photo scaled to fit the box, or a placeholder (and a warning) when it is unusable."""
    path = stored_path(attachment)
    key = attachment.sha256 or str(path)  # as photo_batch.photo_key
    prepared = ctx.photo_cache.get(key)
    if prepared is None or (isinstance(prepared, PlannedPhoto) and ctx.photo_batch is None):
        try:
            prepared = prepare_photo(path, attachment.sha256 or None)
        except PhotoProblem as problem:
            prepared = problem
        ctx.photo_cache[key] = prepared
    if isinstance(prepared, PhotoProblem):
        ctx.warn(f"{where}：照片“{attachment.filename}”无法打印（{prepared}），已用占位框代替")
        return Placeholder(box_width, box_height, ["照片无法显示", attachment.filename, str(prepared)])
    scale = min(box_width / prepared.width, box_height / prepared.height)
    if isinstance(prepared, PlannedPhoto) and ctx.photo_batch is not None:
        return PendingPhoto(ctx.photo_batch, key, ctx, prepared.width * scale, prepared.height * scale)
    return Photo(str(prepared.path), width=prepared.width * scale, height=prepared.height * scale)
