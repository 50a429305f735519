"""The roster upload goes through the one check of every upload (``usul.lib.uploads.check``,
XLSX only): every hostile file of the corpus is refused on the page with the check's own
reason, in the reader's language, and nothing waits for confirmation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from usul.lib import uploads
from usul.lib.tests import hostile_files
from usul.testing import factories as f

pytestmark = pytest.mark.django_db

UPLOAD = "/roster/sch-17/"
LIMIT = 256 * 1024
CORPUS = hostile_files.corpus(LIMIT)


@pytest.fixture(autouse=True)
def home(settings, tmp_path):
    settings.USUL_HOME = tmp_path
    settings.USUL_MAX_UPLOAD_BYTES = LIMIT
    return tmp_path


@pytest.fixture
def deputy_client(client, deputy):
    client.force_login(f.make_user(deputy, username="deputy", language="ky"))
    return client


def _reason(sample) -> str:
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        uploads.check(
            SimpleUploadedFile(sample.filename, sample.data), accept=frozenset({uploads.XLSX})
        )
    return refused.value.messages[0]


@pytest.mark.parametrize("sample", CORPUS, ids=[x.label for x in CORPUS])
def test_no_hostile_file_is_taken_as_a_roster(deputy_client, home, sample):
    file = SimpleUploadedFile(sample.filename, sample.data, sample.content_type)
    page = deputy_client.post(UPLOAD, {"roster": file})
    assert page.status_code == 400
    assert escape(_reason(sample).split("»", 1)[1]) in page.content.decode()
    waiting = home / "files" / "roster"
    assert not waiting.exists() or not any(waiting.iterdir())


def test_a_word_document_named_xlsx_is_told_it_is_a_docx(deputy_client):
    docx = hostile_files.docx()
    page = deputy_client.post(UPLOAD, {"roster": SimpleUploadedFile("roster.xlsx", docx)})
    assert page.status_code == 400
    assert "DOCX" in page.content.decode() and "XLSX" in page.content.decode()
