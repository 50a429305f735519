"""Reads of the documentation register, for a viewer.

``register_of`` is the register page's data: the twelve rows of ``usul.documents.register``
for an MA and year, each with every version and who made it, and the order an entry stands
for. ``version_for`` finds one file for a download, asking the policy whether this viewer may
have it (the data bank, DOC-9, is personal data).
"""

from __future__ import annotations

from django.db.models import Prefetch

from usul.accounts.policy import Viewer, get_visible, require
from usul.associations.models import Association, HeadTerm
from usul.documents.models import DocumentEntry, DocumentTemplate, DocumentVersion
from usul.documents.register import RegisterRow, register_rows
from usul.orders.models import Order
from usul.schools.models import School, SchoolYear


def association_with_register(viewer: Viewer, school: School, key: str) -> Association:
    """The MA with what its register rows read, or 404 for a viewer of another school."""
    queryset = (
        Association.objects.filter(school=school)
        .select_related("school", "created_by")
        .prefetch_related(
            Prefetch("heads", queryset=HeadTerm.objects.select_related("staff", "order")),
            Prefetch(
                "documents",
                queryset=DocumentEntry.objects.select_related("year", "order").prefetch_related(
                    Prefetch(
                        "versions",
                        queryset=DocumentVersion.objects.select_related(
                            "made_by__staff", "template"
                        ).order_by("number"),
                    )
                ),
            ),
        )
    )
    return get_visible(viewer, queryset, key=key)


def register_of(viewer: Viewer, association: Association, year: SchoolYear) -> list[RegisterRow]:
    """The MA's register for ``year`` as its page shows it (and as ``DOCS`` counts it)."""
    require(viewer, "view", association)
    rows = register_rows(association, year, with_versions=True)
    order_ids = {row.order_id for row in rows if row.order_id and row.order is None}
    orders = {o.pk: o for o in Order.objects.filter(pk__in=order_ids)} if order_ids else {}
    for row in rows:
        if row.order is None and row.order_id:
            row.order = orders.get(row.order_id)
    return rows


def version_for(
    viewer: Viewer, association: Association, year: SchoolYear, doc_type: str, number: int
) -> DocumentVersion:
    """One version of the document the MA's register shows for the year (``association`` as
    ``association_with_register`` loads it), or 404; PermissionDenied when the viewer reads
    the register but may not have this file (the data bank, DOC-9, to a teacher)."""
    from django.http import Http404

    require(viewer, "view", association)
    row = next(
        (r for r in register_rows(association, year, with_versions=True) if r.type == doc_type),
        None,
    )
    version = next((v for v in row.versions if v.number == number), None) if row else None
    if version is None:
        raise Http404(doc_type)
    version.entry.association = association
    require(viewer, "download_document", version)
    return version


def templates_of(viewer: Viewer, school: School) -> list[DocumentTemplate]:
    """The school's own templates, every version, latest first within each type."""
    require(viewer, "configure_document_template", school)
    return list(
        DocumentTemplate.objects.filter(school=school)
        .select_related("uploaded_by__staff")
        .order_by("type", "format", "-number")
    )
