"""The writes of mentoring as a page, a command or an API calls them (SVC-D5, SVC-D6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from usul.accounts.policy import viewer_for
from usul.mentoring import services as s
from usul.mentoring.models import MentoringMeeting, Mentorship
from usul.testing.written import written

D = dt.date
TODAY = D(2025, 10, 20)


def as_(scene, role, day=TODAY):
    return viewer_for(scene.users[role], day)


@pytest.fixture
def year(scene):
    return scene.school.years.get(key="2025-2026")


def assign(scene, year, role="deputy", mentee=None, mentor=None, **kwargs):
    return s.mentorship_assign(
        actor=as_(scene, role),
        school=scene.school,
        year=year,
        mentee=mentee or scene.class_teacher,
        mentor=mentor or scene.stranger,
        reason=kwargs.pop("reason", "newly_arrived"),
        **kwargs,
    )


def test_the_deputy_assigns_a_mentor_from_today(scene, year):
    mentorship = assign(scene, year, plan="Айына бир ирет сабакка катышуу")
    assert (mentorship.mentee, mentorship.mentor) == (scene.class_teacher, scene.stranger)
    assert mentorship.start == TODAY and mentorship.outcome == "in_progress"


@pytest.mark.parametrize("role", ["teacher", "head", "district", "outsider", "admin"])
def test_only_the_schools_leadership_assigns(scene, year, role):
    before = written(Mentorship)
    if role == "admin":  # the administrator manages every school: allowed
        assign(scene, year, role=role)
        return
    with pytest.raises(PermissionDenied):
        assign(scene, year, role=role)
    assert written(Mentorship) == before


def test_one_mentor_per_teacher_and_year_said_in_kyrgyz(scene, year):
    assign(scene, year)
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        assign(scene, year, mentor=scene.head)
    assert "насаатчылуу" in refused.value.message_dict["mentee"][0]


def test_nobody_mentors_themselves_nor_from_another_school(scene, year):
    with pytest.raises(ValidationError) as refused:
        assign(scene, year, mentor=scene.class_teacher)
    assert "mentor" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        assign(scene, year, mentor=scene.outsider_staff)
    assert "mentor" in refused.value.error_dict


@pytest.mark.parametrize(
    ("start", "taken"),
    [
        (D(2025, 8, 1), True),
        (D(2025, 7, 31), False),
        (D(2026, 5, 31), True),
        (D(2026, 6, 1), False),
    ],
)
def test_the_start_lies_in_the_school_year_the_august_before_included(scene, year, start, taken):
    if taken:
        assert assign(scene, year, start=start).start == start
    else:
        with pytest.raises(ValidationError) as refused:
            assign(scene, year, start=start)
        assert "start" in refused.value.error_dict


def test_the_mentor_keeps_the_log_a_colleague_does_not(scene):
    mentorship = scene.ours.mentorship  # Бекова, mentored by Өмүрбеков
    colleague = viewer_for(scene.users["colleague"], TODAY)
    meeting = s.mentoring_meeting_add(
        actor=colleague, mentorship=mentorship, date=TODAY, topic="Ачык сабакка даярдык"
    )
    assert meeting.mentorship == mentorship
    before = written(MentoringMeeting)
    for role in ("teacher", "stranger", "head"):
        with pytest.raises(PermissionDenied):
            s.mentoring_meeting_add(
                actor=as_(scene, role), mentorship=mentorship, date=TODAY, topic="x"
            )
    assert written(MentoringMeeting) == before


@pytest.mark.parametrize(
    ("day", "taken"),
    [
        (TODAY, True),
        (TODAY + dt.timedelta(1), False),
        (D(2025, 9, 15), True),
        (D(2025, 9, 14), False),
    ],
)
def test_a_logged_meeting_took_place_within_the_mentorship(scene, day, taken):
    mentor = viewer_for(scene.users["colleague"], TODAY)
    mentorship = scene.ours.mentorship  # from 15.09.2025
    if taken:
        s.mentoring_meeting_add(actor=mentor, mentorship=mentorship, date=day, topic="Пландоо")
    else:
        with pytest.raises(ValidationError) as refused:
            s.mentoring_meeting_add(actor=mentor, mentorship=mentorship, date=day, topic="Пландоо")
        assert "date" in refused.value.error_dict


def test_the_mentor_edits_the_plan_but_only_the_deputy_changes_the_mentor(scene):
    mentorship = scene.ours.mentorship
    mentor = viewer_for(scene.users["colleague"], TODAY)
    s.mentorship_update(actor=mentor, mentorship=mentorship, mentor=None, plan="Жаңы план")
    mentorship.refresh_from_db()
    assert mentorship.plan == "Жаңы план"
    with pytest.raises(PermissionDenied):
        s.mentorship_update(actor=mentor, mentorship=mentorship, mentor=scene.head, plan="x")
    s.mentorship_update(
        actor=as_(scene, "deputy"), mentorship=mentorship, mentor=scene.head, plan="Жаңы план"
    )
    mentorship.refresh_from_db()
    assert mentorship.mentor == scene.head


def test_the_outcome_is_the_deputys_with_words(scene):
    mentorship = scene.ours.mentorship
    with pytest.raises(PermissionDenied):
        s.mentorship_conclude(
            actor=viewer_for(scene.users["colleague"], TODAY),
            mentorship=mentorship,
            outcome="completed",
            note="Өз алдынча",
        )
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        s.mentorship_conclude(
            actor=as_(scene, "deputy"), mentorship=mentorship, outcome="completed", note=""
        )
    assert "Итог словами" in refused.value.message_dict["outcome_note"][0]
    s.mentorship_conclude(
        actor=as_(scene, "deputy"), mentorship=mentorship, outcome="completed", note="Өз алдынча"
    )
    mentorship.refresh_from_db()
    assert mentorship.outcome == "completed"
