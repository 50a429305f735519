"""In-app notifications: what happened that a staff member should know about.

The MA's year moves by hand-offs: a head submits the plan and the deputy approves or
returns it (DOC-7, HEAD-D2), meetings are scheduled and adopt resolutions with a responsible
person and a due date (ORG-4, DOC-12), colleagues observe open lessons (HEAD-D1, SVC-D4). A
**notification** tells the person concerned, on the notifications page and by e-mail.

A notification stores only its **kind** and plain **params** (names, dates, a comment); the text
is rendered when it is read, in the reader's language, so that a Kyrgyz reader and a Russian
reader of the same event each read their own language.

Notifications are a delivery layer: the apps of the MA's work (planning, meetings, lessons)
call ``notify``; nothing here imports them. What an event *is* (an overdue resolution, say)
belongs to the app of that event.
"""

from __future__ import annotations

import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from usul.lib.models import TimeStamped


class NotificationKind(models.TextChoices):
    PLAN_SUBMITTED = "plan_submitted", _("plan submitted")
    PLAN_RETURNED = "plan_returned", _("plan returned")
    PLAN_APPROVED = "plan_approved", _("plan approved")
    MEETING_SCHEDULED = "meeting_scheduled", _("meeting scheduled")
    RESOLUTION_ASSIGNED = "resolution_assigned", _("resolution assigned")
    RESOLUTION_OVERDUE = "resolution_overdue", _("resolution overdue")
    OBSERVATION_RECORDED = "observation_recorded", _("observation recorded")


class Notification(TimeStamped):
    # The public id used in URLs (no sequential ids in URLs).
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        "people.Staff",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    params = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    url = models.CharField(_("link"), max_length=500, blank=True)
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # No HistoricalRecords here: a notification is itself a record of an event, written once;
    # its only change is "read", which the reader makes for themselves. A history table would
    # double every write of every hand-off for nothing a user could ask about.

    school_field = "school"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notification_newest"),
        ]

    def __str__(self) -> str:
        from usul.notifications.texts import render

        return render(self.kind, self.params)

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
