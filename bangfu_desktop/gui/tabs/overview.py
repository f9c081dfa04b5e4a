"""概览: what the plan still demands — rules, late and coming tasks, targets, rotations.

A welcome page replaces it on an empty database. Every line opens the records
behind it; the tab recomputes (off the GUI thread) whenever records change.
"""

from __future__ import annotations
from ..i18n import N_, tr, translated

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import demo, rule_suggest
from ...core.compliance import evaluate_rules
from ...core.models import Activity, FrequencyRule, Plan, Task, Teacher
from ...core.onboarding import start_steps
from ...core.rule_suggest import SuggestedRule, suggest_rules
from ...core.overview import dashboard
from ...core.terms import load_calendar
from ..bus import bus
from ..operations import run_op
from ..table_model import Column, RecordTableModel

STATUS_COLOURS = {"达标": "#dff0d8", "已达成": "#dff0d8", "未达标": "#f8d7da", "未达成": "#f8d7da",  # notr
                  "逾期": "#f8d7da", "进行中": "#fff3cd"}  # notr


def _colour(status: str):
    value = STATUS_COLOURS.get(status)
    return QColor(value) if value else None


def semester_choices(today: dt.date, count: int = 4) -> list[tuple[str, tuple[int, int]]]:
    """This semester and the ones before it, newest first."""
    calendar = load_calendar()
    year, number = calendar.semester_of(today)
    out = []
    for _ in range(count):
        label = calendar.semester(year, number).label + (tr("tabs.overview", "（本学期）") if not out else "")
        out.append((label, (year, number)))
        year, number = (year, 1) if number == 2 else (year - 1, 2)
    return out


def overview_data(today: dt.date, semester: tuple[int, int] | None, checklist: bool = True) -> dict:
    """Everything the tab shows (worker thread)."""
    steps = start_steps()
    # An empty database shows the checklist as the whole page; later it sits above the figures
    # until every step is done.
    if checklist and not any(s.done for s in steps[1:]):
        return {"empty": True, "steps": steps}
    # The 指标 box shows the targets of the chosen semester's 学年, as its year report and binder do.
    board = dashboard(today, target_year=semester[0] if semester else None)
    rules = board.rules
    if semester is not None and board.semester != load_calendar().semester(*semester):
        rules = evaluate_rules(selection=load_calendar().semester(*semester), today=today)
    return {"empty": False, "board": board, "rules": rules, "suggestions": rule_suggestions(), "steps": steps}


def rule_suggestions() -> list[tuple[int, str, list[SuggestedRule]]]:
    """(plan id, title, rules its task texts state) for every live plan that has no rules yet."""
    with_rules = {pid for (pid,) in FrequencyRule.live(FrequencyRule.plan).distinct().tuples()}
    plans = Plan.live(Plan.id, Plan.title).order_by(Plan.id).tuples()
    return [(pid, title, suggest_rules(pid)) for pid, title in plans if pid not in with_rules]


class SuggestionsPanel(QWidget):
    """Plans without 频次要求: says so and lists the rules found in their task texts."""

    # Emitted with a suggestion when 采用 is pressed.
    adopt = Signal(object)
    # Emitted with a suggestion when 修改后采用… is pressed.
    adopt_edited = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rule_suggestions")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.adopt_buttons: list[QPushButton] = []

    def show_plans(self, plans: list[tuple[int, str, list[SuggestedRule]]]) -> None:
        """Rebuild the panel for these plans (hidden when every plan has rules)."""
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        self.adopt_buttons = []
        for _, title, suggestions in plans:
            head = QLabel()
            head.setWordWrap(True)
            head.setStyleSheet("color:#8a4b00; font-weight:bold;")
            if suggestions:
                head.setText(tr("SuggestionsPanel", "方案“%s”还没有频次要求。从任务文字中找到 %d 条，可逐条采用：")
                             % (title, len(suggestions)))
            else:
                head.setText(tr("SuggestionsPanel", "方案“%s”还没有频次要求，任务文字中也没有“每学期……不少于 N 次”这样的要求。"
                                     "可在“单位与方案 → 频次要求”中添加。") % title)
            self.rows.addWidget(head)
            for suggestion in suggestions:
                line = QHBoxLayout()
                text = QLabel(f"• {suggestion.name}")
                text.setToolTip(tr("SuggestionsPanel", "方案原文：%s") % suggestion.source_text)
                text.setWordWrap(True)
                line.addWidget(text, 1)
                take = QPushButton(tr("SuggestionsPanel", "采用"))
                take.setObjectName("adopt_rule")
                take.clicked.connect(lambda _=False, s=suggestion: self.adopt.emit(s))
                edit = QPushButton(tr("SuggestionsPanel", "修改后采用…"))
                edit.setObjectName("adopt_rule_edited")
                edit.clicked.connect(lambda _=False, s=suggestion: self.adopt_edited.emit(s))
                line.addWidget(take)
                line.addWidget(edit)
                self.adopt_buttons.append(take)
                self.rows.addLayout(line)
        self.setVisible(bool(plans))


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class WelcomePage(QWidget):
    """The first thing a clerk sees: a checklist of the first day, each step ticked when done."""

    # Emitted with a step key ("self_unit", "plan", "tasks", "teachers", "activity"), "demo" or "dashboard".
    chosen = Signal(str)

    def __init__(self, parent=None, compact: bool = False):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        if compact:
            layout.setContentsMargins(0, 0, 0, 0)
        else:
            layout.addStretch(1)
        title = QLabel(tr("WelcomePage", "开始使用：") if compact else tr("WelcomePage", "欢迎使用帮扶台账"))
        title.setStyleSheet("font-weight: bold;" if compact else "font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        if not compact:
            layout.addWidget(QLabel(tr("WelcomePage", "按下面的顺序开始，每完成一步就会打勾：")))
        self.steps_box = QVBoxLayout()
        layout.addLayout(self.steps_box)
        self.step_buttons: dict[str, QPushButton] = {}
        self.step_marks: dict[str, QLabel] = {}
        extra = QHBoxLayout()
        demo_button = QPushButton(tr("WelcomePage", "或者：载入演示数据（先看看效果）"))
        demo_button.setObjectName("welcome_demo")
        demo_button.clicked.connect(lambda: self.chosen.emit("demo"))
        self.dashboard_button = QPushButton(tr("WelcomePage", "跳过，查看概览"))
        self.dashboard_button.setObjectName("welcome_dashboard")
        self.dashboard_button.clicked.connect(lambda: self.chosen.emit("dashboard"))
        extra.addWidget(demo_button)
        extra.addWidget(self.dashboard_button)
        extra.addStretch(1)
        if compact:
            demo_button.hide()
            self.dashboard_button.setText(tr("WelcomePage", "不再显示"))
        layout.addLayout(extra)
        if not compact:
            layout.addStretch(2)

    def show_steps(self, steps) -> None:
        """Tick the steps that are done; the first open one is the highlighted button."""
        first_open = next((s.key for s in steps if not s.done), None)
        for n, step in enumerate(steps, 1):
            if step.key not in self.step_buttons:
                row = QHBoxLayout()
                mark = QLabel()
                mark.setObjectName(f"mark_{step.key}")
                mark.setFixedWidth(28)
                button = QPushButton()
                button.setObjectName(f"welcome_{step.key}")
                button.setMinimumHeight(36)
                button.clicked.connect(lambda _=False, k=step.key: self.chosen.emit(k))
                hint = QLabel(translated(step.hint))
                hint.setStyleSheet("color:#666")
                row.addWidget(mark)
                row.addWidget(button, 2)
                row.addWidget(hint, 3)
                self.steps_box.addLayout(row)
                self.step_buttons[step.key], self.step_marks[step.key] = button, mark
            button, mark = self.step_buttons[step.key], self.step_marks[step.key]
            button.setText(f"{n}. " + translated(step.title))
            mark.setText("✔" if step.done else "○")
            mark.setStyleSheet("color:#1b5e20; font-size:18px;" if step.done else "color:#999; font-size:18px;")
            button.setStyleSheet("font-weight:bold;" if step.key == first_open else "")
            button.setDefault(step.key == first_open)


def _table(name: str, columns: list[Column], parent) -> tuple[RecordTableModel, QTableView]:
    model = RecordTableModel(columns, parent)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setEditTriggers(QTableView.NoEditTriggers)
    for n, column in enumerate(columns):
        view.setColumnWidth(n, column.width)
    return model, view


class OverviewTab(QWidget):
    """概览: this semester's rules, late and coming tasks, targets and rotation coverage."""

    title = N_("OverviewTab", "概览")
    # Emitted after new data was shown (tests wait on it).
    loaded = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: dt.date | None = None  # None: the real today (tests pin a day)
        self.skip_welcome = False  # 跳过，查看概览 pressed
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.chosen.connect(self._welcome_action)
        self.dashboard = QWidget()
        self._build_dashboard()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.dashboard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        bus.changed.connect(self._on_changed)

    def _build_dashboard(self) -> None:
        grid = QGridLayout(self.dashboard)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("OverviewTab", "学期：")))
        self.semester_combo = QComboBox()
        self.semester_combo.setObjectName("overview_semester")
        self.semester_combo.currentIndexChanged.connect(lambda _: self.reload())
        top.addWidget(self.semester_combo)
        self.summary = QLabel()
        self.summary.setObjectName("overview_summary")
        top.addWidget(self.summary, 1)
        grid.addLayout(top, 0, 0, 1, 2)
        self.checklist = WelcomePage(compact=True)
        self.checklist.setObjectName("start_checklist")
        self.checklist.chosen.connect(self._welcome_action)
        grid.addWidget(self.checklist, 3, 0, 1, 2)

        self.rule_model, self.rule_view = _table("rules", [
            Column(tr("OverviewTab", "要求"), 1, 220), Column(tr("OverviewTab", "周期"), 2, 50), Column(tr("OverviewTab", "范围"), 3, 50), Column(tr("OverviewTab", "应完成"), 4, 60),
            Column(tr("OverviewTab", "已完成"), 5, 60), Column(tr("OverviewTab", "状态"), 6, 70), Column(tr("OverviewTab", "还差"), 8, 200), Column(tr("OverviewTab", "方案"), 7, 200)], self)
        self.rule_model.row_colour = lambda row: _colour(row[6])
        self.rule_view.doubleClicked.connect(self._open_rule)
        self.suggestions = SuggestionsPanel()
        self.suggestions.adopt.connect(self.adopt_suggestion)
        self.suggestions.adopt_edited.connect(self.adopt_suggestion_edited)
        rules = QWidget()
        rules_box = QVBoxLayout(rules)
        rules_box.setContentsMargins(0, 0, 0, 0)
        rules_box.addWidget(self.suggestions)
        rules_box.addWidget(self.rule_view, 1)
        grid.addWidget(self._box(tr("OverviewTab", "频次要求（双击查看计入的活动）"), rules), 1, 0)

        self.due_model, self.due_view = _table("due_tasks", [
            Column(tr("OverviewTab", "状态"), 1, 90), Column(tr("OverviewTab", "编号"), 2, 50), Column(tr("OverviewTab", "任务"), 3, 300), Column(tr("OverviewTab", "截止日期"), 4, 96),
            Column(tr("OverviewTab", "方案"), 5, 200)], self)
        self.due_model.row_colour = lambda row: _colour("逾期" if row[1] == tr("OverviewTab", "逾期") else "进行中")  # notr
        self.due_view.doubleClicked.connect(self._open_task)
        grid.addWidget(self._box(tr("OverviewTab", "逾期及 30 天内到期的任务与报送"), self.due_view), 1, 1)

        self.target_model, self.target_view = _table("targets", [
            Column(tr("OverviewTab", "指标"), 1, 300), Column(tr("OverviewTab", "年度"), 2, 50), Column(tr("OverviewTab", "目标"), 3, 60), Column(tr("OverviewTab", "实际"), 4, 60),
            Column(tr("OverviewTab", "进度"), 5, 60), Column(tr("OverviewTab", "状态"), 6, 70)], self)
        self.target_model.row_colour = lambda row: _colour(row[6])
        self.target_view.doubleClicked.connect(self._open_target)
        self.target_box = self._box(tr("OverviewTab", "指标完成情况（双击查看相关记录）"), self.target_view)
        self.target_empty = QLabel()
        self.target_empty.setObjectName("overview_targets_empty")
        self.target_empty.setWordWrap(True)
        self.target_box.layout().addWidget(self.target_empty)
        grid.addWidget(self.target_box, 2, 0)

        rotation = QWidget()
        box = QVBoxLayout(rotation)
        self.rotation_label = QLabel()
        self.rotation_label.setObjectName("overview_rotation")
        self.rotation_label.setWordWrap(True)
        box.addWidget(self.rotation_label)
        self.missing_button = QPushButton(tr("OverviewTab", "查看尚未轮训的教师"))
        self.missing_button.clicked.connect(self._open_missing)
        box.addWidget(self.missing_button)
        box.addStretch(1)
        grid.addWidget(self._box(tr("OverviewTab", "轮训"), rotation), 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    # -- data ---------------------------------------------------------------------------
    def _on_changed(self, table: str) -> None:
        self.reload()

    def reload(self) -> None:
        """Recompute off the GUI thread."""
        today = self.today or dt.date.today()
        if self.semester_combo.count() == 0:
            self.semester_combo.blockSignals(True)
            for label, value in semester_choices(today):
                self.semester_combo.addItem(label, value)
            self.semester_combo.blockSignals(False)
        semester = self.semester_combo.currentData()
        checklist = not self.skip_welcome
        run_op(None, "", lambda: overview_data(today, semester, checklist), self._show)

    def _show(self, data: dict) -> None:
        if data["empty"]:
            self.welcome.show_steps(data["steps"])
            self.stack.setCurrentWidget(self.welcome)
            self.loaded.emit()
            return
        self.stack.setCurrentWidget(self.dashboard)
        board, rules = data["board"], data["rules"]
        self._rules = {r.rule_id: r for r in rules}
        self.rule_model.set_rows([(r.rule_id, r.name, r.period_kind, r.scope, r.required, r.done, r.status,
                                   r.plan_title, r.gap_text()) for r in rules])
        self.suggestions.show_plans(data.get("suggestions", []))
        steps = data.get("steps", [])
        self.checklist.show_steps(steps)
        self.checklist.setVisible(not self.skip_welcome and not all(s.done for s in steps))
        due = [*board.overdue, *board.upcoming]
        rows = [(t.task_id, tr("OverviewTab", "逾期") if t.status == "逾期" else tr("OverviewTab", "{days_left} 天后到期").format(days_left=t.days_left), t.code,  # notr
                 t.text, t.due_date, t.plan_title) for t in due]
        # 报送批次 from the bureau: rows with negative ids (they open the 报送 menu's list, not a task).
        rows += [(-n, (tr("OverviewTab", "逾期未报") if r.days_left < 0 else tr("OverviewTab", "{days_left} 天后截止").format(days_left=r.days_left)), tr("OverviewTab", "报送"),
                  tr("OverviewTab", "{name}（{period_label}）").format(name=r.name, period_label=r.period_label) + (tr("OverviewTab", "：{sent}").format(sent=r.sent) if r.sent else tr("OverviewTab", "：尚未报送")),
                  r.due_date, r.issuer)
                 for n, r in enumerate(getattr(board, "rounds", []), start=1) if r.sent not in ("已接收", "已报送", "零报告")]  # notr
        self.due_model.set_rows(rows)
        self._targets = {t.target_id: t for t in board.targets}
        self.target_model.set_rows([
            (t.target_id, t.description, t.stage_year, _num(t.target_value, t.unit_label),
             _num(t.actual, t.unit_label), f"{t.progress:.0%}" if t.progress is not None else "", t.status)
            for t in board.targets])
        self._show_target_year(board)
        met = sum(1 for r in rules if r.status == "达标")  # notr
        failed = sum(1 for r in rules if r.status == "未达标")  # notr
        self.summary.setText(tr("OverviewTab", "频次要求 %d 项：达标 %d，未达标 %d；逾期任务 %d，30 天内到期 %d")
                             % (len(rules), met, failed, len(board.overdue), len(board.upcoming)))
        self._show_rotation(board)
        self.loaded.emit()

    def _show_target_year(self, board) -> None:
        """Name the 学年 in the 指标 box's title; say so when no live plan has targets for it."""
        year = board.target_year.label if board.target_year else ""
        self.target_box.setTitle(tr("OverviewTab", "%s指标完成情况（双击查看相关记录）") % year)
        self.target_empty.setText(tr("OverviewTab", "%s没有在期方案的指标；选择上一学年的学期可查看往年指标。") % year)
        self.target_empty.setVisible(not board.targets)

    def _show_rotation(self, board) -> None:
        quota = board.quota
        lines = [tr("OverviewTab", "%d 年已轮训 %d 人（校领导及后备 %d 人）") % (quota.year, quota.teachers, quota.leaders)]
        if quota.required_teachers:
            lines[-1] += tr("OverviewTab", "，要求 %g 人") % quota.required_teachers
        coverage = board.coverage
        self._missing = [tid for tid, _ in coverage.missing] if coverage else []
        if coverage:
            names = tr("OverviewTab", "、").join(name for _, name in coverage.missing[:30])
            more = tr("OverviewTab", "等") if len(coverage.missing) > 30 else ""
            lines.append(tr("OverviewTab", "全员轮训（%s 前）：已轮训 %d / %d 人。尚未轮训：%s%s")
                         % (coverage.by, coverage.covered, coverage.total, names or tr("OverviewTab", "无"), more))
        self.rotation_label.setText("\n".join(lines))
        self.missing_button.setEnabled(bool(self._missing))

    # -- opening the records behind a line ----------------------------------------------------
    def _page(self, name: str):
        window = self.window()
        return window.show_page(name) if hasattr(window, "show_page") else None

    def _open_rule(self, index) -> None:
        result = self._rules.get(self.rule_model.id_at(index.row()))
        if result is None:
            return
        ids = sorted({i for c in result.counts for i in c.activity_ids})
        page = self._page("activities")
        if page is not None:
            page.inner.setCurrentWidget(page.activities)
            page.activities.show_only(ids, tr("OverviewTab", "计入“%s”的活动") % result.name)

    def _open_task(self, index) -> None:
        if self.due_model.id_at(index.row()) < 0:
            return  # a 报送批次 line: its package is made under 报送
        page = self._page("tasks")
        if page is not None:
            page.search.clear()
            page.select_id(self.due_model.id_at(index.row()))

    def _open_target(self, index) -> None:
        target = self._targets.get(self.target_model.id_at(index.row()))
        if target is None:
            return
        if target.activity_ids:
            page = self._page("activities")
            if page is not None:
                page.inner.setCurrentWidget(page.activities)
                page.activities.show_only(target.activity_ids, target.description)
        elif target.teacher_ids:
            page = self._page("teachers")
            if page is not None and hasattr(page, "show_only"):
                page.show_only(target.teacher_ids, target.description)

    def _open_missing(self) -> None:
        page = self._page("teachers")
        if page is not None and hasattr(page, "show_only"):
            page.show_only(self._missing, tr("OverviewTab", "尚未轮训的教师"))

    def adopt_suggestion(self, suggestion: SuggestedRule) -> None:
        """采用: save the proposed rule as it is (off the GUI thread); 概览 then counts it."""
        window = self.window()

        def done(_):
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(tr("OverviewTab", "已采用频次要求：%s") % suggestion.name, 8000)
        run_op(self, tr("OverviewTab", "正在保存…"), lambda: rule_suggest.adopt(suggestion), done, changes="frequency_rule")

    def adopt_suggestion_edited(self, suggestion: SuggestedRule) -> None:
        """修改后采用…: the rule form, prefilled with the proposal."""
        from .common import edit_with_form
        from .plan_items import RuleForm, rule_fields

        rule = suggestion.as_rule()
        values = {"plan_id": suggestion.plan_id, "name": rule.name, "activity_types": list(rule.activity_types),
                  "period": rule.period, "minimum": rule.minimum, "scope": rule.scope, "role": rule.role,
                  "source_text": rule.source_text}
        if edit_with_form(self, tr("OverviewTab", "采用频次要求"), FrequencyRule, rule_fields(), None, form_class=RuleForm,
                          defaults=values) is not None:
            bus.changed.emit("frequency_rule")

    def _welcome_action(self, key: str) -> None:
        window = self.window()
        if key == "demo":
            run_op(self, tr("OverviewTab", "正在载入演示数据…"), demo.load_demo, changes="")
        elif key == "dashboard":
            self.skip_welcome = True
            self.reload()
        elif hasattr(window, "start_step"):
            window.start_step(key)


def _num(value, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:g}{unit}"
