"""The school's staff: the data bank on teachers and what it is built from.

A **staff** record is one person employed by the school — teacher, class teacher, educator,
director or deputy. It holds the data bank of DOC-9 (age, education, specialty, subjects taught,
pedagogical and total experience), the **positions** that give a person their roles at a date,
the **employment history** from which experience in education is counted (HEAD-1), the
**qualification categories** with their validity (GEN-3), **teaching assignments** per year
(GEN-7), **self-development topics** (DOC-10, DUTY-1), **courses** of qualification upgrading
(DUTY-1, SVC-D1) and **calendar-thematic plans** with their lessons (DOC-11, HEAD-D3).
"""

from __future__ import annotations

from uuid import uuid4

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib import uploads
from usul.lib.models import Interval, TimeStamped, interval_constraint, key_field


class Gender(models.TextChoices):
    FEMALE = "f", _("female")
    MALE = "m", _("male")


class EducationLevel(models.TextChoices):
    HIGHER = "higher", _("higher")
    INCOMPLETE_HIGHER = "incomplete_higher", _("incomplete higher")
    SECONDARY_PROFESSIONAL = "secondary_professional", _("secondary professional")
    SECONDARY = "secondary", _("secondary")


class Role(models.TextChoices):
    """Roles held through a school position (BUNDLE.md ``positions[].role``)."""

    TEACHER = "teacher", _("teacher")
    CLASS_TEACHER = "class_teacher", _("class teacher")
    EDUCATOR = "educator", _("educator")
    DIRECTOR = "director", _("director")
    DEPUTY_ACADEMIC = "deputy_academic", _("deputy director for teaching and upbringing")
    DEPUTY_METHODICAL = "deputy_methodical", _("deputy director for scientific-methodological work")
    OTHER = "other", _("other")


DEPUTY_ROLES = frozenset({Role.DEPUTY_ACADEMIC, Role.DEPUTY_METHODICAL})
TEACHING_ROLES = frozenset({Role.TEACHER, Role.CLASS_TEACHER})


class CategoryLevel(models.TextChoices):
    HIGHEST = "highest", _("highest category")
    FIRST = "first", _("first category")
    SECOND = "second", _("second category")
    NONE = "none", _("no category")


class ThematicPlanKind(models.TextChoices):
    SUBJECT = "subject", _("by subject")
    INDIVIDUAL = "individual", _("individual")
    CLUB = "club", _("subject club")


class Staff(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="staff")
    key = key_field()
    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    # Education (DOC-9, HEAD-1). ``has_education`` keeps "no education section" apart from an
    # empty one, so that a bundle comes back as it went in.
    has_education = models.BooleanField(default=False)
    education_level = models.CharField(
        _("education"), max_length=30, choices=EducationLevel.choices, blank=True
    )
    education_institution = models.CharField(_("institution"), max_length=300, blank=True)
    education_graduated = models.PositiveIntegerField(_("graduated"), null=True, blank=True)
    education_specialty = models.CharField(_("specialty"), max_length=300, blank=True)
    # How to reach the person (the staff roster's columns): not an account's log-in address.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "last_name", "first_name", "key"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="staff_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        initials = "".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}".strip()


class Position(Interval, TimeStamped):
    """A position at the school; gives the person a role while it runs."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="positions"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "start", "role"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [interval_constraint("position_start_le_end")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.start:%d.%m.%Y}–)"


class Employment(Interval, TimeStamped):
    """One period of the employment history; ``in_education`` counts for HEAD-1."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="employment"
    )
    organization = models.CharField(_("organization"), max_length=300)
    position = models.CharField(_("position"), max_length=200, blank=True)
    in_education = models.BooleanField(_("in education"), default=True)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "start"]
        verbose_name = _("employment period")
        verbose_name_plural = _("employment history")
        constraints = [interval_constraint("employment_start_le_end")]

    def __str__(self) -> str:
        return self.organization


class Category(TimeStamped):
    """A qualification category awarded at certification (GEN-3)."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="categories"
    )
    # The record's address on the qualification page, where it is corrected or removed.
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    category = models.CharField(_("category"), max_length=10, choices=CategoryLevel.choices)
    awarded = models.DateField(_("awarded"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    # HEAD-D3: the order that awarded it (its number and date, as written on it).
    order = models.CharField(_("order"), max_length=100, blank=True)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "awarded"]
        verbose_name = _("qualification category")
        verbose_name_plural = _("qualification categories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("awarded")),
                name="category_awarded_le_valid_until",
            )
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class Teaching(TimeStamped):
    """What a person teaches in a school year (GEN-7, DOC-9)."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("teacher"), on_delete=models.CASCADE, related_name="teaching"
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.ForeignKey(
        "schools.Subject", verbose_name=_("subject"), on_delete=models.PROTECT, related_name="+"
    )
    grades = models.JSONField(_("grades"), default=list, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "year", "subject", "id"]
        verbose_name = _("teaching assignment")
        verbose_name_plural = _("teaching assignments")

    def __str__(self) -> str:
        return f"{self.subject} {self.grades}"


class SelfDevelopmentTopic(TimeStamped):
    staff = models.ForeignKey(
        Staff, verbose_name=_("teacher"), on_delete=models.CASCADE, related_name="self_development"
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.TextField(_("topic"))
    # DOC-10: how the teacher works on the topic through the year, and what it should give.
    plan = models.TextField(_("plan of work on the topic"), blank=True)
    expected_result = models.TextField(_("expected result"), blank=True)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "year", "id"]
        verbose_name = _("self-development topic")
        verbose_name_plural = _("self-development topics")

    def __str__(self) -> str:
        return self.topic


class CreativeReport(TimeStamped):
    """A creative report on the self-development topic (DOC-10, DUTY-1): an open lesson, a talk
    at an MA meeting, an article, a master class — with its materials or a link to them."""

    topic = models.ForeignKey(
        SelfDevelopmentTopic,
        verbose_name=_("self-development topic"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    form = models.CharField(_("form of the report"), max_length=200)
    materials = models.TextField(_("materials"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    history = HistoricalRecords()

    school_field = "topic__staff__school"

    class Meta:
        ordering = ["topic", "date", "id"]
        verbose_name = _("creative report")
        verbose_name_plural = _("creative reports")

    def __str__(self) -> str:
        return self.form


class Course(TimeStamped):
    """Qualification upgrading (DUTY-1)."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("teacher"), on_delete=models.CASCADE, related_name="courses"
    )
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    title = models.TextField(_("title"))
    provider = models.CharField(_("provider"), max_length=300, blank=True)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("to"), null=True, blank=True)
    certificate = models.CharField(_("certificate"), max_length=100, blank=True)
    # The certificate's scan (PDF, JPEG or PNG), checked and stored privately by
    # usul.lib.uploads; read only by whoever reads the person's courses. ``scan_name`` is the
    # safe name it downloads as.
    scan = models.FileField(
        _("certificate scan"), storage=uploads.private_storage, max_length=200, blank=True
    )
    scan_name = models.CharField(_("scan's file name"), max_length=200, blank=True)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "start", "id"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title


class ThematicPlan(TimeStamped):
    """A calendar-thematic plan (DOC-11)."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("teacher"), on_delete=models.CASCADE, related_name="thematic_plans"
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.ForeignKey(
        "schools.Subject", verbose_name=_("subject"), on_delete=models.PROTECT, related_name="+"
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    kind = models.CharField(_("kind"), max_length=20, choices=ThematicPlanKind.choices)
    history = HistoricalRecords()

    school_field = "staff__school"

    class Meta:
        ordering = ["staff", "year", "subject", "grade", "id"]
        verbose_name = _("calendar-thematic plan")
        verbose_name_plural = _("calendar-thematic plans")

    def __str__(self) -> str:
        return f"{self.subject} {self.grade}"


class ThematicPlanItem(TimeStamped):
    """A lesson of a calendar-thematic plan; ``done`` is the day it was marked taught. Its
    history tells the plan's page who added a lesson and who marked it taught (or took the
    mark back), and when."""

    plan = models.ForeignKey(
        ThematicPlan,
        verbose_name=_("calendar-thematic plan"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    n = models.PositiveIntegerField(_("No."))
    topic = models.TextField(_("topic"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    planned = models.DateField(_("planned"), null=True, blank=True)
    done = models.DateField(_("taught on"), null=True, blank=True)
    history = HistoricalRecords()

    school_field = "plan__staff__school"

    class Meta:
        ordering = ["plan", "n"]
        verbose_name = _("lesson of a calendar-thematic plan")
        verbose_name_plural = _("lessons of a calendar-thematic plan")

    def __str__(self) -> str:
        return f"{self.n}. {self.topic}"
