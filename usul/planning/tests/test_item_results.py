"""FUNC-3, FUNC-4: how a seminar, training or extracurricular event went — status, result,
participants and materials — recorded even on an approved plan, without a new version."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from usul.lib.tests import hostile_files
from usul.planning import services as s
from usul.planning.models import PlanItemKind, PlanItemStatus, PlanStatus
from usul.planning.tests.conftest import act
from usul.testing import factories as f

D = dt.date
SEMINAR_DAY = D(2025, 11, 12)


@pytest.fixture
def approved(head, teacher, deputy, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Т", goal="М")
    item = s.plan_item_add(
        actor=act(head),
        plan=plan,
        kind=PlanItemKind.SEMINAR,
        date=SEMINAR_DAY,
        title="Семинар: окуу сабаттуулугу",
        responsible=teacher,
    )
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    item.refresh_from_db()
    return item


def test_the_responsible_teacher_records_the_seminar_on_an_approved_plan(
    approved, head, teacher, deputy
):
    item = s.plan_item_set_status(
        actor=act(teacher, SEMINAR_DAY),
        item=approved,
        revision=approved.revision,
        status=PlanItemStatus.DONE,
        result_note="12 мугалим катышты",
        participants=[head, teacher, deputy],
    )
    assert item.status == PlanItemStatus.DONE
    assert set(item.participants.all()) == {head, teacher, deputy}
    plan = item.plan
    plan.refresh_from_db()
    # Recording the execution changes neither the approval nor the version.
    assert (plan.status, plan.version, plan.approved_by) == (PlanStatus.APPROVED, 1, deputy)


def test_an_item_can_be_marked_done_from_its_day_not_the_day_before(approved, teacher):
    before = SEMINAR_DAY - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as early:
        s.plan_item_set_status(
            actor=act(teacher, before),
            item=approved,
            revision=approved.revision,
            status=PlanItemStatus.DONE,
        )
    assert "12.11.2025" in early.value.message_dict["status"][0]
    # Cancelling ahead of time is fine.
    item = s.plan_item_set_status(
        actor=act(teacher, before),
        item=approved,
        revision=approved.revision,
        status=PlanItemStatus.CANCELLED,
        result_note="Карантин",
    )
    item = s.plan_item_set_status(
        actor=act(teacher, SEMINAR_DAY),
        item=item,
        revision=item.revision,
        status=PlanItemStatus.DONE,
    )
    assert item.status == PlanItemStatus.DONE


def test_another_member_cannot_record_and_outsiders_cannot_take_part(
    school, approved, ma, outsider_school
):
    colleague = f.make_staff(school, key="t-colleague")
    f.add_member(ma, colleague)
    with pytest.raises(PermissionDenied):
        s.plan_item_set_status(
            actor=act(colleague, SEMINAR_DAY),
            item=approved,
            revision=approved.revision,
            status=PlanItemStatus.DONE,
        )
    stranger = f.make_staff(outsider_school)
    with pytest.raises(ValidationError) as refused:
        s.plan_item_set_status(
            actor=act(approved.responsible, SEMINAR_DAY),
            item=approved,
            revision=approved.revision,
            status=PlanItemStatus.DONE,
            participants=[stranger],
        )
    assert "participants" in refused.value.message_dict
    approved.refresh_from_db()
    assert approved.status == PlanItemStatus.PLANNED


def test_two_people_recording_the_same_item_the_second_is_told(approved, head, teacher):
    seen = approved.revision
    s.plan_item_set_status(
        actor=act(head, SEMINAR_DAY),
        item=approved,
        revision=seen,
        status=PlanItemStatus.DONE,
        result_note="Жетекчинин жазуусу",
    )
    with pytest.raises(ValidationError) as stale:
        s.plan_item_set_status(
            actor=act(teacher, SEMINAR_DAY),
            item=approved,
            revision=seen,
            status=PlanItemStatus.DONE,
            result_note="Мугалимдин жазуусу",
        )
    assert "Бекова Н." in stale.value.messages[0]
    approved.refresh_from_db()
    assert approved.result_note == "Жетекчинин жазуусу"


def test_materials_are_files_links_or_hand_outs_and_large_files_are_refused(
    approved, teacher, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.USUL_MAX_UPLOAD_BYTES = 64 * 1024
    slides = SimpleUploadedFile("слайддар.pdf", hostile_files.pdf(), content_type="application/pdf")
    material = s.plan_item_add_material(
        actor=act(teacher), item=approved, title="Презентация", file=slides
    )
    assert material.file.read() == hostile_files.pdf()
    assert material.file_name == "слайддар.pdf"
    assert material.file.name.startswith("plan-materials/") and "слайд" not in material.file.name
    s.plan_item_add_material(
        actor=act(teacher), item=approved, title="Видео", link="https://example.org/v"
    )
    s.plan_item_add_material(actor=act(teacher), item=approved, title="Таркатма материал")
    assert approved.materials.count() == 3

    big = SimpleUploadedFile("big.pdf", hostile_files.pdf(b"(" + b"0" * 64 * 1024 + b")"))
    with pytest.raises(ValidationError) as refused:
        s.plan_item_add_material(actor=act(teacher), item=approved, title="Чоң", file=big)
    assert "file" in refused.value.message_dict
    with pytest.raises(ValidationError) as no_title:
        s.plan_item_add_material(actor=act(teacher), item=approved, title=" ")
    assert "title" in no_title.value.message_dict
    assert approved.materials.count() == 3
