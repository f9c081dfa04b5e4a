"""汇总 (shown when 本单位 is a 教育局 or 核心校), and the 报送 menu every database has.

The tab shows schools × 报送批次 with reporting and on-time rates, and per school
its rule compliance and target progress from its latest package. The menu imports
packages (with a preview), sends this unit's package, and retries the outbox.
"""

from __future__ import annotations
from ..i18n import N_, tr, translated

import datetime as dt

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ...core.exchange import bureau, conflicts, importer, mail, receipts, submit
from ..lazy_core import write_consolidated  # core.exchange.workbook imports openpyxl
from ...core.submission import outbox_dir
from ..bus import bus
from ..dialogs.import_preview import PackageImportDialog
from ..operations import run_op
from ..table_model import Column, RecordTableModel


class BureauTab(QWidget):
    """汇总: who reported on time, late, 零报告, not at all, or was sent back."""

    title = N_("BureauTab", "汇总")

    def __init__(self, window=None):
        super().__init__(window)
        self.window_ = window
        self.status: bureau.Status | None = None
        layout = QVBoxLayout(self)
        self.rates = QLabel()
        self.rates.setWordWrap(True)
        layout.addWidget(self.rates)
        self.view = QTableView()
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setSelectionMode(QTableView.SingleSelection)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        for text, slot in ((tr("BureauTab", "导入数据包…"), lambda: import_package_dialog(self)),
                           (tr("BureauTab", "已接收"), self.accept_selected), (tr("BureauTab", "退回…"), self.return_selected),
                           (tr("BureauTab", "汇总工作簿…"), self.write_workbook)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        bus.changed.connect(lambda *_: self.reload())

    def reload(self) -> None:
        """Recompute the grid off the GUI thread."""
        run_op(None, "", bureau.bureau_status, self._show)

    def _show(self, status: bureau.Status) -> None:
        self.status = status
        columns = [Column(tr("BureauTab", "学校"), 0, 220)]
        columns += [Column(r.name, i + 1, 150) for i, r in enumerate(status.rounds)]
        n = len(status.rounds) + 1
        columns += [Column(tr("BureauTab", "频次要求达标"), n, 100), Column(tr("BureauTab", "指标达成"), n + 1, 90),
                    Column(tr("BureauTab", "接收后更正"), n + 2, 90)]
        model = RecordTableModel(columns, self.view)
        rows = []
        for s in status.schools:
            reached = sum(1 for t in s.targets if t.get("status") == "已达成")  # notr
            known = bool(s.sender_uuid)  # nothing received yet: no figures to show
            rows.append((s.name, *[s.cells[r.uuid].text() for r in status.rounds],
                         f"{s.rules_met}/{s.rules_total}" if known else "—",
                         f"{reached}/{len(s.targets)}" if known else "—",
                         tr("BureauTab", "{0} 条").format(len(s.corrections)) if s.corrections else "—"))
        model.set_rows(rows)
        self.view.setModel(model)
        for i, c in enumerate(columns):
            self.view.setColumnWidth(i, c.width)
        lines = []
        for r in status.rounds:
            reporting, on_time = status.rates(r)
            lines.append(tr("BureauTab", "{0}（截止 {1}）：报送率 {2:.0%}，及时率 {3:.0%}").format(
                r.name, r.due_date, reporting, on_time))
        self.rates.setText("\n".join(lines) or tr("BureauTab", "还没有报送批次。"))

    def _selected_cell(self) -> bureau.Cell | None:
        if self.status is None or not self.view.selectionModel():
            return None
        rows = self.view.selectionModel().selectedRows()
        if not rows or not self.status.rounds:
            return None
        school = self.status.schools[self.view.model().visible[rows[0].row()]]
        column = max(1, min(self.view.currentIndex().column(), len(self.status.rounds)))
        cell = school.cells[self.status.rounds[column - 1].uuid]
        return cell if cell.package_uuid else None

    def accept_selected(self) -> None:
        """Mark the selected school's package for the selected round 已接收 and write the receipt."""
        self._review(receipts.ACCEPTED, "")

    def return_selected(self) -> None:
        """Send the selected package back with a reason, and write the receipt."""
        reason, ok = QInputDialog.getText(self, tr("BureauTab", "退回"), tr("BureauTab", "退回原因："))
        if ok:
            self._review(receipts.RETURNED, reason)

    def _review(self, status: str, reason: str) -> None:
        cell = self._selected_cell()
        if cell is None:
            QMessageBox.information(self, tr("BureauTab", "汇总"), tr("BureauTab", "请先选中一所已报送学校在某个批次下的格子。"))
            return
        dest = outbox_dir() / f"回执_{cell.package_uuid[:8]}.bfpkg"  # notr

        def work():
            receipts.review(cell.package_uuid, status, reason)
            receipts.write_receipt(cell.package_uuid, dest)
            return dest

        run_op(self, tr("BureauTab", "正在写回执…"), work,
               lambda path: QMessageBox.information(self, tr("BureauTab", "回执"), tr("BureauTab", "已写出回执：{0}").format(path)),
               changes="exchange_package")

    def write_workbook(self) -> None:
        """The consolidated workbook of every school."""
        path, _ = QFileDialog.getSaveFileName(self, tr("BureauTab", "汇总工作簿"), f"报送汇总_{dt.date.today():%Y%m%d}.xlsx",  # notr
                                              "Excel (*.xlsx)")
        if path:
            run_op(self, tr("BureauTab", "正在写汇总工作簿…"), lambda: write_consolidated(path),
                   lambda p: QMessageBox.information(self, tr("BureauTab", "汇总工作簿"), tr("BureauTab", "已写出：{0}").format(p)))


def import_package_dialog(parent: QWidget) -> None:
    """Pick a .bfpkg, show what it would change, then import it in one transaction."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("tabs.bureau", "导入数据包"), "", tr("tabs.bureau", "数据包 (*.bfpkg)"))
    if path:
        run_op(parent, tr("tabs.bureau", "正在检查数据包…"), lambda: _planned(path),
               lambda planned: confirm_import(parent, *planned))


def _planned(path: str) -> tuple[importer.ImportPlan, list[conflicts.ConflictView]]:
    plan = importer.plan_import(path)
    return plan, conflicts.conflict_views(plan)


def confirm_import(parent: QWidget, plan: importer.ImportPlan,
                   views: list[conflicts.ConflictView] | None = None) -> PackageImportDialog | None:
    """Show the preview (each conflict with its own choice); import what the clerk chose. Returns the dialog."""
    if plan.already_imported:
        QMessageBox.information(parent, tr("tabs.bureau", "导入数据包"), tr("tabs.bureau", "此数据包此前已导入过，不会重复导入。"))
        return None
    dialog = PackageImportDialog(plan, parent, views)
    if dialog.exec() != QDialog.Accepted:
        return dialog
    choices = dialog.choices()
    run_op(parent, tr("tabs.bureau", "正在导入…"), lambda: importer.apply_import(plan, choices=choices), changes="import")
    return dialog


def submit_package(parent: QWidget, round_name: str | None = None) -> None:
    """报送: the package and its 报送 workbooks into the outbox, sent by e-mail (or a draft without SMTP).

    When the bureau's notice named rounds, the clerk picks the round this package answers.
    """
    if round_name is None:
        from ...core.exchange.rounds import received_rounds

        names = [r.name for r in received_rounds()]
        if names:
            none = tr("tabs.bureau", "（不针对具体批次）")
            choice, ok = QInputDialog.getItem(parent, tr("tabs.bureau", "报送"), tr("tabs.bureau", "本次报送答复哪个报送批次？"),
                                              [*names, none], 0, False)
            if not ok:
                return
            round_name = "" if choice == none else choice
    folder = outbox_dir()
    messages = {"sent": tr("tabs.bureau", "已发送到教育局邮箱（附数据包和报送工作簿）：{0}"),
                "queued": tr("tabs.bureau", "暂时无法发送，邮件已放入发件箱，联网后会自动重试：{0}"),
                "draft": tr("tabs.bureau", "没有设置发信服务器，已生成邮件草稿（附数据包和报送工作簿），请用邮件程序打开发送：{0}")}
    run_op(parent, tr("tabs.bureau", "正在报送…"), lambda: submit.submit_package(folder, round_name=round_name or None),
           lambda done: QMessageBox.information(parent, tr("tabs.bureau", "报送"), messages[done.state].format(done.eml)),
           changes="exchange_package")


def retry_outbox(parent: QWidget | None) -> None:
    """重试: try every waiting message again (also run quietly when the window opens)."""
    def done(result):
        if parent is not None:
            QMessageBox.information(parent, tr("tabs.bureau", "发件箱"),
                                    tr("tabs.bureau", "已发送 {0} 封，仍待发送 {1} 封。").format(*result))
    run_op(parent, tr("tabs.bureau", "正在发送…") if parent else "", mail.send_pending, done)


def rounds_text() -> str:
    """Each round received from the bureau: deadline, days left and what was sent."""
    from ...core.exchange.rounds import received_rounds

    lines = []
    for r in received_rounds():
        left = tr("tabs.bureau", "还有 {days_left} 天").format(days_left=r.days_left) if r.days_left >= 0 else tr("tabs.bureau", "已过 {days} 天").format(days=-r.days_left)
        state = r.sent or tr("tabs.bureau", "未报送")
        if r.reason:
            state += tr("tabs.bureau", "（{reason}）").format(reason=r.reason)
        lines.append(tr("tabs.bureau", "{name}：截止 {due_date}（{left}），{state}").format(name=r.name, due_date=r.due_date, left=left, state=state))
    return "\n".join(lines) or tr("tabs.bureau", "还没有收到教育局的报送通知。请用“导入数据包…”导入通知。")


def show_rounds(parent: QWidget) -> None:
    """The rounds and their deadlines, as the 报送 menu shows them."""
    QMessageBox.information(parent, tr("tabs.bureau", "报送批次"), rounds_text())


def add_exchange_ui(window) -> None:
    """The 报送 menu, the 汇总 tab for a bureau, and a quiet outbox retry on start."""
    bar = window.menuBar()
    menu = QMenu(tr("tabs.bureau", "报送(&S)"), bar)
    bar.insertMenu(bar.actions()[-1], menu)  # before 帮助
    window._add(menu, tr("tabs.bureau", "报送批次与截止日期…"), lambda: show_rounds(window))
    window._add(menu, tr("tabs.bureau", "报送数据包"), lambda: submit_package(window))
    window._add(menu, tr("tabs.bureau", "导入数据包…"), lambda: import_package_dialog(window))
    window._add(menu, tr("tabs.bureau", "重试发送"), lambda: retry_outbox(window))
    if bureau.is_bureau():
        page = BureauTab(window)
        page.setObjectName("bureau")
        window.pages["bureau"] = page
        window.tabs.insertTab(1, page, translated(page.title))
    if mail.smtp_configured() and mail.pending():
        retry_outbox(None)
