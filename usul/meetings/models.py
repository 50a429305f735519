"""MA meetings (отурум), their attendance and their resolutions (токтом).

At least four **meetings** are held in a school year and they adopt **resolutions** (ORG-4,
FUNC-2); the resolutions are one of the twelve documents (DOC-12). Members must attend
(DUTY-2): **attendance** is recorded per member. A meeting belongs to its school year by its
``year``, whatever its date — the first one is often held in late August.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    ABSENT = "absent", _("absent")
    EXCUSED = "excused", _("excused")


class ResolutionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Meeting(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.PositiveIntegerField(_("No."))
    date = models.DateField(_("date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.SCHEDULED,
    )
    agenda = models.JSONField(_("agenda"), default=list, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    plan_item = models.ForeignKey(
        "planning.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["association", "date", "number", "key"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="meeting_key_per_school"),
        ]

    def __str__(self) -> str:
        return f"№{self.number} {self.date:%d.%m.%Y}"


class Attendance(TimeStamped):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    history = HistoricalRecords()

    school_field = "meeting__school"

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "staff"], name="attendance_once_per_staff"),
        ]

    def __str__(self) -> str:
        return f"{self.staff}: {self.get_status_display()}"


class Resolution(TimeStamped):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="resolutions"
    )
    number = models.PositiveIntegerField(_("No."))
    text = models.TextField(_("text"))
    responsible = models.ForeignKey(
        "people.Staff",
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions",
    )
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ResolutionStatus.choices,
        default=ResolutionStatus.OPEN,
    )
    history = HistoricalRecords()

    school_field = "meeting__school"

    class Meta:
        ordering = ["meeting", "number", "id"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class ResolutionReminder(TimeStamped):
    """The overdue notice for one resolution and one due date was sent (idempotent cron)."""

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.CASCADE, related_name="+"
    )
    # The due date that was missed: if the MA moves the due date and it passes again, the
    # people are told again — once per missed date.
    due = models.DateField(_("due"))
    # The tables kept their names when the reminders left ``notifications`` (state-only move).
    history = HistoricalRecords(table_name="notifications_historicalresolutionreminder")

    school_field = "resolution__meeting__school"

    class Meta:
        db_table = "notifications_resolutionreminder"
        ordering = ["resolution", "due"]
        verbose_name = _("overdue reminder")
        verbose_name_plural = _("overdue reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "due"], name="resolution_reminder_once_per_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resolution} ({self.due:%d.%m.%Y})"
