"""指导记录 saved with attachments in one transaction, checked against the pairing's dates."""

import datetime as dt

import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.errors import InvalidInput
from bangfu_desktop.core.guidance import delete_guidance, guidance_counts, guidance_log, save_guidance
from bangfu_desktop.core.models import Attachment, AuditLog, Guidance, Pairing, Teacher

D = dt.date


@pytest.fixture
def pairing(store):
    mentor = records.save(Teacher(name="马师傅", is_helper=True))
    apprentice = records.save(Teacher(name="牛徒弟"))
    return records.save(Pairing(mentor=mentor, apprentice=apprentice, start_date=D(2024, 9, 1),
                                end_date=D(2025, 7, 10)))


def test_save_with_photo_edit_and_delete(pairing, tmp_path):
    """A record with a scan is stored and audited; editing removes the scan; delete goes to the recycle bin."""
    scan = tmp_path / "指导记录扫描.jpg"
    scan.write_bytes(b"\xff\xd8 scan")
    g = save_guidance(None, pairing.id, {"date": D(2024, 9, 12), "kind": "听课指导", "content": "听《分数的意义》",
                                         "reflection": "学会了提问设计"}, add_files=[scan])
    (row,) = guidance_log(pairing.id)
    assert (row.kind, row.reflection, row.attachments) == ("听课指导", "学会了提问设计", 1)
    assert guidance_counts() == {pairing.id: 1}
    attachment = Attachment.get(Attachment.owner_table == "guidance")
    save_guidance(g, pairing.id, {"date": D(2024, 9, 13), "kind": "评课", "content": "评课"},
                  remove_attachment_ids=[attachment.id])
    assert guidance_log(pairing.id)[0].attachments == 0
    assert [a.action for a in records.history(Guidance.get_by_id(g.id))] == ["新增", "修改"]
    assert delete_guidance([g.id]) == [("guidance", g.id)]
    assert guidance_counts() == {} and guidance_log(pairing.id) == []
    records.restore(Guidance.get_by_id(g.id))
    assert guidance_counts() == {pairing.id: 1}


def test_bad_values_and_a_missing_file_store_nothing(pairing, tmp_path):
    """A date before the pairing began is refused; a vanished attachment rolls the whole record back."""
    with pytest.raises(InvalidInput, match="早于结对开始日期"):
        save_guidance(None, pairing.id, {"date": D(2024, 8, 31), "kind": "评课", "content": "x"})
    with pytest.raises(InvalidInput, match="指导形式"):
        save_guidance(None, pairing.id, {"date": D(2024, 9, 2), "kind": "聊天", "content": "x"})
    before = AuditLog.select().count()
    with pytest.raises(InvalidInput, match="找不到文件"):
        save_guidance(None, pairing.id, {"date": D(2024, 9, 2), "kind": "评课", "content": "x"},
                      add_files=[tmp_path / "gone.jpg"])
    assert Guidance.select().count() == 0 and AuditLog.select().count() == before
