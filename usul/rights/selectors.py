"""Reads of the MA's rights (RIGHT-1…RIGHT-4), through the policy: they take the viewer."""

from __future__ import annotations

from django.db.models import QuerySet

from usul.accounts.policy import Viewer, visible
from usul.rights.models import Appeal, AppealStatus, Nomination
from usul.schools.models import School, SchoolYear


def appeals_for(viewer: Viewer, school: School, status: str = "") -> QuerySet[Appeal]:
    """The proposals and consultation requests the viewer reads in ``school``: their own, their
    MA's proposals for a head, all of them for the leadership (``PERSONAL["rights.appeal"]``)."""
    appeals = visible(
        viewer,
        Appeal.objects.filter(school=school).select_related(
            "school", "author", "association", "answered_by"
        ),
    )
    if status in AppealStatus.values:
        appeals = appeals.filter(status=status)
    return appeals


def nominations_of(
    viewer: Viewer,
    school: School,
    year: SchoolYear | None = None,
    nominee_key: str = "",
) -> QuerySet[Nomination]:
    """The school's nominations (RIGHT-4): a public record every colleague reads; of one year,
    or of one teacher across the years (their history)."""
    nominations = visible(
        viewer,
        Nomination.objects.filter(school=school).select_related(
            "school", "year", "association", "nominee", "resolution__meeting"
        ),
    )
    if nominee_key:
        nominations = nominations.filter(nominee__key=nominee_key)
    elif year is not None:
        nominations = nominations.filter(year=year)
    return nominations
