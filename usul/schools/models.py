"""Districts, schools, school years, subjects, and the papers that govern MAs.

A **district** (city) methodological office oversees many schools and sends them
**instructions** (FUNC-1). A **school** runs its methodological service year by year; each
**school year** may carry the school's methodological theme (FUNC-1, DOC-6). **Subjects** belong
to one of the four framework groupings (GEN-2). The **director's orders** create, reorganise and
liquidate MAs and confirm their heads (GEN-6, GEN-8, DOC-1, DOC-2); the **methodological
council** approves MAs' directions and their number (GEN-4, GEN-6).

Every record here belongs to one school and carries the school's own ``key`` (BUNDLE.md).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field


class District(TimeStamped):
    key = models.CharField(_("key"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("district methodological office")
        verbose_name_plural = _("district methodological offices")

    def __str__(self) -> str:
        return self.name


class School(TimeStamped):
    key = models.CharField(_("key"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
    )
    # School settings (RULES.md defaults).
    plan_deadline_days = models.PositiveIntegerField(_("days to approve the plan"), default=14)
    young_specialist_years = models.PositiveIntegerField(_("young specialist, years"), default=3)
    newly_arrived_days = models.PositiveIntegerField(_("newly arrived, days"), default=365)
    ktu_required = models.BooleanField(_("KTU required"), default=True)
    history = HistoricalRecords()

    school_field = ""

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return self.name


class SchoolYear(TimeStamped):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="years")
    key = key_field()
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    # BUNDLE.md: ``theme`` may be null, and a bundle comes back as it went in (null ≠ "").
    theme = models.TextField(_("school's methodological theme"), null=True, blank=True)  # noqa: DJ001
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "start"]
        verbose_name = _("school year")
        verbose_name_plural = _("school years")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="schoolyear_key_per_school"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="schoolyear_start_le_end"
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def plan_deadline(self) -> dt.date:
        """RULES.md: year start + ``plan_deadline_days`` days (ORG-2)."""
        return self.start + dt.timedelta(days=self.school.plan_deadline_days)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Area(models.TextChoices):
    """The four groupings of the National Framework Curriculum (GEN-2)."""

    LANGUAGES = "languages", _("Languages")
    STEM = "stem", _("Mathematics and natural sciences")
    ARTS_SOCIAL = "arts_social", _("Arts, physical education and social studies")
    PRIMARY = "primary", _("Primary classes")


class Subject(TimeStamped):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="subjects")
    key = key_field()
    name_ky = models.CharField(_("name in Kyrgyz"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "area", "name_ky"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="subject_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "ky")[:2]
        return getattr(self, f"name_{language}", "") or self.name_ky


class OrderKind(models.TextChoices):
    MA_CREATE = "ma_create", _("Creating an MA")
    MA_REORGANIZE = "ma_reorganize", _("Reorganising an MA")
    MA_LIQUIDATE = "ma_liquidate", _("Liquidating an MA")
    HEAD_CONFIRM = "head_confirm", _("Confirming an MA head")
    MA_COUNT = "ma_count", _("Number of MAs")
    KTU_COMMISSION = "ktu_commission", _("KTU commission")
    OTHER = "other", _("Other")


class Order(TimeStamped):
    """A director's order (буйрук): GEN-6, GEN-8, DOC-1, DOC-2."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="orders")
    key = key_field()
    number = models.CharField(_("number"), max_length=50, blank=True)
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=OrderKind.choices)
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
    )
    proposed_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposed_orders",
    )
    signed_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_orders",
    )
    text = models.TextField(_("text"), blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "date", "key"]
        verbose_name = _("director's order")
        verbose_name_plural = _("director's orders")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="order_key_per_school"),
        ]

    def __str__(self) -> str:
        return f"№{self.number} {self.date:%d.%m.%Y}"


class CouncilDecision(TimeStamped):
    """A decision of the methodological council (GEN-4, GEN-6)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="council_decisions")
    key = key_field()
    year = models.ForeignKey(SchoolYear, on_delete=models.PROTECT, related_name="council_decisions")
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), blank=True)
    associations = models.ManyToManyField(
        "associations.Association",
        verbose_name=_("MAs"),
        blank=True,
        related_name="council_decisions",
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "date", "key"]
        verbose_name = _("methodological council decision")
        verbose_name_plural = _("methodological council decisions")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="council_key_per_school"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.date:%d.%m.%Y}"


class DistrictInstruction(TimeStamped):
    """An instruction of the district (city) methodological office (FUNC-1)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="district_instructions"
    )
    key = key_field()
    year = models.ForeignKey(SchoolYear, on_delete=models.PROTECT, related_name="instructions")
    number = models.CharField(_("number"), max_length=50, blank=True)
    date = models.DateField(_("date"))
    title = models.TextField(_("title"))
    # targets: ["all"] in the bundle, or a list of subjects.
    targets_all = models.BooleanField(_("for all subjects"), default=False)
    target_subjects = models.ManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="instructions"
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "date", "key"]
        verbose_name = _("district instruction")
        verbose_name_plural = _("district instructions")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="instruction_key_per_school"),
        ]

    def __str__(self) -> str:
        return f"№{self.number} {self.title}"
