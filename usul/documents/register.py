"""What the register holds for one MA and school year: one row per document DOC-1…DOC-12.

The one place that decides whether a document is in the register. The register page shows
these rows and the compliance rule ``DOCS`` counts the rows that are not ``missing`` — the same
function on the same records, so the page and the check can never disagree.

A row's document is found, in this order:

1. an entry of the register of that year and type that is not disposed (RULES.md "of year Y":
   chosen by its ``year``, whatever its date);
2. DOC-1…DOC-4 are standing papers: an entry of an earlier year still counts;
3. DOC-1 is the director's order creating the MA (GEN-8) and DOC-2 the order confirming its
   head (ORG-1), once recorded in Usul: nothing is typed twice.

Its status is that of its current (latest) version: ``generated`` by Usul, ``uploaded``, or a
``signed_scan``; an entry without any file is ``registered`` (kept on paper, as a bundle
brings it); an order without an entry is ``order``; nothing at all is ``missing``.

The functions read related rows through ``.all()`` and foreign keys already loaded: the
compliance snapshot wires them, and ``usul.documents.selectors.register_of`` prefetches them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from usul.documents.models import (
    REQUIRED_DOCUMENTS,
    STANDING_DOCUMENTS,
    DocumentEntry,
    DocumentLocation,
    DocumentVersion,
)
from usul.orders.models import OrderKind

GENERATED = "generated"
UPLOADED = "uploaded"
SIGNED_SCAN = "signed_scan"
REGISTERED = "registered"
ORDER = "order"
MISSING = "missing"

STATUS_NAMES = {
    GENERATED: _("generated"),
    UPLOADED: _("uploaded"),
    SIGNED_SCAN: _("signed scan"),
    REGISTERED: _("registered, kept on paper"),
    ORDER: _("the order recorded in Usul"),
    MISSING: _("missing"),
}


@dataclass
class RegisterRow:
    type: str  # "DOC-1"…"DOC-12"
    status: str
    entry: DocumentEntry | None = None
    # DOC-1, DOC-2: the director's order the row is (``order`` is filled by the selector).
    order_id: int | None = None
    order: object = None
    # A standing document (DOC-1…DOC-4) registered in an earlier year.
    from_year: object = None
    versions: list[DocumentVersion] = field(default_factory=list)  # earliest first

    @property
    def present(self) -> bool:
        return self.status != MISSING

    @property
    def current(self) -> DocumentVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def earlier(self) -> list[DocumentVersion]:
        return list(reversed(self.versions[:-1]))

    @property
    def status_name(self):
        return STATUS_NAMES[self.status]


def _entry_for(association, year, doc_type: str) -> tuple[DocumentEntry | None, object]:
    """The entry of the year (or, for a standing paper, of the latest earlier year)."""
    same_year, earlier = [], []
    for entry in association.documents.all():
        if entry.type != doc_type or entry.location == DocumentLocation.DISPOSED:
            continue
        if entry.year_id == year.pk:
            same_year.append(entry)
        elif doc_type in STANDING_DOCUMENTS and entry.year.start < year.start:
            earlier.append(entry)
    if same_year:
        return min(same_year, key=lambda e: e.key), None
    if earlier:
        latest = max(earlier, key=lambda e: (e.year.start, e.key))
        return latest, latest.year
    return None, None


def creating_order(association, year):
    """GEN-8, DOC-1: the MA's creating order, when it is one and dated by the year's end."""
    order = association.created_by
    if order is None or order.kind != OrderKind.MA_CREATE or order.date > year.end:
        return None
    return order


def head_order_term(association, year):
    """ORG-1, DOC-2: the latest head term running in the year that an order confirms."""
    terms = [
        t
        for t in association.heads.all()
        if t.order_id is not None and t.start <= year.end and (t.end is None or t.end >= year.start)
    ]
    return max(terms, key=lambda t: (t.start, t.pk)) if terms else None


def _status_of(entry: DocumentEntry | None, versions: list[DocumentVersion]) -> str:
    if versions:
        return versions[-1].kind
    return REGISTERED if entry is not None else MISSING


def register_row(association, year, doc_type: str, *, with_versions: bool = False) -> RegisterRow:
    entry, from_year = _entry_for(association, year, doc_type)
    versions = list(entry.versions.all()) if (entry is not None and with_versions) else []
    if entry is not None:
        status = _status_of(entry, versions) if with_versions else REGISTERED
        return RegisterRow(
            doc_type,
            status,
            entry=entry,
            order_id=entry.order_id,
            from_year=from_year,
            versions=versions,
        )
    if doc_type == "DOC-1" and (order := creating_order(association, year)) is not None:
        return RegisterRow(doc_type, ORDER, order_id=order.pk, order=order)
    if doc_type == "DOC-2" and (term := head_order_term(association, year)) is not None:
        return RegisterRow(doc_type, ORDER, order_id=term.order_id)
    return RegisterRow(doc_type, MISSING)


def register_rows(association, year, *, with_versions: bool = False) -> list[RegisterRow]:
    """The twelve rows of the MA's register for ``year``, DOC-1 first."""
    return [
        register_row(association, year, doc.value, with_versions=with_versions)
        for doc in REQUIRED_DOCUMENTS
    ]


def present_types(association, year) -> set[str]:
    """The document types the register holds for the year: what ``DOCS`` counts."""
    return {row.type for row in register_rows(association, year) if row.present}
