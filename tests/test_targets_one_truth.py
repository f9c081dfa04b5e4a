"""One truth: `bangfu targets`, the binder and the year report show the figures of targets.year_figures."""

from __future__ import annotations

import json
import re

from conftest import DEMO_TODAY, run_cli
from pypdf import PdfReader

from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
from bangfu_desktop.core.pdf.forms import fmt_number
from bangfu_desktop.core.targets import year_figures
from bangfu_desktop.core.terms import load_calendar
from bangfu_desktop.core.yearreport import build_year_report
from bangfu_desktop.core.yearreport.pdf import write_pdf_report


def test_same_figures_everywhere(demo_store, db_path, tmp_path):
    """Every target's actual value and every rule's done count agree across the CLI, binder and report."""
    everything = year_figures(None, today=DEMO_TODAY)
    result = run_cli("--db", str(db_path), "targets", "--json", "--today", DEMO_TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    cli = {t["target_id"]: (t["actual"], t["source"]) for t in json.loads(result.stdout)["targets"]}
    assert cli == {t.target_id: (t.actual, t.source_label) for t in everything.targets}

    year = year_figures(load_calendar().school_year(2025), today=DEMO_TODAY)
    report = build_year_report(2025, today=DEMO_TODAY)
    assert [(t.target_id, t.actual) for t in report.targets] == [(t.target_id, t.actual) for t in year.targets]
    assert [(r.rule_id, r.done) for r in report.rules] == [(r.rule_id, r.done) for r in year.rules]
    assert {t.target_id: t.actual for t in year.targets} == {t: cli[t][0] for t in (x.target_id for x in year.targets)}

    binder = tmp_path / "档案.pdf"
    export_archive(binder, ArchiveSelection(school_year=2025, kinds=("targets",)), today=DEMO_TODAY)
    write_pdf_report(report, tmp_path / "统计.pdf")
    texts = [re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))
             for path in (binder, tmp_path / "统计.pdf")]
    computed = [t for t in year.targets if t.computed]
    assert computed
    for target in computed:
        value = f"{fmt_number(target.actual)}{target.unit_label}"
        assert all(value in text for text in texts), (target.description, value)
    for rule in year.rules:
        assert re.search(re.escape(rule.name[:8]) + r".*?" + str(rule.done), texts[0]), rule.name
