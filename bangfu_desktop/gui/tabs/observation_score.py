"""The 课堂评分 inputs of the 听课记录 form: one spin box per criterion (未评 allowed)."""

from __future__ import annotations
from ..i18n import tr

from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QWidget

from ...core.observations import number_text, unit_criteria

UNSCORED = -1.0


class ScoreInputs(QWidget):
    """Points per criterion; the criteria are the record's own, or the unit's (设置) for a new score."""

    def __init__(self, scores: list[dict[str, Any]] | None, parent=None):
        super().__init__(parent)
        criteria = [(s["name"], s.get("max")) for s in scores or []] or unit_criteria()
        given = {s["name"]: s.get("score") for s in scores or []}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: list[tuple[str, float | None, QDoubleSpinBox]] = []
        for index, (name, maximum) in enumerate(criteria):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"score_{index}")
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setRange(UNSCORED, float(maximum) if maximum else 100.0)
            spin.setSpecialValueText(tr("ScoreInputs", "未评"))
            score = given.get(name)
            spin.setValue(UNSCORED if score is None else float(score))
            label = QLabel(tr("ScoreInputs", "%s（%s 分）") % (name, number_text(maximum)) if maximum else name)
            grid.addWidget(label, index // 2, (index % 2) * 2)
            grid.addWidget(spin, index // 2, (index % 2) * 2 + 1)
            self.spins.append((name, maximum, spin))
        if not criteria:
            grid.addWidget(QLabel(tr("ScoreInputs", "未设置评分项目（可在“设置”中填写）")), 0, 0)

    def scores(self) -> list[dict[str, Any]]:
        """The criteria with their points, or [] when nothing was scored."""
        items = [{"name": name, "max": maximum, "score": None if spin.value() <= UNSCORED else spin.value()}
                 for name, maximum, spin in self.spins]
        return items if any(item["score"] is not None for item in items) else []
