"""BUNDLE.md, staff: each person with positions, employment, categories, teaching,
self-development topics, courses and calendar-thematic plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import (
    _date,
    _decimal,
    _given,
    _grouped,
    _iso,
    _nonempty,
    _number,
    _text,
)
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

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


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
        # Extensions (docs/bundle-extensions.md): how to reach the person, from the roster.
        **_given(s, {"email": ("email", _text), "phone": ("phone", _text)}),
    }


def import_staff(run: BundleImport) -> None:
    """The staff by key, then each person's lists (rows owned by the person)."""
    run.staff = run.keyed("staff", Staff, run.records(["staff"], run.data["staff"], person))
    people = [(i, s, run.staff[s["key"]]) for i, s in enumerate(run.data["staff"])]
    owners = {person.pk: s["key"] for _i, s, person in people}
    scope = {"staff__school": run.school}

    def rows(section: str, values: Callable[[dict], dict]) -> list[Row]:
        # A missing section is an empty one (BUNDLE.md: "every section … may be missing").
        return [
            Row(["staff", i, section, n], s["key"], person.pk, values(item))
            for i, s, person in people
            for n, item in enumerate(s.get(section) or [])
        ]

    def sync(section: str, model, values: Callable[[dict], dict]) -> tuple[list, list]:
        wanted = rows(section, values)
        return wanted, run.rows(f"staff.{section}", model, "staff_id", scope, wanted, owners)

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
            "year_id": run.years[t["year"]].pk,
            "subject_id": run.subjects[t["subject"]].pk,
            "grades": t["grades"],
            "hours_per_week": _decimal(t["hours_per_week"]),
        },
    )
    sync(
        "self_development",
        SelfDevelopmentTopic,
        lambda t: {
            "year_id": run.years[t["year"]].pk,
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
            "year_id": run.years[p["year"]].pk,
            "subject_id": run.subjects[p["subject"]].pk,
            "grade": p["grade"],
            "kind": p["kind"],
        },
    )
    sources = [p for _i, s, _person in people for p in s.get("thematic_plans") or []]
    lessons = [
        Row(
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
    run.rows(
        "staff.thematic_plans.items",
        ThematicPlanItem,
        "plan_id",
        {"plan__staff__school": run.school},
        lessons,
        {plan.pk: row.label for row, plan in zip(plan_rows, plans, strict=True)},
    )


# -- export


def write_staff(
    school, staff: list[Staff], year: dict[int, str], subject: dict[int, str]
) -> list[dict]:
    """The school's ``staff`` (in the order first recorded) with their lists; ``year`` and
    ``subject`` give keys by pk. One query per kind of list, however many people."""
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
            **_nonempty(email=s.email, phone=s.phone),
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

    return [staff_record(s) for s in staff]
