"""A course's certificate scan goes through usul.lib.uploads: PDF, JPEG or PNG recognised by
content, anything else refused on the field with the reason; stored privately, downloaded as an
attachment only by whoever reads the person's courses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from usul.accounts.once import new_token
from usul.accounts.policy import viewer_for
from usul.lib.tests import hostile_files
from usul.people import services
from usul.people.models import Course

D = dt.date
TODAY = D(2026, 3, 10)
ADD = reverse("qualification:course_add", args=["sch-17", "t-bekova"])


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return Path(settings.MEDIA_ROOT)


def course_with(scene, data: bytes, name: str = "сертификат.pdf") -> Course:
    return services.course_add(
        actor=viewer_for(scene.users["teacher"], today=TODAY),
        staff=scene.teacher,
        title="Санариптик сабат",
        start=D(2025, 11, 3),
        end=D(2025, 11, 7),
        scan=SimpleUploadedFile(name, data),
    )


def test_a_pdf_jpeg_or_png_scan_is_stored_privately_under_a_random_name(scene, storage):
    for data, ending in (
        (hostile_files.pdf(), ".pdf"),
        (hostile_files.image("JPEG"), ".jpg"),
        (hostile_files.image("PNG"), ".png"),
    ):
        course = course_with(scene, data, name="Сертификат КР-0451" + ending)
        assert course.scan.name.startswith("certificate-scans/")
        assert course.scan.name.endswith(ending) and "0451" not in course.scan.name
        assert course.scan_name == "Сертификат КР-0451" + ending
        assert (storage / course.scan.name).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (hostile_files.PAGE, "сертификат.pdf"),  # a web page with a script, named as a PDF
        (hostile_files.docx(), "сертификат.docx"),  # a real DOCX: not a scan
        (b"", "бош.pdf"),
    ],
)
def test_anything_but_a_scan_is_refused_on_the_scan_field_and_nothing_is_recorded(
    scene, storage, data, name
):
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        course_with(scene, data, name)
    assert list(refused.value.message_dict) == ["scan"]
    assert not Course.objects.filter(staff=scene.teacher).exists()
    assert not storage.exists() or not any(storage.rglob("*.*"))


def test_the_page_names_a_refused_scan_and_the_form_reloads(as_user, scene):
    client = as_user("teacher")
    upload = SimpleUploadedFile("сертификат.pdf", hostile_files.PAGE, "application/pdf")
    sent = {
        "once": new_token(),
        "title": "Санариптик сабат",
        "start": "2025-11-03",
        "end": "2025-11-07",
        "scan": upload,
    }
    response = client.post(ADD, sent)
    assert response.status_code == 400
    assert response.context["course_form"].errors["scan"]
    assert not Course.objects.exists()
    assert client.get(ADD).status_code == 200


def test_the_scan_downloads_as_an_attachment_for_who_reads_the_courses_only(as_user, scene):
    course = course_with(scene, hostile_files.pdf())
    url = reverse("qualification:course_scan", args=["sch-17", "t-bekova", course.uuid])
    for role in ("teacher", "head", "deputy", "district"):
        response = as_user(role).get(url)
        assert response.status_code == 200, role
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    for role in ("colleague", "class_teacher", "outsider"):
        assert as_user(role).get(url).status_code == 404, role
    page = reverse("qualification:person", args=["sch-17", "t-bekova"])
    assert url in as_user("head").get(page).content.decode()


def test_a_corrected_course_takes_a_new_scan_and_keeps_the_old_in_its_history(scene, storage):
    course = course_with(scene, hostile_files.pdf())
    first = course.scan.name
    services.course_update(
        actor=viewer_for(scene.users["deputy"], today=TODAY),
        course=course,
        title=course.title,
        provider="",
        hours=None,
        start=course.start,
        end=course.end,
        certificate="",
        scan=SimpleUploadedFile("жаңы.png", hostile_files.image("PNG")),
    )
    course.refresh_from_db()
    assert course.scan.name != first and course.scan_name == "жаңы.png"
    assert (storage / first).exists()  # only a disposal act deletes files
    assert first in set(Course.history.filter(id=course.pk).values_list("scan", flat=True))


def test_the_course_form_says_which_scan_is_attached(as_user, scene):
    course = course_with(scene, hostile_files.pdf(), name="КР-0451.pdf")
    url = reverse("qualification:course_edit", args=["sch-17", "t-bekova", course.uuid])
    assert "КР-0451.pdf" in as_user("teacher").get(url).content.decode()
