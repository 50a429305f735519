"""BUNDLE.md, associations: the MAs of the school with their supervisors, members and heads
(GEN-8, GEN-9, ORG-1). The other lists each MA carries are sections of their own (``plans``,
``meetings``, ``open_lessons``, ``ktu``, ``documents``, ``analyses``); here what they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.bundle.services.orders import link_orders
from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import _date, _grouped, _iso, _key, _m2m_lists

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


def ma_sources(run: BundleImport) -> list[tuple]:
    """Each MA of the bundle: its place, its record in the bundle and the one written here."""
    return [(i, a, run.associations[a["key"]]) for i, a in enumerate(run.data["associations"])]


def ma_owners(run: BundleImport) -> dict:
    """The MAs as owners of their rows, for the summary: key by pk."""
    return {ma.pk: a["key"] for _i, a, ma in ma_sources(run)}


def ma_rows(
    run: BundleImport, section: str, values: Callable[[dict], dict], identity=None
) -> list[Row]:
    """The rows of one of the MAs' lists, owned by their MA."""
    return [
        Row(
            ["associations", i, section, n],
            a["key"],
            ma.pk,
            values(item),
            identity(item) if identity else None,
        )
        for i, a, ma in ma_sources(run)
        for n, item in enumerate(a[section])
    ]


# -- import


def import_associations(run: BundleImport) -> None:
    """The MAs by key with their creating and liquidating orders and their subjects. Orders
    and MAs point at each other: the orders are written first (``import_orders``), then the
    MAs, then the orders of MAs new in this bundle are linked to them."""
    data = run.data
    run.associations = run.keyed(
        "associations",
        Association,
        run.records(
            ["associations"],
            data["associations"],
            lambda a: {
                "name": a["name"],
                "kind": a["kind"],
                "created_by_id": run.pk(run.orders, a["created_by"]),
                "liquidated_by_id": run.pk(run.orders, a["liquidated_by"]),
            },
        ),
    )
    link_orders(run)
    run.key_lists(
        "associations",
        Association,
        "subjects",
        run.associations,
        {a["key"]: [run.subjects[k].pk for k in a["subjects"]] for a in data["associations"]},
    )


def _interval(run: BundleImport, item: dict) -> dict:
    return {
        "staff_id": run.staff[item["staff"]].pk,
        "start": _date(item["from"]),
        "end": _date(item["to"]),
    }


def import_supervisors_and_members(run: BundleImport) -> None:
    scope = {"association__school": run.school}
    for section, model in (("supervisors", Supervision), ("members", Membership)):
        run.rows(
            f"associations.{section}",
            model,
            "association_id",
            scope,
            ma_rows(run, section, lambda item: _interval(run, item)),
            ma_owners(run),
        )


def import_heads(run: BundleImport) -> None:
    """Head terms, after the meetings: a head is elected at a meeting (ORG-1)."""
    run.rows(
        "associations.heads",
        HeadTerm,
        "association_id",
        {"association__school": run.school},
        ma_rows(
            run,
            "heads",
            lambda h: {
                **_interval(run, h),
                "elected_at_id": run.pk(run.meetings, h["elected_at"]),
                "order_id": run.pk(run.orders, h["order"]),
            },
        ),
        ma_owners(run),
    )


# -- export


def write_associations(
    school, associations: list[Association], subject: dict, order: dict, person: dict, meeting: dict
) -> dict[int, dict]:
    """Each MA's own fields, supervisors, members and heads by the MA's pk; the dicts give
    keys by pk."""
    ma_subjects = _m2m_lists(Association, "subjects", school=school)
    by_ma = {"association__school": school}
    supervisors = _grouped(Supervision.objects.filter(**by_ma), "association_id")
    members = _grouped(Membership.objects.filter(**by_ma), "association_id")
    heads = _grouped(HeadTerm.objects.filter(**by_ma), "association_id")

    def interval(row) -> dict:
        return {"staff": person[row.staff_id], "from": _iso(row.start), "to": _iso(row.end)}

    return {
        a.pk: {
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
        }
        for a in associations
    }
