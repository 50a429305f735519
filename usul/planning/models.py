"""The MA's year on paper: work plans with their monthly items, and the year-end analysis.

The **work plan** (DOC-6, DOC-7) carries the year's theme, goal, main directions and tasks; it
must reflect the school's theme and the district's instructions (FUNC-1) and is approved at the
start of the year by a deputy director (ORG-2). Its **items**, month by month, are the monthly
plan grid (DOC-8): meetings, open lessons, seminars, trainings, extracurricular work (FUNC-2…4).
At the year's end the deputy director writes the **analysis** of the MA's work with proposals
for the next year, presented at the MA's last meeting (ORG-5, DOC-5).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned")


class PlanItemKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    OPEN_LESSON = "open_lesson", _("open lesson")
    SEMINAR = "seminar", _("seminar")
    TRAINING = "training", _("training")
    EXTRACURRICULAR = "extracurricular", _("extracurricular work")
    CONTROL_WORK = "control_work", _("control work")
    OBSERVATION = "observation", _("lesson observation")
    OTHER = "other", _("other")


class PlanItemStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class WorkPlan(TimeStamped):
    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="plans"
    )
    year = models.ForeignKey("schools.SchoolYear", on_delete=models.PROTECT, related_name="+")
    theme = models.TextField(_("theme"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    directions = models.JSONField(_("main directions"), default=list, blank=True)
    tasks = models.JSONField(_("tasks"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        "people.Staff", verbose_name=_("approved by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    approved_at = models.DateField(_("approved on"), null=True, blank=True)
    reflects_school_theme = models.BooleanField(_("reflects the school's theme"), default=False)
    reflects_instructions = models.ManyToManyField(
        "schools.DistrictInstruction", verbose_name=_("reflects instructions"), blank=True,
        related_name="+",
    )
    # Optimistic locking: every saved change bumps it; a save based on an older one is refused.
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "year"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_plan_per_ma_year"),
        ]

    def __str__(self) -> str:
        return f"{self.association} {self.year}"


class PlanItem(TimeStamped):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="items")
    month = models.CharField(_("month"), max_length=7)  # YYYY-MM, the monthly grid (DOC-8)
    date = models.DateField(_("date"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanItemKind.choices)
    title = models.TextField(_("title"))
    responsible = models.ForeignKey(
        "people.Staff", verbose_name=_("responsible"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanItemStatus.choices, default=PlanItemStatus.PLANNED
    )
    result_note = models.TextField(_("result"), blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    school_field = "plan__association__school"

    class Meta:
        ordering = ["plan", "month", "date", "position", "id"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return self.title


class YearAnalysis(TimeStamped):
    """The deputy director's analysis of the MA's year, with proposals (ORG-5, DOC-5)."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="analyses"
    )
    year = models.ForeignKey("schools.SchoolYear", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        "people.Staff", verbose_name=_("author"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), blank=True)
    proposals = models.JSONField(_("proposals for next year"), default=list, blank=True)
    presented_at = models.ForeignKey(
        "meetings.Meeting", verbose_name=_("presented at meeting"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "year", "date", "id"]
        verbose_name = _("year-end analysis")
        verbose_name_plural = _("year-end analyses")

    def __str__(self) -> str:
        return f"{self.association} {self.year}"
