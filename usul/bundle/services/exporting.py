"""``bundle_export``: the school as one bundle (BUNDLE.md), every section and field.

Records come in a stable order (the order in which they were first recorded, i.e. the bundle's
own order), so that export → import → export gives the same document, ``exported_at`` aside.
Each section's writer lives with its import (``school``, ``staff``, …); this module puts them
together. Extension fields (docs/bundle-extensions.md) are added only when they hold something.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.db.models import Exists, OuterRef
from django.utils import timezone

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.bundle.models import PlanEventAuthor
from usul.bundle.services.analyses import write_analyses
from usul.bundle.services.council_decisions import write_council_decisions
from usul.bundle.services.district_instructions import write_district_instructions
from usul.bundle.services.documents import write_documents
from usul.bundle.services.ktu import write_ktu
from usul.bundle.services.observations import observation_extension, write_observations
from usul.bundle.services.orders import write_orders
from usul.bundle.services.school import write_school
from usul.bundle.services.staff import write_staff
from usul.bundle.services.values import (
    _grouped,
    _iso,
    _key,
    _m2m_lists,
    _moment_text,
    _nonempty,
)
from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonVisitor
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.orders.models import Order
from usul.people.models import Staff
from usul.planning.models import (
    PlanEvent,
    PlanItem,
    PlanItemMaterial,
    PlanVersion,
    WorkPlan,
)
from usul.schools.models import DistrictInstruction, School, SchoolYear, Subject

FORMAT = "usul-bundle"
VERSION = 1

# Extension records a school may have: the export reads each kind only where there is one.
_EXTENSIONS = {
    "templates": ObservationTemplate.objects.filter(school=OuterRef("pk")),
    "versions": PlanVersion.objects.filter(plan__association__school=OuterRef("pk")),
    "events": PlanEvent.objects.filter(plan__association__school=OuterRef("pk")),
    "participants": PlanItem.participants.through.objects.filter(
        planitem__plan__association__school=OuterRef("pk")
    ),
    "materials": PlanItemMaterial.objects.filter(item__plan__association__school=OuterRef("pk")),
    "visitors": OpenLessonVisitor.objects.filter(open_lesson__school=OuterRef("pk")),
}


def _author(event: PlanEvent, person: dict) -> str | None:
    """The staff member who took a plan step: the one of its log-in, or the one a bundle named
    when no log-in here belongs to them (PlanEventAuthor)."""
    if event.actor_id is not None and event.actor.staff_id in person:
        return person[event.actor.staff_id]
    try:
        return person.get(event.bundle_author.staff_id)
    except PlanEventAuthor.DoesNotExist:
        return None


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

    ma_subjects = _m2m_lists(Association, "subjects", school=school)

    by_ma = {"association__school": school}
    supervisors = _grouped(Supervision.objects.filter(**by_ma), "association_id")
    members = _grouped(Membership.objects.filter(**by_ma), "association_id")
    heads = _grouped(HeadTerm.objects.filter(**by_ma), "association_id")
    plans = _grouped(WorkPlan.objects.filter(**by_ma), "association_id")
    # The order the plan's page shows within a month (its position), then first recorded.
    plan_items = _grouped(
        PlanItem.objects.filter(plan__association__school=school), "plan_id", "position", "pk"
    )
    reflects = _m2m_lists(WorkPlan, "reflects_instructions", association__school=school)

    # Extensions (docs/bundle-extensions.md), each read only where the school has some.
    def extension(name: str, read: Callable[[], dict]) -> dict:
        return read() if getattr(school, f"has_{name}") else {}

    by_plan = {"plan__association__school": school}
    versions = extension(
        "versions", lambda: _grouped(PlanVersion.objects.filter(**by_plan), "plan_id")
    )
    events = extension(
        "events",
        lambda: _grouped(
            PlanEvent.objects.filter(**by_plan).select_related("actor", "bundle_author"), "plan_id"
        ),
    )
    participants = extension(
        "participants",
        lambda: _m2m_lists(PlanItem, "participants", plan__association__school=school),
    )
    materials = extension(
        "materials",
        lambda: _grouped(
            PlanItemMaterial.objects.filter(item__plan__association__school=school), "item_id"
        ),
    )
    visitors = extension(
        "visitors",
        lambda: _grouped(
            OpenLessonVisitor.objects.filter(open_lesson__school=school), "open_lesson_id"
        ),
    )
    templates = extension(
        "templates",
        lambda: {
            t.pk: t for t in ObservationTemplate.objects.filter(school=school).order_by("version")
        },
    )
    # A meeting's or open lesson's plan item, by its place in the MA's plan of the same year.
    plan_of = {(p.association_id, p.year_id): p.pk for group in plans.values() for p in group}
    item_place = {
        item.pk: (plan_pk, n)
        for plan_pk, items in plan_items.items()
        for n, item in enumerate(items)
    }

    def place(record) -> int | None:
        where = item_place.get(record.plan_item_id)
        if where is None or where[0] != plan_of.get((record.association_id, record.year_id)):
            return None  # Usul schedules only from the MA's own plan of the year (ORG-3, ORG-4)
        return where[1]

    meetings_of = defaultdict(list)
    for m in meetings:
        meetings_of[m.association_id].append(m)
    attendance = _grouped(Attendance.objects.filter(meeting__school=school), "meeting_id")
    resolutions = _grouped(Resolution.objects.filter(meeting__school=school), "meeting_id")
    lessons = _grouped(OpenLesson.objects.filter(school=school), "association_id")
    # Observations of open lessons and, under ``None``, those outside them (a head's visit).
    observations = _grouped(Observation.objects.filter(school=school), "open_lesson_id")
    analyses = write_analyses(school, year, person, meeting)
    ktu = write_ktu(school, year, person)
    documents = write_documents(school, year)

    def interval(row) -> dict:
        return {"staff": person[row.staff_id], "from": _iso(row.start), "to": _iso(row.end)}

    def plan_extension(p: WorkPlan) -> dict:
        return _nonempty(
            directions=p.directions,
            # The version being worked on: 1 unless the plan was changed after an approval.
            version=p.version if p.version != 1 else None,
            versions=[
                {
                    "number": v.number,
                    "approved_by": _key(person, v.approved_by_id),
                    "approved_at": _iso(v.approved_at),
                    "content": v.content,
                }
                for v in versions.get(p.pk, [])
            ],
            events=[
                {
                    "kind": e.kind,
                    "by": _author(e, person),
                    "at": _moment_text(e.at),
                    "version": e.version,
                    "comment": e.comment,
                    "detail": e.detail,
                }
                for e in events.get(p.pk, [])
            ],
        )

    def item_extension(i: PlanItem) -> dict:
        return _nonempty(
            expected_result=i.expected_result,
            result_note=i.result_note,
            audience=i.audience,
            participants=[person[pk] for pk in participants.get(i.pk, [])],
            # The file itself does not travel; its title, link and who added it do.
            materials=[
                {"title": m.title, "link": m.link, "added_by": _key(person, m.added_by_id)}
                for m in materials.get(i.pk, [])
            ],
        )

    def association_record(a: Association) -> dict:
        return {
            "key": a.key,
            "name": a.name,
            "kind": a.kind,
            "subjects": [subject[pk] for pk in ma_subjects[a.pk]],
            "created_by": _key(order, a.created_by_id),
            "liquidated_by": _key(order, a.liquidated_by_id),
            "supervisors": [interval(r) for r in supervisors[a.pk]],
            "members": [interval(r) for r in members[a.pk]],
            "heads": [
                {
                    **interval(h),
                    "elected_at": _key(meeting, h.elected_at_id),
                    "order": _key(order, h.order_id),
                }
                for h in heads[a.pk]
            ],
            "plans": [
                {
                    "year": year[p.year_id],
                    "theme": p.theme,
                    "goal": p.goal,
                    "tasks": p.tasks,
                    "status": p.status,
                    "approved_by": _key(person, p.approved_by_id),
                    "approved_at": _iso(p.approved_at),
                    "reflects": {
                        "school_theme": p.reflects_school_theme,
                        "instructions": [instruction[pk] for pk in reflects[p.pk]],
                    },
                    **plan_extension(p),
                    "items": [
                        {
                            "month": i.month,
                            "date": _iso(i.date),
                            "kind": i.kind,
                            "title": i.title,
                            "responsible": _key(person, i.responsible_id),
                            "status": i.status,
                            **item_extension(i),
                        }
                        for i in plan_items[p.pk]
                    ],
                }
                for p in plans[a.pk]
            ],
            "meetings": [
                {
                    "key": m.key,
                    "year": year[m.year_id],
                    "number": m.number,
                    "date": _iso(m.date),
                    "status": m.status,
                    "agenda": m.agenda,
                    **_nonempty(minutes=m.minutes, plan_item=place(m)),
                    "attendance": [
                        {"staff": person[r.staff_id], "status": r.status} for r in attendance[m.pk]
                    ],
                    "resolutions": [
                        {
                            "number": r.number,
                            "text": r.text,
                            "responsible": _key(person, r.responsible_id),
                            "due": _iso(r.due),
                            "status": r.status,
                        }
                        for r in resolutions[m.pk]
                    ],
                }
                for m in meetings_of[a.pk]
            ],
            "open_lessons": [
                {
                    "key": o.key,
                    "year": year[o.year_id],
                    "teacher": person[o.teacher_id],
                    "subject": _key(subject, o.subject_id),
                    "grade": o.grade,
                    "topic": o.topic,
                    "date": _iso(o.date),
                    "status": o.status,
                    **_nonempty(
                        class_label=o.class_label,
                        cycle_topic=o.cycle_topic,
                        plan_item=place(o),
                        visitors=[person[r.staff_id] for r in visitors.get(o.pk, [])],
                    ),
                    "observations": [
                        {
                            "observer": person[v.observer_id],
                            "date": _iso(v.date),
                            "summary": v.summary,
                            "recommendations": v.recommendations,
                            **_nonempty(**observation_extension(v, templates)),
                        }
                        for v in observations[o.pk]
                    ],
                }
                for o in lessons[a.pk]
            ],
            "analyses": analyses[a.pk],
            "ktu": ktu[a.pk],
            "documents": documents[a.pk],
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        **write_school(school, years, subjects),
        "staff": write_staff(school, staff, year, subject),
        "orders": write_orders(orders, association, person),
        "council_decisions": write_council_decisions(school, year, association),
        "district_instructions": write_district_instructions(school, instructions, year, subject),
        "associations": [association_record(a) for a in associations],
        **write_observations(templates, observations[None], person),
    }
