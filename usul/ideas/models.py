"""The bank of methodological ideas (SVC-T2, HEAD-D9, HEAD-D10).

A member of an MA uploads a *material* — a lesson plan, a methodological guide, an article, a
presentation, a set of tests — with its subject, grades and tags. Its life:

- **draft**: the author's alone, to finish at leisure;
- **submitted**: sent to the head of the MA, whose members read it too;
- the head *evaluates* it (HEAD-D9) with a comment: **returned** to the author to improve, or
  **ready for publication**;
- the head or the school's leadership **publishes** what is ready (HEAD-D10: the head
  disseminates the MA's materials): published, it is read school-wide and by the district's
  methodologists (SVC-T2: the school's bank of methodological ideas).

Who reads what is declared once, in ``usul.accounts.policy`` (``BANK``). A material is found by
a word of its title, description or tags in Kyrgyz or Russian (``usul.ideas.search``).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib import text_limits, uploads
from usul.lib.models import TimeStamped, key_field

TITLE_LIMIT = 200
DESCRIPTION_LIMIT = text_limits.PARAGRAPH
TAGS_LIMIT = 300
COMMENT_LIMIT = text_limits.PARAGRAPH
FIRST_GRADE, LAST_GRADE = 1, 11


class MaterialKind(models.TextChoices):
    LESSON_PLAN = "lesson_plan", _("lesson plan")
    GUIDE = "guide", _("methodological guide")
    ARTICLE = "article", _("article")
    PRESENTATION = "presentation", _("presentation")
    TESTS = "tests", _("set of tests")
    OTHER = "other", _("other material")


class MaterialStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("waiting for the MA head's evaluation")
    RETURNED = "returned", _("returned to the author with comments")
    READY = "ready", _("ready for publication")
    PUBLISHED = "published", _("published")


# The author may still change and send these; the head evaluates those sent.
EDITABLE = frozenset({MaterialStatus.DRAFT, MaterialStatus.RETURNED})
EVALUABLE = frozenset({MaterialStatus.SUBMITTED, MaterialStatus.RETURNED, MaterialStatus.READY})


class Material(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    key = key_field()
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.PROTECT,
        related_name="materials",
        verbose_name=_("MA"),
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("school year"),
    )
    author = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        related_name="materials",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title of the material"), max_length=TITLE_LIMIT)
    kind = models.CharField(_("kind of material"), max_length=20, choices=MaterialKind.choices)
    description = models.TextField(
        _("description of the material"), max_length=DESCRIPTION_LIMIT, blank=True
    )
    subject = models.ForeignKey(
        "schools.Subject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subject"),
    )
    # The grades it is for, both ends included; none: not tied to a grade (a guide, an article).
    grade_from = models.PositiveSmallIntegerField(
        _("from grade"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_GRADE), MaxValueValidator(LAST_GRADE)],
    )
    grade_to = models.PositiveSmallIntegerField(
        _("to grade"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_GRADE), MaxValueValidator(LAST_GRADE)],
    )
    tags = models.CharField(_("tags"), max_length=TAGS_LIMIT, blank=True)
    file = models.FileField(_("file"), storage=uploads.private_storage, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=MaterialStatus.choices, default=MaterialStatus.DRAFT
    )
    # HEAD-D9: the head's evaluation, which the author reads.
    comment = models.TextField(_("the MA head's comment"), max_length=COMMENT_LIMIT, blank=True)
    evaluated_by = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evaluated by"),
    )
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    published_by = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    # The words of the title, description and tags, folded by usul.ideas.search.words: what the
    # full-text index of either database reads (the same text, so the same results).
    search_text = models.TextField(editable=False, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    school_field = "school"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("methodological material")
        verbose_name_plural = _("methodological materials")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="material_key_per_school"),
            models.CheckConstraint(
                condition=Q(grade_from__isnull=True)
                | Q(grade_to__isnull=True)
                | Q(grade_from__lte=F("grade_to")),
                name="material_grades_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def grades(self) -> str:
        if self.grade_from and self.grade_to and self.grade_from != self.grade_to:
            return f"{self.grade_from}–{self.grade_to}"
        return str(self.grade_from or self.grade_to or "")

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE
