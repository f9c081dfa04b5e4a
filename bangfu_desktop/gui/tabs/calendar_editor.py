"""校历 in 设置: the default rule (semester start days) and per-学年 exact dates, checked at each field.

The checks are core.calendar_store's: the editor shows each problem beside the
field it names and saves through run_op, so a gap or overlap is refused in core too.
"""

from __future__ import annotations
from ..i18n import N_, tr, translated

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import settings
from ...core.calendar_store import YearOverride, calendar_problems, save_calendar, stored_overrides
from ...core.terms import SchoolCalendar, load_calendar
from ...core.validation import parse_date_text
from ..dialogs.form import DateEdit
from ..operations import run_op

FIELDS = (("first_start", N_("tabs.calendar_editor", "第一学期开始")), ("first_end", N_("tabs.calendar_editor", "第一学期结束")),
          ("second_start", N_("tabs.calendar_editor", "第二学期开始")), ("second_end", N_("tabs.calendar_editor", "第二学期结束")))
ERROR_STYLE = "border:1px solid #b00020; background:#fdecea;"


class YearRow:
    """The widgets of one 学年's override: the year, four dates, a remove button and its message."""

    def __init__(self, editor: "CalendarEditor", override: YearOverride):
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(override.year)
        self.year.setSuffix(tr("YearRow", " 学年起"))
        self.dates: dict[str, DateEdit] = {}
        for name, _ in FIELDS:
            edit = DateEdit()
            edit.set_date(getattr(override, name))
            self.dates[name] = edit
        self.remove = QPushButton(tr("YearRow", "删除"))
        self.remove.clicked.connect(lambda: editor.remove_row(self))
        self.message = QLabel()
        self.message.setStyleSheet("color:#b00020;")
        self.message.setWordWrap(True)
        self.message.hide()

    def widgets(self) -> list[QWidget]:
        return [self.year, *self.dates.values(), self.remove, self.message]


class CalendarEditor(QGroupBox):
    """The default rule plus exact dates per 学年; 保存校历 stores both."""

    # Emitted after the calendar was stored.
    saved = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("CalendarEditor", "校历（各省开学日期不同，可在此调整）"), parent)
        layout = QVBoxLayout(self)
        rule = QFormLayout()
        self.autumn = QLineEdit()
        self.autumn.setObjectName("calendar_autumn")
        self.spring = QLineEdit()
        self.spring.setObjectName("calendar_spring")
        self.rule_edits = {"autumn": self.autumn, "spring": self.spring}
        rule.addRow(tr("CalendarEditor", "默认：第一学期（秋季）开始（月-日）"), self.autumn)
        rule.addRow(tr("CalendarEditor", "默认：第二学期（春季）开始（月-日）"), self.spring)
        layout.addLayout(rule)
        hint = QLabel(tr("CalendarEditor", "某学年的实际日期与默认不同时，在下面逐学年填写；学期须首尾相接（寒暑假计入前一学期），"
                              "未填写的学年按默认规则，并自动衔接相邻学年。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555")
        layout.addWidget(hint)
        self.grid = QGridLayout()
        for column, text in enumerate((tr("CalendarEditor", "学年"), *(translated(label) for _, label in FIELDS))):
            self.grid.addWidget(QLabel(translated(text)), 0, column)
        layout.addLayout(self.grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("CalendarEditor", "添加学年"))
        self.add_button.setObjectName("calendar_add_year")
        self.add_button.clicked.connect(self.add_year)
        self.save_button = QPushButton(tr("CalendarEditor", "保存校历"))
        self.save_button.setObjectName("calendar_save")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.rows: list[YearRow] = []

    # -- rows --------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored rule and overrides."""
        self.autumn.setText(settings.get("calendar.autumn_start"))
        self.spring.setText(settings.get("calendar.spring_start"))
        for row in list(self.rows):
            self.remove_row(row)
        for override in stored_overrides():
            self._append(override)
        self._clear_errors()

    def _append(self, override: YearOverride) -> YearRow:
        row = YearRow(self, override)
        line = 1 + 2 * len(self.rows)
        for column, widget in enumerate(row.widgets()[:-1]):
            self.grid.addWidget(widget, line, column)
        self.grid.addWidget(row.message, line + 1, 0, 1, len(FIELDS) + 2)
        self.rows.append(row)
        return row

    def add_year(self) -> YearRow:
        """A new row for the 学年 after the last one listed (this one when none), at its current dates."""
        calendar = load_calendar()
        years = [row.year.value() for row in self.rows]
        year = max(years) + 1 if years else calendar.school_year_of(dt.date.today())
        first, second = calendar.semester(year, 1), calendar.semester(year, 2)
        return self._append(YearOverride(year, first.start, first.end, second.start, second.end))

    def remove_row(self, row: YearRow) -> None:
        """Drop a 学年's override (stored on 保存校历)."""
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.rows.remove(row)

    # -- checking and saving -------------------------------------------------------
    def _clear_errors(self) -> None:
        for edit in self.rule_edits.values():
            edit.setStyleSheet("")
            edit.setToolTip("")
        for row in self.rows:
            row.message.hide()
            for edit in row.dates.values():
                edit.line.setStyleSheet("")
                edit.line.setToolTip("")

    def field_error(self, year: int | None, name: str) -> str:
        """The message shown at a field ('' when it is fine); tests read it."""
        if year is None:
            return self.rule_edits[name].toolTip()
        for row in self.rows:
            if row.year.value() == year:
                return row.dates[name].line.toolTip()
        return ""

    def _mark(self, year: int | None, name: str, message: str) -> None:
        if year is None:
            edits = [self.rule_edits[name]]
        else:
            rows = [r for r in self.rows if r.year.value() == year] or self.rows[:1]
            edits = [rows[0].dates[name].line] if rows else []
            for row in rows[:1]:
                row.message.setText((row.message.text() + tr("CalendarEditor", "；") if row.message.isVisible() else "") + message)
                row.message.show()
        for edit in edits:
            edit.setStyleSheet(ERROR_STYLE)
            edit.setToolTip(message)

    def read(self) -> tuple[list[YearOverride], list[tuple[int | None, str, str]]]:
        """The overrides typed, and (year, field, message) for dates that are no dates."""
        overrides, errors = [], []
        for row in self.rows:
            dates = {}
            for name, label in FIELDS:
                try:
                    dates[name] = parse_date_text(row.dates[name].text())
                except ValueError as exc:
                    errors.append((row.year.value(), name, str(exc)))
                    continue
                if dates[name] is None:
                    errors.append((row.year.value(), name, tr("CalendarEditor", "请填写%s日期") % translated(label)))
            if len([d for d in dates.values() if d]) == len(FIELDS):
                overrides.append(YearOverride(row.year.value(), **dates))
        return overrides, errors

    def check(self) -> bool:
        """Mark every problem at its field; True when the calendar can be stored."""
        self._clear_errors()
        overrides, errors = self.read()
        if not errors:
            errors = [(p.year, p.field, p.message)
                      for p in calendar_problems(self.autumn.text(), self.spring.text(), overrides)]
        for year, name, message in errors:
            self._mark(year, name, message)
        if errors:
            self.message.setStyleSheet("color:#b00020")
            self.message.setText(tr("CalendarEditor", "校历有 %d 处需要修改，未保存。") % len(errors))
        return not errors

    def save(self) -> None:
        """Check, then store the rule and overrides off the GUI thread."""
        if not self.check():
            return
        overrides, _ = self.read()
        autumn, spring = self.autumn.text().strip(), self.spring.text().strip()

        def done(_):
            self.message.setStyleSheet("color:#1b5e20")
            self.message.setText(tr("CalendarEditor", "校历已保存。"))
            self.saved.emit()

        run_op(self, tr("CalendarEditor", "正在保存校历…"), lambda: save_calendar(autumn, spring, overrides), done, changes="")
