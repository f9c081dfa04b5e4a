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


def test_overview_targets_follow_the_school_year_at_its_edge(store):
    """概览 shows the targets of today's 学年, as the year report does: the 2016 plan's 2017 targets
    are gone in 2026, and a 2025 target leaves on the first day of 2026-2027."""
    import datetime as dt

    from bangfu_desktop.core import records
    from bangfu_desktop.core.models import Plan, Target
    from bangfu_desktop.core.overview import dashboard

    old = records.save(Plan(title="山东省教育厅关于开展中小学校结对帮扶工作的通知", issued_on=dt.date(2016, 5, 3),
                            period_start=2016, period_end=2020))
    records.save(Target(plan=old, stage_year=2017, description="派出干部", kind="manual", target_value=2))
    new = records.save(Plan(title="组团式帮扶实施方案", issued_on=dt.date(2022, 12, 31), period_start=2022,
                            period_end=2026))
    t2025 = records.save(Target(plan=new, stage_year=2025, description="县级骨干教师", kind="manual",
                                target_value=40, actual_value=30))
    t2026 = records.save(Target(plan=new, stage_year=2026, description="市级骨干教师", kind="manual",
                                target_value=10, actual_value=3))

    def shown(day, year=None):
        return [t.target_id for t in dashboard(day, target_year=year).targets]

    last_day, first_day = dt.date(2026, 8, 31), dt.date(2026, 9, 1)
    assert shown(last_day) == [t2025.id, t2026.id]  # 2025-2026学年
    assert shown(first_day) == [t2026.id]  # 2026-2027学年: the 2025 target ended before it
    assert dashboard(first_day).target_year.label == "2026-2027学年"
    assert shown(first_day, 2025) == [t2025.id, t2026.id]  # a semester of last year chosen
    for day in (last_day, first_day):
        report = build_year_report(None, today=day)
        assert [(t.target_id, t.actual, t.status) for t in dashboard(day).targets] == \
            [(t.target_id, t.actual, t.status) for t in report.targets]
    assert old.id not in {t.plan_id for t in dashboard(dt.date(2026, 12, 2)).targets}
