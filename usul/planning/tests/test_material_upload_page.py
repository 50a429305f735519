"""The plan item's material upload, through the real page: every hostile file of the corpus is
refused with its reason in Kyrgyz and nothing stored; honest files are attached, stored
privately and downloaded as attachments that no browser sniffs, by those who may see them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from usul.accounts.once import new_token
from usul.lib import uploads
from usul.lib.tests import hostile_files
from usul.planning import services as s
from usul.planning.models import PlanItemKind, PlanItemMaterial
from usul.planning.tests.conftest import act
from usul.testing import factories as f

LIMIT = 256 * 1024
CORPUS = hostile_files.corpus(LIMIT)


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.USUL_MAX_UPLOAD_BYTES = LIMIT
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def item(head, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Т", goal="М")
    return s.plan_item_add(
        actor=act(head),
        plan=plan,
        kind=PlanItemKind.SEMINAR,
        month="2025-10",
        title="Семинар",
        responsible=head,
    )


def item_url(item) -> str:
    ma, plan = item.plan.association, item.plan
    return reverse("planning:item_edit", args=[ma.school.key, ma.key, plan.year.key, item.uuid])


def attach(client, item, sample):
    upload = SimpleUploadedFile(sample.filename, sample.data, sample.content_type)
    form = {"form": "material", "once": new_token(), "title": "Материал", "file": upload}
    return client.post(item_url(item), form)


@pytest.fixture
def signed_in(client, head):
    act(head)
    client.force_login(head.user)
    return client


@pytest.mark.parametrize("sample", CORPUS, ids=[x.label for x in CORPUS])
def test_no_hostile_file_is_attached_and_none_breaks_the_page(signed_in, item, sample, storage):
    response = attach(signed_in, item, sample)
    assert response.status_code == 200
    page = response.content.decode()
    # The refusal the check gives, in Kyrgyz (the page's language), is on the page.
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        uploads.check(SimpleUploadedFile(sample.filename, sample.data))
    # (The name is as the server received it: the multipart parser drops what follows a
    # line break in a file name.)
    assert escape(refused.value.messages[0].split("»", 1)[1]) in page
    assert "«" in page
    assert not PlanItemMaterial.objects.exists()
    assert not storage.exists() or not any(p.is_file() for p in storage.rglob("*"))


def test_a_spoofed_pdf_is_refused_with_the_reason_in_kyrgyz(signed_in, item):
    response = attach(signed_in, item, hostile_files.Sample("x", "акт.pdf", hostile_files.PAGE))
    assert "мазмуну боюнча PDF, JPEG, PNG, DOCX же XLSX файлы эмес" in response.content.decode()


def test_a_file_past_the_limit_is_cut_off_while_it_streams(signed_in, item, storage):
    big = hostile_files.pdf(b"(" + b"x" * (3 * LIMIT) + b")")
    response = attach(signed_in, item, hostile_files.Sample("big", "чоң.pdf", big))
    assert response.status_code == 200
    assert "«чоң.pdf» файлы 1 МБдан чоң" in response.content.decode()
    assert not PlanItemMaterial.objects.exists()


def test_the_file_picker_offers_the_accepted_kinds(signed_in, item):
    page = signed_in.get(item_url(item)).content.decode()
    assert 'accept=".docx,.jpeg,.jpg,.pdf,.png,.xlsx"' in page


@pytest.mark.parametrize(
    "sample", hostile_files.honest(), ids=[x.label for x in hostile_files.honest()]
)
def test_honest_files_are_attached_and_downloaded_as_attachments(signed_in, item, sample, storage):
    response = attach(signed_in, item, sample)
    assert response.status_code == 302
    material = PlanItemMaterial.objects.get()
    assert (storage / material.file.name).read_bytes() == sample.data
    download = signed_in.get(item_url(item) + f"materials/{material.uuid}/")
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == sample.data


def test_another_schools_deputy_cannot_download_a_material(
    client, signed_in, item, outsider_school
):
    from usul.people.models import Role

    attach(signed_in, item, hostile_files.honest()[0])
    material = PlanItemMaterial.objects.get()
    stranger = f.make_staff(outsider_school, roles=(Role.DEPUTY_ACADEMIC,))
    client.logout()
    act(stranger)
    client.force_login(stranger.user)
    assert client.get(item_url(item) + f"materials/{material.uuid}/").status_code == 404
