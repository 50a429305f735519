"""Writes of the year-end analysis (ORG-5, DOC-5): one transaction each, asking the policy
first, refusing bad input with a translated message naming the field, recording who wrote it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.analysis.models import YearAnalysis
from usul.analysis.selectors import analysis_last_day
from usul.associations.models import Association
from usul.lib import text_limits
from usul.lib.dates import format_date
from usul.lib.history import save_with_history
from usul.lib.locking import check_revision, labels_of
from usul.meetings.models import Meeting, MeetingStatus
from usul.schools.models import SchoolYear


def _lines(values: Iterable[str] | str) -> list[str]:
    """Proposals: one per line, blanks dropped."""
    if isinstance(values, str):
        values = values.splitlines()
    return [v.strip() for v in values if v and v.strip()]


@transaction.atomic
def _lines_text(values: Iterable[str] | str) -> str:
    return values if isinstance(values, str) else "\n".join(values)


def analysis_save(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    revision: int | None,
    date: dt.date,
    text: str,
    proposals: Iterable[str] | str,
    presented_at: Meeting | None = None,
) -> YearAnalysis:
    """The deputy director writes (or corrects) the analysis of the MA's year with proposals
    for the next one, presented at the MA's last meeting (ORG-5, DOC-5).

    ``revision`` is None for a new analysis; if another deputy saved one meanwhile, or changed
    the one being edited, the save is refused.
    """
    require(actor, "write_analysis", association)
    text_limits.require_all_within(
        ("text", _("Analysis of the MA's work"), text, text_limits.PAGES),
        (
            "proposals",
            _("Proposals for next year (one per line)"),
            _lines_text(proposals),
            text_limits.PAGES,
        ),
    )
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("This school year belongs to another school.")})
    analysis = (
        YearAnalysis.objects.select_for_update()
        .filter(association=association, year=year)
        .order_by("date", "id")
        .first()
    )
    if analysis is not None:
        # A new analysis (no revision) while another deputy has just saved one is stale too.
        check_revision(
            analysis,
            revision if revision is not None else 0,
            fields=labels_of(YearAnalysis, ("date", "text", "proposals")),
        )
    errors = {}
    last_day = analysis_last_day(year)
    if date is None:
        errors["date"] = _("Enter the date of the analysis.")
    elif not year.start <= date <= last_day:
        errors["date"] = _(
            "The date %(date)s is outside the school year %(year)s and its summer "
            "(%(start)s – %(end)s)."
        ) % {
            "date": format_date(date),
            "year": year.key,
            "start": format_date(year.start),
            "end": format_date(last_day),
        }
    text = (text or "").strip()
    if not text:
        errors["text"] = _("Write the analysis of the MA's work.")
    proposals = _lines(proposals)
    if not proposals:
        errors["proposals"] = _("Write at least one proposal for next year (ORG-5).")
    if presented_at is not None and (
        presented_at.association_id != association.pk
        or presented_at.year_id != year.pk
        or presented_at.status == MeetingStatus.CANCELLED
    ):
        errors["presented_at"] = _(
            "Choose a meeting of this MA in %(year)s that is not cancelled."
        ) % {"year": year.key}
    if errors:
        raise ValidationError(errors)
    if analysis is None:
        analysis = YearAnalysis(association=association, year=year, author=actor.staff)
        fields = None
    else:
        analysis.revision += 1
        fields = ["date", "text", "proposals", "presented_at", "revision", "author"]
    analysis.author = analysis.author or actor.staff
    analysis.date = date
    analysis.text = text
    analysis.proposals = proposals
    analysis.presented_at = presented_at
    save_with_history(analysis, actor, fields)
    return analysis
