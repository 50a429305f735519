"""The MA's year on paper: work plans with their monthly items.

The **work plan** (DOC-6, DOC-7) carries the year's theme, goal, main directions and tasks; it
must reflect the school's theme and the district's instructions (FUNC-1) and is approved at the
start of the year by a deputy director (ORG-2). Its **items**, month by month, are the monthly
plan grid (DOC-8): meetings, open lessons, seminars, trainings, extracurricular work (FUNC-2…4).
The year-end analysis that closes the year lives in ``usul.analysis``.

The plan moves draft → submitted → approved, or returned with a comment and resubmitted
(ORG-2). Every step is a **plan event** (who, when, the comment), which is also how a second
editor learns what changed under them. An approved plan is locked: changing it starts a new
**version** that needs approval again, and each approved version is kept as a **snapshot**
that stays readable. Seminars, trainings and extracurricular items record their
**participants**, **materials** and result (FUNC-3, FUNC-4).
"""

from __future__ import annotations

from uuid import uuid4

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib import uploads
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
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="plans",
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    theme = models.TextField(_("theme"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    directions = models.JSONField(_("main directions"), default=list, blank=True)
    tasks = models.JSONField(_("tasks"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateField(_("approved on"), null=True, blank=True)
    reflects_school_theme = models.BooleanField(_("reflects the school's theme"), default=False)
    reflects_instructions = models.ManyToManyField(
        "schools.DistrictInstruction",
        verbose_name=_("reflects instructions"),
        blank=True,
        related_name="+",
    )
    # Optimistic locking: every saved change bumps it; a save based on an older one is refused.
    revision = models.PositiveIntegerField(default=1)
    # ORG-2: the version being worked on; an approved version is locked and a change to it
    # starts the next one. Earlier approved versions live on as PlanVersion snapshots.
    version = models.PositiveIntegerField(_("version"), default=1)
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
    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="items"
    )
    month = models.CharField(_("month"), max_length=7)  # YYYY-MM, the monthly grid (DOC-8)
    date = models.DateField(_("date"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanItemKind.choices)
    title = models.TextField(_("title"))
    responsible = models.ForeignKey(
        "people.Staff",
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanItemStatus.choices, default=PlanItemStatus.PLANNED
    )
    result_note = models.TextField(_("result"), blank=True)
    position = models.PositiveIntegerField(_("place in the month's list"), default=0)
    # The item's public id in URLs (never the sequential id).
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    # FUNC-3, FUNC-4: who took part (colleagues) and, for extracurricular work, which pupils.
    participants = models.ManyToManyField(
        "people.Staff", verbose_name=_("participants"), blank=True, related_name="+"
    )
    audience = models.CharField(_("pupils (classes)"), max_length=300, blank=True)
    # Optimistic locking of the item itself (two people recording the same seminar).
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    school_field = "plan__association__school"

    class Meta:
        ordering = ["plan", "month", "date", "position", "id"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return self.title


class PlanEventKind(models.TextChoices):
    CREATED = "created", _("created")
    EDITED = "edited", _("edited")
    ITEM_ADDED = "item_added", _("item added")
    ITEM_CHANGED = "item_changed", _("item changed")
    ITEM_REMOVED = "item_removed", _("item removed")
    ITEM_RECORDED = "item_recorded", _("result recorded")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    APPROVED = "approved", _("approved")
    REVISED = "revised", _("new version started")

    # The steps that write a version's content: whoever took one is among its authors (ORG-2).
    WRITING: tuple[str, ...]


PlanEventKind.WRITING = (
    PlanEventKind.CREATED,
    PlanEventKind.EDITED,
    PlanEventKind.ITEM_ADDED,
    PlanEventKind.ITEM_CHANGED,
    PlanEventKind.ITEM_REMOVED,
)


class PlanEvent(models.Model):
    """One step in the life of a plan: who did what, when (ORG-2), with the return comment.

    ``revision`` is the plan's revision after the step, so "what changed since revision r" is
    the events with a larger one. ``detail`` holds the field names or the item's title.
    """

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=PlanEventKind.choices)
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    revision = models.PositiveIntegerField()
    version = models.PositiveIntegerField(_("version"))
    comment = models.TextField(_("comment"), blank=True)
    detail = models.JSONField(default=dict, blank=True)
    # No HistoricalRecords: an event is itself the history of the plan, written once.

    school_field = "plan__association__school"

    class Meta:
        ordering = ["plan", "at", "id"]
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")

    def __str__(self) -> str:
        return self.get_kind_display()


class PlanVersion(TimeStamped):
    """An approved version of a plan, frozen as it was approved (ORG-2: every version stays
    readable). ``content`` holds the plan and its items as plain values, names included, so
    that later changes to people or items never rewrite what was approved."""

    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    approved_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateField(_("approved on"), null=True, blank=True)
    content = models.JSONField(_("content"), default=dict)
    history = HistoricalRecords()

    school_field = "plan__association__school"

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("approved plan version")
        verbose_name_plural = _("approved plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class PlanItemMaterial(TimeStamped):
    """A material of a seminar, training or extracurricular event (FUNC-3, FUNC-4, SVC-T2):
    a file, a link, or just a described hand-out."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=300)
    # Checked and stored by usul.lib.uploads; ``file_name`` is the safe name it downloads as.
    file = models.FileField(_("file"), storage=uploads.private_storage, max_length=200, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    school_field = "item__plan__association__school"

    class Meta:
        ordering = ["item", "created_at", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title
