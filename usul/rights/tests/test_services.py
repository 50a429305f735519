"""The writes of RIGHT-1…RIGHT-4 as a page, a command or an API calls them: what is refused,
with which words, and that a refusal writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from usul.accounts.policy import viewer_for
from usul.rights import services as s
from usul.rights.models import TEXT_LIMIT, Appeal, AppealStatus, Nomination
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date


def as_(scene, role, day=None):
    return viewer_for(scene.users[role], day or timezone.localdate())


def submit(scene, role="teacher", kind="teaching", title="Топтук иш", text="Ар бир сабакта."):
    return s.appeal_submit(
        actor=as_(scene, role), school=scene.school, kind=kind, title=title, text=text
    )


# --- proposals and consultation requests ----------------------------------------------------


def test_a_teachers_proposal_remembers_her_ma_and_waits_for_an_answer(scene):
    appeal = submit(scene)
    assert appeal.author == scene.teacher
    assert appeal.association == scene.stem
    assert appeal.status == AppealStatus.SUBMITTED
    assert appeal.history.first().history_user == scene.users["teacher"]


def test_keys_count_up_within_the_school(scene):
    first, second = submit(scene), submit(scene, title="Экинчи")
    assert {first.key, second.key} == {"p-2", "p-3"}  # the cast holds p-1


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"title": "  "}, "title", "Темасы"),
        ({"text": ""}, "text", "Сунушуңуз же сурооңуз"),
        ({"kind": "complaint"}, "kind", "Кайрылуунун түрү"),
        ({"text": "а" * (TEXT_LIMIT + 1)}, "text", str(TEXT_LIMIT + 1)),
    ],
)
def test_a_bad_request_is_refused_naming_the_field_in_kyrgyz(scene, fields, field, words):
    before = written(Appeal)
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        submit(scene, **fields)
    assert field in refused.value.error_dict
    assert words in " ".join(refused.value.message_dict[field])
    assert written(Appeal) == before


def test_a_text_at_the_limit_is_taken(scene):
    assert len(submit(scene, text="а" * TEXT_LIMIT).text) == TEXT_LIMIT


@pytest.mark.parametrize("role", ["district", "admin", "outsider", "nobody"])
def test_only_the_schools_staff_may_submit(scene, role):
    before = written(Appeal)
    with pytest.raises(PermissionDenied):
        submit(scene, role=role)
    assert written(Appeal) == before


def test_the_deputy_answers_and_the_author_reads_who_and_when(scene):
    appeal = submit(scene)
    deputy = as_(scene, "deputy")
    s.appeal_answer(actor=deputy, appeal=appeal, status="accepted", answer="Макул, кеңешке.")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ACCEPTED
    assert appeal.answered_by == scene.deputy
    assert appeal.answered_on == deputy.today


@pytest.mark.parametrize("role", ["teacher", "head", "colleague", "district", "outsider"])
def test_nobody_but_the_leadership_answers(scene, role):
    appeal = submit(scene)
    before = written(Appeal)
    with pytest.raises(PermissionDenied):
        s.appeal_answer(actor=as_(scene, role), appeal=appeal, status="answered", answer="Ооба")
    assert written(Appeal) == before


def test_a_deputy_does_not_answer_her_own_proposal(scene):
    appeal = submit(scene, role="deputy")
    with pytest.raises(PermissionDenied):
        s.appeal_answer(actor=as_(scene, "deputy"), appeal=appeal, status="accepted", answer="Ок")
    # the director may
    s.appeal_answer(actor=as_(scene, "director"), appeal=appeal, status="accepted", answer="Ок")


def test_an_answer_needs_words_and_a_decision(scene):
    appeal = submit(scene)
    deputy = as_(scene, "deputy")
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        s.appeal_answer(actor=deputy, appeal=appeal, status="accepted", answer=" ")
    assert "Ответ" in refused.value.message_dict["answer"][0]
    with pytest.raises(ValidationError) as refused:
        s.appeal_answer(actor=deputy, appeal=appeal, status="withdrawn", answer="Жок")
    assert "status" in refused.value.error_dict


def test_a_consultation_gets_a_date_a_proposal_does_not(scene):
    deputy = as_(scene, "deputy")
    asked = submit(scene, kind="consultation", title="Тарбия иши")
    s.appeal_answer(
        actor=deputy,
        appeal=asked,
        status="answered",
        answer="Жолугалы",
        consultation_on=D(2026, 12, 9),
    )
    asked.refresh_from_db()
    assert asked.consultation_on == D(2026, 12, 9)
    proposal = submit(scene)
    with pytest.raises(ValidationError) as refused:
        s.appeal_answer(
            actor=deputy,
            appeal=proposal,
            status="answered",
            answer="Ок",
            consultation_on=D(2026, 12, 9),
        )
    assert "consultation_on" in refused.value.error_dict


def test_the_author_withdraws_while_it_waits_and_it_stays_listed(scene):
    appeal = submit(scene)
    with pytest.raises(PermissionDenied):
        s.appeal_withdraw(actor=as_(scene, "head"), appeal=appeal)
    s.appeal_withdraw(actor=as_(scene, "teacher"), appeal=appeal)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        s.appeal_answer(actor=as_(scene, "deputy"), appeal=appeal, status="answered", answer="Ок")


def test_an_answered_request_is_not_withdrawn(scene):
    appeal = submit(scene)
    s.appeal_answer(actor=as_(scene, "deputy"), appeal=appeal, status="declined", answer="Жок")
    with pytest.raises(ValidationError):
        s.appeal_withdraw(actor=as_(scene, "teacher"), appeal=appeal)


# --- nominations (RIGHT-4) ------------------------------------------------------------------

MEETING_DAY = D(2025, 11, 20)


@pytest.fixture
def held(scene):
    """A held meeting of the STEM MA with a resolution to nominate."""
    year = scene.school.years.get(key="2025-2026")
    meeting = f.make_meeting(
        scene.stem, year=year, number=2, date=MEETING_DAY, status="held", key="m-2"
    )
    return f.make_resolution(meeting, text="Бекова Ж. «Жылдын мугалими» сынагына көрсөтүлсүн")


def nominate(scene, resolution, role="head", nominee=None, contest="best_class_teacher"):
    return s.nomination_create(
        actor=as_(scene, role),
        resolution=resolution,
        nominee=nominee or scene.teacher,
        contest=contest,
    )


def test_the_head_nominates_a_member_by_a_held_meetings_resolution(scene, held):
    nomination = nominate(scene, held)
    assert nomination.association == scene.stem
    assert nomination.year.key == "2025-2026"
    assert (nomination.stage, nomination.result) == ("school", "taking_part")


def test_a_scheduled_meetings_resolution_does_not_nominate(scene):
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        nominate(scene, scene.ours.resolution)  # the cast's meeting is only scheduled
    assert "resolution" in refused.value.error_dict


@pytest.mark.parametrize(
    ("start", "taken"), [(MEETING_DAY, True), (MEETING_DAY + dt.timedelta(1), False)]
)
def test_the_nominee_is_a_member_on_the_day_of_the_meeting(scene, held, start, taken):
    newcomer = f.make_staff(scene.school, key="t-new", last_name="Жаңыбекова")
    f.add_member(scene.stem, newcomer, start=start)
    if taken:
        assert nominate(scene, held, nominee=newcomer).nominee == newcomer
    else:
        with pytest.raises(ValidationError) as refused:
            nominate(scene, held, nominee=newcomer)
        assert "nominee" in refused.value.error_dict


def test_one_nomination_per_teacher_contest_and_year(scene, held):
    # The cast's Бекова is nominated for "Teacher of the Year" in 2025-2026 already.
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        nominate(scene, held, contest="teacher_of_year")
    assert "Бекова" in refused.value.message_dict["nominee"][0]


@pytest.mark.parametrize("role", ["teacher", "class_teacher", "district", "outsider"])
def test_only_the_head_and_the_leadership_nominate(scene, held, role):
    before = written(Nomination)
    with pytest.raises(PermissionDenied):
        nominate(scene, held, role=role)
    assert written(Nomination) == before


def test_the_contest_goes_forward_never_back(scene, held):
    nomination = nominate(scene, held)
    head = as_(scene, "head")
    s.nomination_update(actor=head, nomination=nomination, stage="district", result="passed")
    with pytest.raises(ValidationError) as refused:
        s.nomination_update(actor=head, nomination=nomination, stage="school", result="passed")
    assert "stage" in refused.value.error_dict
    s.nomination_update(actor=head, nomination=nomination, stage="republic", result="taking_part")
    with pytest.raises(ValidationError) as refused:
        s.nomination_update(actor=head, nomination=nomination, stage="republic", result="passed")
    assert "result" in refused.value.error_dict
    s.nomination_update(actor=head, nomination=nomination, stage="republic", result="winner")
    nomination.refresh_from_db()
    assert (nomination.stage, nomination.result) == ("republic", "winner")


def test_a_nomination_that_ended_goes_no_further(scene, held):
    nomination = nominate(scene, held)
    head = as_(scene, "head")
    s.nomination_update(actor=head, nomination=nomination, stage="district", result="not_passed")
    with pytest.raises(ValidationError):
        s.nomination_update(actor=head, nomination=nomination, stage="region", result="taking_part")
    # the result at the same stage may still be corrected
    s.nomination_update(actor=head, nomination=nomination, stage="district", result="prize")


def test_a_plain_teacher_does_not_record_the_stage(scene, held):
    nomination = nominate(scene, held)
    before = written(Nomination)
    with pytest.raises(PermissionDenied):
        s.nomination_update(
            actor=as_(scene, "teacher"), nomination=nomination, stage="district", result="passed"
        )
    assert written(Nomination) == before
