"""The papers that govern MAs: the director's orders and the methodological council's decisions.

The **director's orders** (буйрук) create, reorganise and liquidate MAs and confirm their heads
(GEN-6, GEN-8, DOC-1, DOC-2); the **methodological council** (усулдук кеңеш) approves the MAs'
directions and their number (GEN-4, GEN-6). Both belong to one school and carry the school's
own ``key`` (BUNDLE.md). Their tables keep the names they had in ``schools``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field
from usul.schools.models import School, SchoolYear


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
    # The tables kept their names when the orders left ``schools`` (state-only move).
    history = HistoricalRecords(table_name="schools_historicalorder")

    school_field = "school"

    class Meta:
        db_table = "schools_order"
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
    year = models.ForeignKey(
        SchoolYear,
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="council_decisions",
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), blank=True)
    associations = models.ManyToManyField(
        "associations.Association",
        verbose_name=_("MAs"),
        blank=True,
        related_name="council_decisions",
    )
    history = HistoricalRecords(table_name="schools_historicalcouncildecision")

    school_field = "school"

    class Meta:
        db_table = "schools_councildecision"
        ordering = ["school", "date", "key"]
        verbose_name = _("methodological council decision")
        verbose_name_plural = _("methodological council decisions")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="council_key_per_school"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.date:%d.%m.%Y}"
