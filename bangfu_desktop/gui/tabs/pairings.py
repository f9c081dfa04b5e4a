"""师徒结对: pairings, each mentor's active apprentices, helpers below three flagged."""

from __future__ import annotations
from ..i18n import N_, tr

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel, QMenu, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...core import record_ops
from ...core.models import PAIRING_STATUSES, Pairing, database
from ...core.tablesources import PAIRINGS
from ...core.validation import check_range
from ...core.vocab import PAIRING_PROGRAMMES
from ..dialogs.form import FieldSpec, RecordForm
from ..dialogs.guidance import GuidancePane
from ..table_model import Column
from .base import FilterSpec, RecordTab
from .common import edit_with_form, teacher_choices
from .creators import create_teacher

MIN_APPRENTICES = 3

# Row: core.tablesources.PAIRINGS (id, mentor, mentor_unit, apprentice, subject, programme, start, end, …)
COLUMNS = [
    Column(N_("tabs.pairings", "师傅"), "mentor", 90), Column(N_("tabs.pairings", "师傅单位"), "mentor_unit", 180), Column(N_("tabs.pairings", "徒弟"), "apprentice", 90),
    Column(N_("tabs.pairings", "学科"), "subject", 100), Column(N_("tabs.pairings", "项目"), "programme", 90), Column(N_("tabs.pairings", "开始"), "start", 96),
    Column(N_("tabs.pairings", "结束"), "end", 96), Column(N_("tabs.pairings", "状态"), "status", 70), Column(N_("tabs.pairings", "指导次数"), "guidance", 70),
]

LOAD_SQL = """
SELECT t.id, t.name, t.is_helper,
       (SELECT count(*) FROM pairing p WHERE p.mentor_id = t.id AND p.deleted_at IS NULL AND p.status = '进行中')
FROM teacher t
WHERE t.deleted_at IS NULL AND (t.is_helper OR EXISTS (
      SELECT 1 FROM pairing p WHERE p.mentor_id = t.id AND p.deleted_at IS NULL))
ORDER BY t.name_key, t.id
"""  # notr


def mentor_loads() -> list[tuple[int, str, bool, int]]:
    """(teacher id, name, is 帮扶人才, active apprentices) for helpers and mentors."""
    return [(tid, name, bool(helper), n) for tid, name, helper, n in database.execute_sql(LOAD_SQL).fetchall()]


def pairing_fields() -> list[FieldSpec]:
    """The pairing form's fields."""
    return [
        FieldSpec("mentor_id", tr("tabs.pairings", "师傅"), "choice", required=True, choices=teacher_choices,
                  extra={"create": create_teacher}),
        FieldSpec("apprentice_id", tr("tabs.pairings", "徒弟"), "choice", required=True, choices=teacher_choices,
                  extra={"create": create_teacher}),
        FieldSpec("subject", tr("tabs.pairings", "学科")),
        FieldSpec("programme", tr("tabs.pairings", "结对项目"), "editcombo", choices=PAIRING_PROGRAMMES),
        FieldSpec("start_date", tr("tabs.pairings", "开始日期"), "date", required=True),
        FieldSpec("end_date", tr("tabs.pairings", "结束日期"), "date"),
        FieldSpec("goals", tr("tabs.pairings", "培养目标"), "multiline"),
        FieldSpec("status", tr("tabs.pairings", "状态"), "combo", choices=PAIRING_STATUSES),
        FieldSpec("evaluation", tr("tabs.pairings", "考核评价"), "multiline"),
    ]


# Mentors named in the 在带徒弟人数 line at most (the rest are counted).
SHOWN_LOADS = 60

class PairingForm(RecordForm):
    """Mentor and apprentice differ; the end is not before the start."""

    def extra_errors(self, values):
        errors = {}
        if values.get("mentor_id") and values.get("mentor_id") == values.get("apprentice_id"):
            errors["apprentice_id"] = tr("PairingForm", "师傅和徒弟不能是同一个人")
        problem = check_range(values.get("start_date"), values.get("end_date"))
        if problem:
            errors["end_date"] = problem
        return errors

    def guidance_rows(self):
        """The guidance records as edited (None: this form does not edit them)."""
        return None

    def save_call(self, values):
        """The pairing (with its guidance records, when edited here), in one transaction."""
        record_id, guidance = self.record_id(), self.guidance_rows()
        return lambda: record_ops.save_pairing(record_id, values, guidance)

    def changed_tables(self):
        return ("pairing", "guidance")


class PairingsTab(RecordTab):
    """The 师徒结对 table with the mentors' loads below it."""

    title = N_("PairingsTab", "师徒结对")
    model_class = Pairing
    columns = COLUMNS
    watched = ("pairing", "teacher", "guidance")
    archive_kind = "pairings"

    source = PAIRINGS

    def fetch_extra(self):
        self._loads = mentor_loads()
        return self._loads

    def filters(self):
        return [
            FilterSpec(tr("PairingsTab", "状态"), lambda: [(s, s) for s in PAIRING_STATUSES], where=lambda value: Pairing.status == value),
            FilterSpec(tr("PairingsTab", "师傅"), lambda: [(name, tid) for tid, name, _, _ in getattr(self, "_loads", [])],
                       where=lambda value: Pairing.mentor == value),
        ]

    def side_widget(self):
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.load_label = QLabel()
        self.load_label.setObjectName("mentor_loads")
        self.load_label.setWordWrap(True)
        self.load_label.setTextFormat(self.load_label.textFormat().RichText)
        self.load_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        # A district has thousands of mentors: the list scrolls in four lines, the table keeps its room.
        loads = QScrollArea()
        loads.setWidgetResizable(True)
        loads.setFrameShape(QScrollArea.NoFrame)
        loads.setWidget(self.load_label)
        loads.setMaximumHeight(4 * self.load_label.fontMetrics().lineSpacing() + 8)
        box.addWidget(loads)
        # The selected pairing's 指导记录, in a splitter so the clerk can give it more room.
        self.guidance = GuidancePane()
        self.guidance.setObjectName("guidance_pane")
        splitter = QSplitter(Qt.Vertical)
        layout = self.layout()
        layout.removeWidget(self.view)
        splitter.addWidget(self.view)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        return panel

    def extra_actions(self, toolbar) -> None:
        self.toolbar.addSeparator()
        self.add_guidance_action = QAction(tr("PairingsTab", "新增指导记录"), self)
        self.add_guidance_action.triggered.connect(lambda: self.guidance.add_record())
        toolbar.addAction(self.add_guidance_action)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.add_action, self.edit_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.add_guidance_action)
        menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _selection_changed(self, *_) -> None:
        ids = self.selected_ids()
        self.guidance.set_pairing(ids[0] if ids else None)

    def after_load(self) -> None:
        loads = getattr(self, "_loads", [])
        short = {tid for tid, _, helper, n in loads if helper and n < MIN_APPRENTICES}
        self.model.row_colour = lambda row: QColor("#fff3cd") if row.mentor_id in short else None
        parts = []
        # The flagged helpers first; at most SHOWN_LOADS names (a district has thousands of
        # mentors: a label that long took 10+ ms to lay out on the GUI thread and nobody reads it).
        ordered = sorted(loads, key=lambda load: not (load[2] and load[3] < MIN_APPRENTICES))
        for tid, name, helper, n in ordered[:SHOWN_LOADS]:
            text = tr("PairingsTab", "{name} {n} 名").format(name=name, n=n)
            if helper and n < MIN_APPRENTICES:
                text = tr("PairingsTab", "<span style='color:#b00020;font-weight:bold'>⚠ {text}（帮扶人才应带徒不少于 3 名）</span>").format(text=text)
            parts.append(text)
        if len(loads) > SHOWN_LOADS:
            parts.append(tr("PairingsTab", "……共 %d 名师傅（黄色行即不足 3 名的帮扶人才）") % len(loads))
        flagged = sum(1 for tid in short)
        head = tr("PairingsTab", "在带徒弟人数：") if not flagged else tr("PairingsTab", "在带徒弟人数（%d 名帮扶人才不足 3 名，已标黄）：") % flagged
        self.load_label.setText(head + tr("PairingsTab", "；").join(parts))

    def open_form(self, record):
        return edit_with_form(self, tr("PairingsTab", "师徒结对"), Pairing, pairing_fields(), record,
                              form_class=PairingForm, defaults={"status": "进行中", "programme": "青蓝工程"})  # notr
