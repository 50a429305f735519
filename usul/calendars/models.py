"""Each person's calendar of the MA's year, and the private feed that puts it on their phone.

The calendar gathers what a staff member has to be at or to deliver: the meetings of the MAs
they belong to or lead (ORG-4, DUTY-2: members must attend), the open lessons they give or
signed up to attend (ORG-3, FUNC-3, HEAD-D1), and the resolutions they are responsible for, by
due date (DOC-12). It is read, never stored: the records it shows live in their own apps.

A **calendar feed** is a secret address (iCalendar, RFC 5545) that a phone's calendar app
subscribes to without logging in. Only a hash of its token is stored, so that a copy of the
database or of a backup opens nobody's calendar; the address is shown once, when it is made.
Revoking it (or making a new one) closes the old address for good.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped


class CalendarFeed(TimeStamped):
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    # SHA-256 of the secret token, hex. The token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    history = HistoricalRecords()

    school_field = "user__staff__school"

    class Meta:
        ordering = ["user", "-created_at", "-id"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            # One working address per person: making a new one revokes the old.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(revoked_at__isnull=True),
                name="calendarfeed_one_active_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%d.%m.%Y})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
