"""Disposal acts (ORG-6): a deputy proposes, only the director signs, and only the signature
disposes: the entries keep their register rows (``disposed``, the act's reference) and lose
their files. An act is kept forever."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.urls import reverse

from usul.compliance.tests.builders import add_document
from usul.documents import services
from usul.documents.models import DisposalAct, DocumentEntry, DocumentVersion
from usul.documents.tests.conftest import docx_text, pdf_fonts, pdf_text
from usul.testing import factories as f

D = dt.date
TODAY = D(2026, 12, 3)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def expired(scene, settings, tmp_path):
    """The data bank of 2020-2021 (kept until 31.05.2024) with a file, and this year's plan."""
    settings.USUL_HOME = tmp_path
    year = f.make_year(scene.school, key="2020-2021", start=D(2020, 9, 1), end=D(2021, 5, 31))
    bank = add_document(scene.stem, year, "DOC-9", key="d-bank", title="Маалымат банкы, Өмүр")
    add_document(scene.stem, scene.ours.year, "DOC-7", key="d-now")
    from django.core.files.base import ContentFile

    version = DocumentVersion(entry=bank, number=1, kind="uploaded", format="pdf", size=len(PDF))
    version.file.save("v1.pdf", ContentFile(PDF), save=False)
    version.save()
    return bank


def propose(scene, keys=("d-bank",), role="deputy"):
    return services.disposal_propose(
        actor=scene.viewer(role, TODAY), school=scene.school, keys=list(keys), note="Комиссия"
    )


def test_a_proposed_act_disposes_of_nothing(scene, expired):
    act = propose(scene)
    assert (act.number, act.reference, act.proposed_by) == (1, "1/2026", scene.deputy)
    assert not act.signed
    entry = DocumentEntry.objects.get(key="d-bank")
    version = entry.versions.get()
    assert entry.location == "school" and entry.disposal_act is None
    assert version.file and version.file.storage.exists(version.file.name)


def test_the_directors_signature_disposes_the_entry_keeps_its_row_and_deletes_the_file(
    scene, expired, django_capture_on_commit_callbacks
):
    act = propose(scene)
    stored = DocumentVersion.objects.get(entry__key="d-bank").file
    name, storage = stored.name, stored.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_sign(actor=scene.viewer("director", TODAY), act=act)
    act.refresh_from_db()
    assert (act.signed_by, act.signed_on) == (scene.director, TODAY)
    entry = DocumentEntry.objects.get(key="d-bank")
    assert entry.location == "disposed" and entry.disposal_act == act
    version = entry.versions.get()
    assert not version.file and version.sha256 == "" or not version.file
    assert not storage.exists(name)
    assert entry.history.first().history_user == scene.users["director"]
    assert version.history.first().history_user == scene.users["director"]
    # what was not in the act is untouched
    assert DocumentEntry.objects.get(key="d-now").location == "school"


def test_a_signed_act_is_not_signed_twice(scene, expired):
    act = propose(scene)
    services.disposal_sign(actor=scene.viewer("director", TODAY), act=act)
    with pytest.raises(ValidationError, match="1/2026"):
        services.disposal_sign(actor=scene.viewer("director", TODAY), act=act)


@pytest.mark.parametrize("role", ["deputy", "deputy_nmr", "head", "teacher", "admin", "outsider"])
def test_nobody_but_the_director_signs(scene, expired, role):
    act = propose(scene)
    with pytest.raises(PermissionDenied):
        services.disposal_sign(actor=scene.viewer(role, TODAY), act=act)
    assert DocumentEntry.objects.get(key="d-bank").location == "school"
    assert DocumentVersion.objects.get(entry__key="d-bank").file


@pytest.mark.parametrize("role", ["director", "head", "teacher", "admin", "outsider"])
def test_only_a_deputy_of_the_school_proposes(scene, expired, role):
    with pytest.raises(PermissionDenied):
        propose(scene, role=role)
    assert not DisposalAct.objects.exists()


def test_an_entry_whose_keeping_time_is_not_over_is_not_listed(scene, expired):
    with pytest.raises(ValidationError, match="DOC-7"):
        propose(scene, keys=("d-bank", "d-now"))
    assert not DisposalAct.objects.exists()


def test_on_the_last_day_of_keeping_the_entry_is_refused_and_the_day_after_listed(scene, expired):
    viewer = scene.viewer("deputy", D(2024, 5, 31))
    with pytest.raises(ValidationError):
        services.disposal_propose(actor=viewer, school=scene.school, keys=["d-bank"])
    viewer = scene.viewer("deputy", D(2024, 6, 1))
    act = services.disposal_propose(actor=viewer, school=scene.school, keys=["d-bank"])
    assert act.items.get().kept_until == D(2024, 5, 31)


def test_an_entry_waiting_in_one_act_is_not_listed_in_another(scene, expired):
    propose(scene)
    with pytest.raises(ValidationError, match="1/2026"):
        propose(scene)


def test_an_act_is_kept_forever(scene, expired):
    act = propose(scene)
    with pytest.raises(ProtectedError):
        act.delete()
    with pytest.raises(ProtectedError):
        act.items.get().delete()
    with pytest.raises(ProtectedError):
        DocumentEntry.objects.filter(key="d-bank").delete()
    assert DisposalAct.objects.filter(pk=act.pk).exists()


def test_the_act_as_pdf_and_docx_in_kyrgyz_and_russian(scene, expired, tmp_path):
    from usul.documents.act import make_act

    act = propose(scene)
    services.disposal_sign(actor=scene.viewer("director", TODAY), act=act)
    act.refresh_from_db()
    text = pdf_text(make_act(act, language="ky", format="pdf"), tmp_path)
    assert "Маалымат" in text and "Өмүр" in text and "2020-2021" in text
    assert "31.05.2024" in text and "1/2026" in text and "Токтогулов" in text
    assert "Бет 1 / 1" in text
    assert "DejaVu" in pdf_fonts(make_act(act, language="ky", format="pdf"), tmp_path)
    russian = pdf_text(make_act(act, language="ru", format="pdf"), tmp_path)
    assert "Акт" in russian and "Өмүр" in russian and "Страница 1 из 1" in russian
    words = docx_text(make_act(act, language="ru", format="docx"))
    assert "Маалымат банкы, Өмүр" in words and "1/2026" in words


def _token(html):
    return re.findall(r'name="once" value="([^"]+)"', html)[0]


def test_from_proposal_to_signature_on_the_pages(
    scene, expired, client, django_capture_on_commit_callbacks
):
    archive = reverse("documents:archive", args=[scene.school.key])
    client.force_login(scene.users["deputy"])
    html = client.get(archive).content.decode()
    assert 'name="entries" value="d-bank" checked' in html
    data = {"entries": ["d-bank"], "note": "", "once": _token(html)}
    response = client.post(reverse("documents:propose", args=[scene.school.key]), data)
    act = DisposalAct.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "documents:act", args=[scene.school.key, 1]
    )
    again = client.post(reverse("documents:propose", args=[scene.school.key]), data)
    assert again.status_code == 302 and DisposalAct.objects.count() == 1
    page = client.get(response.url).content.decode()
    assert "data-unsigned" in page and "documents/sch-17/archive/act-1/sign/" not in page
    assert client.get(reverse("documents:act_sign", args=[scene.school.key, 1])).status_code == 403
    client.force_login(scene.users["teacher"])
    page = client.get(response.url).content.decode()
    assert "data-unsigned" in page and "/sign/" not in page
    assert (
        client.get(
            reverse("documents:act_file", args=[scene.school.key, 1, "ky", "pdf"])
        ).status_code
        == 200
    )
    client.force_login(scene.users["director"])
    sign = reverse("documents:act_sign", args=[scene.school.key, 1])
    assert sign in client.get(response.url).content.decode()
    question = client.get(sign)
    assert question.status_code == 200 and 'method="post"' in question.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(sign)
    assert done.status_code == 302
    act.refresh_from_db()
    assert act.signed
    page = client.get(response.url).content.decode()
    assert "data-signed" in page
    html = client.get(archive).content.decode()
    assert 'id="disposed"' in html and "1/2026" in html.split('id="disposed"')[1]


def test_a_proposal_with_nothing_chosen_is_shown_again_with_the_reason(scene, expired, as_user):
    response = as_user("deputy").post(reverse("documents:propose", args=[scene.school.key]), {})
    assert response.status_code == 400
    assert "Жок дегенде бир документти тандаңыз." in response.content.decode()
    assert not DisposalAct.objects.exists()
