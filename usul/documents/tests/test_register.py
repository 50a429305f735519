"""The register of an MA's year: statuses after generating, regenerating and uploading; the
orders recorded in Usul as DOC-1 and DOC-2; and the compliance rule DOCS counting exactly what
the register shows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from usul.accounts.policy import viewer_for
from usul.compliance.services import build_report
from usul.documents.models import DocumentEntry, DocumentLocation
from usul.documents.register import present_types
from usul.documents.selectors import association_with_register, register_of
from usul.documents.services import document_generate, document_upload
from usul.documents.tests.conftest import AS_OF

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def statuses(scene, viewer=None):
    viewer = viewer or viewer_for(scene.users["head"], AS_OF)
    association = association_with_register(viewer, scene.school, scene.stem.key)
    return {row.type: row for row in register_of(viewer, association, scene.ours.year)}


def docs_findings(scene):
    report = build_report(school=scene.school, year=scene.ours.year, as_of=AS_OF)
    return {f.detail["document"] for f in report.findings_of(scene.stem) if f.rule == "DOCS"}


def test_the_orders_recorded_in_usul_are_doc_1_and_doc_2_without_typing_them_again(documented):
    rows = statuses(documented)
    assert rows["DOC-1"].status == "order"
    assert rows["DOC-1"].order.pk == documented.stem.created_by_id
    assert rows["DOC-2"].status == "order"
    assert {t for t, r in rows.items() if r.status == "missing"} == {
        f"DOC-{n}" for n in range(3, 13)
    }
    # The check counts what the register shows: DOC-1 and DOC-2 are there, the rest missing.
    assert docs_findings(documented) == {f"DOC-{n}" for n in range(3, 13)}


def test_generate_regenerate_and_upload_keep_every_version_with_who_and_when(documented):
    scene = documented
    head = viewer_for(scene.users["head"], AS_OF)
    first = document_generate(
        actor=head, association=scene.stem, year=scene.ours.year, doc_type="DOC-12"
    )
    assert (first.number, first.kind, first.language, first.format) == (1, "generated", "ky", "pdf")
    assert first.made_by == scene.users["head"]
    assert first.file.read().startswith(b"%PDF-")
    second = document_generate(
        actor=head,
        association=scene.stem,
        year=scene.ours.year,
        doc_type="DOC-12",
        language="ru",
        format="docx",
    )
    assert second.number == 2 and second.entry_id == first.entry_id
    row = statuses(scene)["DOC-12"]
    assert row.status == "generated"
    assert [v.number for v in row.versions] == [1, 2] and row.current.format == "docx"
    scan = document_upload(
        actor=head,
        association=scene.stem,
        year=scene.ours.year,
        doc_type="DOC-12",
        file=SimpleUploadedFile("протокол.pdf", PDF),
    )
    row = statuses(scene)["DOC-12"]
    assert row.status == "signed_scan" and row.current == scan and scan.number == 3
    assert [v.number for v in row.earlier] == [2, 1]
    assert "DOC-12" not in docs_findings(scene)
    # The files live under USUL_HOME, outside any folder served to the web.
    from django.conf import settings

    assert str(settings.USUL_HOME / "documents") in scan.file.path


def test_the_doc_1_entry_made_by_generating_names_its_order(documented):
    scene = documented
    version = document_generate(
        actor=viewer_for(scene.users["director"], AS_OF),
        association=scene.stem,
        year=scene.ours.year,
        doc_type="DOC-1",
    )
    assert version.entry.order_id == scene.stem.created_by_id
    assert version.entry.date == dt.date(2025, 8, 28)
    assert statuses(scene)["DOC-1"].status == "generated"


def test_a_refused_document_leaves_no_entry_and_says_why(documented):
    scene = documented
    with pytest.raises(ValidationError) as refused:
        document_generate(
            actor=viewer_for(scene.users["director"], AS_OF),
            association=scene.lang,
            year=scene.ours.year,
            doc_type="DOC-12",
        )
    assert "отурум өткөргөн жок" in refused.value.message_dict["type"][0]
    assert not DocumentEntry.objects.filter(association=scene.lang).exists()


def test_a_teacher_may_not_generate_and_another_school_does_not_find_the_register(documented):
    scene = documented
    with pytest.raises(PermissionDenied):
        document_generate(
            actor=viewer_for(scene.users["teacher"], AS_OF),
            association=scene.stem,
            year=scene.ours.year,
            doc_type="DOC-3",
        )
    from django.http import Http404

    with pytest.raises(Http404):
        association_with_register(
            viewer_for(scene.users["outsider"], AS_OF), scene.school, scene.stem.key
        )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", b"<html><script>alert(1)</script></html>", "PDF, JPEG, PNG"),
        ("scan.pdf", b"", "бош"),
        ("scan.png", b"GIF89a....", "PDF, JPEG, PNG"),
    ],
)
def test_an_upload_whose_content_is_not_a_scan_is_refused(documented, name, content, message):
    scene = documented
    with pytest.raises(ValidationError) as refused:
        document_upload(
            actor=viewer_for(scene.users["head"], AS_OF),
            association=scene.stem,
            year=scene.ours.year,
            doc_type="DOC-3",
            file=SimpleUploadedFile(name, content),
        )
    assert message in " ".join(refused.value.message_dict["file"])
    assert statuses(scene)["DOC-3"].status == "missing"


def test_an_archived_entry_is_read_only(documented):
    scene = documented
    head = viewer_for(scene.users["head"], AS_OF)
    version = document_generate(
        actor=head, association=scene.stem, year=scene.ours.year, doc_type="DOC-3"
    )
    DocumentEntry.objects.filter(pk=version.entry_id).update(location=DocumentLocation.ARCHIVE)
    with pytest.raises(ValidationError) as refused:
        document_generate(
            actor=head, association=scene.stem, year=scene.ours.year, doc_type="DOC-3"
        )
    assert "архивде" in refused.value.message_dict["type"][0]


def test_a_disposed_entry_does_not_count_and_a_standing_one_of_an_earlier_year_does(documented):
    scene = documented
    earlier = scene.school.years.get(key="2024-2025")
    DocumentEntry.objects.create(
        school=scene.school, association=scene.stem, key="old-doc-3", year=earlier, type="DOC-3"
    )
    DocumentEntry.objects.create(
        school=scene.school,
        association=scene.stem,
        key="gone-doc-9",
        year=scene.ours.year,
        type="DOC-9",
        location=DocumentLocation.DISPOSED,
    )
    rows = statuses(scene)
    assert rows["DOC-3"].status == "registered" and rows["DOC-3"].from_year == earlier
    assert rows["DOC-9"].status == "missing"
    stem = association_with_register(
        viewer_for(scene.users["head"], AS_OF), scene.school, scene.stem.key
    )
    assert present_types(stem, scene.ours.year) == {"DOC-1", "DOC-2", "DOC-3"}
    assert docs_findings(scene) == {f"DOC-{n}" for n in range(4, 13)}
