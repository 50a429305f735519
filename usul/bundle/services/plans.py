"""BUNDLE.md, associations → plans: the MA's work plan of each year (ORG-2) and its items,
with the extensions that keep its approved versions, its steps, and each item's participants
and materials (FUNC-3, FUNC-4, SVC-T2)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import OuterRef

from usul.accounts.models import User
from usul.bundle.models import PlanEventAuthor
from usul.bundle.services.associations import ma_owners, ma_rows, ma_sources
from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import (
    _date,
    _extension,
    _given,
    _grouped,
    _iso,
    _key,
    _m2m_lists,
    _moment,
    _moment_text,
    _nonempty,
    _text,
)
from usul.planning.models import PlanEvent, PlanItem, PlanItemMaterial, PlanVersion, WorkPlan

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_plans(run: BundleImport) -> None:
    """The plans, matched by their year (one plan per MA and year, ORG-2), their history and
    their items. Leaves ``run.plan_items``: each MA's plan items of a year, in the plan's
    order, for the meetings and open lessons scheduled from one (``plan_item``)."""
    school = run.school
    plan_rows = ma_rows(
        run,
        "plans",
        lambda p: {
            "year_id": run.years[p["year"]].pk,
            "theme": _text(p["theme"]),
            "goal": _text(p["goal"]),
            "tasks": p["tasks"],
            "status": p["status"],
            "approved_by_id": run.pk(run.staff, p["approved_by"]),
            "approved_at": _date(p["approved_at"]),
            "reflects_school_theme": p["reflects"]["school_theme"],
            **_given(p, {"directions": ("directions", list), "version": ("version", int)}),
        },
        identity=lambda p: run.years[p["year"]].pk,
    )
    plans = run.rows(
        "associations.plans",
        WorkPlan,
        "association_id",
        {"association__school": school},
        plan_rows,
        ma_owners(run),
        identity=lambda obj: obj.year_id,
    )
    plan_sources = [p for _i, a, _ma in ma_sources(run) for p in a["plans"]]
    plan_owners = {plan.pk: row.label for plan, row in zip(plans, plan_rows, strict=True)}
    run.m2m(
        "associations.plans",
        WorkPlan,
        "reflects_instructions",
        {
            plan.pk: [run.instructions[k].pk for k in source["reflects"]["instructions"]]
            for plan, source in zip(plans, plan_sources, strict=True)
        },
        plan_owners,
    )
    _import_plan_history(run, plan_rows, plans, plan_sources)
    item_sources = [
        (row, plan, item)
        for row, plan, source in zip(plan_rows, plans, plan_sources, strict=True)
        for item in source["items"]
    ]
    items = run.rows(
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
                    "responsible_id": run.pk(run.staff, item["responsible"]),
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
    _import_item_records(run, item_sources, items)
    run.plan_items = defaultdict(list)
    for (_row, plan, _source), obj in zip(item_sources, items, strict=True):
        run.plan_items[plan.association_id, plan.year_id].append(obj)


def plan_item(run: BundleImport, ma, year: str, index: int | None) -> int | None:
    """The pk of item ``index`` of the MA's plan for ``year`` (checked by ``validate``): where a
    meeting or an open lesson was scheduled from (extension ``plan_item``)."""
    if index is None:
        return None
    return run.plan_items[ma.pk, run.years[year].pk][index].pk


def _import_plan_history(run: BundleImport, plan_rows: list[Row], plans: list, sources: list):
    """Approved versions (ORG-2: every version stays readable) and the plan's steps (who,
    when, the return comment). Both are history: what the bundle lacks is kept."""
    scope = {"plan__association__school": run.school}
    triples = list(zip(plan_rows, plans, sources, strict=True))
    run.rows(
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
                    "approved_by_id": run.pk(run.staff, v["approved_by"]),
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
        User.objects.filter(staff__school=run.school, staff__key__in=named).values_list(
            "staff__key", "pk"
        )
        if named
        else {}
    )
    events = run.rows(
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
            run.staff[e["by"]].pk if e["by"] is not None and e["by"] not in logins else None,
        )
        for (row, _plan, n, e), event in zip(steps, events, strict=True)
    ]
    _import_authors(run, authors)


def _import_authors(run: BundleImport, authors: list[tuple[Row, PlanEvent, int | None]]) -> None:
    """Keep the staff member of each step that no log-in here belongs to (bundle.models)."""
    changes = run.summary.sections["associations.plans.events"]
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
        run.count_as_updated(changes, PlanEvent, event, row.label)
        if event.pk not in run.created[PlanEvent]:
            run.updated[PlanEvent].setdefault(event.pk, event)
    run.delete("associations.plans.events", to_delete)
    run.save(PlanEventAuthor, to_create, to_update, {"staff_id"})


def _import_item_records(run: BundleImport, sources: list[tuple], items: list) -> None:
    """Who took part in an item and its materials (FUNC-3, FUNC-4, SVC-T2). A material's
    file does not travel (docs/bundle-extensions.md): a material the bundle names as it
    is recorded keeps its file here."""
    pairs = list(zip(sources, items, strict=True))
    run.m2m(
        "associations.plans.items",
        PlanItem,
        "participants",
        {
            obj.pk: [run.staff[k].pk for k in item["participants"]]
            for (_row, _plan, item), obj in pairs
            if "participants" in item
        },
        {obj.pk: row.label for (row, _plan, _item), obj in pairs},
    )
    run.rows(
        "associations.plans.items.materials",
        PlanItemMaterial,
        "item_id",
        {"item__plan__association__school": run.school},
        [
            Row(
                [*row.path, "items", plan_index, "materials", n],
                row.label,
                obj.pk,
                {
                    "title": m["title"],
                    "link": m.get("link", ""),
                    "added_by_id": run.pk(run.staff, m.get("added_by")),
                },
            )
            for (row, _plan, item), obj, plan_index in _item_places(pairs)
            for n, m in enumerate(item.get("materials", []))
        ],
        {obj.pk: row.label for (row, _plan, item), obj in pairs if "materials" in item},
    )


def _item_places(pairs: list) -> Iterable[tuple]:
    """Each item with its place in its plan, for the JSON path of its materials."""
    place: dict[int, int] = defaultdict(int)
    for source, obj in pairs:
        plan = source[1]
        yield source, obj, place[plan.pk]
        place[plan.pk] += 1


# -- export

# Extension records of the plans: the export reads each kind only where the school has one.
EXTENSIONS = {
    "versions": PlanVersion.objects.filter(plan__association__school=OuterRef("pk")),
    "events": PlanEvent.objects.filter(plan__association__school=OuterRef("pk")),
    "participants": PlanItem.participants.through.objects.filter(
        planitem__plan__association__school=OuterRef("pk")
    ),
    "materials": PlanItemMaterial.objects.filter(item__plan__association__school=OuterRef("pk")),
}


@dataclass
class WrittenPlans:
    """Each MA's ``plans`` by the MA's pk, and ``place``: a meeting's or open lesson's plan
    item as its place in the MA's plan of the same year (extension ``plan_item``)."""

    by_ma: dict[int, list[dict]]
    place: Callable[[object], int | None]


def _author(event: PlanEvent, person: dict) -> str | None:
    """The staff member who took a plan step: the one of its log-in, or the one a bundle named
    when no log-in here belongs to them (PlanEventAuthor)."""
    if event.actor_id is not None and event.actor.staff_id in person:
        return person[event.actor.staff_id]
    try:
        return person.get(event.bundle_author.staff_id)
    except PlanEventAuthor.DoesNotExist:
        return None


def write_plans(school, year: dict, person: dict, instruction: dict) -> WrittenPlans:
    """The plans of every MA; the dicts give keys by pk. ``school`` carries ``has_<name>`` for
    each of ``EXTENSIONS``."""
    plans = _grouped(WorkPlan.objects.filter(association__school=school), "association_id")
    # The order the plan's page shows within a month (its position), then first recorded.
    plan_items = _grouped(
        PlanItem.objects.filter(plan__association__school=school), "plan_id", "position", "pk"
    )
    reflects = _m2m_lists(WorkPlan, "reflects_instructions", association__school=school)
    by_plan = {"plan__association__school": school}
    versions = _extension(
        school, "versions", lambda: _grouped(PlanVersion.objects.filter(**by_plan), "plan_id")
    )
    events = _extension(
        school,
        "events",
        lambda: _grouped(
            PlanEvent.objects.filter(**by_plan).select_related("actor", "bundle_author"), "plan_id"
        ),
    )
    participants = _extension(
        school,
        "participants",
        lambda: _m2m_lists(PlanItem, "participants", plan__association__school=school),
    )
    materials = _extension(
        school,
        "materials",
        lambda: _grouped(
            PlanItemMaterial.objects.filter(item__plan__association__school=school), "item_id"
        ),
    )

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

    by_ma: dict[int, list[dict]] = defaultdict(list)
    for ma, group in plans.items():
        by_ma[ma] = [
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
            for p in group
        ]

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

    return WrittenPlans(by_ma=by_ma, place=place)
