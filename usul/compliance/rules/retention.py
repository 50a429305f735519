"""Keeping the MA's documentation (ORG-6): three years at school, then resolutions, plans and
analyses ten more years in the archive.

Runs over every register entry of every year and of every MA, active or not: a liquidated MA's
papers still have to be kept. Nothing is ever deleted here — RET-EXPIRED only says that an entry
may now be listed in a disposal act, which the director signs.
"""

from __future__ import annotations

import datetime as dt

from usul.compliance.context import Context
from usul.compliance.findings import DOCUMENT, Finding
from usul.compliance.registry import CLAUSES, implements
from usul.documents import retention
from usul.lib.dates import format_date


def standing_end(ctx: Context, ma) -> dt.date | None:
    """For DOC-1…DOC-4 of a liquidated MA: the end of the latest school year that starts on or
    before the liquidation order's date; None while the MA is not liquidated at D."""
    return retention.standing_end(ma, ctx.snapshot.years, ctx.as_of)


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


RULE_OF = {retention.TRANSFER: "RET-TRANSFER", retention.DISPOSE: "RET-EXPIRED"}


def _check_entry(ctx: Context, ma, entry, standing: dt.date | None) -> list[Finding]:
    # The archive page asks the same function (usul.documents.retention.due).
    answer = retention.due(entry, as_of=ctx.as_of, standing=standing)
    if answer is None:
        return []
    action, limit = answer
    return [_finding(ctx, RULE_OF[action], ma, entry, limit)]


def retention_findings(ctx: Context) -> list[Finding]:
    findings = []
    for ma in ctx.snapshot.associations:
        standing = standing_end(ctx, ma)
        for entry in ma.documents.all():
            findings.extend(_check_entry(ctx, ma, entry, standing))
    return findings


@implements("RET-TRANSFER")
def transfer(ctx: Context) -> list[Finding]:
    return [f for f in retention_findings(ctx) if f.rule == "RET-TRANSFER"]


@implements("RET-EXPIRED")
def expired(ctx: Context) -> list[Finding]:
    return [f for f in retention_findings(ctx) if f.rule == "RET-EXPIRED"]
