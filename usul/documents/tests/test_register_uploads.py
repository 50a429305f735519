"""The register's "upload signed scan" goes through the one check of every upload
(``usul.lib.uploads.check``): every hostile file of the corpus is refused with the check's own
reason and nothing is stored; a signed scan is a PDF, JPEG or PNG, a file made elsewhere may
also be a DOCX."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from usul.accounts.once import new_token
from usul.documents import services
from usul.documents.models import DocumentEntry, DocumentVersion
from usul.lib import uploads
from usul.lib.tests import hostile_files

LIMIT = 256 * 1024
CORPUS = hostile_files.corpus(LIMIT)
HONEST = {s.label: s for s in hostile_files.honest()}


@pytest.fixture(autouse=True)
def limits(settings, tmp_path):
    settings.USUL_MAX_UPLOAD_BYTES = LIMIT
    settings.USUL_HOME = tmp_path


def upload(scene, sample, kind="uploaded"):
    return services.document_upload(
        actor=scene.viewer("head"),
        association=scene.stem,
        year=scene.ours.year,
        doc_type="DOC-12",
        file=SimpleUploadedFile(sample.filename, sample.data, sample.content_type),
        kind=kind,
    )


@pytest.mark.parametrize("sample", CORPUS, ids=[x.label for x in CORPUS])
def test_no_hostile_file_enters_the_register(module_scene, db, sample):
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        upload(module_scene, sample)
    with translation.override("ky"), pytest.raises(ValidationError) as checked:
        uploads.check(
            SimpleUploadedFile(sample.filename, sample.data), accept=services.UPLOAD_KINDS
        )
    assert refused.value.message_dict["file"] == checked.value.message_dict["file"]
    assert not DocumentVersion.objects.exists()
    assert not DocumentEntry.objects.filter(type="DOC-12").exists()


@pytest.mark.parametrize("label", ["pdf", "jpeg", "png"])
def test_a_signed_scan_is_a_pdf_or_an_image_recognised_by_content(module_scene, db, label):
    version = upload(module_scene, HONEST[label], kind="signed_scan")
    assert version.format == label and version.kind == "signed_scan"
    assert version.file.read() == HONEST[label].data


def test_a_docx_is_no_signed_scan_but_may_be_a_file_made_elsewhere(module_scene, db):
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        upload(module_scene, HONEST["docx"], kind="signed_scan")
    assert refused.value.error_dict["file"][0].code == "not_accepted"
    assert "DOCX" in refused.value.messages[0]
    assert upload(module_scene, HONEST["docx"]).format == "docx"


def test_a_spreadsheet_is_not_taken_into_the_register(module_scene, db):
    xlsx = next(s for s in hostile_files.honest() if s.filename.endswith(".xlsx"))
    with pytest.raises(ValidationError):
        upload(module_scene, xlsx)


@pytest.mark.parametrize("label", ["html named pdf", "pdf with javascript", "docx with macros"])
def test_the_page_shows_the_checks_reason_in_kyrgyz_and_stores_nothing(
    module_scene, db, client, label
):
    scene = module_scene
    sample = next((s for s in CORPUS if s.label == label), CORPUS[0])
    client.force_login(scene.users["head"])
    url = reverse(
        "documents:upload", args=[scene.school.key, scene.stem.key, scene.ours.year.key, "DOC-12"]
    )
    file = SimpleUploadedFile(sample.filename, sample.data, sample.content_type)
    response = client.post(url, {"kind": "uploaded", "file": file, "once": new_token()})
    assert response.status_code == 400
    with translation.override("ky"), pytest.raises(ValidationError) as checked:
        uploads.check(
            SimpleUploadedFile(sample.filename, sample.data), accept=services.UPLOAD_KINDS
        )
    assert escape(checked.value.messages[0].split("»", 1)[1]) in response.content.decode()
    assert not DocumentVersion.objects.exists()
