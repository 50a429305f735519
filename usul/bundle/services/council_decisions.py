"""BUNDLE.md, council_decisions: the methodological council's decisions (GEN-4, GEN-6) and the
MAs each one concerns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from usul.bundle.services.values import _date, _iso, _m2m_lists, _text
from usul.orders.models import CouncilDecision

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_council_decisions(run: BundleImport) -> None:
    data = run.data
    run.decisions = run.keyed(
        "council_decisions",
        CouncilDecision,
        run.records(
            ["council_decisions"],
            data["council_decisions"],
            lambda c: {
                "year_id": run.years[c["year"]].pk,
                "date": _date(c["date"]),
                "text": _text(c["text"]),
            },
        ),
    )
    run.key_lists(
        "council_decisions",
        CouncilDecision,
        "associations",
        run.decisions,
        {
            c["key"]: [run.associations[k].pk for k in c["associations"]]
            for c in data["council_decisions"]
        },
    )


# -- export


def write_council_decisions(school, year: dict, association: dict) -> list[dict]:
    """The school's ``council_decisions``; ``year`` and ``association`` give keys by pk."""
    decision_mas = _m2m_lists(CouncilDecision, "associations", school=school)
    return [
        {
            "key": c.key,
            "year": year[c.year_id],
            "date": _iso(c.date),
            "text": c.text,
            "associations": [association[pk] for pk in decision_mas[c.pk]],
        }
        for c in CouncilDecision.objects.filter(school=school).order_by("pk")
    ]
