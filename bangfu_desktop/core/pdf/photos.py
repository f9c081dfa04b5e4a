"""Photos of a record, made ready for the PDF: turned upright, scaled down, never fatal.

A phone stores a portrait photo sideways with an EXIF orientation tag; Pillow's
``exif_transpose`` turns it upright. A 20-megapixel photo is scaled down to what
prints sharply at its size on paper, so a binder of a hundred activities stays
small. A missing, corrupt or non-image file becomes a labelled placeholder and
a warning.
"""

from __future__ import annotations

import io
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
MAX_PIXELS = 1600  # longest side embedded: about 250 dpi at the 16 cm a photo prints at most
MAX_SOURCE_PIXELS = 120_000_000  # refuse decompression bombs instead of hanging
JPEG_QUALITY = 82


@dataclass(frozen=True)
class PreparedPhoto:
    """An upright, scaled-down JPEG or PNG ready to embed."""

    data: bytes
    width: int
    height: int


class PhotoProblem(Exception):
    """Why a photo cannot be printed (a Chinese reason)."""


def is_photo(attachment: Attachment) -> bool:
    """True for attachments that are meant to be photos (by type or file name)."""
    return attachment.mime.startswith("image/") or Path(attachment.filename).suffix.lower() in PHOTO_SUFFIXES


def prepare_photo(path: Path) -> PreparedPhoto:
    """Read, turn upright and scale down one photo; raise PhotoProblem when it cannot be used."""
    if not path.is_file():
        raise PhotoProblem("附件文件不见了")
    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_SOURCE_PIXELS:
                raise PhotoProblem("图片尺寸过大，无法处理")
            image.load()
            upright = ImageOps.exif_transpose(image)
    except PhotoProblem:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoProblem("不是可识别的图片（文件可能已损坏）") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise PhotoProblem(f"图片已损坏（{exc.__class__.__name__}）") from None
    upright.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    transparent = upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info)
    if transparent:
        upright.convert("RGBA").save(buffer, "PNG", optimize=True)
    else:
        upright.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PreparedPhoto(buffer.getvalue(), upright.width, upright.height)


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
    key = str(path)
    prepared = ctx.photo_cache.get(key)
    if prepared is None:
        try:
            prepared = prepare_photo(path)
        except PhotoProblem as problem:
            prepared = problem
        ctx.photo_cache[key] = prepared
    if isinstance(prepared, PhotoProblem):
        ctx.warn(f"{where}：照片“{attachment.filename}”无法打印（{prepared}），已用占位框代替")
        return Placeholder(box_width, box_height, ["照片无法显示", attachment.filename, str(prepared)])
    scale = min(box_width / prepared.width, box_height / prepared.height)
    return PdfImage(io.BytesIO(prepared.data), width=prepared.width * scale, height=prepared.height * scale)

