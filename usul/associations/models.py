"""Methodological associations (усулдук бирикме, MA) and who belongs to them.

An **association** unites at least three teachers by subject area or by kind of upbringing work
(GEN-1, GEN-2, GEN-5). The director's order creates and liquidates it on a deputy's proposal
(GEN-8, DOC-1); it is directly subordinate to a deputy director, its **supervisor** (GEN-9).
**Memberships** say who belongs to it and when; **head terms** say who led it and when — the
head is elected by the members (ORG-1) and confirmed by order (DOC-2) and must be qualified
(GEN-3, HEAD-1).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import Interval, TimeStamped, interval_constraint, key_field


class AssociationKind(models.TextChoices):
    SUBJECT = "subject", _("subject MA")
    CLASS_TEACHERS = "class_teachers", _("MA of class teachers")
    EDUCATORS = "educators", _("MA of educators")
    OTHER = "other", _("other MA")


class Association(TimeStamped):
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="associations"
    )
    key = key_field()
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=AssociationKind.choices)
    subjects = models.ManyToManyField(
        "schools.Subject", verbose_name=_("subjects"), blank=True, related_name="associations"
    )
    created_by = models.ForeignKey(
        "orders.Order",
        verbose_name=_("creating order"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    liquidated_by = models.ForeignKey(
        "orders.Order",
        verbose_name=_("liquidating order"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The subjects decide MA-SUBJECTS (GEN-2, GEN-7): their changes belong in the history too.
    history = HistoricalRecords(m2m_fields=[subjects])

    school_field = "school"

    class Meta:
        ordering = ["school", "name", "key"]
        verbose_name = _("methodological association")
        verbose_name_plural = _("methodological associations")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="association_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.name


class Supervision(Interval, TimeStamped):
    """The deputy director the MA is subordinate to (GEN-9)."""

    association = models.ForeignKey(
        Association, verbose_name=_("MA"), on_delete=models.CASCADE, related_name="supervisors"
    )
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("supervisor"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "start", "id"]
        verbose_name = _("supervisor")
        verbose_name_plural = _("supervisors")
        constraints = [interval_constraint("supervision_start_le_end")]

    def __str__(self) -> str:
        return str(self.staff)


class Membership(Interval, TimeStamped):
    association = models.ForeignKey(
        Association, verbose_name=_("MA"), on_delete=models.CASCADE, related_name="members"
    )
    staff = models.ForeignKey(
        "people.Staff",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "start", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [interval_constraint("membership_start_le_end")]

    def __str__(self) -> str:
        return str(self.staff)


class HeadTerm(Interval, TimeStamped):
    """A term as head (chair) of the MA: elected at a meeting (ORG-1), confirmed by order."""

    association = models.ForeignKey(
        Association, verbose_name=_("MA"), on_delete=models.CASCADE, related_name="heads"
    )
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("head"), on_delete=models.PROTECT, related_name="head_terms"
    )
    elected_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("elected at meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("order"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "start", "id"]
        verbose_name = _("head term")
        verbose_name_plural = _("head terms")
        constraints = [interval_constraint("headterm_start_le_end")]

    def __str__(self) -> str:
        return str(self.staff)
