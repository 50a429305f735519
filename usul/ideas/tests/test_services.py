"""The bank's services: a member uploads, the head evaluates with a comment (HEAD-D9), the head
or the leadership publish what is ready (HEAD-D10); everyone else is refused by the policy."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from usul.ideas import services
from usul.ideas.models import Material, MaterialStatus
from usul.ideas.tests.conftest import a_pdf, publish, upload

pytestmark = pytest.mark.django_db


def test_a_member_uploads_a_draft_only_she_reads(scene):
    material = upload(scene, title="Бөлчөктөр", send=False, tags="бөлчөк, Бөлчөк ,  7-класс")
    assert material.status == MaterialStatus.DRAFT
    assert material.key == "idea-2"  # the cast's own material is idea-1
    assert material.author == scene.teacher and material.association == scene.stem
    assert material.tags == "бөлчөк, 7-класс"
    assert material.file.name.startswith("ideas/") and material.file_name == "Сабак.pdf"
    assert material.history.count() == 1


def test_one_grade_given_is_the_material_of_that_grade(scene):
    material = upload(scene, title="Т", grade_from=7)
    assert (material.grade_from, material.grade_to, material.grades) == (7, 7, "7")


def test_grades_out_of_order_or_range_are_refused_by_field(scene):
    with pytest.raises(ValidationError) as error:
        upload(scene, title="Т", grade_from=8, grade_to=7)
    assert "grade_to" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        upload(scene, title="Т", grade_from=0, grade_to=12)
    assert {"grade_from", "grade_to"} <= set(error.value.message_dict)


def test_the_title_limit_is_held_on_both_sides(scene):
    upload(scene, title="а" * 200)
    with pytest.raises(ValidationError) as error:
        upload(scene, title="а" * 201)
    assert "201" in error.value.message_dict["title"][0]


def test_the_description_limit_is_held_on_both_sides(scene):
    upload(scene, title="Т", description="б" * 3000)
    with pytest.raises(ValidationError) as error:
        upload(scene, title="Т", description="б" * 3001)
    assert "description" in error.value.message_dict


def test_a_file_is_required_and_checked_and_nothing_is_stored_when_refused(scene, storage):
    with pytest.raises(ValidationError) as error:
        services.material_create(
            actor=scene.viewer("teacher"),
            school=scene.school,
            association=scene.stem,
            title="Т",
            kind="article",
            upload=None,
        )
    assert "file" in error.value.message_dict
    html = SimpleUploadedFile("a.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    with pytest.raises(ValidationError) as error:
        services.material_create(
            actor=scene.viewer("teacher"),
            school=scene.school,
            association=scene.stem,
            title="Т",
            kind="article",
            upload=html,
        )
    assert "file" in error.value.message_dict
    assert not (storage / "ideas").exists()
    assert not Material.objects.exclude(key="idea-1").exists()


def test_a_member_uploads_only_in_her_own_ma(scene):
    with pytest.raises(ValidationError) as error:
        upload(scene, title="Т", association=scene.lang)
    assert "association" in error.value.message_dict


def test_an_outsider_and_the_district_cannot_upload_to_the_school(scene):
    for role in ("outsider", "outsider_teacher", "district", "nobody"):
        with pytest.raises(PermissionDenied):
            upload(scene, role, title="Т")


def test_the_leadership_outside_any_ma_does_not_upload(scene):
    with pytest.raises(PermissionDenied):
        upload(scene, "director", title="Т")


def test_the_head_evaluates_ready_and_publishes(scene):
    material = upload(scene, title="Бөлчөктөр")
    services.material_evaluate(
        actor=scene.viewer("head"), material=material, comment="Жакшы.", ready=True
    )
    material.refresh_from_db()
    assert material.status == MaterialStatus.READY
    assert (material.evaluated_by, material.comment) == (scene.head, "Жакшы.")
    services.material_publish(actor=scene.viewer("head"), material=material)
    material.refresh_from_db()
    assert material.status == MaterialStatus.PUBLISHED and material.published_by == scene.head
    assert material.history.count() == 3


def test_a_returned_material_needs_a_comment_and_goes_back_to_the_author(scene):
    material = upload(scene, title="Бөлчөктөр")
    with pytest.raises(ValidationError) as error:
        services.material_evaluate(
            actor=scene.viewer("head"), material=material, comment=" ", ready=False
        )
    assert "comment" in error.value.message_dict
    services.material_evaluate(
        actor=scene.viewer("head"), material=material, comment="Мисал кошуңуз.", ready=False
    )
    material.refresh_from_db()
    assert material.status == MaterialStatus.RETURNED
    services.material_update(
        actor=scene.viewer("teacher"),
        material=material,
        title="Бөлчөктөр 2",
        kind="article",
        upload=a_pdf("Жаңы.pdf"),
    )
    services.material_submit(actor=scene.viewer("teacher"), material=material)
    material.refresh_from_db()
    assert (material.status, material.title, material.file_name) == (
        MaterialStatus.SUBMITTED,
        "Бөлчөктөр 2",
        "Жаңы.pdf",
    )


def test_a_sent_material_is_not_changed_by_its_author(scene):
    material = upload(scene, title="Бөлчөктөр")
    with pytest.raises(ValidationError):
        services.material_update(
            actor=scene.viewer("teacher"), material=material, title="Башка", kind="article"
        )
    with pytest.raises(ValidationError):
        services.material_submit(actor=scene.viewer("teacher"), material=material)


def test_a_draft_is_not_evaluated_and_only_a_ready_material_is_published(scene):
    material = upload(scene, title="Бөлчөктөр", send=False)
    with pytest.raises(ValidationError):
        services.material_evaluate(
            actor=scene.viewer("head"), material=material, comment="", ready=True
        )
    with pytest.raises(ValidationError):
        services.material_publish(actor=scene.viewer("head"), material=material)


def test_the_deputy_publishes_and_takes_back_from_publication(scene):
    material = upload(scene, title="Бөлчөктөр")
    services.material_evaluate(
        actor=scene.viewer("head"), material=material, comment="", ready=True
    )
    services.material_publish(actor=scene.viewer("deputy"), material=material)
    services.material_unpublish(actor=scene.viewer("deputy"), material=material)
    material.refresh_from_db()
    assert material.status == MaterialStatus.READY


def test_the_head_does_not_evaluate_her_own_material_the_deputy_does(scene):
    material = upload(scene, "head", title="Жетекчинин материалы")
    with pytest.raises(PermissionDenied):
        services.material_evaluate(
            actor=scene.viewer("head"), material=material, comment="", ready=True
        )
    services.material_evaluate(
        actor=scene.viewer("deputy"), material=material, comment="", ready=True
    )


@pytest.mark.parametrize(
    "role", ["teacher", "colleague", "stranger", "class_teacher", "outsider", "district"]
)
def test_a_plain_teacher_an_outsider_and_the_district_neither_evaluate_nor_publish(scene, role):
    material = upload(scene, title="Бөлчөктөр")
    with pytest.raises(PermissionDenied):
        services.material_evaluate(
            actor=scene.viewer(role), material=material, comment="", ready=True
        )
    services.material_evaluate(
        actor=scene.viewer("head"), material=material, comment="", ready=True
    )
    with pytest.raises(PermissionDenied):
        services.material_publish(actor=scene.viewer(role), material=material)


@pytest.mark.parametrize("role", ["colleague", "head", "outsider", "district"])
def test_nobody_but_the_author_changes_or_sends_a_material(scene, role):
    material = upload(scene, title="Бөлчөктөр", send=False)
    with pytest.raises(PermissionDenied):
        services.material_update(
            actor=scene.viewer(role), material=material, title="Башка", kind="article"
        )
    with pytest.raises(PermissionDenied):
        services.material_submit(actor=scene.viewer(role), material=material)


def test_publishing_twice_is_refused(scene):
    material = publish(scene, upload(scene, title="Бөлчөктөр"))
    with pytest.raises(ValidationError):
        services.material_publish(actor=scene.viewer("head"), material=material)
