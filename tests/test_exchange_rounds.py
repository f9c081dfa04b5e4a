"""Three schools and one bureau: a round notice out, packages in, the grid, rates, workbook, receipts, 更正."""

import datetime as dt

import openpyxl
import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.exchange import bureau, importer, receipts, rounds
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.core.exchange.workbook import write_consolidated
from bangfu_desktop.core.models import Activity, AuditLog, Teacher

from exchange_helpers import MISSING_SCHOOL, SCHOOLS, make_bureau, make_school, opened

YEARLY = "2026年度帮扶工作总结"
SEMESTER = "2026-2027学年第一学期台账"


def _import(path):
    return importer.apply_import(importer.plan_import(path))


@pytest.fixture
def county(tmp_path):
    """The bureau's notice imported by three schools; each answers the yearly round its own way."""
    schools = [make_school(tmp_path / f"s{i}" / "s.sqlite3", name) for i, name in enumerate(SCHOOLS)]
    office = make_bureau(tmp_path / "bureau" / "j.sqlite3")
    notice = tmp_path / "notice.bfpkg"
    with opened(office):
        rounds.define_round(YEARLY, "2026", dt.date(2026, 12, 5), ["活动台账", "年度总结"])
        rounds.define_round(SEMESTER, "2026-2027-1", dt.date(2027, 1, 20), ["活动台账", "听课记录"])
        rounds.write_notice(notice)
    sent = {}
    answers = (  # on time, 4 days late, an explicit 零报告; 云岭中学 stays silent
        (dt.datetime(2026, 12, 1, 9, 30), False), (dt.datetime(2026, 12, 9, 16, 0), False),
        (dt.datetime(2026, 12, 3, 10, 0), True))
    for school, name, (made_at, zero) in zip(schools, SCHOOLS, answers):
        with opened(school):
            _import(notice)
            sent[name] = tmp_path / f"{name}.bfpkg"
            export_package(sent[name], round_name=YEARLY, zero=zero, made_at=made_at, today=dt.date(2026, 11, 22))
    with opened(office):
        for name in SCHOOLS:
            _import(sent[name])
    return {"schools": dict(zip(SCHOOLS, schools)), "bureau": office, "sent": sent, "tmp": tmp_path}


def test_school_sees_rounds_and_deadlines(county):
    """After the notice, a school lists both rounds with their due dates and what it sent."""
    with opened(county["schools"][SCHOOLS[0]]):
        seen = rounds.received_rounds(today=dt.date(2026, 11, 22))
    assert [(r.name, r.due_date, r.days_left) for r in seen] == [
        (YEARLY, dt.date(2026, 12, 5), 13), (SEMESTER, dt.date(2027, 1, 20), 59)]
    assert seen[0].sent == "已报送" and seen[1].sent == ""
    assert seen[0].issuer == "青松县教育局"


def test_grid_and_rates(county):
    """On time, 4 days late, 零报告, 未报送; reporting 3/4 and on-time 2/4 for the yearly round."""
    with opened(county["bureau"]):
        assert bureau.is_bureau()
        status = bureau.bureau_status()
    grid = {s.name: {r.name: s.cells[r.uuid].text() for r in status.rounds} for s in status.schools}
    assert grid[SCHOOLS[0]][YEARLY] == "按时报送"
    assert grid[SCHOOLS[1]][YEARLY] == "逾期报送（4天）"
    assert grid[SCHOOLS[2]][YEARLY] == "零报告"
    assert grid[MISSING_SCHOOL][YEARLY] == "未报送"
    assert all(row[SEMESTER] == "未报送" for row in grid.values())
    yearly, semester = status.rounds
    assert status.rates(yearly) == (0.75, 0.5)
    assert status.rates(semester) == (0.0, 0.0)
    first = next(s for s in status.schools if s.name == SCHOOLS[0])
    assert first.rules_total > 0 and first.targets
    as_json = status.as_dict()
    assert as_json["rounds"][0]["reporting_rate"] == 0.75


def test_consolidated_workbook_read_back(county):
    """The summary sheet shows the grid and rates; each reporting school has its own ledger sheets."""
    dest = county["tmp"] / "汇总.xlsx"
    with opened(county["schools"][SCHOOLS[0]]):
        teachers = Teacher.live().count()
        activities_2026 = Activity.live().where(Activity.date.year == 2026).count()
    with opened(county["bureau"]):
        write_consolidated(dest, day=dt.date(2026, 12, 10))
    wb = openpyxl.load_workbook(dest)
    summary = wb["汇总"]
    rows = {r[0]: r for r in summary.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["学校"][1:3] == (YEARLY, SEMESTER)
    assert rows[SCHOOLS[1]][1] == "逾期报送（4天）"
    assert rows[MISSING_SCHOOL][1] == "未报送"
    assert rows["报送率"][1] == "75%" and rows["及时率"][1] == "50%"
    roster = wb[f"{SCHOOLS[0]}-教师名册"]
    names = [r[1] for r in roster.iter_rows(min_row=4, values_only=True) if r[1]]
    assert len(names) == teachers
    ledger = wb[f"{SCHOOLS[0]}-活动台账"]
    assert sum(1 for r in ledger.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)) == activities_2026
    other = [r[1] for r in wb[f"{SCHOOLS[1]}-教师名册"].iter_rows(min_row=4, values_only=True) if r[1]]
    assert len(other) == teachers  # each school's roster on its own sheet, not mixed
    assert f"{MISSING_SCHOOL}-教师名册" not in wb.sheetnames


def test_receipt_locks_the_period_and_correction_travels(county):
    """已接收 comes back as a receipt; an edit in 2026 then needs a 更正 reason, which the next package carries."""
    tmp, office = county["tmp"], county["bureau"]
    school = county["schools"][SCHOOLS[0]]
    with opened(office):
        status = bureau.bureau_status()
        first = next(s for s in status.schools if s.name == SCHOOLS[0])
        package_id = first.cells[status.rounds[0].uuid].package_uuid
        receipts.review(package_id, receipts.ACCEPTED)
        receipts.write_receipt(package_id, tmp / "receipt.bfpkg")
        late = next(s for s in status.schools if s.name == SCHOOLS[1])
        receipts.review(late.cells[status.rounds[0].uuid].package_uuid, receipts.RETURNED, "缺少活动签到表")
        assert bureau.bureau_status().schools[[s.name for s in status.schools].index(SCHOOLS[1])] \
            .cells[status.rounds[0].uuid].status == "退回"
    with opened(school):
        _import(tmp / "receipt.bfpkg")
        assert rounds.received_rounds()[0].sent == "已接收"
        activity = Activity.live().where(Activity.date.year == 2026).first()
        activity.title = activity.title + "（补正）"
        with pytest.raises(receipts.CorrectionRequired, match="更正原因"):
            records.save(activity)
        assert Activity.get_by_id(activity.id).title != activity.title
        records.save(activity, correction="主题笔误")
        entry = AuditLog.select().order_by(AuditLog.id.desc()).first()
        assert entry.action == "更正" and entry.changes["更正原因"] == "主题笔误"
        undated = Teacher.live().first()
        undated.phone = "13600000009"
        records.save(undated)  # a roster change outside any dated period is not locked
        export_package(tmp / "again.bfpkg", round_name=YEARLY, made_at=dt.datetime(2026, 12, 12, 8, 0))
    with opened(office):
        plan = importer.plan_import(tmp / "again.bfpkg")
        assert plan.count(importer.UPDATE) == 2
        importer.apply_import(plan)
        row = next(s for s in bureau.bureau_status().schools if s.name == SCHOOLS[0])
        assert [(c["reason"], c["uuid"]) for c in row.corrections] == [("主题笔误", activity.uuid)]
        assert Activity.get(Activity.uuid == activity.uuid).title.endswith("（补正）")


def test_overview_data_lists_rounds(county):
    """概览's data names each round received from the bureau with its deadline."""
    from bangfu_desktop.core.overview import dashboard

    with opened(county["schools"][SCHOOLS[2]]):
        board = dashboard(today=dt.date(2026, 11, 22)).as_dict()
    assert [(r["name"], r["due_date"], r["sent"]) for r in board["rounds"]] == [
        (YEARLY, "2026-12-05", "零报告"), (SEMESTER, "2027-01-20", "")]


def test_locked_delete_and_restore_on_both_backends(store):
    """On SQLite and PostgreSQL: a delete in an accepted period needs a reason; the 更正 is logged as JSON."""
    from bangfu_desktop.core import record_ops
    from bangfu_desktop.core.models import ExchangePackage, ExchangeRound, Unit

    records.save(Unit(name="青松县第一职业中学", is_self=True))
    round_ = ExchangeRound.create(origin="bureau-uuid", name=YEARLY, period_label="2026年度",
                                  start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31),
                                  due_date=dt.date(2026, 12, 5))
    ExchangePackage.create(uuid="pkg-1", direction="out", kind="data", round_uuid=round_.uuid,
                           status=receipts.ACCEPTED)
    inside = records.save(Activity(type="座谈会", title="期内", date=dt.date(2026, 3, 1)))
    outside = records.save(Activity(type="座谈会", title="期外", date=dt.date(2025, 3, 1)))
    with pytest.raises(receipts.CorrectionRequired, match="删除它属于“更正”"):
        record_ops.trash_many("activity", [outside.id, inside.id])
    assert Activity.live().count() == 2
    record_ops.trash_many("activity", [outside.id, inside.id], correction="重复录入")
    assert Activity.live().count() == 0
    entry = AuditLog.get((AuditLog.record_id == inside.id) & (AuditLog.action == "更正"))
    assert entry.changes == {"操作": "删除", "更正原因": "重复录入"}
    with pytest.raises(receipts.CorrectionRequired, match="恢复它属于“更正”"):
        record_ops.restore_many([("activity", inside.id)])
    record_ops.restore_many([("activity", outside.id)])  # outside the period: no reason needed
    assert [a.title for a in Activity.live()] == ["期外"]
