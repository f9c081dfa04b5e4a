"""The window shows what the exchange keeps in core: SMTP settings in 设置, the bureau's rounds in 概览."""

import datetime as dt

from bangfu_desktop.core import records, settings
from bangfu_desktop.core.models import ExchangeRound, Plan, Unit
from bangfu_desktop.gui.main_window import MainWindow
from bangfu_desktop.gui.tabs.settings_tab import SettingsTab

from gui_helpers import settle


def _settings_page(qtbot):
    page = SettingsTab()
    qtbot.addWidget(page)
    page.resize(900, 1600)
    page.show()
    page.reload()
    return page


def test_smtp_settings_saved_from_the_settings_tab(store, qtbot):
    """Host, port, security, account and sender typed in 设置 are stored; a bad port is named at its field."""
    records.save(Unit(name="沿河县第二中学", is_self=True))
    page = _settings_page(qtbot)
    page.unit_edits["name"].setText("沿河县第二中学")
    page.smtp_edits["smtp.host"].setText("127.0.0.1")
    page.smtp_edits["smtp.port"].setText("99999")
    assert page.save() is False
    assert "65535" in page.message.text() and settings.get("smtp.host") == ""
    page.smtp_edits["smtp.port"].setText("2525")
    page.smtp_edits["smtp.security"].setText("NONE")
    page.smtp_edits["smtp.user"].setText("clerk")
    page.smtp_edits["smtp.sender"].setText("clerk@example.cn")
    assert page.save() is True
    settle(qtbot)
    assert (settings.get("smtp.host"), settings.get("smtp.port"), settings.get("smtp.security"),
            settings.get("smtp.user"), settings.get("smtp.sender")) == ("127.0.0.1", 2525, "none", "clerk",
                                                                        "clerk@example.cn")
    page.reload()
    assert page.smtp_edits["smtp.port"].text() == "2525"


def test_rounds_from_the_bureau_show_in_the_overview(store, qtbot):
    """A received round not yet answered is listed with its deadline among the due items."""
    records.save(Unit(name="沿河县第二中学", is_self=True))
    records.save(Plan(title="帮扶方案"))
    today = dt.date.today()
    ExchangeRound.create(origin="bureau-uuid", name="2026年度帮扶工作总结", period_label="2026年",
                         due_date=today + dt.timedelta(days=4), issuer_name="沿河县教育局")
    window = MainWindow(store)
    qtbot.addWidget(window)
    tab = window.pages["overview"]
    tab.reload()
    settle(qtbot)
    rows = [tab.due_model.row_at(r) for r in range(tab.due_model.rowCount())]
    mine = [r for r in rows if "2026年度帮扶工作总结" in str(r[3])]
    assert mine and mine[0][1] == "4 天后截止" and "尚未报送" in mine[0][3] and mine[0][5] == "沿河县教育局"
