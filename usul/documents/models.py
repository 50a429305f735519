"""The MA's documentation register: the twelve documents (DOC-1…DOC-12) and their keeping.

Every MA keeps twelve documents (DOC-1…DOC-12). The **register** lists each document with its
year and where it is kept: at the school for three years, then resolutions, plans and analyses
go to the archive for ten (ORG-6). Nothing is destroyed without a disposal act signed by the
director; a disposed entry stays in the register, marked ``disposed``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field


class DocumentType(models.TextChoices):
    DOC_1 = "DOC-1", _("Order on opening the MA")
    DOC_2 = "DOC-2", _("Order on electing the MA head")
    DOC_3 = "DOC-3", _("Regulation on the MA")
    DOC_4 = "DOC-4", _("Functional duties of the MA's teachers")
    DOC_5 = "DOC-5", _("Analysis of the MA's work in the previous year")
    DOC_6 = "DOC-6", _("Methodological theme, goal, directions and tasks for the year")
    DOC_7 = "DOC-7", _("Work plan and the schedule of open lessons")
    DOC_8 = "DOC-8", _("Plan grid for each month")
    DOC_9 = "DOC-9", _("Data bank on the MA's teachers")
    DOC_10 = "DOC-10", _("Teachers' self-development topics and creative reports")
    DOC_11 = "DOC-11", _("Calendar-thematic planning")
    DOC_12 = "DOC-12", _("Resolutions of the MA's meetings")
    OTHER = "other", _("Other document")


REQUIRED_DOCUMENTS = [t for t in DocumentType if t != DocumentType.OTHER]
STANDING_DOCUMENTS = frozenset({"DOC-1", "DOC-2", "DOC-3", "DOC-4"})
ARCHIVAL_DOCUMENTS = frozenset({"DOC-5", "DOC-7", "DOC-8", "DOC-12"})


class DocumentLocation(models.TextChoices):
    SCHOOL = "school", _("at school")
    ARCHIVE = "archive", _("in the archive")
    DISPOSED = "disposed", _("disposed")


class DocumentEntry(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    type = models.CharField(_("document"), max_length=10, choices=DocumentType.choices)
    title = models.TextField(_("title"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    location = models.CharField(
        _("kept"),
        max_length=10,
        choices=DocumentLocation.choices,
        default=DocumentLocation.SCHOOL,
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["association", "year", "type", "key"]
        verbose_name = _("register entry")
        verbose_name_plural = _("documentation register")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="document_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.title or self.get_type_display()
