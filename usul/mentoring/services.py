"""Writes of mentoring (SVC-D5, SVC-D6). Each takes the actor and checks the policy itself.

- ``mentorship_assign``: the deputy director gives a teacher a mentor for the school year.
- ``mentorship_update``: the plan and the mentor, while it runs.
- ``mentoring_meeting_add``: the mentor's log of meetings.
- ``mentorship_conclude``: the outcome at the end of the year.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib.dates import format_date
from usul.lib.history import save_with_history
from usul.lib.text_limits import require_within
from usul.mentoring.models import (
    NOTES_LIMIT,
    PLAN_LIMIT,
    TOPIC_LIMIT,
    MentoringMeeting,
    MentoringOutcome,
    MentoringReason,
    Mentorship,
)
from usul.people.models import Staff
from usul.people.selectors import roles_at
from usul.schools.models import School, SchoolYear


def _check_people(school: School, mentee: Staff | None, mentor: Staff | None, day: dt.date):
    errors: dict[str, str] = {}
    if mentee is None or mentee.school_id != school.pk:
        errors["mentee"] = _("Teacher: choose a teacher of this school.")
    if mentor is None or mentor.school_id != school.pk:
        errors["mentor"] = _("Mentor: choose a teacher of this school.")
    elif mentee is not None and mentor.pk == mentee.pk:
        errors["mentor"] = _("Mentor: a teacher is not their own mentor.")
    elif not roles_at(mentor, day):
        errors["mentor"] = _("Mentor: %(name)s holds no position at the school on %(date)s.") % {
            "name": mentor.short_name,
            "date": format_date(day),
        }
    return errors


@transaction.atomic
def mentorship_assign(
    *,
    actor: Viewer,
    school: School,
    year: SchoolYear,
    mentee: Staff | None,
    mentor: Staff | None,
    reason: str,
    start: dt.date | None = None,
    plan: str = "",
) -> Mentorship:
    """SVC-D5, SVC-D6: one mentor per teacher and school year, from ``start`` (default today)
    within the year."""
    require(actor, "manage_school", school)
    start = start or actor.today
    errors = _check_people(school, mentee, mentor, start)
    if year.school_id != school.pk:
        errors["year"] = _("School year: it belongs to another school.")
    elif not year.start - dt.timedelta(days=31) <= start <= year.end:
        errors["start"] = _("From: the day must fall within the school year %(year)s.") % {
            "year": year.key
        }
    if reason not in MentoringReason.values:
        errors["reason"] = _("Reason: choose why the teacher gets a mentor.")
    if errors:
        raise ValidationError(errors)
    if mentee is None or mentor is None:  # _check_people has said which
        raise ValidationError(errors)
    plan = (plan or "").strip()
    require_within("plan", _("Plan"), plan, PLAN_LIMIT)
    earlier = Mentorship.objects.filter(year=year, mentee=mentee).select_related("mentor").first()
    if earlier is not None:
        raise ValidationError(
            {
                "mentee": _("Teacher: %(name)s already has a mentor this school year: %(mentor)s.")
                % {"name": mentee.short_name, "mentor": earlier.mentor.short_name}
            }
        )
    mentorship = Mentorship(
        school=school,
        key=f"{year.key}-{mentee.key}"[:100],
        year=year,
        mentee=mentee,
        mentor=mentor,
        reason=reason,
        start=start,
        plan=plan,
    )
    save_with_history(mentorship, actor)
    return mentorship


@transaction.atomic
def mentorship_update(
    *, actor: Viewer, mentorship: Mentorship, mentor: Staff | None, plan: str
) -> Mentorship:
    """The plan (the mentor writes it with the deputy) and, if need be, another mentor."""
    mentorship = (
        Mentorship.objects.select_for_update().select_related("school").get(pk=mentorship.pk)
    )
    require(actor, "keep_mentoring_log", mentorship)
    plan = (plan or "").strip()
    fields = ["plan"]
    if mentor is not None and mentor.pk != mentorship.mentor_id:
        # Changing the mentor is the deputy's decision, not the mentor's.
        require(actor, "manage_school", mentorship)
        errors = _check_people(mentorship.school, mentorship.mentee, mentor, actor.today)
        if errors:
            raise ValidationError(errors)
        mentorship.mentor = mentor
        fields.append("mentor")
    require_within("plan", _("Plan"), plan, PLAN_LIMIT)
    mentorship.plan = plan
    save_with_history(mentorship, actor, fields)
    return mentorship


@transaction.atomic
def mentoring_meeting_add(
    *, actor: Viewer, mentorship: Mentorship, date: dt.date | None, topic: str, notes: str = ""
) -> MentoringMeeting:
    """SVC-D5: one meeting of the mentor with the mentee, on a day of the mentorship (never in
    the future: the log records what took place)."""
    require(actor, "keep_mentoring_log", mentorship)
    topic, notes = (topic or "").strip(), (notes or "").strip()
    if date is None:
        raise ValidationError({"date": _("Date: enter the day of the meeting.")})
    errors: dict[str, str] = {}
    if date > actor.today:
        errors["date"] = _("Date: the log records meetings that took place; %(date)s is ahead.") % {
            "date": format_date(date)
        }
    elif date < mentorship.start:
        errors["date"] = _("Date: the mentorship began on %(start)s.") % {
            "start": format_date(mentorship.start)
        }
    if not topic:
        errors["topic"] = _("Topic: write what the meeting was about.")
    if errors:
        raise ValidationError(errors)
    require_within("topic", _("Topic"), topic, TOPIC_LIMIT)
    require_within("notes", _("Notes"), notes, NOTES_LIMIT)
    meeting = MentoringMeeting(mentorship=mentorship, date=date, topic=topic, notes=notes)
    save_with_history(meeting, actor)
    return meeting


@transaction.atomic
def mentorship_conclude(
    *, actor: Viewer, mentorship: Mentorship, outcome: str, note: str = ""
) -> Mentorship:
    """The outcome at the end of the year, recorded by the deputy (it may be corrected: the
    history keeps every version)."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    require(actor, "manage_school", mentorship)
    note = (note or "").strip()
    if outcome not in MentoringOutcome.values or outcome == MentoringOutcome.IN_PROGRESS:
        raise ValidationError({"outcome": _("Outcome: choose how the mentorship ended.")})
    if not note:
        raise ValidationError({"outcome_note": _("Outcome, in words: write what was achieved.")})
    require_within("outcome_note", _("Outcome, in words"), note, NOTES_LIMIT)
    mentorship.outcome = outcome
    mentorship.outcome_note = note
    save_with_history(mentorship, actor, ["outcome", "outcome_note"])
    return mentorship
