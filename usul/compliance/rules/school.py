"""School-wide rules: the school's methodological theme, and teachers left outside every MA
(FUNC-1, DOC-6, GEN-1)."""

from __future__ import annotations

from usul.compliance.context import Context
from usul.compliance.findings import SCHOOL, STAFF, Finding
from usul.compliance.registry import implements


@implements("SCHOOL-THEME")
def theme(ctx: Context) -> list[Finding]:
    # FUNC-1, DOC-6: the MAs' plans reflect the school's theme, so the school must have one.
    if (ctx.year.theme or "").strip():
        return []
    return [ctx.finding("SCHOOL-THEME", subject=(SCHOOL, ctx.school.key))]


@implements("SCHOOL-UNASSIGNED")
def unassigned(ctx: Context) -> list[Finding]:
    # GEN-1: MAs unite the school's teachers; whoever teaches this year belongs to an active
    # MA at D. Members of a liquidated MA become unassigned on the liquidation order's date.
    return [
        ctx.finding("SCHOOL-UNASSIGNED", subject=(STAFF, person.key), staff=person.full_name)
        for person in ctx.snapshot.staff
        if person.year_teaching and person.pk not in ctx.associations_of_staff
    ]
