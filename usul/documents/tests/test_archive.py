"""The archive page: what is due for the archive and what may be disposed of, handing entries
over (read-only from then on), and who may do it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from usul.compliance.tests.builders import add_document
from usul.documents import services
from usul.documents.models import DocumentEntry
from usul.testing import factories as f

D = dt.date
TODAY = D(2026, 12, 3)


@pytest.fixture
def old(scene):
    """A year that ended in 2021: its resolutions are due for the archive, its data bank for
    disposal; this year's plan is kept at school."""
    year = f.make_year(scene.school, key="2020-2021", start=D(2020, 9, 1), end=D(2021, 5, 31))
    add_document(scene.stem, year, "DOC-12", key="d-res", title="Отурумдардын токтомдору")
    add_document(scene.stem, year, "DOC-9", key="d-bank")
    add_document(scene.stem, scene.ours.year, "DOC-7", key="d-now")
    return year


def archive_url(scene):
    return reverse("documents:archive", args=[scene.school.key])


def test_the_deputy_sees_both_lists_with_the_transfer_button(scene, old, as_user):
    response = as_user("deputy").get(archive_url(scene))
    html = response.content.decode()
    assert response.status_code == 200
    transfer, dispose = html.split('id="transfer"')[1].split('id="dispose"')
    assert 'data-entry="d-res"' in transfer and 'data-entry="d-bank"' not in transfer
    assert 'data-entry="d-bank"' in dispose and 'data-entry="d-res"' not in dispose
    assert "d-now" not in html
    assert 'name="entries" value="d-res" checked' in transfer
    assert "Архивге тапшыруу" in transfer


def test_a_teacher_reads_the_lists_but_is_offered_no_action(scene, old, as_user):
    html = as_user("teacher").get(archive_url(scene)).content.decode()
    assert 'data-entry="d-res"' in html
    assert (
        'method="post" action="' + reverse("documents:transfer", args=[scene.school.key])
        not in html
    )
    assert 'name="entries"' not in html


def test_the_page_computed_at_another_date_offers_no_transfer(scene, old, as_user):
    html = as_user("deputy").get(archive_url(scene) + "?as_of=2023-01-01").content.decode()
    assert 'data-entry="d-res"' not in html and 'data-entry="d-bank"' not in html
    assert 'name="entries"' not in html
    html = as_user("deputy").get(archive_url(scene) + "?as_of=не-дата").content.decode()
    assert "«не-дата»" in html or "“не-дата”" in html


def test_transfer_hands_the_chosen_entries_over_and_they_become_read_only(scene, old, as_user):
    client = as_user("deputy")
    response = client.post(
        reverse("documents:transfer", args=[scene.school.key]), {"entries": ["d-res"]}
    )
    assert response.status_code == 302 and response.url == archive_url(scene)
    entry = DocumentEntry.objects.get(key="d-res")
    assert entry.location == "archive"
    assert entry.history.first().history_user == scene.users["deputy"]
    # the same form sent twice changes nothing more
    again = client.post(
        reverse("documents:transfer", args=[scene.school.key]), {"entries": ["d-res"]}
    )
    assert again.status_code == 302
    assert DocumentEntry.objects.get(key="d-res").history.count() == entry.history.count()
    # read-only: the register's generate and upload refuse it, saying why
    viewer = scene.viewer("deputy")
    with pytest.raises(ValidationError, match="архивде"):
        with _language("ky"):
            services.document_generate(
                actor=viewer, association=scene.stem, year=old, doc_type="DOC-12"
            )
    from django.core.files.uploadedfile import SimpleUploadedFile

    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    with pytest.raises(ValidationError, match="архивде"):
        services.document_upload(
            actor=viewer, association=scene.stem, year=old, doc_type="DOC-12", file=scan
        )
    page = client.get(
        reverse("documents:register", args=[scene.school.key, scene.stem.key, old.key])
    ).content.decode()
    assert "data-archived" in page


def _language(code):
    from django.utils import translation

    return translation.override(code)


def test_sending_no_entry_shows_the_page_again_with_the_reason(scene, old, as_user):
    response = as_user("director").post(reverse("documents:transfer", args=[scene.school.key]), {})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert DocumentEntry.objects.get(key="d-res").location == "school"


def test_an_entry_not_due_is_refused_and_nothing_is_handed_over(scene, old):
    with pytest.raises(ValidationError):
        services.documents_transfer(
            actor=scene.viewer("deputy", TODAY), school=scene.school, keys=["d-res", "d-now"]
        )
    assert set(DocumentEntry.objects.values_list("location", flat=True)) == {"school"}


@pytest.mark.parametrize("role", ["teacher", "head", "outsider"])
def test_teachers_heads_and_another_schools_deputy_may_not_hand_over(scene, old, role):
    with pytest.raises(PermissionDenied):
        services.documents_transfer(
            actor=scene.viewer(role, TODAY), school=scene.school, keys=["d-res"]
        )
    assert DocumentEntry.objects.get(key="d-res").location == "school"


def test_the_retention_findings_link_to_the_archive_page(scene, old, as_user):
    from usul.compliance.findings import Finding
    from usul.compliance.links import fix_url

    finding = Finding(
        rule="RET-TRANSFER",
        clauses=("ORG-6",),
        severity="warning",
        subject_type="document",
        subject_key="d-res",
        detail={},
        as_of=TODAY,
        associations=(scene.stem.key,),
    )
    kwargs = {
        "school": scene.school,
        "year": scene.ours.year,
        "associations": {"ma-stem": scene.stem},
    }
    assert fix_url(finding, viewer=scene.viewer("deputy"), **kwargs) == archive_url(scene)
    assert fix_url(finding, viewer=scene.viewer("teacher"), **kwargs) == ""
