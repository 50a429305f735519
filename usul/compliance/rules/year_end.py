"""Rules that close the MA's year: the deputy director's analysis and the KTU (ORG-5, DOC-5,
FUNC-5)."""

from __future__ import annotations

from usul.associations.selectors import members_at
from usul.compliance.context import Context
from usul.compliance.findings import ASSOCIATION, VIOLATION, WARNING, Finding
from usul.compliance.registry import implements
from usul.people.models import DEPUTY_ROLES
from usul.people.selectors import roles_at


def is_valid_analysis(analysis) -> bool:
    """ORG-5: written by a deputy director (a deputy on the analysis' date) and giving at least
    one proposal for next year (a blank line is not a proposal)."""
    return (
        analysis.author is not None
        and bool(roles_at(analysis.author, analysis.date) & DEPUTY_ROLES)
        and any(str(p).strip() for p in analysis.proposals or [])
    )


@implements("YEAR-ANALYSIS")
def analysis(ctx: Context, ma) -> list[Finding] | None:
    # ORG-5: due at the end of the year, so checked once the year's end has passed.
    if not ctx.year_end_passed:
        return None
    if any(is_valid_analysis(a) for a in ma.year_analyses):
        return []
    return [ctx.finding("YEAR-ANALYSIS", subject=(ASSOCIATION, ma.key), association=ma.name)]


@implements("KTU")
def ktu(ctx: Context, ma) -> list[Finding] | None:
    # FUNC-5: a commission determines each member's KTU. Missing while the year runs is a
    # warning; after its end, a violation, and every member at the year's last day needs a value.
    if not ctx.school.ktu_required:
        return None
    severity = VIOLATION if ctx.year_end_passed else WARNING
    records = [r for r in ma.year_ktu if r.commission.all()]
    if not records:
        return [
            ctx.finding(
                "KTU",
                severity=severity,
                subject=(ASSOCIATION, ma.key),
                detail={"missing": []},
                association=ma.name,
            )
        ]
    if not ctx.year_end_passed:
        return []
    valued = {v.staff_id for r in records for v in r.values.all()}
    missing = sorted(
        (p for p in members_at(ma, ctx.year.end) if p.pk not in valued), key=lambda p: p.key
    )
    if not missing:
        return []
    return [
        ctx.finding(
            "KTU",
            severity=severity,
            subject=(ASSOCIATION, ma.key),
            detail={"missing": [p.key for p in missing]},
            variant="values",
            association=ma.name,
            staff=", ".join(p.full_name for p in missing),
        )
    ]
