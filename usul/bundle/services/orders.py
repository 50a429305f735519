"""BUNDLE.md, orders: the director's orders (GEN-6, GEN-8, DOC-1, DOC-2), each naming its MA."""

from __future__ import annotations

from typing import TYPE_CHECKING

from usul.associations.models import Association
from usul.bundle.services.values import _date, _iso, _key, _text
from usul.orders.models import Order

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_orders(run: BundleImport) -> None:
    """The orders by key, linked to the MAs that exist already: an order may create an MA
    that is new in this bundle, and MAs are written after the orders (``link_orders``)."""
    known = dict(Association.objects.filter(school=run.school).values_list("key", "pk"))
    run.orders = run.keyed(
        "orders",
        Order,
        run.records(
            ["orders"],
            run.data["orders"],
            lambda o: {
                "number": _text(o["number"]),
                "date": _date(o["date"]),
                "kind": o["kind"],
                "association_id": known.get(o["association"]),
                "proposed_by_id": run.pk(run.staff, o["proposed_by"]),
                "signed_by_id": run.pk(run.staff, o["signed_by"]),
                "text": _text(o["text"]),
            },
        ),
    )


def link_orders(run: BundleImport) -> None:
    """Each order to its MA, now that the MAs of this bundle are written."""
    run.link(
        "orders",
        Order,
        run.orders,
        [
            (o["key"], "association_id", run.pk(run.associations, o["association"]))
            for o in run.data["orders"]
        ],
    )


# -- export


def write_orders(orders: list[Order], association: dict, person: dict) -> list[dict]:
    """The school's ``orders``; ``association`` and ``person`` give keys by pk."""
    return [
        {
            "key": o.key,
            "number": o.number,
            "date": _iso(o.date),
            "kind": o.kind,
            "association": _key(association, o.association_id),
            "proposed_by": _key(person, o.proposed_by_id),
            "signed_by": _key(person, o.signed_by_id),
            "text": o.text,
        }
        for o in orders
    ]
