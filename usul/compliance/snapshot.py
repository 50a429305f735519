"""Everything a compliance check reads about one school and one year, in a fixed number of queries.

The rules never touch the database: they read a ``Snapshot``. Loading one costs the same number
of SQL queries for a school of 5 teachers and one of 500 (one query per table, joined in
Python), which is what keeps the compliance page and the command fast on a weak server.

The snapshot does not depend on the as-of date: the same snapshot answers the check at any
date, so the page draws its month-by-month chart without loading anything again.

Related rows are reached through ``.all()`` on prefetched managers, so the date selectors of
``usul.people.selectors`` and ``usul.associations.selectors`` work on it unchanged; foreign keys
that would otherwise be fetched one by one (a membership's staff member, an order's signer, an
MA's creating order) are wired to the objects already loaded.

A home page asks about a part of the school only (``people``, ``associations``): the snapshot then
holds that part and what its rules read — still a fixed number of queries, far fewer rows. Such a
snapshot answers for that part only; ``usul.compliance.services.check_part`` says which findings
those are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from usul.analysis.models import YearAnalysis
from usul.assessment.models import KtuRecord, KtuValue
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.documents.models import DocumentEntry
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.orders.models import CouncilDecision, Order
from usul.people.models import (
    Category,
    Employment,
    Position,
    SelfDevelopmentTopic,
    Staff,
    Teaching,
    ThematicPlan,
)
from usul.planning.models import PlanItem, PlanVersion, WorkPlan
from usul.schools.models import DistrictInstruction, School, SchoolYear, Subject


@dataclass
class Snapshot:
    school: School
    year: SchoolYear
    years: list[SchoolYear]  # every year of the school, earliest first
    staff: list[Staff]
    subjects: dict[int, Subject]
    associations: list[Association]  # every MA of the school, active or not
    council_association_ids: set[int]  # MAs listed by a council decision of the year
    instructions: list[DistrictInstruction]  # district instructions of the year


def _querysets(school: School, year: SchoolYear) -> dict:
    """The rows a check reads, one queryset per table (shared with the benchmark's plain load).

    "Of year Y" is chosen by the ``year`` key, whatever the date (RULES.md definitions).
    """
    return {
        "years": SchoolYear.objects.filter(school=school),
        "subjects": Subject.objects.filter(school=school),
        "orders": Order.objects.filter(school=school),
        "staff": Staff.objects.filter(school=school),
        "positions": Position.objects.filter(staff__school=school),
        "categories": Category.objects.filter(staff__school=school),
        "employment": Employment.objects.filter(staff__school=school),
        "teaching": Teaching.objects.filter(staff__school=school, year=year),
        "self_development": SelfDevelopmentTopic.objects.filter(staff__school=school, year=year),
        "thematic_plans": ThematicPlan.objects.filter(staff__school=school, year=year),
        "associations": Association.objects.filter(school=school),
        "members": Membership.objects.filter(association__school=school),
        "heads": HeadTerm.objects.filter(association__school=school).select_related("elected_at"),
        "supervisors": Supervision.objects.filter(association__school=school),
        "plans": WorkPlan.objects.filter(association__school=school, year=year),
        "plan_items": PlanItem.objects.filter(plan__association__school=school, plan__year=year),
        # ORG-2: an approved version stays in force while the next one is written.
        "plan_versions": PlanVersion.objects.filter(
            plan__association__school=school, plan__year=year
        ),
        "meetings": Meeting.objects.filter(school=school, year=year),
        "attendance": Attendance.objects.filter(meeting__school=school, meeting__year=year),
        "resolutions": Resolution.objects.filter(meeting__school=school, meeting__year=year),
        "analyses": YearAnalysis.objects.filter(association__school=school, year=year),
        "ktu": KtuRecord.objects.filter(association__school=school, year=year),
        "ktu_values": KtuValue.objects.filter(
            record__association__school=school, record__year=year
        ),
        "documents": DocumentEntry.objects.filter(school=school),
        "council_decisions": CouncilDecision.objects.filter(school=school, year=year),
        "instructions": DistrictInstruction.objects.filter(school=school, year=year),
    }


# Tables of an MA's own records, with the path from each row to its MA.
_MA_RECORDS = {
    "members": "association",
    "heads": "association",
    "supervisors": "association",
    "plans": "association",
    "plan_items": "plan__association",
    "plan_versions": "plan__association",
    "meetings": "association",
    "attendance": "meeting__association",
    "resolutions": "meeting__association",
    "analyses": "association",
    "ktu": "association",
    "ktu_values": "record__association",
    "documents": "association",
}
# Tables of a staff member's own records.
_PERSONAL_RECORDS = (
    "positions",
    "categories",
    "employment",
    "teaching",
    "self_development",
    "thematic_plans",
)


def _part_querysets(
    school: School, year: SchoolYear, *, people: set[int], associations: set[int]
) -> dict:
    """The rows a check of part of the school reads.

    The MAs loaded are those asked for and those ``people`` belong to (whether a person is in
    an active MA is part of their own findings, GEN-1), with their founding and liquidation
    orders (which decide whether an MA is active). An MA asked for comes whole, with everyone
    its rules read: members, heads, supervisors, the signers of its orders, the approver of its
    plan, the author of its analysis (one query more than the whole school's finds who they
    are). Without MAs asked, only ``people`` and their memberships are loaded — no MA's papers
    at all, about half the queries. Either way one query first finds which MAs to load.
    """
    qs = _querysets(school, year)
    wanted = Q(pk__in=Membership.objects.filter(staff_id__in=people).values("association_id"))
    if associations:
        wanted |= Q(pk__in=associations)
    loaded = list(qs["associations"].filter(wanted).values_list("pk", flat=True))
    qs["associations"] = qs["associations"].filter(pk__in=loaded)
    for name, path in _MA_RECORDS.items():
        qs[name] = qs[name].filter(**{f"{path}__in": loaded})
    qs["orders"] = qs["orders"].filter(
        Q(pk__in=qs["associations"].values("created_by_id"))
        | Q(pk__in=qs["associations"].values("liquidated_by_id"))
    )
    read = set(people)
    if associations:
        links = [
            (qs["members"], "staff_id"),
            (qs["heads"], "staff_id"),
            (qs["supervisors"], "staff_id"),
            (qs["orders"], "signed_by_id"),
            (qs["orders"], "proposed_by_id"),
            (qs["plans"], "approved_by_id"),
            (qs["plan_versions"], "approved_by_id"),
            (qs["analyses"], "author_id"),
        ]
        first, *rest = [q.order_by().values_list(field) for q, field in links]
        read |= {pk for (pk,) in first.union(*rest) if pk is not None}
    else:
        qs["members"] = qs["members"].filter(staff_id__in=people)
        for name in (*_MA_RECORDS.keys() - {"members"}, "council_decisions", "instructions"):
            qs[name] = qs[name].none()  # not read: no query is sent for an empty queryset
    qs["staff"] = qs["staff"].filter(pk__in=read)
    for name in _PERSONAL_RECORDS:
        qs[name] = qs[name].filter(staff_id__in=read)
    return qs


def load_rows(*, school: School, year: SchoolYear) -> int:
    """Merely load the rows a check reads, table by table, link tables included (the
    benchmark's yardstick); returns how many rows were read."""
    links = [
        Association.subjects.through.objects.filter(association__school=school),
        WorkPlan.reflects_instructions.through.objects.filter(
            workplan__association__school=school, workplan__year=year
        ),
        KtuRecord.commission.through.objects.filter(
            kturecord__association__school=school, kturecord__year=year
        ),
        CouncilDecision.associations.through.objects.filter(
            councildecision__school=school, councildecision__year=year
        ),
        DistrictInstruction.target_subjects.through.objects.filter(
            districtinstruction__school=school, districtinstruction__year=year
        ),
    ]
    tables = [*_querysets(school, year).values(), *links]
    return sum(len(list(qs)) for qs in tables)


def load_snapshot(
    *,
    school: School,
    year: SchoolYear,
    people: set[int] | None = None,
    associations: set[int] | None = None,
) -> Snapshot:
    """Load what the rules read for ``school`` and ``year``: a fixed number of queries. With
    ``people`` (staff ids) or ``associations`` (MA ids), only that part of the school."""
    if people is None and associations is None:
        qs = _querysets(school, year)
    else:
        qs = _part_querysets(
            school, year, people=set(people or ()), associations=set(associations or ())
        )
    years = list(qs["years"].order_by("start"))
    years_by_id = {y.pk: y for y in years}
    year = years_by_id.get(year.pk, year)
    year.school = school
    subjects = {s.pk: s for s in qs["subjects"]}

    staff = list(
        qs["staff"].prefetch_related(
            Prefetch("positions", queryset=qs["positions"]),
            Prefetch("categories", queryset=qs["categories"]),
            Prefetch("employment", queryset=qs["employment"]),
            Prefetch("teaching", queryset=qs["teaching"], to_attr="year_teaching"),
            Prefetch(
                "self_development",
                queryset=qs["self_development"],
                to_attr="year_self_development",
            ),
            Prefetch(
                "thematic_plans", queryset=qs["thematic_plans"], to_attr="year_thematic_plans"
            ),
        )
    )
    staff_by_id = {s.pk: s for s in staff}
    for person in staff:
        person.school = school

    orders = {o.pk: o for o in qs["orders"]}
    for order in orders.values():
        # The signer's and proposer's roles at the order's date are checked (MA-ORDER).
        order.signed_by = staff_by_id.get(order.signed_by_id)
        order.proposed_by = staff_by_id.get(order.proposed_by_id)

    associations = list(
        qs["associations"].prefetch_related(
            Prefetch("members", queryset=qs["members"]),
            Prefetch("heads", queryset=qs["heads"]),
            Prefetch("supervisors", queryset=qs["supervisors"]),
            "subjects",
            Prefetch(
                "plans",
                queryset=qs["plans"].prefetch_related(
                    Prefetch("items", queryset=qs["plan_items"]),
                    Prefetch("versions", queryset=qs["plan_versions"]),
                    "reflects_instructions",
                ),
                to_attr="year_plans",
            ),
            Prefetch(
                "meetings",
                queryset=qs["meetings"].prefetch_related(
                    Prefetch("attendance", queryset=qs["attendance"]),
                    Prefetch("resolutions", queryset=qs["resolutions"]),
                ),
                to_attr="year_meetings",
            ),
            Prefetch("analyses", queryset=qs["analyses"], to_attr="year_analyses"),
            Prefetch(
                "ktu",
                queryset=qs["ktu"].prefetch_related(
                    "commission", Prefetch("values", queryset=qs["ktu_values"])
                ),
                to_attr="year_ktu",
            ),
            Prefetch("documents", queryset=qs["documents"]),
        )
    )
    for association in associations:
        association.school = school
        association.created_by = orders.get(association.created_by_id)
        association.liquidated_by = orders.get(association.liquidated_by_id)
        for link in (
            *association.members.all(),
            *association.heads.all(),
            *association.supervisors.all(),
        ):
            link.staff = staff_by_id[link.staff_id]
        for analysis in association.year_analyses:
            analysis.author = staff_by_id.get(analysis.author_id)
        for plan in association.year_plans:
            plan.approved_by = staff_by_id.get(plan.approved_by_id)
            for version in plan.versions.all():
                version.approved_by = staff_by_id.get(version.approved_by_id)
        for document in association.documents.all():
            document.year = years_by_id[document.year_id]

    council_association_ids = set(
        CouncilDecision.associations.through.objects.filter(
            councildecision__in=qs["council_decisions"]
        ).values_list("association_id", flat=True)
    )
    instructions = list(qs["instructions"].prefetch_related("target_subjects"))
    return Snapshot(
        school=school,
        year=year,
        years=years,
        staff=staff,
        subjects=subjects,
        associations=associations,
        council_association_ids=council_association_ids,
        instructions=instructions,
    )
