"""Reads of mentoring (SVC-D5, SVC-D6), through the policy: they take the viewer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from usul.accounts.policy import Viewer, can, visible
from usul.lib.dates import years_from_days
from usul.mentoring.models import MentoringReason, Mentorship
from usul.people.models import Position, Staff
from usul.people.selectors import experience_in_education_days, roles_at
from usul.schools.models import School, SchoolYear


@dataclass
class NeedsMentor:
    """A teacher the regulation asks the service to work with, and why."""

    staff: Staff
    reasons: list[str]  # MentoringReason values
    experience_days: int | None  # in education, at the day asked; None when none is recorded
    arrived: dt.date | None  # their first position at the school
    mentorship: Mentorship | None  # this year's, if one is assigned

    @property
    def experience_years(self) -> float | None:
        return None if self.experience_days is None else years_from_days(self.experience_days)

    @property
    def reason_labels(self) -> list[str]:
        return [str(MentoringReason(r).label) for r in self.reasons]


def is_young_specialist(school: School, experience_days: int | None) -> bool:
    """SVC-D5: less than ``young_specialist_years`` in education (RULES.md: days / 365.25). A
    person with no employment in education recorded is not counted: nothing says when they
    started."""
    if not experience_days:
        return False
    return years_from_days(experience_days) < school.young_specialist_years


def is_newly_arrived(school: School, arrived: dt.date | None, day: dt.date) -> bool:
    """SVC-D6: the first position at the school began fewer than ``newly_arrived_days`` days
    before ``day`` (on the day of arrival it is 0 days)."""
    if arrived is None or arrived > day:
        return False
    return (day - arrived).days < school.newly_arrived_days


def needing_mentors(
    viewer: Viewer, school: School, year: SchoolYear | None, day: dt.date
) -> list[NeedsMentor]:
    """The school's young specialists and newly arrived teachers at ``day``, with their mentor
    of ``year`` if assigned. Reads employment (personal data): the leadership's list only —
    anyone else gets an empty list. Three queries, whatever the size of the staff."""
    if not can(viewer, "manage_school", school):
        return []
    staff = (
        Staff.objects.filter(school=school)
        .prefetch_related(
            Prefetch("positions", queryset=Position.objects.order_by("start")),
            "employment",
        )
        .order_by("last_name", "first_name", "key")
    )
    assigned = {}
    if year is not None:
        for m in Mentorship.objects.filter(year=year).select_related("mentor", "school"):
            assigned[m.mentee_id] = m
    found = []
    for person in staff:
        if not roles_at(person, day):
            continue  # not on the staff that day
        positions = list(person.positions.all())
        arrived = positions[0].start if positions else None
        days = experience_in_education_days(person, day) if person.employment.all() else None
        reasons: list[str] = []
        if is_young_specialist(school, days):
            reasons.append(MentoringReason.YOUNG_SPECIALIST)
        if is_newly_arrived(school, arrived, day):
            reasons.append(MentoringReason.NEWLY_ARRIVED)
        if reasons or person.pk in assigned:
            found.append(
                NeedsMentor(
                    staff=person,
                    reasons=reasons,
                    experience_days=days,
                    arrived=arrived,
                    mentorship=assigned.get(person.pk),
                )
            )
    return found


def mentorships_for(
    viewer: Viewer, school: School, year: SchoolYear | None
) -> QuerySet[Mentorship]:
    """The mentorships of ``year`` the viewer reads: their own as mentor or mentee, their MA's
    for a head, all for the leadership."""
    mentorships = visible(
        viewer,
        Mentorship.objects.filter(school=school).select_related(
            "school", "year", "mentee", "mentor"
        ),
    )
    if year is not None:
        mentorships = mentorships.filter(year=year)
    return mentorships
