"""The disposal act (ORG-6) as a document: PDF to print and sign, DOCX to edit, in Kyrgyz or
Russian, laid out by the default templates ``default_templates/html/ACT.html`` and
``default_templates/docx/ACT.docx`` like the twelve documents (the school, the director's
approval, the title, number and date, the table of documents, the signature lines, "page N of
M"). It is made from the act's records whenever it is asked for: the act is kept forever, and
so is what it prints.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from usul.documents.contents import labels, section, table
from usul.documents.models import DisposalAct, DocumentType
from usul.documents.rendering import render
from usul.lib.dates import format_date

ACT = "ACT"


def act_content(act: DisposalAct, language: str) -> dict:
    """The act's content in the active language."""
    items = list(
        act.items.select_related("entry__association", "entry__year").order_by(
            "entry__year__start", "entry__association__name", "entry__type", "entry__key"
        )
    )
    rows = []
    for n, item in enumerate(items, start=1):
        entry = item.entry
        title = entry.title or str(DocumentType(entry.type).label)
        rows.append(
            [
                str(n),
                entry.association.name,
                f"{entry.type} {title}",
                entry.year.key,
                format_date(item.kept_until),
            ]
        )
    director = act.signed_by
    paragraphs = [
        _(
            "The documents of the school's methodological associations listed below have been "
            "kept for the time the regulation sets (ORG-6): three years at school, and "
            "resolutions, work plans and analyses ten more years in the archive. They are "
            "selected for disposal."
        ),
        _(
            "On the director's signature the files of these documents are destroyed; their "
            "entries stay in the documentation register, marked as disposed by this act."
        ),
    ]
    if act.note:
        paragraphs.append(act.note)
    status = (
        _("Signed by the director on %(date)s.") % {"date": format_date(act.signed_on)}
        if act.signed
        else _("Not signed by the director: nothing has been disposed of under this act.")
    )
    return {
        "type": ACT,
        "language": language,
        "school": act.school.name,
        "association": "",
        "year": "",
        "title": _("Act on the disposal of documents whose keeping time is over"),
        "subtitle": _("Documentation of the methodological associations"),
        "number": act.reference,
        "date": format_date(act.date),
        "approval": {
            "label": _("APPROVED"),
            "role": _("Director of the school"),
            "name": director.short_name if director else "",
            "date": format_date(act.signed_on),
        },
        "sections": [
            section(paragraphs=paragraphs),
            section(
                _("Documents selected for disposal: %(count)s") % {"count": len(rows)},
                table=table(
                    [
                        "№",
                        _("Methodological association"),
                        _("Document"),
                        _("School year"),
                        _("Kept until"),
                    ],
                    rows,
                ),
            ),
            section(paragraphs=[status]),
        ],
        "signatures": [
            {"role": _("Proposed by the deputy director"), "name": act.proposed_by.short_name},
            {"role": _("Director of the school"), "name": director.short_name if director else ""},
        ],
        "labels": labels(),
        "landscape": False,
    }


def make_act(act: DisposalAct, *, language: str, format: str) -> bytes:
    """The act as PDF or DOCX bytes, in ``language`` (ky or ru)."""
    with translation.override(language):
        return render(act_content(act, language), format=format)
