"""The streamed sheet reader (core.excel_read_rows) gives exactly openpyxl's read-only values.

Workbooks as Excel, WPS and openpyxl write them: shared and inline strings, rich text with
phonetic runs, dates in both epochs, booleans, errors, formula results, rows and cells
without addresses, rows left out, and a sheet with a prefixed namespace.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.excel_read import read_grid
from bangfu_desktop.core.excel_read_rows import can_stream, sheet_values

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
SHARED = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="4" uniqueCount="4"><si><t>姓名</t></si><si><t xml:space="preserve"> 王 芳 </t></si>
<si><r><rPr><b/></rPr><t>第一</t></r><r><t>中学</t></r><rPh sb="0" eb="1"><t>ディ</t></rPh></si><si><t/></si></sst>"""
# Cells of every kind, rows and cells without addresses, row 4 left out, a trailing styled empty cell.
SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="A1"/><sheetData>
<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c>
<c r="E1" t="s"><v>3</v></c><c r="F1" s="1"/></row>
<row r="2"><c r="A2"><v>13800000000</v></c><c r="B2"><v>3.5</v></c><c r="C2"><v>1E3</v></c><c r="D2" s="1"><v>46000</v></c>
<c r="E2" s="2"><v>46001.5</v></c><c r="F2" s="3"><v>0.75</v></c><c r="G2" s="4"><v>45000.25</v></c></row>
<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;B1</f><v>姓名 王 芳 </v></c>
<c t="d"><v>2026-09-01T08:30:00</v></c><c><f>1+1</f><v>2</v></c><c><v></v></c><c t="n"/></row>
<row r="5"><c r="B5" t="inlineStr"><is><t>&#24352;三</t></is></c><c r="C5" t="inlineStr"><is><r><t>李</t></r><r><rPr><i/></rPr><t xml:space="preserve">四 </t></r><rPh sb="0" eb="1"><t>リ</t></rPh></is></c>
<c r="D5" t="inlineStr"><is><t>前</t><r><t>后</t></r></is></c><c r="E5" t="inlineStr"><is/></c><c r="F5" t="inlineStr"/>
<c r="G5" t="inlineStr"><is><t>换行&#10;第二行</t></is></c></row>
<row r="6"><c r="A6"><v>-7</v></c><c r="c6"><v>0.1</v></c></row>
<row r="7"/>
<row r="8"><c r="A8" t="s"><v>2</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A8:B9"/></mergeCells></worksheet>"""


def write_xlsx(path: Path, sheet: str = SHEET, workbook_pr: str = "") -> Path:
    """A workbook written part by part, as Excel lays one out."""
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                f'{workbook_pr}<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", SHARED)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def openpyxl_rows(path: Path, name: str | None = None) -> list[list]:
    """What openpyxl's read-only mode yields (the reference)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[name] if name else wb.worksheets[0]
        ws.reset_dimensions()
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def streamed_rows(path: Path, name: str | None = None) -> list[list]:
    """What the streamed reader yields."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        name = name or wb.sheetnames[0]
        assert can_stream(wb, wb[name])
        return sheet_values(wb, name)
    finally:
        wb.close()


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path):
    path = write_xlsx(tmp_path / "excel.xlsx")
    expected = openpyxl_rows(path)
    assert streamed_rows(path) == expected
    # The reference itself shows the cases are there (so the comparison is not of two empty grids).
    assert expected[0] == ["姓名", " 王 芳 ", None, "第一中学", "", None]
    assert expected[1][:6] == [13800000000, 3.5, 1000.0, dt.datetime(2025, 12, 9), dt.datetime(2025, 12, 10, 12),
                              dt.timedelta(hours=18)]
    assert expected[2][:5] == [True, False, "#N/A", "姓名 王 芳 ", dt.datetime(2026, 9, 1, 8, 30)]
    assert expected[3] == []
    assert expected[4] == [None, "张三", "李四 ", "前后", "", None, "换行\n第二行"]
    assert expected[5] == [-7, None, 0.1]
    assert expected[6:] == [[], ["第一中学"]]


def test_dates_of_a_1904_workbook_and_a_prefixed_namespace(tmp_path):
    prefixed = SHEET.replace(f'<worksheet xmlns="{MAIN}"', f'<x:worksheet xmlns:x="{MAIN}"').replace(
        "</worksheet>", "</x:worksheet>")
    for tag in ("sheetData", "dimension", "row", "c", "v", "f", "is", "t", "r", "rPr", "rPh", "i", "mergeCells",
                "mergeCell"):
        prefixed = prefixed.replace(f"<{tag}>", f"<x:{tag}>").replace(f"<{tag} ", f"<x:{tag} ").replace(
            f"</{tag}>", f"</x:{tag}>").replace(f"<{tag}/>", f"<x:{tag}/>")
    path = write_xlsx(tmp_path / "1904.xlsx", prefixed, '<workbookPr date1904="1"/>')
    expected = openpyxl_rows(path)
    assert expected[1][3] == dt.datetime(2029, 12, 10)  # the 1904 epoch moved the date
    assert expected[4][1] == "张三"
    assert streamed_rows(path) == expected


def test_workbooks_openpyxl_writes_read_the_same(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "教师名册"
    ws.append(["序号", "姓名", "出生日期", "手机号码", "党员", "备注"])
    ws.append([1, "王芳", dt.date(1990, 5, 1), 13800000001, True, "第一行\n第二行"])
    ws.append([2, CellRichText(TextBlock(InlineFont(b=True), "李"), "四"), dt.datetime(2026, 9, 1, 8, 0), "138 0000 0002",
               False, None])
    ws.append([])
    ws["H7"] = "=SUM(A2:A3)"
    ws["C9"] = dt.time(8, 30)
    ws["D9"] = dt.timedelta(hours=30)
    ws.merge_cells("A10:C11")
    ws["A10"] = "单位（盖章）"
    wb.create_sheet("空表")
    wb.save(tmp_path / "ours.xlsx")
    for name in ("教师名册", "空表"):
        assert streamed_rows(tmp_path / "ours.xlsx", name) == openpyxl_rows(tmp_path / "ours.xlsx", name)


def test_read_grid_fills_merges_of_the_streamed_rows(tmp_path):
    grid = read_grid(write_xlsx(tmp_path / "excel.xlsx"))
    assert grid.sheet == "名册"
    assert grid.texts[7][:2] == grid.texts[8][:2] == ["第一中学", "第一中学"]
    assert grid.texts[1][:4] == ["13800000000", "3.5", "1000", "2025-12-09"]
    assert {len(row) for row in grid.values} == {8}


def test_a_shared_string_that_does_not_exist_is_a_damaged_file(tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", SHEET.replace('<c r="A8" t="s"><v>2</v>', '<c r="A8" t="s"><v>99</v>'))
    with pytest.raises(InvalidInput, match="文件已损坏"):
        read_grid(path)
