"""Open lessons and lesson observations.

MAs organise **cycles of open lessons** on set topics (ORG-3, FUNC-3); the head and colleagues
attend and analyse them (HEAD-D1) — the **observation** — which is how the service monitors and
evaluates teachers' activity (SVC-D4). The open-lesson schedule is part of DOC-7.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field


class OpenLessonStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class OpenLesson(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="open_lessons",
    )
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    teacher = models.ForeignKey(
        "people.Staff",
        verbose_name=_("teacher"),
        on_delete=models.PROTECT,
        related_name="open_lessons",
    )
    subject = models.ForeignKey(
        "schools.Subject",
        verbose_name=_("subject"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True)
    class_label = models.CharField(_("class"), max_length=20, blank=True)
    topic = models.TextField(_("topic"))
    cycle_topic = models.CharField(_("cycle topic"), max_length=300, blank=True)
    date = models.DateField(_("date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OpenLessonStatus.choices,
        default=OpenLessonStatus.SCHEDULED,
    )
    plan_item = models.ForeignKey(
        "planning.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="open_lessons",
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["association", "date", "key"]
        verbose_name = _("open lesson")
        verbose_name_plural = _("open lessons")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="openlesson_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.topic


class ObservationTemplate(TimeStamped):
    """The school's form for analysing a lesson (HEAD-D1, SVC-D4): criteria scored on a scale,
    and the overall judgements to choose from.

    A school edits its form by saving a new ``version``; each observation keeps the version it
    was filled in with, so last term's scores still read against last term's criteria.
    ``criteria`` and ``judgements`` are lists of ``{"key", "ky", "ru", "en"}``.
    """

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField(_("version"))
    name = models.CharField(_("name"), max_length=200)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    criteria = models.JSONField(_("criteria"), default=list)
    judgements = models.JSONField(_("overall judgements"), default=list, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "-version"]
        verbose_name = _("observation template")
        verbose_name_plural = _("observation templates")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "version"], name="observationtemplate_version_per_school"
            ),
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="observationtemplate_scale_min_lt_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Observation(TimeStamped):
    """An observation (analysis) of a lesson; of an open lesson or of a head's visit."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    open_lesson = models.ForeignKey(
        OpenLesson,
        verbose_name=_("open lesson"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
    )
    teacher = models.ForeignKey(
        "people.Staff",
        verbose_name=_("observed teacher"),
        on_delete=models.PROTECT,
        related_name="observations_received",
    )
    observer = models.ForeignKey(
        "people.Staff",
        verbose_name=_("observer"),
        on_delete=models.PROTECT,
        related_name="observations_made",
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    judgement = models.CharField(_("overall judgement"), max_length=50, blank=True)
    # The form the scores were given on; empty for observations brought in by a bundle.
    template = models.ForeignKey(
        ObservationTemplate,
        verbose_name=_("observation template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "date", "id"]
        verbose_name = _("lesson observation")
        verbose_name_plural = _("lesson observations")

    def __str__(self) -> str:
        return f"{self.teacher} {self.date:%d.%m.%Y}"


class OpenLessonVisitor(TimeStamped):
    """A colleague signed up to attend an open lesson (ORG-3, FUNC-3: colleagues attend and
    then analyse it, HEAD-D1). The calendar shows the lesson to each visitor."""

    open_lesson = models.ForeignKey(
        OpenLesson,
        verbose_name=_("open lesson"),
        on_delete=models.CASCADE,
        related_name="visitors",
    )
    staff = models.ForeignKey(
        "people.Staff",
        verbose_name=_("visitor"),
        on_delete=models.PROTECT,
        related_name="open_lesson_visits",
    )
    history = HistoricalRecords()

    school_field = "open_lesson__school"

    class Meta:
        ordering = ["open_lesson", "created_at", "id"]
        verbose_name = _("open-lesson visitor")
        verbose_name_plural = _("open-lesson visitors")
        constraints = [
            models.UniqueConstraint(
                fields=["open_lesson", "staff"], name="openlessonvisitor_once_per_staff"
            ),
        ]

    def __str__(self) -> str:
        return str(self.staff)
