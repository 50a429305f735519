"""The year-end analysis of an MA's work (ORG-5, DOC-5).

At the year's end the deputy director writes the **analysis** of the MA's work: what the year's
records show (meetings held, resolutions done, plan items, open lessons, courses and
certifications, attendance) and **proposals** for the next year, presented at the MA's last
meeting. Next year's work plan takes those proposals up (ORG-5), so the plan page shows them.

The analysis reads the plan, the meetings and the open lessons, and nothing below it reads the
analysis: it sits above ``planning``, ``meetings`` and ``lessons``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped


class YearAnalysis(TimeStamped):
    """The deputy director's analysis of the MA's year, with proposals (ORG-5, DOC-5)."""

    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="analyses",
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        "people.Staff",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), blank=True)
    proposals = models.JSONField(_("proposals for next year"), default=list, blank=True)
    presented_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("presented at meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Optimistic locking, as for the plan: a save based on an older revision is refused.
    revision = models.PositiveIntegerField(default=1)
    # The tables kept their names when the analysis left ``planning`` (state-only move).
    history = HistoricalRecords(table_name="planning_historicalyearanalysis")

    school_field = "association__school"

    class Meta:
        db_table = "planning_yearanalysis"
        ordering = ["association", "year", "date", "id"]
        verbose_name = _("year-end analysis")
        verbose_name_plural = _("year-end analyses")

    def __str__(self) -> str:
        return f"{self.association} {self.year}"
