"""``bundle_export``: the school as one bundle (BUNDLE.md), every section and field.

Records come in a stable order (the order in which they were first recorded, i.e. the bundle's
own order), so that export → import → export gives the same document, ``exported_at`` aside.
Each section's writer lives with its import (``school``, ``staff``, …); this module puts them
together. Extension fields (docs/bundle-extensions.md) are added only when they hold something.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils import timezone

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.bundle.services import open_lessons, plans
from usul.bundle.services.analyses import write_analyses
from usul.bundle.services.associations import write_associations
from usul.bundle.services.council_decisions import write_council_decisions
from usul.bundle.services.district_instructions import write_district_instructions
from usul.bundle.services.documents import write_documents
from usul.bundle.services.ktu import write_ktu
from usul.bundle.services.meetings import write_meetings
from usul.bundle.services.observations import write_observations
from usul.bundle.services.open_lessons import write_open_lessons
from usul.bundle.services.orders import write_orders
from usul.bundle.services.plans import write_plans
from usul.bundle.services.school import write_school
from usul.bundle.services.staff import write_staff
from usul.bundle.services.values import _extension, _grouped
from usul.lessons.models import Observation, ObservationTemplate
from usul.meetings.models import Meeting
from usul.orders.models import Order
from usul.people.models import Staff
from usul.schools.models import DistrictInstruction, School, SchoolYear, Subject

FORMAT = "usul-bundle"
VERSION = 1

# Extension records a school may have: the export reads each kind only where there is one.
_EXTENSIONS = {
    "templates": ObservationTemplate.objects.filter(school=OuterRef("pk")),
    **plans.EXTENSIONS,
    **open_lessons.EXTENSIONS,
}


def bundle_export(*, actor: Viewer, school: School) -> dict:
    """The school as one bundle (BUNDLE.md): every section and field, in a stable order.

    Who may take a school's data away is ``export_bundle``: its leadership, its district's
    methodologists, the administrator.

    Records come in the order they were first recorded — for imported data, the bundle's own
    order — so that export → import → export gives the same document. A fixed number of
    queries, however large the school: one more per kind of extension record the school has.
    """
    require(actor, "export_bundle", school)
    # The district, and which kinds of extension records exist, in one query.
    school = (
        School.objects.select_related("district")
        .annotate(**{f"has_{name}": Exists(rows) for name, rows in _EXTENSIONS.items()})
        .get(pk=school.pk)
    )
    years = list(SchoolYear.objects.filter(school=school).order_by("pk"))
    subjects = list(Subject.objects.filter(school=school).order_by("pk"))
    staff = list(Staff.objects.filter(school=school).order_by("pk"))
    orders = list(Order.objects.filter(school=school).order_by("pk"))
    associations = list(Association.objects.filter(school=school).order_by("pk"))
    meetings = list(Meeting.objects.filter(school=school).order_by("pk"))
    instructions = list(DistrictInstruction.objects.filter(school=school).order_by("pk"))
    year = {y.pk: y.key for y in years}
    subject = {s.pk: s.key for s in subjects}
    person = {s.pk: s.key for s in staff}
    order = {o.pk: o.key for o in orders}
    association = {a.pk: a.key for a in associations}
    meeting = {m.pk: m.key for m in meetings}
    instruction = {i.pk: i.key for i in instructions}

    templates = _extension(
        school,
        "templates",
        lambda: {
            t.pk: t for t in ObservationTemplate.objects.filter(school=school).order_by("version")
        },
    )
    # Observations of open lessons and, under ``None``, those outside them (a head's visit).
    observations = _grouped(Observation.objects.filter(school=school), "open_lesson_id")
    mas = write_associations(school, associations, subject, order, person, meeting)
    written_plans = write_plans(school, year, person, instruction)
    ma_meetings = write_meetings(school, meetings, year, person, written_plans.place)
    lessons = write_open_lessons(
        school, year, person, subject, written_plans.place, observations, templates
    )
    analyses = write_analyses(school, year, person, meeting)
    ktu = write_ktu(school, year, person)
    documents = write_documents(school, year)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        **write_school(school, years, subjects),
        "staff": write_staff(school, staff, year, subject),
        "orders": write_orders(orders, association, person),
        "council_decisions": write_council_decisions(school, year, association),
        "district_instructions": write_district_instructions(school, instructions, year, subject),
        "associations": [
            {
                **mas[a.pk],
                "plans": written_plans.by_ma[a.pk],
                "meetings": ma_meetings[a.pk],
                "open_lessons": lessons[a.pk],
                "analyses": analyses[a.pk],
                "ktu": ktu[a.pk],
                "documents": documents[a.pk],
            }
            for a in associations
        ],
        **write_observations(templates, observations[None], person),
    }
