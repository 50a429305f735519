"""BUNDLE.md, associations → documents: the MA's documentation register (the twelve documents,
DOC-1 … DOC-12), each entry by key."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from usul.bundle.services.associations import ma_sources
from usul.bundle.services.values import _date, _grouped, _iso, _text
from usul.documents.models import DocumentEntry

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_documents(run: BundleImport) -> None:
    run.keyed(
        "associations.documents",
        DocumentEntry,
        [
            row
            for i, a, ma in ma_sources(run)
            for row in run.records(
                ["associations", i, "documents"],
                a["documents"],
                lambda d: {
                    "year_id": run.years[d["year"]].pk,
                    "type": d["type"],
                    "title": _text(d["title"]),
                    "date": _date(d["date"]),
                    "location": d["location"],
                },
                association_id=ma.pk,
            )
        ],
        existing=DocumentEntry.objects.filter(school=run.school),
    )


# -- export


def write_documents(school, year: dict) -> dict[int, list[dict]]:
    """Each MA's ``documents`` by the MA's pk; ``year`` gives keys by pk."""
    documents = _grouped(DocumentEntry.objects.filter(school=school), "association_id")
    written: dict[int, list[dict]] = defaultdict(list)
    for ma, group in documents.items():
        written[ma] = [
            {
                "key": d.key,
                "year": year[d.year_id],
                "type": d.type,
                "title": d.title,
                "date": _iso(d.date),
                "location": d.location,
            }
            for d in group
        ]
    return written
