"""The MA's twelve documents in its register for the year (DOC-1…DOC-12)."""

from __future__ import annotations

from usul.compliance.context import Context
from usul.compliance.findings import ASSOCIATION, VIOLATION, WARNING, Finding
from usul.compliance.registry import CLAUSES, implements
from usul.documents.models import REQUIRED_DOCUMENTS
from usul.documents.register import present_types


@implements("DOCS")
def documents(ctx: Context, ma) -> list[Finding]:
    # The year's documents are due with the plan: a warning up to the plan deadline, then a
    # violation. What counts as present is what the MA's register page shows
    # (usul.documents.register): an entry of the year, a standing paper of an earlier year, or
    # the director's order recorded in Usul for DOC-1 and DOC-2.
    severity = VIOLATION if ctx.as_of > ctx.plan_deadline else WARNING
    present = present_types(ma, ctx.year)
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
