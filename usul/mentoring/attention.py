"""Home-page items about mentoring (SVC-D5, SVC-D6): for the school's leadership, how many young
specialists and newly arrived teachers have no mentor this year. A fixed number of queries."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from usul.lib.attention import Attention
from usul.mentoring.models import MentoringOutcome, Mentorship
from usul.mentoring.selectors import needing_mentors
from usul.schools.selectors import current_year


def for_viewer(viewer) -> list[Attention]:
    staff = viewer.staff
    if staff is None:
        return []
    school = staff.school
    year = current_year(school, viewer.today)
    if year is None:
        return []
    items = _own(viewer, staff, year)
    if not viewer.is_leadership:
        return items
    waiting = [
        c
        for c in needing_mentors(viewer, school, year, viewer.today)
        if c.reasons and not c.mentorship
    ]
    if not waiting:
        return items
    count = len(waiting)
    return [
        *items,
        Attention(
            text=ngettext(
                "%(count)s young specialist or newly arrived teacher has no mentor this year.",
                "%(count)s young specialists or newly arrived teachers have no mentor this year.",
                count,
            )
            % {"count": count},
            url=reverse("mentoring:list", args=[school.key]) + "#candidates",
            severity="warning",
        ),
    ]


def _own(viewer, staff, year) -> list[Attention]:
    """The mentorship this person is in this year, as mentor or mentee, while it runs."""
    running = Mentorship.objects.filter(
        Q(mentor=staff) | Q(mentee=staff), year=year, outcome=MentoringOutcome.IN_PROGRESS
    ).select_related("school", "mentor", "mentee")
    items = []
    for m in running:
        text = (
            _("You mentor %(name)s this year: the plan and the log of meetings")
            if m.mentor_id == staff.pk
            else _("Your mentor this year is %(name)s: the plan and the log of meetings")
        )
        other = m.mentee if m.mentor_id == staff.pk else m.mentor
        items.append(
            Attention(
                text=text % {"name": other.short_name},
                url=reverse("mentoring:detail", args=[m.school.key, m.key]),
            )
        )
    return items
