"""The MA's twelve documents in its register for the year (DOC-1…DOC-12)."""

from __future__ import annotations

from usul.compliance.context import Context
from usul.compliance.findings import ASSOCIATION, VIOLATION, WARNING, Finding
from usul.compliance.registry import CLAUSES, implements
from usul.documents.models import REQUIRED_DOCUMENTS, STANDING_DOCUMENTS, DocumentLocation


def registered_types(ctx: Context, ma) -> set[str]:
    """Document types the register holds for the year. DOC-1…DOC-4 (the opening order, the
    head's election order, the regulation, the duties) are standing papers: registered in an
    earlier year, they still count. A disposed entry no longer exists on paper."""
    types = set()
    for entry in ma.documents.all():
        if entry.location == DocumentLocation.DISPOSED:
            continue
        if entry.year_id == ctx.year.pk:
            types.add(entry.type)
        elif entry.type in STANDING_DOCUMENTS and entry.year.start < ctx.year.start:
            types.add(entry.type)
    return types


@implements("DOCS")
def documents(ctx: Context, ma) -> list[Finding]:
    # The year's documents are due with the plan: a warning up to the plan deadline, then a
    # violation.
    severity = VIOLATION if ctx.as_of > ctx.plan_deadline else WARNING
    present = registered_types(ctx, ma)
    return [
        ctx.finding(
            "DOCS",
            severity=severity,
            subject=(ASSOCIATION, ma.key),
            detail={"document": doc.value},
            association=ma.name,
            document=doc.value,
            title=CLAUSES[doc.value],
        )
        for doc in REQUIRED_DOCUMENTS
        if doc.value not in present
    ]
