"""The 设置 tab keeps the binder's fixed DA/T 22 fields; the next binder's cover shows them."""

import re

from pypdf import PdfReader

from bangfu_desktop.core import settings
from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from gui_helpers import settle


def test_archive_fields_saved_and_printed(demo_store, qtbot, tmp_path):
    """全宗号, 立卷人, 保管期限 and the 归档章 switch are stored and appear on the cover."""
    from bangfu_desktop.gui.tabs.settings_tab import SettingsTab

    page = SettingsTab()
    qtbot.addWidget(page)
    page.reload()
    page.archive_edits["archive.fonds"].setText("J088")
    page.archive_edits["archive.compiler"].setText("赵敏")
    page.archive_retention.setCurrentText("永久")
    page.archive_stamp.setChecked(True)
    assert page.save(), page.message.text()
    settle(qtbot)  # 设置 is saved off the GUI thread
    assert settings.get("archive.fonds") == "J088" and settings.get("archive.retention") == "永久"
    assert settings.get("archive.stamp") == 1
    dest = tmp_path / "档案.pdf"
    export_archive(dest, ArchiveSelection(school_year=2025, kinds=("tasks",)))
    cover = re.sub(r"\s+", "", PdfReader(dest).pages[0].extract_text())
    assert "全宗号J088" in cover and "立卷人赵敏" in cover and "档号J088-2025-Y-001" in cover
