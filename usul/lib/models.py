"""Building blocks shared by every app's models: timestamps, school keys, history."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Interval(models.Model):
    """A period with both ends included; an empty end means "still running" (RULES.md)."""

    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        abstract = True

    def covers(self, day) -> bool:
        from usul.lib.dates import covers

        return covers(self.start, self.end, day)


def interval_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
        name=name,
    )


def key_field() -> models.CharField:
    """The school's own stable key (the bundle's ``key``): unique per school, never a db id."""
    return models.CharField(_("key"), max_length=100)
