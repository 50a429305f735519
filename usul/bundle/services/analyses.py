"""BUNDLE.md, associations → analyses: the deputy director's year-end analysis of each MA
(ORG-5, DOC-5)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from usul.analysis.models import YearAnalysis
from usul.bundle.services.associations import ma_owners, ma_rows
from usul.bundle.services.values import _date, _grouped, _iso, _key, _text

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_analyses(run: BundleImport) -> None:
    run.rows(
        "associations.analyses",
        YearAnalysis,
        "association_id",
        {"association__school": run.school},
        ma_rows(
            run,
            "analyses",
            lambda y: {
                "year_id": run.years[y["year"]].pk,
                "author_id": run.pk(run.staff, y["author"]),
                "date": _date(y["date"]),
                "text": _text(y["text"]),
                "proposals": y["proposals"],
                "presented_at_id": run.pk(run.meetings, y["presented_at"]),
            },
        ),
        ma_owners(run),
    )


# -- export


def write_analyses(school, year: dict, person: dict, meeting: dict) -> dict[int, list[dict]]:
    """Each MA's ``analyses`` by the MA's pk; the dicts give keys by pk."""
    analyses = _grouped(YearAnalysis.objects.filter(association__school=school), "association_id")
    written: dict[int, list[dict]] = defaultdict(list)
    for ma, group in analyses.items():
        written[ma] = [
            {
                "year": year[y.year_id],
                "author": _key(person, y.author_id),
                "date": _iso(y.date),
                "text": y.text,
                "proposals": y.proposals,
                "presented_at": _key(meeting, y.presented_at_id),
            }
            for y in group
        ]
    return written
