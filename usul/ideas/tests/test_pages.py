"""The bank's pages: the list with filters and search with marked snippets, the upload page
(a double submit makes one material), the head's evaluation and publication, the district's
page, and another school's material not found."""

from __future__ import annotations

import pytest
from django.urls import reverse

from usul.accounts.once import new_token
from usul.ideas.models import Material, MaterialStatus
from usul.ideas.tests.conftest import a_pdf, publish, upload

pytestmark = pytest.mark.django_db


def bank_url(scene, **query) -> str:
    from urllib.parse import urlencode

    return reverse("ideas:bank", args=[scene.school.key]) + (
        "?" + urlencode(query) if query else ""
    )


def keys(response) -> list[str]:
    return [row.material.key for row in response.context["found"]]


def test_the_bank_searches_a_kyrgyz_word_in_any_case_and_marks_it(scene, as_user):
    material = publish(
        scene, upload(scene, title="Сабактарды пландоо", description="Ар бир САБАКТЫН максаты")
    )
    response = as_user("stranger").get(bank_url(scene, q="САБАК"))
    assert keys(response) == [material.key]
    page = response.content.decode()
    assert "<mark>Сабактарды</mark>" in page and "<mark>САБАКТЫН</mark>" in page


def test_a_hostile_query_answers_a_page(scene, as_user):
    response = as_user("teacher").get(bank_url(scene, q='"сабак* NEAR -урок'))
    assert response.status_code == 200
    response = as_user("teacher").get(bank_url(scene, q='"*'))
    assert response.status_code == 200
    assert "only signs" in response.content.decode() or response.context["found"]


def test_html_in_a_title_is_shown_as_text(scene, as_user):
    publish(scene, upload(scene, title="<script>alert(1)</script> сабак"))
    page = as_user("teacher").get(bank_url(scene, q="сабак")).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_filters_narrow_the_list(scene, as_user):
    from usul.testing import factories as f

    physics = f.make_subject(scene.school, key="physics", name="Физика")
    seventh = upload(scene, title="А", kind="tests", grade_from=7, grade_to=9, subject=physics)
    any_grade = upload(scene, title="Б", kind="article")
    cast = scene.ours.idea.key  # the cast's own material, for any grade
    client = as_user("head")
    assert set(keys(client.get(bank_url(scene, grade=8)))) == {seventh.key, any_grade.key, cast}
    assert set(keys(client.get(bank_url(scene, grade=10)))) == {any_grade.key, cast}
    assert keys(client.get(bank_url(scene, kind="tests"))) == [seventh.key]
    assert keys(client.get(bank_url(scene, subject="physics"))) == [seventh.key]
    assert keys(client.get(bank_url(scene, ma="ma-lang"))) == []
    assert keys(client.get(bank_url(scene, status="submitted", kind="article"))) == [any_grade.key]
    # Unknown values are ignored, never an error.
    assert client.get(bank_url(scene, grade="x", kind="zzz")).status_code == 200


def test_a_plain_teacher_of_another_ma_sees_only_what_is_published(scene, as_user):
    sent = upload(scene, title="Жөнөтүлгөн")
    published = publish(scene, upload(scene, title="Жарыяланган"))
    assert keys(as_user("stranger").get(bank_url(scene))) == [published.key]
    response = as_user("stranger").get(reverse("ideas:material", args=[scene.school.key, sent.key]))
    assert response.status_code == 404


def test_upload_twice_with_one_form_makes_one_material(scene, as_user):
    client = as_user("teacher")
    url = reverse("ideas:upload", args=[scene.school.key])
    assert client.get(url).status_code == 200
    token = new_token()

    def post():
        return client.post(
            url,
            {
                "once": token,
                "title": "Бөлчөктөр",
                "kind": "lesson_plan",
                "association": "ma-stem",
                "subject": "",
                "grade_from": "5",
                "grade_to": "6",
                "tags": "бөлчөк",
                "description": "",
                "file": a_pdf(),
                "send": "1",
            },
        )

    first, second = post(), post()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    material = Material.objects.get(title="Бөлчөктөр")
    assert material.status == MaterialStatus.SUBMITTED and (
        material.grade_from,
        material.grade_to,
    ) == (5, 6)


def test_an_upload_with_an_error_is_shown_again_and_answers_a_reload(scene, as_user):
    client = as_user("teacher")
    url = reverse("ideas:upload", args=[scene.school.key])
    response = client.post(
        url,
        {
            "once": new_token(),
            "title": "",
            "kind": "lesson_plan",
            "association": "ma-stem",
            "file": a_pdf(),
        },
    )
    assert response.status_code == 400
    assert client.get(url).status_code == 200


def test_the_head_evaluates_on_the_page_and_the_deputy_publishes(scene, as_user):
    material = upload(scene, title="Бөлчөктөр")
    detail = reverse("ideas:material", args=[scene.school.key, material.key])
    head = as_user("head")
    assert "evaluate" in head.get(detail).content.decode()
    response = head.post(
        reverse("ideas:evaluate", args=[scene.school.key, material.key]),
        {"decision": "ready", "comment": "Жакшы иштелген."},
    )
    assert response.status_code == 302
    deputy = as_user("deputy")
    response = deputy.post(reverse("ideas:publish", args=[scene.school.key, material.key]))
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.status == MaterialStatus.PUBLISHED
    assert "Жакшы иштелген." in as_user("stranger").get(detail).content.decode()


def test_the_file_is_downloaded_as_an_attachment_by_a_reader_only(scene, as_user):
    material = upload(scene, title="Бөлчөктөр")
    url = reverse("ideas:file", args=[scene.school.key, material.key])
    response = as_user("colleague").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert as_user("stranger").get(url).status_code == 404


def test_another_schools_material_is_not_found(scene, as_user):
    theirs = scene.theirs.idea
    url = reverse("ideas:material", args=[scene.outsider.key, theirs.key])
    for role in ("teacher", "head", "deputy", "director", "district"):
        assert as_user(role).get(url).status_code == 404


def test_the_district_searches_its_schools_published_materials(scene, as_user):
    published = publish(scene, upload(scene, title="Сабактарды пландоо"))
    upload(scene, title="Сабактын жөнөтүлгөнү")
    url = reverse("ideas:district", args=[scene.school.district.key])
    response = as_user("district").get(url, {"q": "сабак"})
    assert keys(response) == [published.key]
    assert "<mark>Сабактарды</mark>" in response.content.decode()
    assert as_user("other_district").get(url).status_code == 404


def test_the_menu_leads_the_district_to_its_page_and_a_teacher_to_her_school(scene, as_user):
    response = as_user("district").get(reverse("ideas:index"))
    assert response["Location"] == reverse("ideas:district", args=[scene.school.district.key])
    response = as_user("teacher").get(reverse("ideas:index"))
    assert response["Location"] == bank_url(scene)
