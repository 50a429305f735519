"""The calendar-thematic plan's import: a CSV table is read as text; anything else goes
through the one check of every upload (``usul.lib.uploads.check``, XLSX only), so every
hostile file of the corpus is refused with the check's own reason and nothing is imported."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from usul.lib import uploads
from usul.lib.tests import hostile_files

LIMIT = 256 * 1024
# Text files named .csv are CSV tables, read as text (and refused by their columns).
CORPUS = [s for s in hostile_files.corpus(LIMIT) if not s.filename.lower().endswith(".csv")]


@pytest.fixture(autouse=True)
def limit(settings):
    settings.USUL_MAX_UPLOAD_BYTES = LIMIT


def _url(scene):
    plan = scene.ours.thematic_plan
    return reverse(
        "thematic:import",
        args=[
            scene.school.key,
            scene.teacher.key,
            plan.year.key,
            plan.subject.key,
            plan.grade,
            plan.kind,
        ],
    )


@pytest.mark.parametrize("sample", CORPUS, ids=[x.label for x in CORPUS])
def test_no_hostile_file_is_imported_into_a_plan(module_scene, db, client, sample):
    scene = module_scene
    client.force_login(scene.users["teacher"])
    before = scene.ours.thematic_plan.items.count()
    file = SimpleUploadedFile(sample.filename, sample.data, sample.content_type)
    response = client.post(_url(scene), {"file": file})
    assert response.status_code == 400
    text = response.content.decode()
    # (The multipart parser drops what follows a line break in a file name.)
    received = re.split(r"[\r\n]", sample.filename)[0]
    if "." not in received:
        assert 'role="alert"' in text or "errorlist" in text  # read as a CSV table, refused
    else:
        with translation.override("ky"), pytest.raises(ValidationError) as refused:
            uploads.check(
                SimpleUploadedFile(received, sample.data), accept=frozenset({uploads.XLSX})
            )
        assert escape(refused.value.messages[0].split("»", 1)[1]) in text
    assert scene.ours.thematic_plan.items.count() == before


def test_a_csv_table_is_still_imported_as_text(module_scene, db, client):
    scene = module_scene
    client.force_login(scene.users["teacher"])
    data = "№;Темасы;Саат\n2;Күч жана кыймыл;1\n".encode()
    response = client.post(_url(scene), {"file": SimpleUploadedFile("ktp.csv", data)})
    assert response.status_code == 302
    assert scene.ours.thematic_plan.items.filter(topic="Күч жана кыймыл").exists()
