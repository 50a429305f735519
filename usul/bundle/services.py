"""Importing and exporting the school bundle (BUNDLE.md).

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

``bundle_export`` writes every section and field of BUNDLE.md in a stable order (the order in
which records were first recorded, i.e. the bundle's own order), so that export → import →
export gives the same document, ``exported_at`` aside.

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

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.accounts.models import User
from usul.analysis.models import YearAnalysis
from usul.assessment.models import KtuRecord, KtuValue
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.bundle.models import PlanEventAuthor
from usul.bundle.validation import BundleError, BundleInvalid, format_path, validate
from usul.documents.models import DocumentEntry
from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonVisitor
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.people.models import (
    Category,
    Course,
    Employment,
    Position,
    SelfDevelopmentTopic,
    Staff,
    Teaching,
    ThematicPlan,
    ThematicPlanItem,
)
from usul.planning.models import (
    PlanEvent,
    PlanItem,
    PlanItemMaterial,
    PlanVersion,
    WorkPlan,
)
from usul.schools.models import (
    CouncilDecision,
    District,
    DistrictInstruction,
    Order,
    School,
    SchoolYear,
    Subject,
)

FORMAT = "usul-bundle"
VERSION = 1
# BUNDLE.md: "settings may be omitted; the defaults are those above".
DEFAULT_SETTINGS = {
    "plan_deadline_days": 14,
    "young_specialist_years": 3,
    "newly_arrived_days": 365,
    "ktu_required": True,
}

# The sections of a summary, in the bundle's order (paths of BUNDLE.md).
SECTIONS = (
    "district",
    "school",
    "years",
    "subjects",
    "staff",
    "staff.positions",
    "staff.employment",
    "staff.categories",
    "staff.teaching",
    "staff.self_development",
    "staff.courses",
    "staff.thematic_plans",
    "staff.thematic_plans.items",
    "orders",
    "council_decisions",
    "district_instructions",
    "observation_templates",
    "associations",
    "associations.supervisors",
    "associations.members",
    "associations.heads",
    "associations.plans",
    "associations.plans.versions",
    "associations.plans.events",
    "associations.plans.items",
    "associations.plans.items.materials",
    "associations.meetings",
    "associations.meetings.attendance",
    "associations.meetings.resolutions",
    "associations.open_lessons",
    "associations.open_lessons.visitors",
    "associations.open_lessons.observations",
    "associations.analyses",
    "associations.ktu",
    "associations.ktu.values",
    "associations.documents",
    "observations",
)


@dataclass
class SectionChanges:
    """What an import does to one section. Keyed sections name records by key; rows by owner."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    # Keyed records the installation has and the bundle does not: kept as they are.
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class ImportSummary:
    school: str
    school_created: bool = False
    sections: dict[str, SectionChanges] = field(
        default_factory=lambda: {name: SectionChanges() for name in SECTIONS}
    )

    def total(self, what: str) -> int:
        if what == "unchanged":
            return sum(s.unchanged for s in self.sections.values())
        return sum(len(getattr(s, what)) for s in self.sections.values())

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.sections.values())


# --- Import -------------------------------------------------------------------------------------


def bundle_import(*, data: dict, actor=None) -> ImportSummary:
    """Bring the bundle's school to what ``data`` says, in one transaction (BUNDLE.md).

    An invalid bundle raises ``BundleInvalid`` with every error before the database is touched.
    """
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    with transaction.atomic():
        return _Import(data, actor).run()


class _Rollback(Exception):
    def __init__(self, summary: ImportSummary):
        self.summary = summary


def bundle_preview(*, data: dict) -> ImportSummary:
    """What ``bundle_import`` would create, update, delete or leave — computed, then rolled back.

    Running the real import and undoing it is the only way the preview cannot disagree with
    what confirming will do. Raises ``BundleInvalid`` like the import.
    """
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    try:
        with transaction.atomic():
            raise _Rollback(_Import(data, actor=None).run())
    except _Rollback as done:
        return done.summary


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _text(value) -> str:
    return value or ""


def _moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _given(item: dict, fields: dict[str, tuple[str, Callable]]) -> dict:
    """The extension fields ``item`` gives, as model values (``fields``: bundle name →
    (attname, conversion)). One it leaves out is not in the result, so the record keeps what
    this installation has, or the default when it is new."""
    return {
        attname: convert(item[name]) for name, (attname, convert) in fields.items() if name in item
    }


def _signature(values: dict) -> tuple:
    """A hashable form of a row's values, for matching equal rows."""
    return tuple(
        (name, json.dumps(v, sort_keys=True) if isinstance(v, list | dict) else v)
        for name, v in sorted(values.items())
    )


@dataclass
class _Row:
    """One record as the bundle wants it: where it is in the bundle, who owns it, its values."""

    path: list
    label: str  # key of the record or of its owner, for the summary
    group: object  # parent pk (rows) or the school (keyed records)
    values: dict  # attname -> python value
    identity: object = None  # rows matched by identity (plan per year) instead of by equality


class _Import:
    def __init__(self, data: dict, actor):
        self.data = data
        self.actor = actor
        self.summary = ImportSummary(school=data["school"]["key"])
        self.now = timezone.now()
        # Objects created / changed in this import, per model, for the history written at the end.
        self.created: dict[type, dict[int, models.Model]] = defaultdict(dict)
        self.updated: dict[type, dict[int, models.Model]] = defaultdict(dict)

    # -- the run

    def run(self) -> ImportSummary:
        data = self.data
        self.school = self.import_school()
        self.years = self.keyed(
            "years",
            SchoolYear,
            self.records(
                ["years"],
                data["years"],
                lambda y: {
                    "start": _date(y["start"]),
                    "end": _date(y["end"]),
                    "theme": y["theme"],
                },
            ),
        )
        self.subjects = self.keyed(
            "subjects",
            Subject,
            self.records(
                ["subjects"],
                data["subjects"],
                lambda s: {
                    "name_ky": s["name"]["ky"],
                    "name_ru": _text(s["name"]["ru"]),
                    "name_en": _text(s["name"]["en"]),
                    "area": s["area"],
                },
            ),
        )
        self.staff = self.keyed("staff", Staff, self.records(["staff"], data["staff"], self.person))
        self.import_staff_sections()

        # Orders and MAs point at each other: orders first, linked to the MAs that exist
        # already; then the MAs with their creating and liquidating orders; then the orders of
        # MAs that are new in this bundle are linked.
        known = dict(Association.objects.filter(school=self.school).values_list("key", "pk"))
        self.orders = self.keyed(
            "orders",
            Order,
            self.records(
                ["orders"],
                data["orders"],
                lambda o: {
                    "number": _text(o["number"]),
                    "date": _date(o["date"]),
                    "kind": o["kind"],
                    "association_id": known.get(o["association"]),
                    "proposed_by_id": self.pk(self.staff, o["proposed_by"]),
                    "signed_by_id": self.pk(self.staff, o["signed_by"]),
                    "text": _text(o["text"]),
                },
            ),
        )
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
        self.link(
            "orders",
            Order,
            self.orders,
            [
                (o["key"], "association_id", self.pk(self.associations, o["association"]))
                for o in data["orders"]
            ],
        )
        self.key_lists(
            "associations",
            Association,
            "subjects",
            self.associations,
            {a["key"]: [self.subjects[k].pk for k in a["subjects"]] for a in data["associations"]},
        )

        self.decisions = self.keyed(
            "council_decisions",
            CouncilDecision,
            self.records(
                ["council_decisions"],
                data["council_decisions"],
                lambda c: {
                    "year_id": self.years[c["year"]].pk,
                    "date": _date(c["date"]),
                    "text": _text(c["text"]),
                },
            ),
        )
        self.key_lists(
            "council_decisions",
            CouncilDecision,
            "associations",
            self.decisions,
            {
                c["key"]: [self.associations[k].pk for k in c["associations"]]
                for c in data["council_decisions"]
            },
        )
        self.instructions = self.keyed(
            "district_instructions",
            DistrictInstruction,
            self.records(
                ["district_instructions"],
                data["district_instructions"],
                lambda d: {
                    "year_id": self.years[d["year"]].pk,
                    "number": _text(d["number"]),
                    "date": _date(d["date"]),
                    "title": d["title"],
                    "targets_all": d["targets"] == ["all"],
                },
            ),
        )
        self.key_lists(
            "district_instructions",
            DistrictInstruction,
            "target_subjects",
            self.instructions,
            {
                d["key"]: [self.subjects[k].pk for k in d["targets"] if k != "all"]
                for d in data["district_instructions"]
            },
        )
        self.import_templates()
        self.import_association_sections()
        self.import_visits()
        self.write_history()
        return self.summary

    def records(
        self, at: list, items: list[dict], values: Callable[[dict], dict], **fixed
    ) -> list[_Row]:
        """Keyed records of the school as the bundle wants them (``at``: the list's path)."""
        return [
            _Row(
                [*at, index],
                item["key"],
                self.school,
                {
                    "school_id": self.school.pk,
                    "key": item["key"],
                    **fixed,
                    **values(item),
                },
            )
            for index, item in enumerate(items)
        ]

    def key_lists(self, section: str, model, name: str, records: dict, wanted: dict) -> None:
        """``m2m`` for keyed records: ``wanted`` maps a record's key to the pks of its list."""
        self.m2m(
            section,
            model,
            name,
            {records[key].pk: targets for key, targets in wanted.items()},
            {records[key].pk: key for key in wanted},
        )

    # -- district and school

    def import_school(self) -> School:
        data = self.data
        district = None
        if data["district"] is not None:
            district = self.keyed(
                "district",
                District,
                [
                    _Row(
                        ["district"],
                        data["district"]["key"],
                        None,
                        {
                            "key": data["district"]["key"],
                            "name": data["district"]["name"],
                        },
                    )
                ],
                existing=District.objects.filter(key=data["district"]["key"]),
            )[data["district"]["key"]]
        settings = {**DEFAULT_SETTINGS, **data["school"].get("settings", {})}
        key = data["school"]["key"]
        school = self.keyed(
            "school",
            School,
            [
                _Row(
                    ["school"],
                    key,
                    None,
                    {
                        "key": key,
                        "name": data["school"]["name"],
                        "district_id": district.pk if district else None,
                        **{name: settings[name] for name in DEFAULT_SETTINGS},
                    },
                )
            ],
            # Two imports of one school wait for each other instead of mixing their rows.
            existing=School.objects.select_for_update().filter(key=key),
        )[key]
        self.summary.school_created = bool(self.summary.sections["school"].created)
        return school

    # -- staff

    @staticmethod
    def person(s: dict) -> dict:
        # BUNDLE.md: every section but key and names may be missing; "no education section"
        # stays apart from an empty one (``has_education``) so that it comes back as it went.
        education = s.get("education")
        education = education if isinstance(education, dict) else None
        edu = education or {}
        return {
            "last_name": s["last_name"],
            "first_name": s["first_name"],
            "patronymic": _text(s.get("patronymic")),
            "birth_date": _date(s.get("birth_date")),
            "gender": _text(s.get("gender")),
            "has_education": education is not None,
            "education_level": _text(edu.get("level")),
            "education_institution": _text(edu.get("institution")),
            "education_graduated": edu.get("graduated"),
            "education_specialty": _text(edu.get("specialty")),
        }

    def import_staff_sections(self) -> None:
        people = [(i, s, self.staff[s["key"]]) for i, s in enumerate(self.data["staff"])]
        owners = {person.pk: s["key"] for _i, s, person in people}
        scope = {"staff__school": self.school}

        def rows(section: str, values: Callable[[dict], dict]) -> list[_Row]:
            # A missing section is an empty one (BUNDLE.md: "every section … may be missing").
            return [
                _Row(["staff", i, section, n], s["key"], person.pk, values(item))
                for i, s, person in people
                for n, item in enumerate(s.get(section) or [])
            ]

        def sync(section: str, model, values: Callable[[dict], dict]) -> tuple[list, list]:
            wanted = rows(section, values)
            return wanted, self.rows(f"staff.{section}", model, "staff_id", scope, wanted, owners)

        sync(
            "positions",
            Position,
            lambda p: {
                "role": p["role"],
                "start": _date(p["from"]),
                "end": _date(p["to"]),
            },
        )
        sync(
            "employment",
            Employment,
            lambda e: {
                "organization": e["organization"],
                "position": _text(e["position"]),
                "start": _date(e["from"]),
                "end": _date(e["to"]),
                "in_education": e["in_education"],
            },
        )
        sync(
            "categories",
            Category,
            lambda c: {
                "category": c["category"],
                "awarded": _date(c["awarded"]),
                "valid_until": _date(c["valid_until"]),
            },
        )
        sync(
            "teaching",
            Teaching,
            lambda t: {
                "year_id": self.years[t["year"]].pk,
                "subject_id": self.subjects[t["subject"]].pk,
                "grades": t["grades"],
                "hours_per_week": _decimal(t["hours_per_week"]),
            },
        )
        sync(
            "self_development",
            SelfDevelopmentTopic,
            lambda t: {
                "year_id": self.years[t["year"]].pk,
                "topic": t["topic"],
            },
        )
        sync(
            "courses",
            Course,
            lambda c: {
                "title": c["title"],
                "provider": _text(c["provider"]),
                "hours": c["hours"],
                "start": _date(c["from"]),
                "end": _date(c["to"]),
                "certificate": _text(c["certificate"]),
            },
        )
        plan_rows, plans = sync(
            "thematic_plans",
            ThematicPlan,
            lambda p: {
                "year_id": self.years[p["year"]].pk,
                "subject_id": self.subjects[p["subject"]].pk,
                "grade": p["grade"],
                "kind": p["kind"],
            },
        )
        sources = [p for _i, s, _person in people for p in s.get("thematic_plans") or []]
        lessons = [
            _Row(
                [*row.path, "items", n],
                row.label,
                plan.pk,
                {
                    "n": item["n"],
                    "topic": item["topic"],
                    "hours": _decimal(item["hours"]),
                    "planned": _date(item["planned"]),
                    "done": _date(item["done"]),
                },
            )
            for row, plan, source in zip(plan_rows, plans, sources, strict=True)
            for n, item in enumerate(source["items"])
        ]
        self.rows(
            "staff.thematic_plans.items",
            ThematicPlanItem,
            "plan_id",
            {"plan__staff__school": self.school},
            lessons,
            {plan.pk: row.label for row, plan in zip(plan_rows, plans, strict=True)},
        )

    # -- extensions of the school: observation forms and observations outside open lessons

    def school_rows(self, name: str) -> dict:
        """The school as the owner of a top-level extension list — only when the bundle gives
        the list: one it leaves out is not touched."""
        return {self.school.pk: self.school.key} if name in self.data else {}

    def import_templates(self) -> None:
        """The school's observation forms (HEAD-D1, SVC-D4), named by version like a key: a
        form the bundle lacks is kept, and so are the observations filled in with it."""
        sources = self.data.get("observation_templates", [])
        forms = self.rows(
            "observation_templates",
            ObservationTemplate,
            "school_id",
            {"school": self.school},
            [
                _Row(
                    ["observation_templates", n],
                    str(t["version"]),
                    self.school.pk,
                    {
                        "version": t["version"],
                        "name": t["name"],
                        "scale_min": t["scale_min"],
                        "scale_max": t["scale_max"],
                        "criteria": t["criteria"],
                        "judgements": t["judgements"],
                    },
                    identity=t["version"],
                )
                for n, t in enumerate(sources)
            ],
            self.school_rows("observation_templates"),
            identity=lambda obj: obj.version,
            keep=True,
        )
        self.templates = {t["version"]: form for t, form in zip(sources, forms, strict=True)}

    def observation_values(self, row: dict) -> dict:
        """An observation's extension fields: strengths, scores, judgement and its form."""
        return _given(
            row,
            {
                "strengths": ("strengths", _text),
                "scores": ("scores", dict),
                "judgement": ("judgement", _text),
                "template": ("template_id", lambda v: None if v is None else self.templates[v].pk),
            },
        )

    def import_visits(self) -> None:
        """Observations outside open lessons (a head's visit, HEAD-D1): rows of the school."""
        self.rows(
            "observations",
            Observation,
            "school_id",
            {"school": self.school, "open_lesson__isnull": True},
            [
                _Row(
                    ["observations", n],
                    row["teacher"],
                    self.school.pk,
                    {
                        "teacher_id": self.staff[row["teacher"]].pk,
                        "observer_id": self.staff[row["observer"]].pk,
                        "date": _date(row["date"]),
                        "summary": _text(row["summary"]),
                        "recommendations": _text(row["recommendations"]),
                        # Written whole: an extension record has no BUNDLE.md fields to keep.
                        "strengths": "",
                        "scores": {},
                        "judgement": "",
                        "template_id": None,
                        **self.observation_values(row),
                    },
                )
                for n, row in enumerate(self.data.get("observations", []))
            ],
            self.school_rows("observations"),
        )

    # -- the MAs' sections

    def import_association_sections(self) -> None:
        school = self.school
        mas = [(i, a, self.associations[a["key"]]) for i, a in enumerate(self.data["associations"])]
        owners = {ma.pk: a["key"] for _i, a, ma in mas}
        scope = {"association__school": school}

        def rows(section: str, values: Callable[[dict], dict], identity=None) -> list[_Row]:
            return [
                _Row(
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
                _Row(
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
                _Row(
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
                _Row(
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
                _Row(
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
        # ``observations`` (import_visits); here only those of open lessons.
        self.rows(
            "associations.open_lessons.observations",
            Observation,
            "open_lesson_id",
            {"school": school, "open_lesson__isnull": False},
            [
                _Row(
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
                        **self.observation_values(row),
                    },
                )
                for at, o, lesson in lessons
                for r, row in enumerate(o["observations"])
            ],
            {lesson.pk: o["key"] for _at, o, lesson in lessons},
        )

        self.rows(
            "associations.analyses",
            YearAnalysis,
            "association_id",
            scope,
            rows(
                "analyses",
                lambda y: {
                    "year_id": self.years[y["year"]].pk,
                    "author_id": self.pk(self.staff, y["author"]),
                    "date": _date(y["date"]),
                    "text": _text(y["text"]),
                    "proposals": y["proposals"],
                    "presented_at_id": self.pk(self.meetings, y["presented_at"]),
                },
            ),
            owners,
        )

        # One KTU record per MA and year (FUNC-5): matched by its year.
        ktu_rows = rows(
            "ktu",
            lambda k: {"year_id": self.years[k["year"]].pk},
            identity=lambda k: self.years[k["year"]].pk,
        )
        records = self.rows(
            "associations.ktu",
            KtuRecord,
            "association_id",
            scope,
            ktu_rows,
            owners,
            identity=lambda obj: obj.year_id,
        )
        ktu_sources = [k for _i, a, _ma in mas for k in a["ktu"]]
        record_owners = {r.pk: row.label for r, row in zip(records, ktu_rows, strict=True)}
        self.m2m(
            "associations.ktu",
            KtuRecord,
            "commission",
            {
                record.pk: [self.staff[k].pk for k in source["commission"]]
                for record, source in zip(records, ktu_sources, strict=True)
            },
            record_owners,
        )
        self.rows(
            "associations.ktu.values",
            KtuValue,
            "record_id",
            {"record__association__school": school},
            [
                _Row(
                    [*row.path, "values", n],
                    row.label,
                    record.pk,
                    {
                        "staff_id": self.staff[v["staff"]].pk,
                        "value": _decimal(v["value"]),
                    },
                    identity=self.staff[v["staff"]].pk,
                )
                for row, record, source in zip(ktu_rows, records, ktu_sources, strict=True)
                for n, v in enumerate(source["values"])
            ],
            record_owners,
            identity=lambda obj: obj.staff_id,
        )

        self.keyed(
            "associations.documents",
            DocumentEntry,
            [
                row
                for i, a, ma in mas
                for row in self.records(
                    ["associations", i, "documents"],
                    a["documents"],
                    lambda d: {
                        "year_id": self.years[d["year"]].pk,
                        "type": d["type"],
                        "title": _text(d["title"]),
                        "date": _date(d["date"]),
                        "location": d["location"],
                    },
                    association_id=ma.pk,
                )
            ],
            existing=DocumentEntry.objects.filter(school=school),
        )

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

    def import_plan_history(self, plan_rows: list[_Row], plans: list, sources: list) -> None:
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
                _Row(
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
                _Row(
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
                _Row([*row.path, "events", n, "by"], row.label, event.pk, {}),
                event,
                self.staff[e["by"]].pk if e["by"] is not None and e["by"] not in logins else None,
            )
            for (row, _plan, n, e), event in zip(steps, events, strict=True)
        ]
        self.import_authors(authors)

    def import_authors(self, authors: list[tuple[_Row, PlanEvent, int | None]]) -> None:
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
                _Row(
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

    # -- generic machinery

    @staticmethod
    def pk(records: dict, key: str | None) -> int | None:
        return records[key].pk if key is not None else None

    def keyed(self, section: str, model, rows: list[_Row], existing=None) -> dict[str, object]:
        """Match records by key: update in place, create, keep the ones the bundle lacks."""
        if existing is None:
            existing = model.objects.filter(school=self.school)
        by_key = {obj.key: obj for obj in existing}
        changes = self.summary.sections[section]
        result, to_create, to_update, fields = {}, [], [], set()
        for row in rows:
            obj = by_key.get(row.values["key"])
            if obj is None:
                obj = model(**row.values)
                to_create.append((row, obj))
                changes.created.append(row.label)
            else:
                changed = self.assign(obj, row.values)
                if changed:
                    fields.update(changed)
                    to_update.append((row, obj))
                    changes.updated.append(row.label)
                else:
                    changes.unchanged += 1
            result[row.values["key"]] = obj
        changes.kept = sorted(set(by_key) - set(result))
        self.save(model, to_create, to_update, fields)
        return result

    def rows(
        self,
        section: str,
        model,
        parent: str,
        scope: dict,
        rows: list[_Row],
        parents: dict,
        identity: Callable | None = None,
        on_create=None,
        keep: bool = False,
    ) -> list:
        """Make each parent's rows equal the bundle's; returns the object of each row, in order.

        ``parents`` (pk → label) are the records whose list the bundle gives, even an empty one
        (their other rows are deleted). Rows equal to the bundle's are left untouched. With an
        ``identity`` (a plan per year, attendance per person) rows are matched by it and
        updated in place; otherwise changed rows are paired in order and updated in place.
        What is left over is created or deleted.

        Rows compare on the values the bundle gives, row by row: an extension field a row
        leaves out is neither compared nor changed. ``keep`` is for history (a plan's steps and
        versions) and forms named by version: rows the bundle lacks are kept and reported, and
        a changed row is added next to the old one instead of overwriting it.
        """
        changes = self.summary.sections[section]
        existing: dict[object, list] = defaultdict(list)
        if parents:
            for obj in model.objects.filter(**scope).order_by("pk"):
                if getattr(obj, parent) in parents:
                    existing[getattr(obj, parent)].append(obj)
        wanted: dict[object, list[tuple[int, _Row]]] = defaultdict(list)
        for index, row in enumerate(rows):
            wanted[row.group].append((index, row))

        result: list = [None] * len(rows)
        to_create, to_update, to_delete, fields = [], [], [], set()
        for group in parents:
            old, pending = list(existing.get(group, [])), []
            if identity is not None:
                by_identity = {identity(obj): obj for obj in old}
                for index, row in wanted.get(group, []):
                    obj = by_identity.pop(row.identity, None)
                    if obj is None:
                        pending.append((index, row))
                    else:
                        result[index] = obj
                        self.update_row(obj, row, changes, to_update, fields)
                leftovers = list(by_identity.values())
            else:
                # Old rows by their values, per set of names the bundle's rows give.
                indexes: dict[tuple, dict[tuple, list]] = {}
                matched = set()
                for index, row in wanted.get(group, []):
                    names = tuple(row.values)
                    if names not in indexes:
                        indexes[names] = defaultdict(list)
                        for obj in old:
                            signature = _signature({n: getattr(obj, n) for n in names})
                            indexes[names][signature].append(obj)
                    candidates = [
                        obj
                        for obj in indexes[names].get(_signature(row.values), [])
                        if obj.pk not in matched
                    ]
                    if candidates:
                        obj = candidates[0]
                        matched.add(obj.pk)
                        result[index] = obj
                        changes.unchanged += 1
                    else:
                        pending.append((index, row))
                leftovers = [obj for obj in old if obj.pk not in matched]
            # Pair what is left in order: a changed row is updated, not deleted and re-created
            # (unless it has an identity, which then tells which row it is).
            for index, row in pending:
                if leftovers and identity is None and not keep:
                    obj = leftovers.pop(0)
                    result[index] = obj
                    self.update_row(obj, row, changes, to_update, fields)
                    continue
                obj = model(**{parent: row.group, **row.values})
                if on_create:
                    on_create(obj, row)
                result[index] = obj
                to_create.append((row, obj))
                changes.created.append(row.label)
            if keep:
                changes.kept = sorted({*changes.kept, *([parents[group]] if leftovers else [])})
                continue
            for obj in leftovers:
                to_delete.append(obj)
                changes.deleted.append(parents[group])
        self.delete(section, to_delete)
        self.save(model, to_create, to_update, fields)
        return result

    def update_row(
        self, obj, row: _Row, changes: SectionChanges, to_update: list, fields: set
    ) -> None:
        changed = self.assign(obj, row.values)
        if changed:
            fields.update(changed)
            to_update.append((row, obj))
            changes.updated.append(row.label)
        else:
            changes.unchanged += 1

    @staticmethod
    def assign(obj, values: dict) -> list[str]:
        changed = []
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed.append(name)
        return changed

    def save(self, model, to_create: list, to_update: list, fields: set) -> None:
        for row, obj in [*to_create, *to_update]:
            self.clean(row, obj)
        if to_create:
            objs = [obj for _, obj in to_create]
            model.objects.bulk_create(objs)
            self.created[model].update({obj.pk: obj for obj in objs})
            # The insert stamps "now" on auto_now_add fields; a plan step keeps its own time.
            stamped = [
                f.attname
                for f in model._meta.concrete_fields
                if getattr(f, "auto_now_add", False) and f.attname in to_create[0][0].values
            ]
            if stamped:
                for row, obj in to_create:
                    for name in stamped:
                        setattr(obj, name, row.values[name])
                model.objects.bulk_update(objs, stamped)
        if to_update:
            objs = [obj for _, obj in to_update]
            names = set(fields)
            bumped = [obj for obj in objs if obj.pk not in self.created[model]]
            if bumped and any(f.name == "revision" for f in model._meta.concrete_fields):
                # Optimistic locking (plans, minutes): a page open on the old version must
                # not overwrite what the import brought.
                for obj in bumped:
                    obj.revision += 1
                names.add("revision")
            if any(f.name == "updated_at" for f in model._meta.concrete_fields):
                for obj in objs:
                    obj.updated_at = self.now
                names.add("updated_at")
            model.objects.bulk_update(objs, [self.field_name(model, n) for n in names])
            for obj in objs:
                if obj.pk not in self.created[model]:
                    self.updated[model][obj.pk] = obj

    @staticmethod
    def field_name(model, attname: str) -> str:
        for f in model._meta.concrete_fields:
            if f.attname == attname:
                return f.name
        return attname

    @staticmethod
    def clean(row: _Row, obj) -> None:
        """``full_clean`` without the queries: the bundle's keys were checked by ``validate``."""
        exclude = [f.name for f in obj._meta.concrete_fields if f.is_relation]
        exclude.append("grades")  # an empty list is a valid "grades not given"
        try:
            obj.clean_fields(exclude=exclude)
        except ValidationError as exc:
            raise BundleInvalid(
                [
                    BundleError(format_path([*row.path, name]), " ".join(messages))
                    for name, messages in exc.message_dict.items()
                ]
            ) from exc

    def delete(self, section: str, objs: Iterable) -> None:
        # One by one, so that each deletion is recorded in the history with the actor.
        for obj in objs:
            obj._history_user = self.actor
            try:
                obj.delete()
            except (ProtectedError, RestrictedError) as exc:
                # Another part of Usul holds on to the row: say so instead of failing.
                raise BundleInvalid(
                    [
                        BundleError(
                            section,
                            _("%(record)s cannot be removed: other records refer to it")
                            % {"record": f"{obj._meta.verbose_name} «{obj}»"},
                        )
                    ]
                ) from exc

    def link(self, section: str, model, records: dict, links: list[tuple]) -> None:
        """Set links that point forward (an order to an MA created in this same import)."""
        changes = self.summary.sections[section]
        to_update, names = [], set()
        for key, attname, value in links:
            obj = records[key]
            if getattr(obj, attname) != value:
                setattr(obj, attname, value)
                names.add(attname)
                to_update.append((_Row([section], key, None, {}), obj))
                self.count_as_updated(changes, model, obj, key)
        self.save(model, [], to_update, names)

    def count_as_updated(self, changes: SectionChanges, model, obj, label: str) -> None:
        if obj.pk in self.created[model] or obj.pk in self.updated[model]:
            return
        changes.unchanged -= 1
        changes.updated.append(label)

    def m2m(self, section: str, model, name: str, wanted: dict, labels: dict) -> None:
        """Make each record's list (an MA's subjects, a KTU commission…) equal the bundle's.

        ``wanted`` maps a record's pk to the pks its list must hold, in the bundle's order.
        """
        field_ = model._meta.get_field(name)
        through = field_.remote_field.through
        source, target = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
        existing: dict[int, set] = defaultdict(set)
        for pk, src, tgt in through.objects.filter(**{f"{source}__in": list(wanted)}).values_list(
            "pk", source, target
        ):
            existing[src].add((pk, tgt))
        to_create, to_delete, touched = [], [], set()
        for src, targets in wanted.items():
            have = {tgt: pk for pk, tgt in existing.get(src, set())}
            for tgt in targets:
                if tgt not in have:
                    to_create.append(through(**{source: src, target: tgt}))
                    touched.add(src)
            for tgt, pk in have.items():
                if tgt not in targets:
                    to_delete.append(pk)
                    touched.add(src)
        through.objects.filter(pk__in=to_delete).delete()
        through.objects.bulk_create(to_create)
        if not touched:
            return
        # The record's list changed: it counts as changed and its history says who did it.
        changes = self.summary.sections[section]
        objs = {obj.pk: obj for obj in model.objects.filter(pk__in=touched)}
        for src in sorted(touched):
            self.count_as_updated(changes, model, objs[src], labels[src])
            if src not in self.created[model]:
                self.updated[model][src] = objs[src]

    def write_history(self) -> None:
        for kind, update in ((self.created, False), (self.updated, True)):
            for model, objs in kind.items():
                history = getattr(model, "history", None)
                if history is None or not objs:
                    continue
                rows = history.bulk_history_create(
                    list(objs.values()),
                    update=update,
                    default_user=self.actor,
                    default_date=self.now,
                )
                self.write_m2m_history(model, history.model, rows)

    @staticmethod
    def write_m2m_history(model, historical_model, rows: list) -> None:
        """Lists kept in the history (``m2m_fields``, e.g. an MA's subjects): snapshot them too.

        simple-history does this for a single save but not for a bulk one.
        """
        for field_ in getattr(historical_model, "_history_m2m_fields", ()):
            snapshot = apps.get_model(
                model._meta.app_label, f"Historical{model.__name__}_{field_.name}"
            )
            through = field_.remote_field.through
            source = f"{field_.m2m_field_name()}_id"
            links: dict[int, list] = defaultdict(list)
            for link in through.objects.filter(**{f"{source}__in": [r.id for r in rows]}):
                links[getattr(link, source)].append(link)
            names = [f.attname for f in through._meta.concrete_fields]
            snapshot.objects.bulk_create(
                snapshot(history=row, **{name: getattr(link, name) for name in names})
                for row in rows
                for link in links[row.id]
            )


# --- Export -------------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _number(value: Decimal | None) -> int | float | None:
    """18.0 → 18, 1.150 → 1.15: the number as a person would write it in the bundle."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _grouped(queryset, attname: str, *order: str) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for obj in queryset.order_by(*(order or ("pk",))):
        groups[getattr(obj, attname)].append(obj)
    return groups


def _moment_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _nonempty(**fields) -> dict:
    """Extension fields of a BUNDLE.md record, only those that hold something: a school that
    has none exports exactly as BUNDLE.md describes it."""
    return {name: value for name, value in fields.items() if value not in ("", None, [], {})}


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


def _m2m_lists(model, name: str, **scope) -> dict[int, list[int]]:
    """Each record's list, in the order it was written (the bundle's order)."""
    field_ = model._meta.get_field(name)
    through = field_.remote_field.through
    source, target = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
    lists: dict[int, list[int]] = defaultdict(list)
    owner = field_.m2m_field_name()
    rows = through.objects.filter(**{f"{owner}__{k}": v for k, v in scope.items()})
    for src, tgt in rows.order_by("pk").values_list(source, target):
        lists[src].append(tgt)
    return lists


def bundle_export(*, school: School) -> dict:
    """The school as one bundle (BUNDLE.md): every section and field, in a stable order.

    Records come in the order they were first recorded — for imported data, the bundle's own
    order — so that export → import → export gives the same document. A fixed number of
    queries, however large the school: one more per kind of extension record the school has.
    """
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

    def key(keys: dict, pk: int | None) -> str | None:
        return keys[pk] if pk is not None else None

    by_staff = {"staff__school": school}
    positions = _grouped(Position.objects.filter(**by_staff), "staff_id")
    employment = _grouped(Employment.objects.filter(**by_staff), "staff_id")
    categories = _grouped(Category.objects.filter(**by_staff), "staff_id")
    teaching = _grouped(Teaching.objects.filter(**by_staff), "staff_id")
    self_development = _grouped(SelfDevelopmentTopic.objects.filter(**by_staff), "staff_id")
    courses = _grouped(Course.objects.filter(**by_staff), "staff_id")
    thematic_plans = _grouped(ThematicPlan.objects.filter(**by_staff), "staff_id")
    lessons_of_plan = _grouped(
        ThematicPlanItem.objects.filter(plan__staff__school=school), "plan_id"
    )

    def staff_record(s: Staff) -> dict:
        return {
            "key": s.key,
            "last_name": s.last_name,
            "first_name": s.first_name,
            "patronymic": s.patronymic,
            "birth_date": _iso(s.birth_date),
            "gender": s.gender or None,
            # The data bank reports what is missing (DOC-9): an empty value is null.
            "education": {
                "level": s.education_level or None,
                "institution": s.education_institution or None,
                "graduated": s.education_graduated,
                "specialty": s.education_specialty or None,
            }
            if s.has_education
            else None,
            "positions": [
                {"role": p.role, "from": _iso(p.start), "to": _iso(p.end)} for p in positions[s.pk]
            ],
            "employment": [
                {
                    "organization": e.organization,
                    "position": e.position,
                    "from": _iso(e.start),
                    "to": _iso(e.end),
                    "in_education": e.in_education,
                }
                for e in employment[s.pk]
            ],
            "categories": [
                {
                    "category": c.category,
                    "awarded": _iso(c.awarded),
                    "valid_until": _iso(c.valid_until),
                }
                for c in categories[s.pk]
            ],
            "teaching": [
                {
                    "year": year[t.year_id],
                    "subject": subject[t.subject_id],
                    "grades": t.grades,
                    "hours_per_week": _number(t.hours_per_week),
                }
                for t in teaching[s.pk]
            ],
            "self_development": [
                {"year": year[t.year_id], "topic": t.topic} for t in self_development[s.pk]
            ],
            "courses": [
                {
                    "title": c.title,
                    "provider": c.provider,
                    "hours": c.hours,
                    "from": _iso(c.start),
                    "to": _iso(c.end),
                    "certificate": c.certificate,
                }
                for c in courses[s.pk]
            ],
            "thematic_plans": [
                {
                    "year": year[p.year_id],
                    "subject": subject[p.subject_id],
                    "grade": p.grade,
                    "kind": p.kind,
                    "items": [
                        {
                            "n": i.n,
                            "topic": i.topic,
                            "hours": _number(i.hours),
                            "planned": _iso(i.planned),
                            "done": _iso(i.done),
                        }
                        for i in lessons_of_plan[p.pk]
                    ],
                }
                for p in thematic_plans[s.pk]
            ],
        }

    decision_mas = _m2m_lists(CouncilDecision, "associations", school=school)
    target_subjects = _m2m_lists(DistrictInstruction, "target_subjects", school=school)
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
    analyses = _grouped(YearAnalysis.objects.filter(**by_ma), "association_id")
    ktu = _grouped(KtuRecord.objects.filter(**by_ma), "association_id")
    commission = _m2m_lists(KtuRecord, "commission", association__school=school)
    ktu_values = _grouped(KtuValue.objects.filter(record__association__school=school), "record_id")
    documents = _grouped(DocumentEntry.objects.filter(school=school), "association_id")

    def interval(row) -> dict:
        return {"staff": person[row.staff_id], "from": _iso(row.start), "to": _iso(row.end)}

    def observation_extension(v: Observation) -> dict:
        return {
            "strengths": v.strengths,
            "scores": v.scores,
            "judgement": v.judgement,
            "template": templates[v.template_id].version if v.template_id else None,
        }

    def plan_extension(p: WorkPlan) -> dict:
        return _nonempty(
            directions=p.directions,
            # The version being worked on: 1 unless the plan was changed after an approval.
            version=p.version if p.version != 1 else None,
            versions=[
                {
                    "number": v.number,
                    "approved_by": key(person, v.approved_by_id),
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
                {"title": m.title, "link": m.link, "added_by": key(person, m.added_by_id)}
                for m in materials.get(i.pk, [])
            ],
        )

    def association_record(a: Association) -> dict:
        return {
            "key": a.key,
            "name": a.name,
            "kind": a.kind,
            "subjects": [subject[pk] for pk in ma_subjects[a.pk]],
            "created_by": key(order, a.created_by_id),
            "liquidated_by": key(order, a.liquidated_by_id),
            "supervisors": [interval(r) for r in supervisors[a.pk]],
            "members": [interval(r) for r in members[a.pk]],
            "heads": [
                {
                    **interval(h),
                    "elected_at": key(meeting, h.elected_at_id),
                    "order": key(order, h.order_id),
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
                    "approved_by": key(person, p.approved_by_id),
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
                            "responsible": key(person, i.responsible_id),
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
                            "responsible": key(person, r.responsible_id),
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
                    "subject": key(subject, o.subject_id),
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
                            **_nonempty(**observation_extension(v)),
                        }
                        for v in observations[o.pk]
                    ],
                }
                for o in lessons[a.pk]
            ],
            "analyses": [
                {
                    "year": year[y.year_id],
                    "author": key(person, y.author_id),
                    "date": _iso(y.date),
                    "text": y.text,
                    "proposals": y.proposals,
                    "presented_at": key(meeting, y.presented_at_id),
                }
                for y in analyses[a.pk]
            ],
            "ktu": [
                {
                    "year": year[k.year_id],
                    "commission": [person[pk] for pk in commission[k.pk]],
                    "values": [
                        {"staff": person[v.staff_id], "value": _number(v.value)}
                        for v in ktu_values[k.pk]
                    ],
                }
                for k in ktu[a.pk]
            ],
            "documents": [
                {
                    "key": d.key,
                    "year": year[d.year_id],
                    "type": d.type,
                    "title": d.title,
                    "date": _iso(d.date),
                    "location": d.location,
                }
                for d in documents[a.pk]
            ],
        }

    district = school.district
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "district": {"key": district.key, "name": district.name} if district else None,
        "school": {
            "key": school.key,
            "name": school.name,
            "settings": {name: getattr(school, name) for name in DEFAULT_SETTINGS},
        },
        "years": [
            {"key": y.key, "start": _iso(y.start), "end": _iso(y.end), "theme": y.theme}
            for y in years
        ],
        "subjects": [
            {
                "key": s.key,
                "name": {"ky": s.name_ky, "ru": s.name_ru, "en": s.name_en},
                "area": s.area,
            }
            for s in subjects
        ],
        "staff": [staff_record(s) for s in staff],
        "orders": [
            {
                "key": o.key,
                "number": o.number,
                "date": _iso(o.date),
                "kind": o.kind,
                "association": key(association, o.association_id),
                "proposed_by": key(person, o.proposed_by_id),
                "signed_by": key(person, o.signed_by_id),
                "text": o.text,
            }
            for o in orders
        ],
        "council_decisions": [
            {
                "key": c.key,
                "year": year[c.year_id],
                "date": _iso(c.date),
                "text": c.text,
                "associations": [association[pk] for pk in decision_mas[c.pk]],
            }
            for c in CouncilDecision.objects.filter(school=school).order_by("pk")
        ],
        "district_instructions": [
            {
                "key": i.key,
                "year": year[i.year_id],
                "number": i.number,
                "date": _iso(i.date),
                "title": i.title,
                "targets": ["all"]
                if i.targets_all
                else [subject[pk] for pk in target_subjects[i.pk]],
            }
            for i in instructions
        ],
        "associations": [association_record(a) for a in associations],
        **_nonempty(
            observation_templates=[
                {
                    "version": t.version,
                    "name": t.name,
                    "scale_min": t.scale_min,
                    "scale_max": t.scale_max,
                    "criteria": t.criteria,
                    "judgements": t.judgements,
                }
                for t in templates.values()
            ],
            # Extension records, written whole.
            observations=[
                {
                    "teacher": person[v.teacher_id],
                    "observer": person[v.observer_id],
                    "date": _iso(v.date),
                    "summary": v.summary,
                    "recommendations": v.recommendations,
                    **observation_extension(v),
                }
                for v in observations[None]
            ],
        ),
    }
