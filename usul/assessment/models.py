"""The labour-participation coefficient (КТУ) of MA members.

Each MA forms a **commission** that determines every member's КТУ (FUNC-5). One **KTU record**
per MA and school year holds the commission and the members' **values**.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped


class KtuRecord(TimeStamped):
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="ktu",
    )
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    commission = models.ManyToManyField(
        "people.Staff", verbose_name=_("commission"), blank=True, related_name="+"
    )
    history = HistoricalRecords()

    school_field = "association__school"

    class Meta:
        ordering = ["association", "year", "id"]
        verbose_name = _("KTU record")
        verbose_name_plural = _("KTU records")

    def __str__(self) -> str:
        return f"{self.association} {self.year}"


class KtuValue(TimeStamped):
    record = models.ForeignKey(
        KtuRecord, verbose_name=_("KTU record"), on_delete=models.CASCADE, related_name="values"
    )
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("KTU"), max_digits=6, decimal_places=3)
    history = HistoricalRecords()

    school_field = "record__association__school"

    class Meta:
        ordering = ["record", "id"]
        verbose_name = _("KTU value")
        verbose_name_plural = _("KTU values")

    def __str__(self) -> str:
        return f"{self.staff}: {self.value}"
