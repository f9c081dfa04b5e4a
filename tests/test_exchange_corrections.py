"""Deleting or restoring a record of an accepted (已接收) period is a 更正: a reason, the audit log, the next package."""

import datetime as dt

import openpyxl
import pytest

from bangfu_desktop.core import record_ops, records
from bangfu_desktop.core.exchange import bureau, importer, receipts, rounds
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.core.exchange.workbook import write_consolidated
from bangfu_desktop.core.models import Activity, AuditLog

from exchange_helpers import SCHOOLS, make_bureau, make_school, opened

YEARLY = "2026年度帮扶工作总结"


def _import(path):
    return importer.apply_import(importer.plan_import(path))


def accepted_school(tmp_path):
    """A school whose package for 2026 the bureau accepted, with the receipt imported: 2026 is locked."""
    school = make_school(tmp_path / "s" / "s.sqlite3", SCHOOLS[0])
    office = make_bureau(tmp_path / "j" / "j.sqlite3")
    with opened(office):
        rounds.define_round(YEARLY, "2026", dt.date(2026, 12, 5), ["活动台账"])
        rounds.write_notice(tmp_path / "notice.bfpkg")
    with opened(school):
        _import(tmp_path / "notice.bfpkg")
        manifest = export_package(tmp_path / "first.bfpkg", round_name=YEARLY, made_at=dt.datetime(2026, 12, 1, 9))
    with opened(office):
        _import(tmp_path / "first.bfpkg")
        receipts.review(manifest["package_id"], receipts.ACCEPTED)
        receipts.write_receipt(manifest["package_id"], tmp_path / "receipt.bfpkg")
    with opened(school):
        _import(tmp_path / "receipt.bfpkg")
    return school, office


@pytest.fixture
def locked(tmp_path):
    return accepted_school(tmp_path)


def _locked_and_free():
    inside = Activity.live().where(Activity.date.between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))).first()
    outside = Activity.live().where(Activity.date < dt.date(2026, 1, 1)).first()
    return inside, outside


def test_delete_without_reason_is_refused_and_nothing_moves(locked):
    """A multi-delete touching a 2026 activity: CorrectionRequired in Chinese, neither record moved."""
    school, _ = locked
    with opened(school):
        inside, outside = _locked_and_free()
        before = AuditLog.select().count()
        with pytest.raises(receipts.CorrectionRequired) as caught:
            record_ops.trash_many("activity", [outside.id, inside.id])
        assert "删除它属于“更正”" in str(caught.value) and YEARLY in str(caught.value)
        assert Activity.get_by_id(inside.id).deleted_at is None
        assert Activity.get_by_id(outside.id).deleted_at is None
        assert AuditLog.select().count() == before
        with pytest.raises(receipts.CorrectionRequired):
            records.trash(Activity.get_by_id(inside.id))  # the single delete too


def test_delete_with_reason_is_a_correction_in_the_audit_log(locked):
    """With a reason both move; the locked one is logged as 更正 (操作 删除, the reason), the other as 删除."""
    school, _ = locked
    with opened(school):
        inside, outside = _locked_and_free()
        moved = record_ops.trash_many("activity", [outside.id, inside.id], correction="重复录入")
        assert moved == [("activity", outside.id), ("activity", inside.id)]
        entries = {e.record_id: e for e in AuditLog.select().where(AuditLog.table == "activity")
                   .order_by(AuditLog.id.desc()).limit(2)}
        assert entries[inside.id].action == "更正"
        assert entries[inside.id].changes == {"操作": "删除", "更正原因": "重复录入"}
        assert entries[outside.id].action == "删除"


def test_restore_from_the_bin_needs_a_reason_too(locked):
    """Bringing a 2026 record back changes the accepted period as well: refused without a reason."""
    school, _ = locked
    with opened(school):
        inside, _ = _locked_and_free()
        record_ops.trash_many("activity", [inside.id], correction="重复录入")
        with pytest.raises(receipts.CorrectionRequired, match="恢复它属于“更正”"):
            record_ops.restore_many([("activity", inside.id)])
        assert Activity.get_by_id(inside.id).deleted_at is not None
        record_ops.restore_many([("activity", inside.id)], correction="误删")
        assert Activity.get_by_id(inside.id).deleted_at is None
        last = AuditLog.select().order_by(AuditLog.id.desc()).first()
        assert (last.action, last.changes) == ("更正", {"操作": "恢复", "更正原因": "误删"})


def test_correcting_block_reaches_saves_made_through_record_ops(locked):
    """A form saves through record_ops; the reason given in a ``correcting`` block makes the edit a 更正."""
    school, _ = locked
    with opened(school):
        inside, _ = _locked_and_free()
        with pytest.raises(receipts.CorrectionRequired, match="修改它属于“更正”"):
            record_ops.save_record(Activity, inside.id, {"title": "改过的主题"})
        with records.correcting("主题笔误"):
            record_ops.save_record(Activity, inside.id, {"title": "改过的主题"})
        assert Activity.get_by_id(inside.id).title == "改过的主题"
        last = AuditLog.select().where(AuditLog.action == "更正").order_by(AuditLog.id.desc()).first()
        assert last.changes["更正原因"] == "主题笔误"


def test_deletion_travels_to_the_bureau(locked, tmp_path):
    """The next package carries the deletion: the bureau's copy goes to its bin, the 更正 names 删除 and the reason."""
    school, office = locked
    with opened(school):
        inside, _ = _locked_and_free()
        record_ops.trash_many("activity", [inside.id], correction="重复录入")
        export_package(tmp_path / "again.bfpkg", round_name=YEARLY, made_at=dt.datetime(2026, 12, 12, 8))
    with opened(office):
        assert Activity.get(Activity.uuid == inside.uuid).deleted_at is None
        _import(tmp_path / "again.bfpkg")
        assert Activity.get(Activity.uuid == inside.uuid).deleted_at is not None
        row = next(s for s in bureau.bureau_status().schools if s.name == SCHOOLS[0])
        assert [(c["operation"], c["reason"], c["uuid"]) for c in row.corrections] == [
            ("删除", "重复录入", inside.uuid)]
        write_consolidated(tmp_path / "汇总.xlsx", day=dt.date(2026, 12, 13))
    ws = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["更正记录"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [(r[1], r[3], r[5]) for r in rows] == [(SCHOOLS[0], "删除", "重复录入")]
    assert inside.title in rows[0][4]
