"""What the bundle itself has to remember: who took a plan step recorded in another installation.

A plan's history (ORG-2: drafted, submitted, returned with a comment, approved) names its
steps' authors by their **log-in** (``planning.PlanEvent.actor``). Log-ins are not school data
and do not travel in a bundle (BUNDLE.md), so a bundle names the **staff member** instead. On
import the step is given to the log-in of that staff member when this installation has one;
when it has none yet (a school just moved here), the staff member is kept here, so that the
school's next export still says who did it and nothing is lost on the way.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped


class PlanEventAuthor(TimeStamped):
    event = models.OneToOneField(
        "planning.PlanEvent",
        verbose_name=_("plan event"),
        on_delete=models.CASCADE,
        related_name="bundle_author",
    )
    # CASCADE, like the event's own log-in (SET_NULL): losing the person never blocks deleting
    # a staff record, it only makes the step anonymous.
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("by"), on_delete=models.CASCADE, related_name="+"
    )
    history = HistoricalRecords()

    school_field = "event__plan__association__school"

    class Meta:
        ordering = ["event"]
        verbose_name = _("author of an imported plan step")
        verbose_name_plural = _("authors of imported plan steps")

    def __str__(self) -> str:
        return str(self.staff)
