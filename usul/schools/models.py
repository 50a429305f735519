"""Districts, schools, school years, subjects and the district's instructions.

A **district** (city) methodological office oversees many schools and sends them
**instructions** (FUNC-1). A **school** runs its methodological service year by year; each
**school year** may carry the school's methodological theme (FUNC-1, DOC-6). **Subjects** belong
to one of the four framework groupings (GEN-2). The school is the tenant root: every other
record belongs to one school, and this app imports none of them. The director's orders and the
methodological council's decisions that govern MAs are in ``usul.orders``.

Every record here belongs to one school and carries the school's own ``key`` (BUNDLE.md).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.dates import months_between
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
    # HEAD-D3, SVC-D2: home-page reminders of certification and qualification upgrading.
    category_reminder_months = models.PositiveIntegerField(
        _("remind of a category expiring, months ahead"), default=6
    )
    course_reminder_years = models.PositiveIntegerField(
        _("remind after years without a course"), default=5
    )
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
        """True from the year's first teaching day to its last."""
        return self.start <= day <= self.end

    # The year's window. A school year is prepared in the August before it: the MA's first
    # meeting is held then and the plan is written then (BUNDLE.md, ORG-2), so plan items,
    # meetings and the plan grid may be dated from 1 August. Every app asks these four, never
    # its own arithmetic, so that August sorts before September everywhere.

    @property
    def window_start(self) -> dt.date:
        """The first day a record of the year may carry: 1 August of the year's start, or the
        start itself if the year starts earlier than that."""
        return min(self.start, dt.date(self.start.year, 8, 1))

    def in_window(self, day: dt.date) -> bool:
        """True from ``window_start`` to the year's last day, both included."""
        return self.window_start <= day <= self.end

    def months(self) -> list[str]:
        """The months of the year's window, "YYYY-MM", in calendar order: August first."""
        return months_between(self.window_start, self.end)

    def teaching_months(self) -> list[str]:
        """The months from the year's start month to its end month (DOC-8, RULES.md
        PLAN-MONTHS): the months a plan must cover; August may hold items but need not."""
        return months_between(self.start, self.end)


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


class DistrictInstruction(TimeStamped):
    """An instruction of the district (city) methodological office (FUNC-1)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="district_instructions"
    )
    key = key_field()
    year = models.ForeignKey(
        SchoolYear,
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="instructions",
    )
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
