"""Photos of a record, made ready for the PDF: turned upright, scaled down, never fatal.

A phone stores a portrait photo sideways with an EXIF orientation tag; Pillow's
``exif_transpose`` turns it upright. A 20-megapixel photo is scaled once to what
prints sharply at its size on paper (about 300 ppi) and cached on disk by content
hash, so the next binder reuses it. reportlab receives the JPEG's path: it embeds
the file as it is (DCTDecode, no decoding, no re-encoding) when its page is drawn,
so no decoded photo stays in memory. A missing, corrupt or non-image file becomes
a labelled placeholder and a warning.
"""

from __future__ import annotations

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
# Longest side embedded: a photo prints at most about 82 mm wide, and 1000 px is ~300 ppi there.
MAX_PIXELS = 1000
MAX_SOURCE_PIXELS = 120_000_000  # refuse decompression bombs instead of hanging
JPEG_QUALITY = 85
CACHE_VERSION = "v1"  # part of the cache key: change it when MAX_PIXELS or the encoding changes


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


class PhotoProblem(Exception):
    """Why a photo cannot be printed (a Chinese reason)."""


def is_photo(attachment: Attachment) -> bool:
    """True for attachments that are meant to be photos (by type or file name)."""
    return attachment.mime.startswith("image/") or Path(attachment.filename).suffix.lower() in PHOTO_SUFFIXES


def cache_dir() -> Path:
    """Where print-size copies live: beside the attachments folder, never inside it (it is exchanged)."""
    from ..database import current

    folder = current().attachments_dir
    return folder.with_name(folder.name + "-print")


def prepare_photo(path: Path, key: str | None = None, cache: Path | None = None) -> PreparedPhoto:
    """Turn upright and scale one photo to print size once; later calls reuse the cached JPEG.

    ``key`` is the content hash (the attachment's sha256); the cached file is named after it.
    A JPEG that is already upright and small enough is used as it is. Raises PhotoProblem.
    """
    if not path.is_file():
        raise PhotoProblem("附件文件不见了")
    cache = cache or cache_dir()
    target = cache / f"{key or path.stem}-{CACHE_VERSION}-{MAX_PIXELS}.jpg" if key else None
    if target is not None and target.is_file():
        size = _jpeg_size(target)
        if size:
            return PreparedPhoto(target, *size)
    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_SOURCE_PIXELS:
                raise PhotoProblem("图片尺寸过大，无法处理")
            orientation = image.getexif().get(0x0112, 1)
            if (image.format == "JPEG" and image.mode in ("RGB", "L") and orientation == 1
                    and max(image.size) <= MAX_PIXELS):
                return PreparedPhoto(path, image.width, image.height)
            # draft() lets the JPEG decoder scale by 1/2, 1/4, 1/8 while decoding: far less memory.
            if image.format == "JPEG":
                # Ask for the print size itself (aspect kept): a 4000×3000 photo decodes at 1/4.
                ratio = MAX_PIXELS / max(image.size)
                image.draft("RGB", (max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))
            image.load()
            upright = ImageOps.exif_transpose(image)
    except PhotoProblem:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoProblem("不是可识别的图片（文件可能已损坏）") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise PhotoProblem(f"图片已损坏（{exc.__class__.__name__}）") from None
    upright.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
        flat = Image.new("RGB", upright.size, "white")
        flat.paste(upright.convert("RGBA"), mask=upright.convert("RGBA").getchannel("A"))
        upright = flat
    if target is None:
        target = cache / f"{path.stem}-{CACHE_VERSION}-{MAX_PIXELS}.jpg"
    cache.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".part")
    upright.convert("RGB").save(temporary, "JPEG", quality=JPEG_QUALITY)
    temporary.replace(target)
    width, height = upright.size
    upright.close()
    return PreparedPhoto(target, width, height)


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
    key = attachment.sha256 or str(path)
    prepared = ctx.photo_cache.get(key)
    if prepared is None:
        try:
            prepared = prepare_photo(path, attachment.sha256 or None)
        except PhotoProblem as problem:
            prepared = problem
        ctx.photo_cache[key] = prepared
    if isinstance(prepared, PhotoProblem):
        ctx.warn(f"{where}：照片“{attachment.filename}”无法打印（{prepared}），已用占位框代替")
        return Placeholder(box_width, box_height, ["照片无法显示", attachment.filename, str(prepared)])
    scale = min(box_width / prepared.width, box_height / prepared.height)
    return Photo(str(prepared.path), width=prepared.width * scale, height=prepared.height * scale)
