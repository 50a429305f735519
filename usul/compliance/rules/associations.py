"""Rules on the MA itself: size, subjects, founding order, supervisor, council (GEN-*)."""

from __future__ import annotations

from usul.associations.models import AssociationKind
from usul.associations.selectors import creating_order, supervisors_at
from usul.compliance.context import Context, Joined
from usul.compliance.findings import ASSOCIATION, STAFF, Finding
from usul.compliance.registry import ORDER_PROBLEMS, implements
from usul.lib.dates import format_date
from usul.people.models import DEPUTY_ROLES, Role
from usul.people.selectors import roles_at


@implements("MA-MEMBERS")
def members(ctx: Context, ma) -> list[Finding]:
    # GEN-2: an MA is formed from no fewer than three teachers.
    count = len(ctx.members[ma.pk])
    if count >= 3:
        return []
    return [
        ctx.finding("MA-MEMBERS", subject=(ASSOCIATION, ma.key), association=ma.name, count=count)
    ]


@implements("MA-SUBJECTS")
def subjects(ctx: Context, ma) -> list[Finding] | None:
    # GEN-2, GEN-7: a subject MA unites the teachers of its subjects.
    if ma.kind != AssociationKind.SUBJECT:
        return None
    subject_ids = {s.pk for s in ma.subjects.all()}
    if not subject_ids:
        return [ctx.finding("MA-SUBJECTS", subject=(ASSOCIATION, ma.key), association=ma.name)]
    findings = []
    for person in ctx.members[ma.pk]:
        taught = {t.subject_id for t in person.year_teaching}
        if not taught & subject_ids:
            findings.append(
                ctx.finding(
                    "MA-SUBJECTS",
                    subject=(STAFF, person.key),
                    detail={"association": ma.key},
                    variant="staff",
                    associations=[ma],
                    association=ma.name,
                    staff=person.full_name,
                )
            )
    return findings


@implements("MA-ORDER")
def founding_order(ctx: Context, ma) -> list[Finding]:
    # GEN-8, DOC-1: created by the director's order on a deputy director's proposal. The
    # signer and the proposer must hold those roles on the order's date, not today.
    order = creating_order(ma)
    if order is None:
        return [ctx.finding("MA-ORDER", subject=(ASSOCIATION, ma.key), association=ma.name)]
    problems = []
    if order.signed_by is None or Role.DIRECTOR not in roles_at(order.signed_by, order.date):
        problems.append(ORDER_PROBLEMS["signed_by"])
    if order.proposed_by is None or not roles_at(order.proposed_by, order.date) & DEPUTY_ROLES:
        problems.append(ORDER_PROBLEMS["proposed_by"])
    if not problems:
        return []
    return [
        ctx.finding(
            "MA-ORDER",
            subject=(ASSOCIATION, ma.key),
            variant="unsigned",
            association=ma.name,
            number=order.number or order.key,
            date=format_date(order.date),
            problems=Joined(problems),
        )
    ]


@implements("MA-SUPERVISOR")
def supervisor(ctx: Context, ma) -> list[Finding]:
    # GEN-9: directly subordinate to a deputy director — one who holds that post at D.
    for person in supervisors_at(ma, ctx.as_of):
        if roles_at(person, ctx.as_of) & DEPUTY_ROLES:
            return []
    return [ctx.finding("MA-SUPERVISOR", subject=(ASSOCIATION, ma.key), association=ma.name)]


@implements("MA-COUNCIL")
def council(ctx: Context, ma) -> list[Finding]:
    # GEN-4, GEN-6: the council's decision of the year (by its year key) lists the MA.
    if ma.pk in ctx.snapshot.council_association_ids:
        return []
    return [ctx.finding("MA-COUNCIL", subject=(ASSOCIATION, ma.key), association=ma.name)]
