"""``bundle_import`` and ``bundle_preview``: a school bundle (BUNDLE.md) into this installation.

``bundle_import`` is all or nothing: the bundle is validated first and nothing is written when
any error exists; otherwise one transaction brings the school to what the bundle says.

- Keyed records (years, subjects, staff, orders, council decisions, instructions, MAs,
  meetings, open lessons, register entries) are matched by the school's own ``key``: an existing
  one is updated in place, a new one created. A keyed record the installation has but the bundle
  does not is **kept** and reported: deleting a person or a meeting with its minutes because a
  file left it out would lose data the bundle does not carry (user accounts, minutes,
  notifications) and cannot be undone.
- Rows without keys (positions, employment, memberships, head terms, plan items, attendance,
  resolutions, observations, …) are matched so that the result equals the bundle: a row equal
  to one in the bundle is left untouched (its history stays quiet), a changed one is updated in
  place, a missing one created, a row the bundle no longer lists deleted.
- Writes go in bulk, a fixed number of queries per record kind however large the school; the
  change history of every created or changed record is written at the end with the actor.
- Orders and MAs refer to each other (an MA's creating order names the MA): keyed records are
  written first and the links that point forward are set after.

The bundle also carries what Usul records beyond BUNDLE.md — minutes, plan versions and steps,
participants and materials, observation forms and scores, visits… — as the project's own
**extension fields** (docs/bundle-extensions.md), so that moving a school loses nothing:

- the export adds an extension field to a BUNDLE.md record only when it holds something (a
  school without them exports exactly as BUNDLE.md says); records that are extensions through
  and through (a plan's versions, an observation form) are written whole;
- on import an extension field the bundle leaves out is **not touched** (a new record gets the
  default), like keyed records the bundle lacks; one it gives is made equal to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from usul.accounts.models import User
from usul.accounts.policy import Viewer, require
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.bundle.models import PlanEventAuthor
from usul.bundle.services.analyses import import_analyses
from usul.bundle.services.council_decisions import import_council_decisions
from usul.bundle.services.district_instructions import import_district_instructions
from usul.bundle.services.documents import import_documents
from usul.bundle.services.ktu import import_ktu
from usul.bundle.services.observations import (
    import_templates,
    import_visits,
    observation_values,
)
from usul.bundle.services.orders import import_orders, link_orders
from usul.bundle.services.reconciler import Reconciler, Row
from usul.bundle.services.school import import_school, import_years_and_subjects
from usul.bundle.services.staff import import_staff
from usul.bundle.services.summary import ImportSummary
from usul.bundle.services.values import _date, _given, _moment, _text
from usul.bundle.validation import BundleInvalid, validate
from usul.lessons.models import Observation, OpenLesson, OpenLessonVisitor
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.planning.models import (
    PlanEvent,
    PlanItem,
    PlanItemMaterial,
    PlanVersion,
    WorkPlan,
)
from usul.schools.models import School


def _school_named(data) -> School | None:
    """The school ``data`` names, if this installation has it (before ``validate``: any input)."""
    school = data.get("school") if isinstance(data, dict) else None
    key = school.get("key") if isinstance(school, dict) else None
    return School.objects.filter(key=key).first() if isinstance(key, str) else None


def _history_user(actor: Viewer):
    """The log-in the change history names; none for Usul's own tools."""
    return actor.user if getattr(actor.user, "is_authenticated", False) else None


@transaction.atomic
def bundle_import(*, actor: Viewer, data: dict, delete_newer: bool = False) -> ImportSummary:
    """Bring the bundle's school to what ``data`` says, in one transaction (BUNDLE.md).

    Only an administrator imports (``import_bundle``): a bundle replaces a school's records.
    An invalid bundle raises ``BundleInvalid`` with every error before the database is touched.
    Rows recorded here after the bundle was exported are deleted only with ``delete_newer``
    (the ticked box of the preview, ``--delete-newer``); otherwise they stay and are reported.
    """
    require(actor, "import_bundle", _school_named(data))
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    return BundleImport(data, _history_user(actor), delete_newer=delete_newer).run()


class _Rollback(Exception):
    def __init__(self, summary: ImportSummary):
        self.summary = summary


def bundle_preview(*, actor: Viewer, data: dict) -> ImportSummary:
    """What ``bundle_import`` would create, update, delete or leave — computed, then rolled back.

    Running the real import and undoing it is the only way the preview cannot disagree with
    what confirming will do. Refuses and raises ``BundleInvalid`` like the import.
    """
    require(actor, "import_bundle", _school_named(data))
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    try:
        with transaction.atomic():
            raise _Rollback(BundleImport(data, _history_user(actor)).run())
    except _Rollback as done:
        return done.summary


class BundleImport(Reconciler):
    """One run of the import: the sections in the bundle's order, each made equal to it."""

    def __init__(self, data: dict, actor_user, *, delete_newer: bool = False):
        super().__init__(
            ImportSummary(school=data["school"]["key"]),
            actor_user,
            timezone.now(),
            exported_at=_moment(data["exported_at"]) if data.get("exported_at") else None,
            delete_newer=delete_newer,
        )
        self.data = data

    def run(self) -> ImportSummary:
        data = self.data
        self.school = import_school(self)
        import_years_and_subjects(self)
        import_staff(self)

        # Orders and MAs point at each other: orders first, linked to the MAs that exist
        # already; then the MAs with their creating and liquidating orders; then the orders of
        # MAs that are new in this bundle are linked.
        import_orders(self)
        self.associations = self.keyed(
            "associations",
            Association,
            self.records(
                ["associations"],
                data["associations"],
                lambda a: {
                    "name": a["name"],
                    "kind": a["kind"],
                    "created_by_id": self.pk(self.orders, a["created_by"]),
                    "liquidated_by_id": self.pk(self.orders, a["liquidated_by"]),
                },
            ),
        )
        link_orders(self)
        self.key_lists(
            "associations",
            Association,
            "subjects",
            self.associations,
            {a["key"]: [self.subjects[k].pk for k in a["subjects"]] for a in data["associations"]},
        )
        import_council_decisions(self)
        import_district_instructions(self)
        import_templates(self)
        self.import_association_sections()
        import_visits(self)
        self.write_history()
        return self.summary

    def school_rows(self, name: str) -> dict:
        """The school as the owner of a top-level extension list — only when the bundle gives
        the list: one it leaves out is not touched."""
        return {self.school.pk: self.school.key} if name in self.data else {}

    # -- the MAs' sections

    def import_association_sections(self) -> None:
        school = self.school
        mas = [(i, a, self.associations[a["key"]]) for i, a in enumerate(self.data["associations"])]
        owners = {ma.pk: a["key"] for _i, a, ma in mas}
        scope = {"association__school": school}

        def rows(section: str, values: Callable[[dict], dict], identity=None) -> list[Row]:
            return [
                Row(
                    ["associations", i, section, n],
                    a["key"],
                    ma.pk,
                    values(item),
                    identity(item) if identity else None,
                )
                for i, a, ma in mas
                for n, item in enumerate(a[section])
            ]

        def interval(item: dict) -> dict:
            return {
                "staff_id": self.staff[item["staff"]].pk,
                "start": _date(item["from"]),
                "end": _date(item["to"]),
            }

        self.rows(
            "associations.supervisors",
            Supervision,
            "association_id",
            scope,
            rows("supervisors", interval),
            owners,
        )
        self.rows(
            "associations.members",
            Membership,
            "association_id",
            scope,
            rows("members", interval),
            owners,
        )

        # Meetings before head terms: a head is elected at a meeting (ORG-1).
        self.meetings = self.keyed(
            "associations.meetings",
            Meeting,
            [
                row
                for i, a, ma in mas
                for row in self.records(
                    ["associations", i, "meetings"],
                    a["meetings"],
                    lambda m: {
                        "year_id": self.years[m["year"]].pk,
                        "number": m["number"],
                        "date": _date(m["date"]),
                        "status": m["status"],
                        "agenda": m["agenda"],
                        **_given(m, {"minutes": ("minutes", _text)}),
                    },
                    association_id=ma.pk,
                )
            ],
            existing=Meeting.objects.filter(school=school),
        )
        meetings = [
            (["associations", i, "meetings", n], m, self.meetings[m["key"]])
            for i, a, _ma in mas
            for n, m in enumerate(a["meetings"])
        ]
        meeting_owners = {meeting.pk: m["key"] for _at, m, meeting in meetings}
        meeting_scope = {"meeting__school": school}
        self.rows(
            "associations.meetings.attendance",
            Attendance,
            "meeting_id",
            meeting_scope,
            [
                Row(
                    [*at, "attendance", r],
                    m["key"],
                    meeting.pk,
                    {"staff_id": self.staff[row["staff"]].pk, "status": row["status"]},
                    identity=self.staff[row["staff"]].pk,
                )
                for at, m, meeting in meetings
                for r, row in enumerate(m["attendance"])
            ],
            meeting_owners,
            identity=lambda obj: obj.staff_id,
        )
        self.rows(
            "associations.meetings.resolutions",
            Resolution,
            "meeting_id",
            meeting_scope,
            [
                Row(
                    [*at, "resolutions", r],
                    m["key"],
                    meeting.pk,
                    {
                        "number": row["number"],
                        "text": row["text"],
                        "responsible_id": self.pk(self.staff, row["responsible"]),
                        "due": _date(row["due"]),
                        "status": row["status"],
                    },
                )
                for at, m, meeting in meetings
                for r, row in enumerate(m["resolutions"])
            ],
            meeting_owners,
        )

        self.rows(
            "associations.heads",
            HeadTerm,
            "association_id",
            scope,
            rows(
                "heads",
                lambda h: {
                    **interval(h),
                    "elected_at_id": self.pk(self.meetings, h["elected_at"]),
                    "order_id": self.pk(self.orders, h["order"]),
                },
            ),
            owners,
        )

        # One plan per MA and year (ORG-2): matched by its year.
        plan_rows = rows(
            "plans",
            lambda p: {
                "year_id": self.years[p["year"]].pk,
                "theme": _text(p["theme"]),
                "goal": _text(p["goal"]),
                "tasks": p["tasks"],
                "status": p["status"],
                "approved_by_id": self.pk(self.staff, p["approved_by"]),
                "approved_at": _date(p["approved_at"]),
                "reflects_school_theme": p["reflects"]["school_theme"],
                **_given(p, {"directions": ("directions", list), "version": ("version", int)}),
            },
            identity=lambda p: self.years[p["year"]].pk,
        )
        plans = self.rows(
            "associations.plans",
            WorkPlan,
            "association_id",
            scope,
            plan_rows,
            owners,
            identity=lambda obj: obj.year_id,
        )
        plan_sources = [p for _i, a, _ma in mas for p in a["plans"]]
        plan_owners = {plan.pk: row.label for plan, row in zip(plans, plan_rows, strict=True)}
        self.m2m(
            "associations.plans",
            WorkPlan,
            "reflects_instructions",
            {
                plan.pk: [self.instructions[k].pk for k in source["reflects"]["instructions"]]
                for plan, source in zip(plans, plan_sources, strict=True)
            },
            plan_owners,
        )
        self.import_plan_history(plan_rows, plans, plan_sources)
        item_sources = [
            (row, plan, item)
            for row, plan, source in zip(plan_rows, plans, plan_sources, strict=True)
            for item in source["items"]
        ]
        items = self.rows(
            "associations.plans.items",
            PlanItem,
            "plan_id",
            {"plan__association__school": school},
            [
                Row(
                    [*row.path, "items", n],
                    row.label,
                    plan.pk,
                    {
                        "month": item["month"],
                        "date": _date(item["date"]),
                        "kind": item["kind"],
                        "title": item["title"],
                        "responsible_id": self.pk(self.staff, item["responsible"]),
                        "status": item["status"],
                        **_given(
                            item,
                            {
                                "expected_result": ("expected_result", _text),
                                "result_note": ("result_note", _text),
                                "audience": ("audience", _text),
                            },
                        ),
                    },
                )
                for row, plan, source in zip(plan_rows, plans, plan_sources, strict=True)
                for n, item in enumerate(source["items"])
            ],
            plan_owners,
            on_create=lambda obj, row: setattr(obj, "position", row.path[-1]),
        )
        self.import_item_records(item_sources, items)
        # Where a meeting or an open lesson was scheduled from: an item's place in the MA's
        # plan of the record's year (extension ``plan_item``).
        self.plan_items: dict[tuple[int, int], list] = defaultdict(list)
        for (_row, plan, _source), obj in zip(item_sources, items, strict=True):
            self.plan_items[plan.association_id, plan.year_id].append(obj)
        self.link(
            "associations.meetings",
            Meeting,
            self.meetings,
            [
                (m["key"], "plan_item_id", self.plan_item(ma, m["year"], m["plan_item"]))
                for _i, a, ma in mas
                for m in a["meetings"]
                if "plan_item" in m
            ],
        )

        self.lessons = self.keyed(
            "associations.open_lessons",
            OpenLesson,
            [
                row
                for i, a, ma in mas
                for row in self.records(
                    ["associations", i, "open_lessons"],
                    a["open_lessons"],
                    partial(self.lesson_values, ma=ma),
                    association_id=ma.pk,
                )
            ],
            existing=OpenLesson.objects.filter(school=school),
        )
        lessons = [
            (["associations", i, "open_lessons", n], o, self.lessons[o["key"]])
            for i, a, _ma in mas
            for n, o in enumerate(a["open_lessons"])
        ]
        # Colleagues signed up to attend (extension ``visitors``; ORG-3): once per person.
        self.rows(
            "associations.open_lessons.visitors",
            OpenLessonVisitor,
            "open_lesson_id",
            {"open_lesson__school": school},
            [
                Row(
                    [*at, "visitors", n],
                    o["key"],
                    lesson.pk,
                    {"staff_id": self.staff[key].pk},
                    identity=self.staff[key].pk,
                )
                for at, o, lesson in lessons
                for n, key in enumerate(o.get("visitors", []))
            ],
            {lesson.pk: o["key"] for _at, o, lesson in lessons if "visitors" in o},
            identity=lambda obj: obj.staff_id,
        )
        # Observations outside open lessons (a head's visit) are the top-level extension
        # ``observations`` (observations.import_visits); here only those of open lessons.
        self.rows(
            "associations.open_lessons.observations",
            Observation,
            "open_lesson_id",
            {"school": school, "open_lesson__isnull": False},
            [
                Row(
                    [*at, "observations", r],
                    o["key"],
                    lesson.pk,
                    {
                        "school_id": school.pk,
                        "teacher_id": lesson.teacher_id,
                        "observer_id": self.staff[row["observer"]].pk,
                        "date": _date(row["date"]),
                        "summary": _text(row["summary"]),
                        "recommendations": _text(row["recommendations"]),
                        **observation_values(self, row),
                    },
                )
                for at, o, lesson in lessons
                for r, row in enumerate(o["observations"])
            ],
            {lesson.pk: o["key"] for _at, o, lesson in lessons},
        )

        import_analyses(self)
        import_ktu(self)
        import_documents(self)

    def lesson_values(self, o: dict, *, ma: Association) -> dict:
        return {
            "year_id": self.years[o["year"]].pk,
            "teacher_id": self.staff[o["teacher"]].pk,
            "subject_id": self.pk(self.subjects, o["subject"]),
            "grade": o["grade"],
            "topic": o["topic"],
            "date": _date(o["date"]),
            "status": o["status"],
            **_given(
                o,
                {
                    "class_label": ("class_label", _text),
                    "cycle_topic": ("cycle_topic", _text),
                    "plan_item": ("plan_item_id", lambda n: self.plan_item(ma, o["year"], n)),
                },
            ),
        }

    # -- extensions of the plans: versions, steps, participants, materials

    def plan_item(self, ma, year: str, index: int | None) -> int | None:
        """The pk of item ``index`` of the MA's plan for ``year`` (checked by ``validate``)."""
        if index is None:
            return None
        return self.plan_items[ma.pk, self.years[year].pk][index].pk

    def import_plan_history(self, plan_rows: list[Row], plans: list, sources: list) -> None:
        """Approved versions (ORG-2: every version stays readable) and the plan's steps (who,
        when, the return comment). Both are history: what the bundle lacks is kept."""
        scope = {"plan__association__school": self.school}
        triples = list(zip(plan_rows, plans, sources, strict=True))
        self.rows(
            "associations.plans.versions",
            PlanVersion,
            "plan_id",
            scope,
            [
                Row(
                    [*row.path, "versions", n],
                    row.label,
                    plan.pk,
                    {
                        "number": v["number"],
                        "approved_by_id": self.pk(self.staff, v["approved_by"]),
                        "approved_at": _date(v["approved_at"]),
                        "content": v["content"],
                    },
                    identity=v["number"],
                )
                for row, plan, source in triples
                for n, v in enumerate(source.get("versions", []))
            ],
            {plan.pk: row.label for row, plan, source in triples if "versions" in source},
            identity=lambda obj: obj.number,
            keep=True,
        )

        steps = [
            (row, plan, n, e)
            for row, plan, source in triples
            for n, e in enumerate(source.get("events", []))
        ]
        # A step names a staff member (log-ins do not travel, BUNDLE.md): it is given to the
        # log-in of that person here, if there is one, or remembered in PlanEventAuthor.
        named = {e["by"] for _row, _plan, _n, e in steps if e["by"] is not None}
        logins = dict(
            User.objects.filter(staff__school=self.school, staff__key__in=named).values_list(
                "staff__key", "pk"
            )
            if named
            else {}
        )
        events = self.rows(
            "associations.plans.events",
            PlanEvent,
            "plan_id",
            scope,
            [
                Row(
                    [*row.path, "events", n],
                    row.label,
                    plan.pk,
                    {
                        "kind": e["kind"],
                        "at": _moment(e["at"]),
                        "version": e["version"],
                        "comment": e.get("comment", ""),
                        "detail": e.get("detail", {}),
                        # A step by nobody named (an administrator's) keeps its log-in here.
                        **({"actor_id": logins.get(e["by"])} if e["by"] is not None else {}),
                    },
                    # A step is its kind at its moment (``validate`` refuses two alike).
                    identity=(e["kind"], _moment(e["at"])),
                )
                for row, plan, n, e in steps
            ],
            {plan.pk: row.label for row, plan, source in triples if "events" in source},
            identity=lambda obj: (obj.kind, obj.at),
            # "What changed since the revision an editor saw" (planning) must never list steps
            # taken in another installation: they come before any revision seen here.
            on_create=lambda obj, row: setattr(obj, "revision", 0),
            keep=True,
        )
        authors = [
            (
                Row([*row.path, "events", n, "by"], row.label, event.pk, {}),
                event,
                self.staff[e["by"]].pk if e["by"] is not None and e["by"] not in logins else None,
            )
            for (row, _plan, n, e), event in zip(steps, events, strict=True)
        ]
        self.import_authors(authors)

    def import_authors(self, authors: list[tuple[Row, PlanEvent, int | None]]) -> None:
        """Keep the staff member of each step that no log-in here belongs to (bundle.models)."""
        changes = self.summary.sections["associations.plans.events"]
        existing = {
            a.event_id: a
            for a in PlanEventAuthor.objects.filter(event_id__in=[e.pk for _r, e, _s in authors])
        }
        to_create, to_update, to_delete = [], [], []
        for row, event, staff_id in authors:
            author = existing.get(event.pk)
            if author is not None and author.staff_id == staff_id:
                continue
            if author is None and staff_id is None:
                continue
            if staff_id is None:
                to_delete.append(author)
            elif author is None:
                to_create.append((row, PlanEventAuthor(event=event, staff_id=staff_id)))
            else:
                author.staff_id = staff_id
                to_update.append((row, author))
            # The step now says someone else did it: it counts as changed.
            self.count_as_updated(changes, PlanEvent, event, row.label)
            if event.pk not in self.created[PlanEvent]:
                self.updated[PlanEvent].setdefault(event.pk, event)
        self.delete("associations.plans.events", to_delete)
        self.save(PlanEventAuthor, to_create, to_update, {"staff_id"})

    def import_item_records(self, sources: list[tuple], items: list) -> None:
        """Who took part in an item and its materials (FUNC-3, FUNC-4, SVC-T2). A material's
        file does not travel (docs/bundle-extensions.md): a material the bundle names as it
        is recorded keeps its file here."""
        pairs = list(zip(sources, items, strict=True))
        self.m2m(
            "associations.plans.items",
            PlanItem,
            "participants",
            {
                obj.pk: [self.staff[k].pk for k in item["participants"]]
                for (_row, _plan, item), obj in pairs
                if "participants" in item
            },
            {obj.pk: row.label for (row, _plan, _item), obj in pairs},
        )
        self.rows(
            "associations.plans.items.materials",
            PlanItemMaterial,
            "item_id",
            {"item__plan__association__school": self.school},
            [
                Row(
                    [*row.path, "items", plan_index, "materials", n],
                    row.label,
                    obj.pk,
                    {
                        "title": m["title"],
                        "link": m.get("link", ""),
                        "added_by_id": self.pk(self.staff, m.get("added_by")),
                    },
                )
                for (row, _plan, item), obj, plan_index in self.item_places(pairs)
                for n, m in enumerate(item.get("materials", []))
            ],
            {obj.pk: row.label for (row, _plan, item), obj in pairs if "materials" in item},
        )

    @staticmethod
    def item_places(pairs: list) -> Iterable[tuple]:
        """Each item with its place in its plan, for the JSON path of its materials."""
        place: dict[int, int] = defaultdict(int)
        for source, obj in pairs:
            plan = source[1]
            yield source, obj, place[plan.pk]
            place[plan.pk] += 1
