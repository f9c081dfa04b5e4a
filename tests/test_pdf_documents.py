"""PDF documents of single records: text maps back to Unicode, font embedded, photos, bad input."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bangfu_desktop.core import records
from bangfu_desktop.core.attachments import add_attachment, stored_path
from bangfu_desktop.core.errors import Cancelled, InvalidInput
from bangfu_desktop.core.models import Activity, Pairing, Teacher, Unit
from bangfu_desktop.core.pdf import export_activity, export_agreement, export_rotation_form
from bangfu_desktop.core.pdf.fonts import missing_glyphs


def page_texts(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def font_descriptors(path: Path) -> list[dict]:
    """Every font of every page as (name, descriptor), descending into CID descendant fonts."""
    found = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for f in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                if "/FontDescriptor" in f:
                    found.append((f["/BaseFont"], f["/FontDescriptor"].get_object()))
                elif f.get("/Subtype") != "/Type0":
                    found.append((f["/BaseFont"], {}))
    return found


def images(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image XObject in the file."""
    sizes = []
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get_object().get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def make_rotated_jpeg(path: Path) -> None:
    """A 300×150 landscape JPEG whose EXIF says: rotate 90° to show it upright (portrait)."""
    image = Image.new("RGB", (300, 150), (200, 60, 60))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW
    image.save(path, "JPEG", exif=exif.tobytes())


@pytest.fixture
def activity(demo_store, tmp_path):
    """An activity with long content, a rotated photo, a PNG, a corrupt and a missing 'photo'."""
    record = records.save(Activity(
        type="同课异构", title="八年级数学同课异构研讨", date=dt.date(2025, 10, 16), start_time="14:30",
        end_time="16:30", place="录播教室", host="欧阳晨曦", organiser="教务科", subject="数学",
        others_count=3, purpose="比较两种教学设计。",
        content="第一环节：两位教师分别执教《勾股定理》。" + "研讨聚焦学生的思维过程与课堂生成。" * 160,
        outcome="形成了共同的教学改进建议。", reflection="课后作业设计仍需打磨。",
    ))
    make_rotated_jpeg(tmp_path / "现场照片.jpg")
    Image.new("RGB", (400, 300), (30, 90, 160)).save(tmp_path / "合影.png")
    (tmp_path / "坏照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    (tmp_path / "将被删除.jpg").write_bytes(b"")
    add_attachment(record, tmp_path / "现场照片.jpg", caption="执教现场")
    add_attachment(record, tmp_path / "合影.png")
    add_attachment(record, tmp_path / "坏照片.jpg")
    gone = add_attachment(record, tmp_path / "将被删除.jpg")
    stored_path(gone).unlink()
    return record


def test_activity_sheet_text_font_and_photos(activity, tmp_path):
    """The 活动记录表 carries the record's Chinese text, an embedded font and the two good photos."""
    dest = tmp_path / "活动.pdf"
    report = export_activity(activity.id, dest)
    texts = page_texts(dest)
    whole = "".join(texts)
    for expected in ("活动记录表", "八年级数学同课异构研讨", "欧阳晨曦", "录播教室", "勾股定理", "执教现场"):
        assert expected in whole, expected
    assert len(texts) >= 2, "long content must flow onto a second page"
    assert "研讨聚焦学生的思维过程" in texts[1]
    assert f"共 {len(texts)} 页" in texts[-1]
    fonts = font_descriptors(dest)
    assert fonts and all("/FontFile2" in descriptor for _, descriptor in fonts), fonts
    sizes = images(dest)
    assert (150, 300) in sizes, f"the EXIF-rotated photo must be upright (portrait): {sizes}"
    assert (400, 300) in sizes
    assert len(sizes) == 2
    assert any("坏照片.jpg" in w for w in report.warnings), report.warnings
    assert any("将被删除.jpg" in w and "不见了" in w for w in report.warnings), report.warnings
    assert "照片无法显示" in whole, "a bad photo prints as a labelled placeholder"


def test_huge_photo_is_scaled_down(demo_store, tmp_path):
    """A 4000×3000 photo is embedded at print size (decoded at 1/8: 500 px, 155–184 dpi in its box) as a plain JPEG stream."""
    record = records.save(Activity(type="示范课", title="大照片", date=dt.date(2025, 11, 3)))
    Image.effect_noise((4000, 3000), 64).convert("RGB").save(tmp_path / "big.jpg", quality=95)
    add_attachment(record, tmp_path / "big.jpg")
    dest = tmp_path / "big.pdf"
    export_activity(record.id, dest)
    assert images(dest) == [(500, 375)]
    assert dest.stat().st_size < (tmp_path / "big.jpg").stat().st_size
    filters = [ref.get_object().get("/Filter") for page in PdfReader(dest).pages
               for ref in page["/Resources"].get_object().get("/XObject", {}).values()]
    assert [list(f) if isinstance(f, list) else [f] for f in filters] == [["/DCTDecode"]], f"embedded as JPEG, no ASCII85 or re-encoding: {filters}"


def test_missing_glyph_is_reported(demo_store, tmp_path):
    """A character the bundled font lacks is named with its record, not silently dropped."""
    assert missing_glyphs("𠀀张") == ["𠀀"]
    record = records.save(Activity(type="座谈会", title="座谈会𠀀", date=dt.date(2025, 9, 20), host="王喆"))
    report = export_activity(record.id, tmp_path / "glyph.pdf")
    assert any("𠀀" in w and "座谈会" in w and "U+20000" in w for w in report.warnings), report.warnings
    assert "𠀀" in report.summary()
    assert "王喆" in "".join(page_texts(tmp_path / "glyph.pdf"))


def test_agreement_has_both_parties_and_seal_spaces(demo_store, tmp_path):
    """The 协议书 names mentor, apprentice, the helper's unit, and leaves room for signatures and seals."""
    pairing = Pairing.select().first()
    dest = tmp_path / "协议.pdf"
    report = export_agreement(pairing.id, dest)
    texts = page_texts(dest)
    whole = "".join(texts)
    helper_unit = Unit.get_by_id(pairing.mentor.helper_from_id).name
    for expected in ("师徒结对协议书", pairing.mentor.name, pairing.apprentice.name, helper_unit,
                     "师傅（甲方）职责", "徒弟（乙方）职责", "甲方（签字）", "盖章"):
        assert expected in whole, expected
    assert len(texts) == 1, "an agreement fits on one page"
    assert report.warnings == []


def test_rotation_form(demo_store, tmp_path):
    """The 轮训登记表 shows the teacher and host unit."""
    from bangfu_desktop.core.models import Rotation

    rotation = Rotation.select().first()
    dest = tmp_path / "轮训.pdf"
    export_rotation_form(rotation.id, dest)
    whole = "".join(page_texts(dest))
    assert rotation.teacher.name in whole and rotation.host_unit.name in whole and "接收单位意见" in whole


def test_unknown_id_is_a_user_error(demo_store, tmp_path):
    """A wrong id gives a Chinese message and no file."""
    with pytest.raises(InvalidInput, match="找不到"):
        export_activity(999999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cancelled_export_leaves_no_file(activity, tmp_path):
    """Cancelling mid-export raises Cancelled and leaves neither the PDF nor a temporary file."""
    dest = tmp_path / "out" / "cancel.pdf"
    with pytest.raises(Cancelled):
        export_activity(activity.id, dest, cancelled=lambda: True)
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []
