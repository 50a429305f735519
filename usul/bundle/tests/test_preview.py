"""What the preview says before an import: who and what changes, every deletion by its content,
and rows recorded after the bundle was exported kept unless the administrator ticks the box."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_import, bundle_preview
from usul.bundle.services.summary import FieldChange, RecordChange
from usul.bundle.tests.test_commands import run
from usul.bundle.tests.test_pages import UPLOAD, as_file
from usul.meetings.models import Meeting, Resolution

pytestmark = pytest.mark.django_db

ADMINISTRATOR = command_line_administrator()
# docs/examples/sch-17.json was exported at 2025-10-01T10:00:00Z.
EXPORTED = dt.datetime(2025, 10, 1, 10, tzinfo=dt.UTC)


@pytest.fixture
def imported(example):
    bundle_import(actor=ADMINISTRATOR, data=example)
    return example


def added_on_the_web(**fields) -> Resolution:
    """A resolution recorded on the web after the bundle was exported (created now)."""
    meeting = Meeting.objects.get(key="m-stem-2025-1")
    return Resolution.objects.create(meeting=meeting, number=3, text="Ачык сабак өткөрүлсүн")


def test_a_changed_person_is_named_with_each_field_old_and_new(imported):
    imported["staff"][2]["last_name"] = "Асанова-Бекова"
    imported["staff"][2]["birth_date"] = "1985-03-12"

    preview = bundle_preview(actor=ADMINISTRATOR, data=imported)

    [change] = preview.sections["staff"].changes
    assert change.owner == "t-asanova"
    assert change.record == "Асанова Айгүл Бакытовна"  # the name before the change
    assert FieldChange("last name", "Асанова", "Асанова-Бекова") in change.fields
    assert [f.field for f in change.fields] == ["last name", "birth date"]
    assert change.fields[1].new == "12.03.1985"


def test_a_row_the_bundle_no_longer_lists_is_named_by_its_content(imported):
    # A row older than the bundle: the bundle knew it and dropped it, so it goes.
    Resolution.objects.filter(number=2, meeting__key="m-stem-2025-1").update(
        created_at=EXPORTED - dt.timedelta(days=30)
    )
    del imported["associations"][0]["meetings"][1]["resolutions"][1]

    summary = bundle_import(actor=ADMINISTRATOR, data=imported)

    assert summary.sections["associations.meetings.resolutions"].deletions == [
        RecordChange("m-stem-2025-1", "2. Иш планы директордун орун басарына бекитүүгө берилсин")
    ]
    assert not Resolution.objects.filter(meeting__key="m-stem-2025-1", number=2).exists()


def test_a_row_added_after_the_export_is_kept_unless_the_deletion_is_ticked(imported):
    web = added_on_the_web()

    preview = bundle_preview(actor=ADMINISTRATOR, data=imported)
    assert preview.sections["associations.meetings.resolutions"].deleted == []
    assert preview.spared == [RecordChange("m-stem-2025-1", "3. Ачык сабак өткөрүлсүн")]

    kept = bundle_import(actor=ADMINISTRATOR, data=imported)
    assert Resolution.objects.filter(pk=web.pk).exists()
    assert kept.total("deleted") == 0

    ticked = bundle_import(actor=ADMINISTRATOR, data=imported, delete_newer=True)
    assert not Resolution.objects.filter(pk=web.pk).exists()
    assert ticked.sections["associations.meetings.resolutions"].deletions == [
        RecordChange("m-stem-2025-1", "3. Ачык сабак өткөрүлсүн")
    ]


def test_a_row_of_the_same_second_as_the_export_counts_as_known_to_the_bundle(imported):
    web = added_on_the_web()
    # The export stamps whole seconds: a row of that very second may be in the bundle.
    imported["exported_at"] = web.created_at.replace(microsecond=0).isoformat()
    assert bundle_preview(actor=ADMINISTRATOR, data=imported).spared == []

    imported["exported_at"] = (web.created_at - dt.timedelta(seconds=1)).isoformat()
    assert len(bundle_preview(actor=ADMINISTRATOR, data=imported).spared) == 1


def test_the_page_names_who_changes_and_asks_before_deleting_newer_rows(
    imported, client, settings, tmp_path
):
    settings.USUL_HOME = tmp_path
    client.force_login(User.objects.create(username="admin", is_administrator=True, language="en"))
    web = added_on_the_web()
    imported["staff"][2]["last_name"] = "Асанова-Бекова"

    def upload():
        return client.post(UPLOAD, {"bundle": as_file(imported)})

    preview = upload()
    assert "<strong>Асанова Айгүл Бакытовна</strong>" in preview.text
    assert "last name: Асанова → Асанова-Бекова" in preview.text
    assert "Recorded here after the bundle was exported: 1 row" in preview.text
    assert "3. Ачык сабак өткөрүлсүн" in preview.text
    assert 'name="delete_newer"' in preview.text

    token = preview.context["token"]
    client.post(UPLOAD, {"token": token, "confirm": "1"})
    assert Resolution.objects.filter(pk=web.pk).exists()  # not ticked: kept

    token = upload().context["token"]
    client.post(UPLOAD, {"token": token, "confirm": "1", "delete_newer": "1"})
    assert not Resolution.objects.filter(pk=web.pk).exists()


def test_usul_import_says_who_changes_and_keeps_newer_rows_unless_told(imported, tmp_path):
    web = added_on_the_web()
    imported["staff"][2]["last_name"] = "Асанова-Бекова"
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(imported, ensure_ascii=False), encoding="utf-8")

    status, out, _err = run("import_bundle", str(path), "--lang", "en")

    assert status == 0
    lines = out.splitlines()
    assert (
        "changed: Staff: Асанова Айгүл Бакытовна (t-asanova): last name: Асанова → "
        "Асанова-Бекова" in lines
    )
    assert (
        "kept, recorded here after the bundle was exported (--delete-newer deletes it): "
        "Resolutions (m-stem-2025-1): 3. Ачык сабак өткөрүлсүн"
    ) in lines
    assert Resolution.objects.filter(pk=web.pk).exists()

    status, out, _err = run("import_bundle", str(path), "--lang", "en", "--delete-newer")

    assert status == 0
    assert "deleted: Resolutions (m-stem-2025-1): 3. Ачык сабак өткөрүлсүн" in out.splitlines()
    assert not Resolution.objects.filter(pk=web.pk).exists()
