"""Mentoring (SVC-D5, SVC-D6): the methodological service works with young specialists and with
newly arrived teachers.

Usul finds them from what is recorded (``usul.mentoring.selectors.needing_mentors``): a **young
specialist** has less than ``School.young_specialist_years`` of experience in education (RULES.md's
count of days, in years of 365.25 days); a **newly arrived** teacher took up their first position
at the school less than ``School.newly_arrived_days`` days ago. The deputy director assigns each a
**mentor** for the school year with a plan; the mentor keeps a log of their meetings; at the end
of the year the deputy records the outcome.

A mentorship is about one teacher's growth: it is read by the mentee, the mentor, the head of the
mentee's MA and the leadership — not by other colleagues (``PERSONAL`` in the policy).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field

PLAN_LIMIT = 5_000
NOTES_LIMIT = 3_000
TOPIC_LIMIT = 300


class MentoringReason(models.TextChoices):
    YOUNG_SPECIALIST = "young_specialist", _("young specialist")  # SVC-D5
    NEWLY_ARRIVED = "newly_arrived", _("newly arrived teacher")  # SVC-D6
    OTHER = "other", _("other reason")


class MentoringOutcome(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed: works on their own")
    EXTENDED = "extended", _("continued next year")
    DISCONTINUED = "discontinued", _("discontinued")


class Mentorship(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("school year"),
    )
    mentee = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        related_name="mentorships",
        verbose_name=_("mentee"),
    )
    mentor = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        related_name="mentees",
        verbose_name=_("mentor"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=MentoringReason.choices)
    start = models.DateField(_("from"))
    plan = models.TextField(_("plan"), max_length=PLAN_LIMIT, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=MentoringOutcome.choices,
        default=MentoringOutcome.IN_PROGRESS,
    )
    outcome_note = models.TextField(_("outcome, in words"), max_length=NOTES_LIMIT, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["year", "mentee__last_name", "key"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentoring")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="mentorship_key_per_school"),
            models.UniqueConstraint(fields=["year", "mentee"], name="one_mentorship_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.mentee} ← {self.mentor}"


class MentoringMeeting(TimeStamped):
    """One entry of the mentor's log: a lesson visited together, a consultation, a review."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("mentorship")
    )
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=TOPIC_LIMIT)
    notes = models.TextField(_("notes"), max_length=NOTES_LIMIT, blank=True)
    history = HistoricalRecords()

    school_field = "mentorship__school"

    class Meta:
        ordering = ["mentorship", "date", "id"]
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.topic}"
