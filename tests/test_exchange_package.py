"""The data package: written complete, checked completely, imported once, senders kept apart."""

import json
import zipfile

import pytest

from bangfu_desktop.core import records
from bangfu_desktop.core.exchange import importer
from bangfu_desktop.core.exchange.outgoing import export_package
from bangfu_desktop.core.exchange.package import PackageRefused, read_package, sha256
from bangfu_desktop.core.models import Activity, Attachment, ExchangePackage, Teacher, Unit

from exchange_helpers import SCHOOLS, content_digest, make_bureau, make_school, opened


@pytest.fixture
def two_schools_and_bureau(tmp_path):
    a = make_school(tmp_path / "a" / "a.sqlite3", SCHOOLS[0])
    b = make_school(tmp_path / "b" / "b.sqlite3", SCHOOLS[1])
    bureau = make_bureau(tmp_path / "j" / "j.sqlite3")
    return a, b, bureau


def test_manifest_names_sender_period_counts_and_checksums(tmp_path, two_schools_and_bureau):
    """The manifest says who sent what for which period, and every member's SHA-256 matches."""
    a, _, _ = two_schools_and_bureau
    dest = tmp_path / "out" / "a.bfpkg"
    with opened(a):
        self_uuid = Unit.live().where(Unit.is_self == True).get().uuid  # noqa: E712
        autumn = Activity.live().where(Activity.date.between("2025-09-01", "2026-01-31")).count()
        manifest = export_package(dest, year="2025-2026", semester=1)
    assert not list(dest.parent.glob("*.part"))
    assert manifest["sender"]["uuid"] == self_uuid and manifest["sender"]["name"] == SCHOOLS[0]
    assert manifest["period"]["start"] == "2025-09-01"
    assert manifest["counts"]["activity"] == autumn > 0
    with zipfile.ZipFile(dest) as zf:
        stored = json.loads(zf.read("manifest.json"))
        for name, digest in stored["members"].items():
            assert sha256(zf.read(name)) == digest
        dates = {r["fields"]["date"] for r in json.loads(zf.read("records/activity.json"))}
    assert all("2025-09-01" <= d <= "2026-01-31" for d in dates)


def test_import_keeps_senders_apart_and_second_import_changes_nothing(tmp_path, two_schools_and_bureau):
    """Two schools' 教师名册 arrive apart from the bureau's own and from each other; a repeat is a no-op."""
    a, b, bureau = two_schools_and_bureau
    packages = {}
    for path, name in ((a, "a"), (b, "b")):
        with opened(path):
            export_package(tmp_path / f"{name}.bfpkg")
            packages[name] = Unit.live().where(Unit.is_self == True).get().uuid  # noqa: E712
            teachers = Teacher.live().count()
    with opened(bureau):
        for name in ("a", "b"):
            plan = importer.plan_import(tmp_path / f"{name}.bfpkg")
            assert plan.count(importer.ADD) > 1000 and not plan.conflicts
            importer.apply_import(plan)
        assert Teacher.live().count() == 0  # the bureau's own roster is untouched
        assert Teacher.received(packages["a"]).count() == teachers
        assert Teacher.received(packages["b"]).count() == teachers
        assert not set(t.uuid for t in Teacher.received(packages["a"])) & set(
            t.uuid for t in Teacher.received(packages["b"]))
        before = content_digest()
        again = importer.plan_import(tmp_path / "a.bfpkg")
        assert again.already_imported
        assert importer.apply_import(again) is None
        assert content_digest() == before
        assert ExchangePackage.select().count() == 2


def test_a_new_package_of_changed_records_updates_them_never_duplicates(tmp_path, two_schools_and_bureau):
    """The same records arriving in a newer package update the received copies in place."""
    a, _, bureau = two_schools_and_bureau
    with opened(a):
        export_package(tmp_path / "1.bfpkg")
        teacher = Teacher.live().order_by(Teacher.id).first()
        teacher.phone = "13900000001"
        records.save(teacher)
        export_package(tmp_path / "2.bfpkg")
    with opened(bureau):
        importer.apply_import(importer.plan_import(tmp_path / "1.bfpkg"))
        count = Teacher.select().count()
        plan = importer.plan_import(tmp_path / "2.bfpkg")
        assert plan.count(importer.UPDATE) == 1 and plan.count(importer.ADD) == 0
        importer.apply_import(plan)
        assert Teacher.select().count() == count
        assert Teacher.get(Teacher.uuid == teacher.uuid).phone == "13900000001"


def test_attachments_travel_by_content_hash(tmp_path, two_schools_and_bureau):
    """An activity photo arrives in the receiver's attachment folder, byte for byte."""
    from bangfu_desktop.core.attachments import add_attachment, stored_path

    a, _, bureau = two_schools_and_bureau
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"\xff\xd8 sign-in sheet " * 100)
    with opened(a):
        activity = Activity.live().first()
        att = add_attachment(activity, photo)
        export_package(tmp_path / "a.bfpkg")
    with opened(bureau):
        importer.apply_import(importer.plan_import(tmp_path / "a.bfpkg"))
        received = Attachment.get(Attachment.uuid == att.uuid)
        assert Activity.get_by_id(received.owner_id).uuid == activity.uuid
        assert stored_path(received).read_bytes() == photo.read_bytes()


def _refused(bureau, package_path, match):
    with opened(bureau):
        before = content_digest()
        with pytest.raises(PackageRefused, match=match):
            importer.plan_import(package_path)
        assert content_digest() == before


def test_refusals_leave_the_receiver_unchanged(tmp_path, two_schools_and_bureau):
    """One byte flipped, cut in half, a tampered member, a newer schema, its own package: each refused."""
    a, _, bureau = two_schools_and_bureau
    good = tmp_path / "a.bfpkg"
    with opened(a):
        export_package(good)
    data = good.read_bytes()
    flipped = tmp_path / "flipped.bfpkg"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    _refused(bureau, flipped, "已损坏")
    half = tmp_path / "half.bfpkg"
    half.write_bytes(data[: len(data) // 2])
    _refused(bureau, half, "已损坏或不完整")

    def rewrite(dest, change_member=None, change_manifest=None):
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(dest, "w") as out:
            for name in src.namelist():
                body = src.read(name)
                if name == change_member:
                    rows = json.loads(body)
                    rows[0]["fields"]["name"] = "篡改"
                    body = json.dumps(rows).encode()
                if name == "manifest.json" and change_manifest:
                    manifest = json.loads(body)
                    change_manifest(manifest)
                    body = json.dumps(manifest).encode()
                out.writestr(name, body)

    tampered = tmp_path / "tampered.bfpkg"
    rewrite(tampered, change_member="records/teacher.json")
    _refused(bureau, tampered, "校验值不符")
    newer = tmp_path / "newer.bfpkg"
    rewrite(newer, change_manifest=lambda m: m.update(schema_version=99))
    _refused(bureau, newer, "更新版本")
    with opened(a):
        before = content_digest()
        with pytest.raises(PackageRefused, match="本数据库自己制作"):
            importer.plan_import(good)
        assert content_digest() == before
    assert read_package(good).kind == "data"


def test_conflict_shows_both_versions_and_keeps_the_choice(tmp_path, two_schools_and_bureau):
    """A record edited at the school and at the bureau is a conflict; unresolved nothing is written."""
    a, _, bureau = two_schools_and_bureau
    with opened(a):
        export_package(tmp_path / "1.bfpkg")
        teacher = Teacher.live().order_by(Teacher.id).first()
        teacher.phone = "13900000002"
        records.save(teacher)
        export_package(tmp_path / "2.bfpkg")
    with opened(bureau):
        importer.apply_import(importer.plan_import(tmp_path / "1.bfpkg"))
        mine = Teacher.get(Teacher.uuid == teacher.uuid)
        mine.phone = "13700000003"
        records.save(mine)
        plan = importer.plan_import(tmp_path / "2.bfpkg")
        [conflict] = plan.conflicts
        assert conflict.differences() == {"phone": ("13700000003", "13900000002")}
        before = content_digest()
        with pytest.raises(importer.ConflictsUnresolved, match="双方都被修改过"):
            importer.apply_import(plan)
        assert content_digest() == before
        importer.apply_import(plan, choices={(conflict.table, conflict.uuid): "theirs"})
        assert Teacher.get(Teacher.uuid == teacher.uuid).phone == "13900000002"


def test_conflict_keep_mine(tmp_path, two_schools_and_bureau):
    """Choosing 'mine' keeps the receiver's edit; the next unchanged package is no conflict any more."""
    a, _, bureau = two_schools_and_bureau
    with opened(a):
        export_package(tmp_path / "1.bfpkg")
        teacher = Teacher.live().order_by(Teacher.id).first()
        teacher.phone = "13900000002"
        records.save(teacher)
        export_package(tmp_path / "2.bfpkg")
        export_package(tmp_path / "3.bfpkg")
    with opened(bureau):
        importer.apply_import(importer.plan_import(tmp_path / "1.bfpkg"))
        mine = Teacher.get(Teacher.uuid == teacher.uuid)
        mine.phone = "13700000003"
        records.save(mine)
        importer.apply_import(importer.plan_import(tmp_path / "2.bfpkg"), prefer="mine")
        assert Teacher.get(Teacher.uuid == teacher.uuid).phone == "13700000003"
        third = importer.plan_import(tmp_path / "3.bfpkg")
        assert not third.conflicts and third.count(importer.KEEP_MINE) == 1
