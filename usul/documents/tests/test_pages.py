"""The register page as each role sees it, its buttons, and the files it hands out."""

from __future__ import annotations

import pytest
from django.urls import reverse

from usul.documents.models import DocumentVersion

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, scene, *extra):
    return reverse(name, args=[scene.school.key, scene.stem.key, scene.ours.year.key, *extra])


def generate(client, scene, doc="DOC-12", **data):
    page = client.get(url("documents:register", scene)).content.decode()
    import re

    tokens = re.findall(r'name="once" value="([^"]+)"', page)
    payload = {"language": "ky", "format": "pdf", "once": tokens[0] if tokens else ""}
    payload.update(data)
    return client.post(url("documents:generate", scene, doc), payload)


def test_the_head_generates_and_regenerates_and_the_page_shows_every_version(documented, as_user):
    client = as_user("head")
    page = client.get(url("documents:register", documented))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-type="DOC-1" data-status="order"' in html
    assert 'data-type="DOC-12" data-status="missing"' in html
    assert "Түзүү" in html and "Кол коюлган сканды жүктөө" in html
    response = generate(client, documented)
    assert response.status_code == 302 and response.url.endswith("#DOC-12")
    generate(client, documented, language="ru", format="docx")
    html = client.get(url("documents:register", documented)).content.decode()
    assert 'data-type="DOC-12" data-status="generated"' in html
    assert "Кайра түзүү" in html
    assert "Мурунку версиялар: 1" in html
    assert DocumentVersion.objects.filter(entry__type="DOC-12").count() == 2


def test_the_same_form_sent_twice_makes_one_version(documented, as_user):
    client = as_user("head")
    page = client.get(url("documents:register", documented)).content.decode()
    import re

    token = re.findall(r'name="once" value="([^"]+)"', page)[0]
    data = {"language": "ky", "format": "pdf", "once": token}
    first = client.post(url("documents:generate", documented, "DOC-3"), data)
    second = client.post(url("documents:generate", documented, "DOC-3"), data)
    assert first.status_code == second.status_code == 302
    assert DocumentVersion.objects.filter(entry__type="DOC-3").count() == 1


def test_a_refusal_is_shown_on_the_page_in_the_users_language(documented, as_user):
    from usul.planning.models import WorkPlan

    WorkPlan.objects.filter(association=documented.stem).delete()
    client = as_user("head")
    response = generate(client, documented, doc="DOC-7")
    assert response.status_code == 400
    assert "иш планы катталган эмес" in response.content.decode()


def test_the_signed_scan_is_uploaded_and_served_only_as_an_attachment(documented, as_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = as_user("head")
    response = client.post(
        url("documents:upload", documented, "DOC-12"),
        {"kind": "signed_scan", "file": SimpleUploadedFile("scan.pdf", PDF)},
    )
    assert response.status_code == 302
    html = client.get(url("documents:register", documented)).content.decode()
    assert 'data-type="DOC-12" data-status="signed_scan"' in html
    download = client.get(url("documents:file", documented, "DOC-12", 1))
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_an_html_file_named_pdf_is_refused_with_the_reason(documented, as_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = as_user("head")
    response = client.post(
        url("documents:upload", documented, "DOC-12"),
        {"kind": "signed_scan", "file": SimpleUploadedFile("scan.pdf", b"<html>hi</html>")},
    )
    assert response.status_code == 400
    assert "PDF, JPEG, PNG" in response.content.decode()
    assert not DocumentVersion.objects.exists()


@pytest.mark.parametrize(
    ("role", "allowed"), [("teacher", False), ("head", True), ("deputy", True)]
)
def test_the_data_bank_is_handed_only_to_who_reads_personal_data(
    documented, as_user, role, allowed
):
    generate(as_user("head"), documented, doc="DOC-9")
    generate(as_user("head"), documented, doc="DOC-10")
    client = as_user(role)
    html = client.get(url("documents:register", documented)).content.decode()
    assert "Түзүү" not in html if role == "teacher" else "Түзүү" in html
    bank = client.get(url("documents:file", documented, "DOC-9", 1))
    assert bank.status_code == (200 if allowed else 403)
    # Self-development topics are not personal data: every colleague downloads them.
    assert client.get(url("documents:file", documented, "DOC-10", 1)).status_code == 200


def test_another_school_finds_neither_the_register_nor_its_files(documented, as_user):
    generate(as_user("head"), documented, doc="DOC-10")
    client = as_user("outsider")
    assert client.get(url("documents:register", documented)).status_code == 404
    assert client.get(url("documents:file", documented, "DOC-10", 1)).status_code == 404


def test_the_ma_page_links_to_its_register(documented, as_user):
    html = (
        as_user("teacher")
        .get(reverse("associations:detail", args=[documented.school.key, documented.stem.key]))
        .content.decode()
    )
    assert url("documents:register", documented) in html


def test_a_school_template_overrides_the_default_and_is_versioned(documented, as_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from usul.documents.tests.conftest import pdf_text

    client = as_user("director")
    own = (
        '{% extends "base.html" %}{% block sections %}<p>Биздин мектептин өз тексти: '
        "{{ association }}</p>{% endblock %}"
    )
    response = client.post(
        reverse("documents:templates", args=[documented.school.key]),
        {"type": "DOC-3", "format": "html", "file": SimpleUploadedFile("DOC-3.html", own.encode())},
    )
    assert response.status_code == 302
    response = generate(client, documented, doc="DOC-3")
    version = DocumentVersion.objects.get(entry__type="DOC-3")
    assert version.template.number == 1
    import pathlib
    import tempfile

    text = pdf_text(version.file.read(), pathlib.Path(tempfile.mkdtemp()))
    assert "Биздин мектептин өз тексти: Табигый-математикалык цикл" in text
    # A misspelt field is refused with its name and line; the template in force stays v1.
    bad = '{% extends "base.html" %}\n{% block sections %}\n<p>{{ asociation }}</p>\n{% endblock %}'
    response = client.post(
        reverse("documents:templates", args=[documented.school.key]),
        {"type": "DOC-3", "format": "html", "file": SimpleUploadedFile("x.html", bad.encode())},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "asociation" in html and "3-сапта" in html
    from usul.documents.models import DocumentTemplate

    assert list(DocumentTemplate.objects.values_list("number", flat=True)) == [1]
