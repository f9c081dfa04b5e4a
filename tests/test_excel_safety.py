"""Files that must be refused with a Chinese message, WPS sizes, and an unchanged database."""

from __future__ import annotations

import re
import shutil
import zipfile

import openpyxl
import pytest

from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.excel_import_tasks import preview_tasks
from bangfu_desktop.core.excel_import_teachers import preview_teachers
from bangfu_desktop.core.excel_read import MAX_ROWS, check_xlsx, read_grid

from excel_helpers import content_snapshot


def roster(path, rows: int = 3) -> None:
    """A small valid roster."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "手机号码"])
    for n in range(rows):
        ws.append([f"教师{n}", "男", f"1380000{n:04d}"])
    wb.save(path)


def test_old_xls_is_refused(tmp_path):
    """An Excel 97-2003 file is told to be saved as .xlsx."""
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(InvalidInput, match="另存为"):
        check_xlsx(path)


def test_renamed_csv_is_refused(tmp_path):
    """A CSV with an .xlsx name is not a workbook."""
    path = tmp_path / "fake.xlsx"
    path.write_text("姓名,性别\n张三,男\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="CSV"):
        check_xlsx(path)


def test_truncated_download_is_refused(tmp_path):
    """Half a workbook is reported as incomplete."""
    good = tmp_path / "good.xlsx"
    roster(good, 200)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InvalidInput, match="不完整|损坏"):
        check_xlsx(cut)


def test_zip_that_is_not_a_workbook(tmp_path):
    """A zip without xl/workbook.xml is refused."""
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(InvalidInput, match="不是 Excel 工作簿"):
        check_xlsx(path)


def test_file_over_20_mb_is_refused(tmp_path):
    """A file over the size limit is refused before it is opened."""
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as handle:
        handle.write(b"PK")
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(InvalidInput, match="20 MB"):
        check_xlsx(path)


def test_sheet_over_100000_rows_is_refused(tmp_path):
    """More rows than the limit: refused with advice to split the file."""
    path = tmp_path / "huge.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["姓名"])
    for n in range(MAX_ROWS + 1):
        ws.append([n])
    wb.save(path)
    with pytest.raises(InvalidInput, match="拆分"):
        read_grid(path)


def test_wps_wrong_dimension_is_read_in_full(store, tmp_path):
    """A sheet declaring A1:A1 (as WPS does) is still read to its last row."""
    good = tmp_path / "good.xlsx"
    roster(good, 5)
    wps = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(wps, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb"<dimension ref=\"[^\"]+\"\s*/>", b"<dimension ref=\"A1:A1\"/>", data)
                assert n == 1
            dst.writestr(item, data)
    assert len(preview_teachers(wps).to_add) == 5


def test_entities_are_never_expanded(tmp_path):
    """A workbook declaring entities is refused: openpyxl's lxml parser would expand them."""
    good = tmp_path / "good.xlsx"
    roster(good)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE workbook [<!ENTITY a "BOOMBOOM"><!ENTITY b "&a;&a;&a;&a;">]>' + data
                data = data.replace(b'name="Sheet"', b'name="&b;"')
            dst.writestr(item, data)
    with pytest.raises(InvalidInput, match="不安全"):
        read_grid(bomb)


@pytest.mark.parametrize("maker", ["xls", "csv", "cut", "noheader"])
def test_failed_import_leaves_database_unchanged(demo_store, tmp_path, maker):
    """Whatever makes an import fail, the database content stays exactly as it was."""
    path = tmp_path / "in.xlsx"
    if maker == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    elif maker == "csv":
        path.write_text("a,b\n", encoding="utf-8")
    elif maker == "cut":
        roster(tmp_path / "g.xlsx", 300)
        path.write_bytes((tmp_path / "g.xlsx").read_bytes()[:3000])
    else:
        wb = openpyxl.Workbook()
        wb.active.append(["随便", "什么"])
        wb.save(path)
    before = content_snapshot()
    for preview in (preview_tasks, preview_teachers):
        with pytest.raises(InvalidInput):
            preview(path)
    assert content_snapshot() == before
