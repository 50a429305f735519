"""Keeping the MA's documentation (ORG-6, the ``RET-*`` rules of RULES.md), as of a date.

For a register entry of school year X, let E be X's end date:

- **archival types** (resolutions, work plans and analyses: DOC-5, DOC-7, DOC-8, DOC-12) are
  kept at school until E + 3 years, then in the archive until E + 13 years;
- **standing types** (DOC-1…DOC-4) are kept while the MA is active; once it is liquidated they
  count as other types, with E the end of the latest school year that starts on or before the
  liquidation order's date;
- **other types** (DOC-6, DOC-9, DOC-10, DOC-11, ``other``) are kept until E + 3 years.

"E + N years" is the same day N calendar years later (29 February becomes 28 February);
"after" is strictly later than that day.

``due`` decides one entry: ``TRANSFER`` (an archival entry still at school after E + 3 years:
hand it to the archive), ``DISPOSE`` (its keeping time is over: it may be listed in a disposal
act) or nothing. The compliance rules RET-TRANSFER and RET-EXPIRED and the archive page both
ask it, so what the check reports is what the page lists. Nothing here deletes anything: a
disposal needs an act that the director signs (``usul.documents.disposal``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from usul.associations.selectors import liquidation_order
from usul.documents.models import (
    ARCHIVAL_DOCUMENTS,
    STANDING_DOCUMENTS,
    DocumentEntry,
    DocumentLocation,
)
from usul.lib.dates import add_years

AT_SCHOOL_YEARS = 3  # ORG-6: kept at school for three years
IN_ARCHIVE_YEARS = 13  # ORG-6: then ten years in the archive

TRANSFER = "transfer"
DISPOSE = "dispose"


def standing_end(association, years: Sequence, as_of: dt.date) -> dt.date | None:
    """For DOC-1…DOC-4 of an MA liquidated by ``as_of``: the end of the latest school year of
    ``years`` (sorted by start) that starts on or before the liquidation order's date; None
    while the MA is not liquidated at ``as_of``."""
    order = liquidation_order(association)
    if order is None or order.date > as_of:
        return None
    started = [y for y in years if y.start <= order.date]
    if not started and not years:
        return None
    # A liquidation before the school's first recorded year: that first year is the nearest
    # one known.
    return (started[-1] if started else years[0]).end


def due(
    entry: DocumentEntry, *, as_of: dt.date, standing: dt.date | None
) -> tuple[str, dt.date] | None:
    """What is due for ``entry`` at ``as_of`` — (``TRANSFER`` or ``DISPOSE``, the day its
    time ended) — or None. ``standing`` is ``standing_end`` of the entry's MA."""
    if entry.location == DocumentLocation.DISPOSED:
        return None
    end = entry.year.end
    if entry.type in ARCHIVAL_DOCUMENTS:
        transfer_by = add_years(end, AT_SCHOOL_YEARS)
        keep_until = add_years(end, IN_ARCHIVE_YEARS)
        if entry.location == DocumentLocation.SCHOOL and as_of > transfer_by:
            return TRANSFER, transfer_by
        if entry.location == DocumentLocation.ARCHIVE and as_of > keep_until:
            return DISPOSE, keep_until
        return None
    if entry.type in STANDING_DOCUMENTS:
        if standing is None:
            return None  # kept while the MA is active
        end = standing
    keep_until = add_years(end, AT_SCHOOL_YEARS)
    if as_of > keep_until:
        return DISPOSE, keep_until
    return None


@dataclass
class Item:
    entry: DocumentEntry
    action: str
    limit: dt.date


@dataclass
class Retention:
    as_of: dt.date
    transfer: list[Item] = field(default_factory=list)
    dispose: list[Item] = field(default_factory=list)
    disposed: list[DocumentEntry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.transfer or self.dispose)


def _order(item: Item):
    entry = item.entry
    return (entry.year.start, entry.association.name, entry.type, entry.key)


def retention_of_entries(
    entries: Iterable[DocumentEntry], years: Sequence, as_of: dt.date
) -> Retention:
    """Sort the entries (of one school, every MA and year) into what is due at ``as_of``."""
    result = Retention(as_of=as_of)
    ends: dict[int, dt.date | None] = {}
    for entry in entries:
        if entry.location == DocumentLocation.DISPOSED:
            result.disposed.append(entry)
            continue
        ma = entry.association
        if ma.pk not in ends:
            ends[ma.pk] = standing_end(ma, years, as_of)
        answer = due(entry, as_of=as_of, standing=ends[ma.pk])
        if answer is None:
            continue
        action, limit = answer
        (result.transfer if action == TRANSFER else result.dispose).append(
            Item(entry, action, limit)
        )
    result.transfer.sort(key=_order)
    result.dispose.sort(key=_order)
    result.disposed.sort(key=lambda e: (e.year.start, e.association.name, e.type, e.key))
    return result


def entries_of(school):
    """Every register entry of the school, of every MA (active or not) and year."""
    return DocumentEntry.objects.filter(school=school).select_related(
        "year", "association__liquidated_by", "disposal_act"
    )


def retention_of(school, as_of: dt.date) -> Retention:
    """What of the school's register is due for the archive, and what may be disposed of."""
    from usul.schools.models import SchoolYear

    years = list(SchoolYear.objects.filter(school=school).order_by("start"))
    return retention_of_entries(entries_of(school), years, as_of)
