"""Rules on the MA's head at D: assigned, a member, qualified (GEN-3, ORG-1, DOC-2, HEAD-1)."""

from __future__ import annotations

import math

from usul.associations.selectors import head_term_at
from usul.compliance.context import Context
from usul.compliance.findings import ASSOCIATION, Finding
from usul.compliance.registry import CATEGORY_NAMES, implements
from usul.lib.dates import years_from_days
from usul.meetings.models import MeetingStatus
from usul.people.models import CategoryLevel, EducationLevel
from usul.people.selectors import category_level_at, experience_in_education_days

QUALIFYING_CATEGORIES = frozenset({CategoryLevel.HIGHEST, CategoryLevel.FIRST})
MIN_EXPERIENCE_YEARS = 5  # HEAD-1


def _head_finding(ctx: Context, rule_id: str, ma, term, **params) -> list[Finding]:
    # RULES.md: the HEAD-* findings are about the MA, with the head in the detail.
    return [
        ctx.finding(
            rule_id,
            subject=(ASSOCIATION, ma.key),
            detail={"staff": term.staff.key},
            association=ma.name,
            staff=term.staff.full_name,
            **params,
        )
    ]


def _elected_at_held_meeting(ctx: Context, ma, term) -> bool:
    # ORG-1: the election happened at a *held meeting* of this MA, in RULES.md's defined sense:
    # a meeting of year Y, status held, dated on or before D. A head elected in an earlier year
    # needs an order confirming them (DOC-2) or a new election (docs/rules.md, "HEAD-ASSIGNED").
    meeting = term.elected_at
    return (
        meeting is not None
        and meeting.association_id == ma.pk
        and meeting.year_id == ctx.year.pk
        and meeting.status == MeetingStatus.HELD
        and meeting.date <= ctx.as_of
    )


@implements("HEAD-ASSIGNED")
def assigned(ctx: Context, ma) -> list[Finding]:
    term = head_term_at(ma, ctx.as_of)
    if term is None:
        return [ctx.finding("HEAD-ASSIGNED", subject=(ASSOCIATION, ma.key), association=ma.name)]
    # DOC-2: an order confirming the head counts as well as the election itself.
    if _elected_at_held_meeting(ctx, ma, term) or term.order_id is not None:
        return []
    return [
        ctx.finding(
            "HEAD-ASSIGNED",
            subject=(ASSOCIATION, ma.key),
            detail={"staff": term.staff.key},
            variant="unconfirmed",
            association=ma.name,
            staff=term.staff.full_name,
        )
    ]


@implements("HEAD-MEMBER")
def member(ctx: Context, ma) -> list[Finding] | None:
    # ORG-1: the MA's teachers elect the head from among themselves.
    term = head_term_at(ma, ctx.as_of)
    if term is None:
        return None
    if any(p.pk == term.staff_id for p in ctx.members[ma.pk]):
        return []
    return _head_finding(ctx, "HEAD-MEMBER", ma, term)


@implements("HEAD-CATEGORY")
def category(ctx: Context, ma) -> list[Finding] | None:
    # GEN-3: a teacher of the highest or first category — valid at D, not merely once awarded.
    term = head_term_at(ma, ctx.as_of)
    if term is None:
        return None
    level = category_level_at(term.staff, ctx.as_of)
    if level in QUALIFYING_CATEGORIES:
        return []
    return _head_finding(ctx, "HEAD-CATEGORY", ma, term, category=CATEGORY_NAMES[level])


@implements("HEAD-EDUCATION")
def education(ctx: Context, ma) -> list[Finding] | None:
    # HEAD-1: higher professional education.
    term = head_term_at(ma, ctx.as_of)
    if term is None:
        return None
    if term.staff.education_level == EducationLevel.HIGHER:
        return []
    return _head_finding(ctx, "HEAD-EDUCATION", ma, term)


@implements("HEAD-EXPERIENCE")
def experience(ctx: Context, ma) -> list[Finding] | None:
    # HEAD-1: at least 5 years in education; RULES.md counts calendar days / 365.25, so 1827
    # days pass and 1826 fail.
    term = head_term_at(ma, ctx.as_of)
    if term is None:
        return None
    days = experience_in_education_days(term.staff, ctx.as_of)
    years = years_from_days(days)
    if years >= MIN_EXPERIENCE_YEARS:
        return []
    # Rounded down, so that 1826 days never read as "5.00 years".
    shown = f"{math.floor(years * 100) / 100:.2f}"
    return _head_finding(ctx, "HEAD-EXPERIENCE", ma, term, years=shown, days=days)
