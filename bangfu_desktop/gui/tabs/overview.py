"""概览: a welcome page on an empty database; otherwise counts and the tasks that need attention."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import demo
from ...core.models import OVERDUE, Activity, Pairing, Plan, Rotation, Task, Teacher
from ..bus import bus
from ..operations import run_op
from ..table_model import Column, RecordTableModel

DUE_WINDOW_DAYS = 30


def overview_data(today: dt.date | None = None) -> dict:
    """Counts and the tasks overdue or due within 30 days (worker thread)."""
    today = today or dt.date.today()
    counts = {
        "任务": Task.live().count(), "教师": Teacher.live().count(), "师徒结对": Pairing.live().count(),
        "轮训": Rotation.live().count(), "活动": Activity.live().count(),
    }
    horizon = today + dt.timedelta(days=DUE_WINDOW_DAYS)
    query = (Task.live(Task.id, Task.code, Task.measure, Task.stage_goal, Task.due_date, Task.status, Plan.title)
             .join(Plan).where(Plan.deleted_at.is_null() & (Task.status != "已完成")
                               & Task.due_date.is_null(False) & (Task.due_date <= horizon))
             .order_by(Task.due_date).tuples())
    due = []
    for tid, code, measure, goal, due_date, status, plan in query:
        state = OVERDUE if due_date < today else f"{(due_date - today).days} 天后到期"
        due.append((tid, state, code, (measure or goal)[:60], due_date, plan))
    empty = not any((counts["任务"], counts["教师"], counts["活动"], Plan.live().count()))
    return {"counts": counts, "due": due, "empty": empty}


class WelcomePage(QWidget):
    """The first thing a clerk sees on a new database."""

    # Emitted with "settings", "demo" or "import" when a button is pressed.
    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("欢迎使用帮扶台账"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("数据库还是空的。可以从下面任一步开始：")))
        for key, text in (("settings", "① 填写本单位信息"), ("demo", "② 载入演示数据（先看看效果）"),
                          ("import", "③ 导入教育局下发的任务清单（Excel）")):
            button = QPushButton(self.tr(text))
            button.setObjectName(f"welcome_{key}")
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            layout.addWidget(button)
        layout.addStretch(2)


class OverviewTab(QWidget):
    """概览 until the dashboard lands: counts and due or overdue tasks."""

    title = "概览"
    # Emitted after the data was shown (tests wait on it).
    loaded = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.chosen.connect(self._welcome_action)
        self.dashboard = QWidget()
        dash = QVBoxLayout(self.dashboard)
        self.counts = QLabel()
        self.counts.setObjectName("overview_counts")
        self.counts.setStyleSheet("font-size: 15px;")
        dash.addWidget(self.counts)
        dash.addWidget(QLabel(self.tr("逾期及 30 天内到期的任务（双击查看）：")))
        self.due_model = RecordTableModel([
            Column("状态", 1, 100), Column("编号", 2, 50), Column("任务", 3, 460), Column("截止日期", 4, 96),
            Column("方案", 5, 300)], self)
        self.due_model.row_colour = lambda row: QColor("#f8d7da") if row[1] == OVERDUE else None
        self.due_view = QTableView()
        self.due_view.setObjectName("due_tasks")
        self.due_view.setModel(self.due_model)
        self.due_view.verticalHeader().hide()
        self.due_view.horizontalHeader().setStretchLastSection(True)
        for n, column in enumerate(self.due_model.columns):
            self.due_view.setColumnWidth(n, column.width)
        self.due_view.doubleClicked.connect(self._open_task)
        dash.addWidget(self.due_view, 1)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.dashboard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        bus.changed.connect(self._on_changed)

    def _on_changed(self, table: str) -> None:
        self.reload()

    def reload(self) -> None:
        """Recompute off the GUI thread."""
        run_op(None, "", overview_data, self._show)

    def _show(self, data: dict) -> None:
        self.stack.setCurrentWidget(self.welcome if data["empty"] else self.dashboard)
        self.counts.setText("　".join(f"{k}：{v}" for k, v in data["counts"].items()))
        self.due_model.set_rows(data["due"])
        self.loaded.emit()

    def _welcome_action(self, key: str) -> None:
        window = self.window()
        if key == "settings" and hasattr(window, "show_page"):
            window.show_page("settings")
        elif key == "demo":
            run_op(self, self.tr("正在载入演示数据…"), demo.load_demo, changes="")
        elif key == "import" and hasattr(window, "import_tasks"):
            window.import_tasks()

    def _open_task(self, index) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            page = window.show_page("tasks")
            page.select_id(self.due_model.id_at(index.row()))
