"""Keeping the MA's documentation (ORG-6): three years at school, then resolutions, plans and
analyses ten more years in the archive.

Runs over every register entry of every year and of every MA, active or not: a liquidated MA's
papers still have to be kept. Nothing is ever deleted here — RET-EXPIRED only says that an entry
may now be listed in a disposal act, which the director signs.
"""

from __future__ import annotations

import datetime as dt

from usul.associations.selectors import liquidation_order
from usul.compliance.context import Context
from usul.compliance.findings import DOCUMENT, Finding
from usul.compliance.registry import CLAUSES, implements
from usul.documents.models import ARCHIVAL_DOCUMENTS, STANDING_DOCUMENTS, DocumentLocation
from usul.lib.dates import add_years, format_date

AT_SCHOOL_YEARS = 3  # ORG-6: kept at school for three years
IN_ARCHIVE_YEARS = 13  # ORG-6: then ten years in the archive


def standing_end(ctx: Context, ma) -> dt.date | None:
    """For DOC-1…DOC-4 of a liquidated MA: the end of the latest school year that starts on or
    before the liquidation order's date; None while the MA is not liquidated at D."""
    order = liquidation_order(ma)
    if order is None or order.date > ctx.as_of:
        return None
    started = [y for y in ctx.snapshot.years if y.start <= order.date]
    # A liquidation before the school's first recorded year: that first year is the nearest
    # one we know (docs/rules.md, "Retention of a liquidated MA's standing papers").
    return (started[-1] if started else ctx.snapshot.years[0]).end


def _finding(ctx: Context, rule_id: str, ma, entry, limit: dt.date) -> Finding:
    return ctx.finding(
        rule_id,
        subject=(DOCUMENT, entry.key),
        associations=[ma],
        association=ma.name,
        document=entry.type,
        title=entry.title or CLAUSES.get(entry.type, entry.type),
        year=entry.year.key,
        limit=format_date(limit),
    )


def _check_entry(ctx: Context, ma, entry) -> list[Finding]:
    end = entry.year.end
    # "After" is strictly later than E + N years; 29 February becomes 28 February.
    if entry.type in ARCHIVAL_DOCUMENTS:
        transfer_by, keep_until = add_years(end, AT_SCHOOL_YEARS), add_years(end, IN_ARCHIVE_YEARS)
        if entry.location == DocumentLocation.SCHOOL and ctx.as_of > transfer_by:
            return [_finding(ctx, "RET-TRANSFER", ma, entry, transfer_by)]
        if entry.location == DocumentLocation.ARCHIVE and ctx.as_of > keep_until:
            return [_finding(ctx, "RET-EXPIRED", ma, entry, keep_until)]
        return []
    if entry.type in STANDING_DOCUMENTS:
        # Kept while the MA is active; once liquidated they count as other types.
        end = standing_end(ctx, ma)
        if end is None:
            return []
    keep_until = add_years(end, AT_SCHOOL_YEARS)
    if entry.location != DocumentLocation.DISPOSED and ctx.as_of > keep_until:
        return [_finding(ctx, "RET-EXPIRED", ma, entry, keep_until)]
    return []


def retention_findings(ctx: Context) -> list[Finding]:
    findings = []
    for ma in ctx.snapshot.associations:
        for entry in ma.documents.all():
            findings.extend(_check_entry(ctx, ma, entry))
    return findings


@implements("RET-TRANSFER")
def transfer(ctx: Context) -> list[Finding]:
    return [f for f in retention_findings(ctx) if f.rule == "RET-TRANSFER"]


@implements("RET-EXPIRED")
def expired(ctx: Context) -> list[Finding]:
    return [f for f in retention_findings(ctx) if f.rule == "RET-EXPIRED"]
