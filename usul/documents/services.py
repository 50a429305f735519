"""Writes to the documentation register: generating a document, uploading a file or a signed
scan, and setting a school's own template.

Every function is one transaction, begins with the policy's ``require`` and only ever adds:
a new version of an entry, never a changed or deleted one (ORG-6: nothing is destroyed
without a disposal act). Names are stable (the archive and disposal acts build on them):

- ``document_generate`` — make DOC-n from the records as PDF or DOCX, in Kyrgyz or Russian;
  the entry of the MA's register for the year gets a new ``generated`` version (a second call
  is the "regenerate" of the page: one more version, the earlier ones kept).
- ``document_upload`` — a ``signed_scan`` of the signed paper, or a file made elsewhere
  (``uploaded``), as the entry's new version.
- ``document_template_upload`` — a school's own template of a type and format; tried on a
  specimen first, so a misspelt field is refused with its name and line before it is in force.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.documents.contents import Refusal, document_content
from usul.documents.models import (
    REQUIRED_DOCUMENTS,
    DisposalAct,
    DisposalItem,
    DocumentEntry,
    DocumentFormat,
    DocumentLanguage,
    DocumentLocation,
    DocumentTemplate,
    DocumentVersion,
    TemplateFormat,
    VersionKind,
)
from usul.documents.register import creating_order, head_order_term
from usul.documents.rendering import TemplateProblem, render
from usul.lib import uploads
from usul.lib.history import history_user, save_with_history
from usul.people.models import Staff
from usul.schools.models import School, SchoolYear

# A school's template is small; the register's files are held to the installation's upload limit
# (``USUL_MAX_UPLOAD_MB``) by ``usul.lib.uploads``.
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
# What the register takes, recognised by content (usul.lib.uploads.check): a signed scan is a
# PDF or an image; a file made elsewhere may also be a DOCX.
SCAN_KINDS = uploads.SCANS
UPLOAD_KINDS = frozenset({uploads.PDF, uploads.JPEG, uploads.PNG, uploads.DOCX})
TYPES = frozenset(doc.value for doc in REQUIRED_DOCUMENTS)


def _check_choice(value: str, allowed, *, field: str, label: str) -> None:
    if value not in allowed:
        raise ValidationError(
            {
                field: _("%(label)s: “%(value)s” is not one of the choices.")
                % {"label": label, "value": value}
            }
        )


def _refuse_archived(entry: DocumentEntry | None) -> None:
    """ORG-6: an entry handed over to the archive is read-only from then on."""
    if entry is not None and entry.location != DocumentLocation.SCHOOL:
        raise ValidationError(
            {
                "type": _("%(document)s of %(year)s is in the archive: it is not changed any more.")
                % {"document": entry.type, "year": entry.year.key}
            }
        )


def _archived_entry(association: Association, year: SchoolYear, doc_type: str) -> None:
    """Refuse before any work when the year's entry of the type is in the archive."""
    _refuse_archived(
        DocumentEntry.objects.filter(association=association, year=year, type=doc_type)
        .exclude(location=DocumentLocation.DISPOSED)
        .select_related("year")
        .order_by("key")
        .first()
    )


def _entry(actor: Viewer, association: Association, year: SchoolYear, doc_type: str):
    """The register's entry of the type for the MA and year, made the first time (the entry of
    DOC-1 or DOC-2 names the order recorded in Usul). Locked for the new version's number."""
    entry = (
        DocumentEntry.objects.select_for_update()
        .filter(association=association, year=year, type=doc_type)
        .exclude(location=DocumentLocation.DISPOSED)
        .order_by("key")
        .first()
    )
    if entry is not None:
        _refuse_archived(entry)
        return entry
    order = None
    if doc_type == "DOC-1":
        order = creating_order(association, year)
    elif doc_type == "DOC-2":
        term = head_order_term(association, year)
        order = term.order if term is not None else None
    base = f"{association.key}-{year.key}-{doc_type.lower()}"
    key, n = base, 1
    while DocumentEntry.objects.filter(school=association.school, key=key).exists():
        n += 1
        key = f"{base}-{n}"
    entry = DocumentEntry(
        school=association.school,
        association=association,
        key=key,
        year=year,
        type=doc_type,
        date=order.date if order is not None else None,
        order=order,
    )
    save_with_history(entry, actor)
    return entry


def _add_version(
    actor: Viewer,
    entry: DocumentEntry,
    *,
    kind: str,
    data: bytes,
    format: str,
    language: str = "",
    as_of: dt.date | None = None,
    template: DocumentTemplate | None = None,
) -> DocumentVersion:
    number = (entry.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DocumentVersion(
        entry=entry,
        number=number,
        kind=kind,
        language=language,
        format=format,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        as_of=as_of,
        template=template,
        made_by=history_user(actor),
    )
    version.file.save(f"v{number}.{format}", ContentFile(data), save=False)
    save_with_history(version, actor)
    return version


def template_in_force(school: School, doc_type: str, format: str) -> DocumentTemplate | None:
    """The school's own template of the type and format (the latest version), or None for the
    default one."""
    return (
        DocumentTemplate.objects.filter(school=school, type=doc_type, format=format)
        .order_by("-number")
        .first()
    )


def template_format_of(format: str) -> str:
    return TemplateFormat.DOCX if format == DocumentFormat.DOCX else TemplateFormat.HTML


def _template_label(template: DocumentTemplate) -> str:
    return f"{template.type} ({template.get_format_display()}, v{template.number})"


def make_document(
    *,
    association: Association,
    year: SchoolYear,
    doc_type: str,
    language: str,
    format: str,
    as_of: dt.date,
    staff: Staff | None = None,
) -> tuple[bytes, DocumentTemplate | None]:
    """The document's bytes, from the records and the template in force (no register entry:
    the command line prints with it). Raises ``Refusal``."""
    template = template_in_force(association.school, doc_type, template_format_of(format))
    with translation.override(language):
        content = document_content(
            doc_type=doc_type,
            association=association,
            year=year,
            as_of=as_of,
            language=language,
            staff=staff,
        )
        data = render(
            content,
            format=format,
            school_template=template.file.read() if template is not None else None,
            label=_template_label(template) if template is not None else "",
        )
    if template is not None:
        template.file.close()
    return data, template


@transaction.atomic
def document_generate(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    doc_type: str,
    language: str = DocumentLanguage.KY,
    format: str = DocumentFormat.PDF,
    as_of: dt.date | None = None,
    staff: Staff | None = None,
) -> DocumentVersion:
    """DOC-n made from the records, as a new version of the MA's register entry for the year.
    Refused (ValidationError) when the records hold nothing to make it from."""
    require(actor, "generate_document", association)
    _check_choice(doc_type, TYPES, field="type", label=_("Document"))
    _check_choice(language, DocumentLanguage.values, field="language", label=_("Language"))
    _check_choice(
        format, (DocumentFormat.PDF, DocumentFormat.DOCX), field="format", label=_("Format")
    )
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("The school year is not one of this school's.")})
    if staff is not None and staff.school_id != association.school_id:
        raise ValidationError({"staff": _("This person is not on the staff of this school.")})
    _archived_entry(association, year, doc_type)
    as_of = as_of or actor.today
    try:
        data, template = make_document(
            association=association,
            year=year,
            doc_type=doc_type,
            language=language,
            format=format,
            as_of=as_of,
            staff=staff,
        )
    except Refusal as refusal:
        raise ValidationError({"type": refusal.message}) from None
    entry = _entry(actor, association, year, doc_type)
    return _add_version(
        actor,
        entry,
        kind=VersionKind.GENERATED,
        data=data,
        format=format,
        language=language,
        as_of=as_of,
        template=template,
    )


def _read_limited(upload, limit: int, *, field: str) -> bytes:
    """An HTML template's bytes (text, which ``usul.lib.uploads`` does not take as a file),
    read in chunks and refused as soon as they pass ``limit``."""
    chunks, total = [], 0
    for chunk in upload.chunks():
        total += len(chunk)
        if total > limit:
            raise ValidationError(
                {field: _("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)}}
            )
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        raise ValidationError({field: _("The file is empty.")})
    return data


@transaction.atomic
def document_upload(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    doc_type: str,
    file,
    kind: str = VersionKind.SIGNED_SCAN,
) -> DocumentVersion:
    """A signed scan (PDF, JPEG, PNG) or a file made elsewhere (also DOCX) as the entry's new
    version."""
    require(actor, "upload_document", association)
    _check_choice(doc_type, TYPES, field="type", label=_("Document"))
    _check_choice(
        kind, (VersionKind.SIGNED_SCAN, VersionKind.UPLOADED), field="kind", label=_("Kind")
    )
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("The school year is not one of this school's.")})
    _archived_entry(association, year, doc_type)
    # The one check of every upload: the kind by content, bombs, macros, scripts, the size.
    checked = uploads.check(
        file, accept=SCAN_KINDS if kind == VersionKind.SIGNED_SCAN else UPLOAD_KINDS, field="file"
    )
    checked.file.seek(0)
    data = checked.file.read()
    entry = _entry(actor, association, year, doc_type)
    return _add_version(actor, entry, kind=kind, data=data, format=checked.kind.key)


def specimen(doc_type: str) -> dict:
    """A content of every field a template may use, to try a school's template on."""
    from usul.documents.contents import LANDSCAPE, labels, section, table

    return {
        "type": doc_type,
        "language": translation.get_language() or "ky",
        "school": "№1 мектеп",
        "association": "Усулдук бирикме",
        "year": "2025-2026",
        "title": doc_type,
        "subtitle": "—",
        "number": "1",
        "date": "01.09.2025",
        "approval": {"label": "—", "role": "—", "name": "—", "date": "01.09.2025"},
        "sections": [
            section("—", paragraphs=["—"], points=["—"], table=table(["№", "—"], [["1", "—"]]))
        ],
        "signatures": [{"role": "—", "name": "—"}],
        "labels": labels(),
        "landscape": doc_type in LANDSCAPE,
    }


@transaction.atomic
def document_template_upload(
    *, actor: Viewer, school: School, doc_type: str, format: str, file
) -> DocumentTemplate:
    """A school's own template of ``doc_type`` (DOCX, or HTML for the PDF) as its next
    version, in force from now on. Tried on a specimen first: a template that names a field
    the document does not have is refused with the field and the line."""
    require(actor, "configure_document_template", school)
    _check_choice(doc_type, TYPES, field="type", label=_("Document"))
    _check_choice(format, TemplateFormat.values, field="format", label=_("Format"))
    if format == TemplateFormat.DOCX:
        checked = uploads.check(
            file, accept=frozenset({uploads.DOCX}), max_bytes=MAX_TEMPLATE_BYTES, field="file"
        )
        checked.file.seek(0)
        data = checked.file.read()
    else:
        data = _read_limited(file, MAX_TEMPLATE_BYTES, field="file")
    if format == TemplateFormat.HTML:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError({"file": _("The HTML template is not UTF-8 text.")}) from None
    number = (
        DocumentTemplate.objects.filter(school=school, type=doc_type, format=format).aggregate(
            last=Max("number")
        )["last"]
        or 0
    ) + 1
    label = f"{doc_type} ({TemplateFormat(format).label}, v{number})"
    try:
        render(
            specimen(doc_type),
            format="docx" if format == TemplateFormat.DOCX else "pdf",
            school_template=data,
            label=label,
        )
    except TemplateProblem as problem:
        raise ValidationError({"file": problem.message}) from None
    template = DocumentTemplate(
        school=school,
        type=doc_type,
        format=format,
        number=number,
        uploaded_by=history_user(actor),
    )
    template.file.save(f"{doc_type}.{format}", ContentFile(data), save=False)
    save_with_history(template, actor)
    return template


# --- The archive (ORG-6) ---------------------------------------------------------------------


def _due_entries(school: School, as_of: dt.date, keys: list[str], action: str) -> list:
    """The school's entries of ``keys`` that are due for ``action`` at ``as_of``, locked;
    a key that is not due (or not the school's) is refused with its name."""
    from usul.documents import retention

    entries = list(
        # Locks the entries only (an MA's liquidation order is an outer join, never locked).
        DocumentEntry.objects.select_for_update(of=("self",))
        .filter(school=school, key__in=keys)
        .select_related("year", "association__liquidated_by")
    )
    found = {e.key: e for e in entries}
    years = list(SchoolYear.objects.filter(school=school).order_by("start"))
    ends: dict[int, dt.date | None] = {}
    chosen = []
    for key in dict.fromkeys(keys):
        entry = found.get(key)
        if entry is None:
            raise ValidationError(
                {"entries": _("The register has no entry “%(key)s”.") % {"key": key}}
            )
        if action == retention.TRANSFER and entry.location == DocumentLocation.ARCHIVE:
            continue  # handed over already (the same form sent twice)
        ma = entry.association
        if ma.pk not in ends:
            ends[ma.pk] = retention.standing_end(ma, years, as_of)
        answer = retention.due(entry, as_of=as_of, standing=ends[ma.pk])
        if answer is None or answer[0] != action:
            message = (
                _("%(document)s of %(year)s (%(association)s) is not due for the archive.")
                if action == retention.TRANSFER
                else _(
                    "The keeping time of %(document)s of %(year)s (%(association)s) has not "
                    "ended: it may not be disposed of."
                )
            )
            raise ValidationError(
                {
                    "entries": message
                    % {"document": entry.type, "year": entry.year.key, "association": ma.name}
                }
            )
        chosen.append(entry)
    if not keys:
        raise ValidationError({"entries": _("Choose at least one document.")})
    return chosen


@transaction.atomic
def documents_transfer(*, actor: Viewer, school: School, keys: list[str]) -> list[DocumentEntry]:
    """ORG-6: hand register entries whose three years at school are over to the archive. From
    then on they are read-only: nothing is generated or uploaded onto them."""
    require(actor, "transfer_to_archive", school)
    from usul.documents.retention import TRANSFER

    entries = _due_entries(school, actor.today, keys, TRANSFER)
    for entry in entries:
        entry.location = DocumentLocation.ARCHIVE
        save_with_history(entry, actor, ["location"])
    return entries


# --- Disposal acts (ORG-6) -------------------------------------------------------------------


@transaction.atomic
def disposal_propose(
    *, actor: Viewer, school: School, keys: list[str], note: str = ""
) -> DisposalAct:
    """A deputy director lists register entries whose keeping time is over in a new disposal
    act. Proposing disposes of nothing: the files stay until the director signs the act."""
    require(actor, "propose_disposal", school)
    from usul.documents.retention import DISPOSE
    from usul.lib.text_limits import PARAGRAPH, require_within

    note = (note or "").strip()
    require_within("note", _("Note"), note, PARAGRAPH)
    entries = _due_entries(school, actor.today, keys, DISPOSE)
    pending = {
        item.entry_id: item.act
        for item in DisposalItem.objects.filter(
            entry__in=entries, act__signed_by__isnull=True
        ).select_related("act")
    }
    for entry in entries:
        if entry.pk in pending:
            raise ValidationError(
                {
                    "entries": _(
                        "%(document)s of %(year)s is already listed in the disposal act "
                        "No. %(act)s, which waits for the director's signature."
                    )
                    % {
                        "document": entry.type,
                        "year": entry.year.key,
                        "act": pending[entry.pk].reference,
                    }
                }
            )
    # The school's row is the lock under which the next act's number is taken.
    School.objects.select_for_update().filter(pk=school.pk).first()
    number = (
        DisposalAct.objects.filter(school=school).aggregate(last=Max("number"))["last"] or 0
    ) + 1
    act = DisposalAct(
        school=school,
        key=f"act-{number}",
        number=number,
        date=actor.today,
        note=note,
        proposed_by=actor.staff,
    )
    save_with_history(act, actor)
    from usul.documents.retention import due, standing_end

    years = list(SchoolYear.objects.filter(school=school).order_by("start"))
    for entry in entries:
        answer = due(
            entry, as_of=actor.today, standing=standing_end(entry.association, years, actor.today)
        )
        # chosen by _due_entries a moment ago, so its keeping time is known
        kept_until = answer[1] if answer is not None else actor.today
        save_with_history(DisposalItem(act=act, entry=entry, kept_until=kept_until), actor)
    return act


def _carry_out(actor: Viewer, act: DisposalAct) -> list[str]:
    """What the director's signature does: each listed entry is ``disposed`` (naming the act)
    and its versions' files are cleared; returns the stored files to delete once committed."""
    if not act.signed:
        # Never reached through disposal_sign; said plainly should anything else try.
        raise ValidationError(
            _("The disposal act No. %(act)s is not signed by the director: nothing is disposed of.")
            % {"act": act.reference}
        )
    names = []
    for item in act.items.select_related("entry").select_for_update(of=("self", "entry")):
        entry = item.entry
        if entry.location == DocumentLocation.DISPOSED:
            continue
        entry.location = DocumentLocation.DISPOSED
        entry.disposal_act = act
        save_with_history(entry, actor, ["location", "disposal_act"])
        for version in entry.versions.all():
            if version.file:
                names.append(version.file.name)
                version.file = ""
                save_with_history(version, actor, ["file"])
    return names


@transaction.atomic
def disposal_sign(*, actor: Viewer, act: DisposalAct) -> DisposalAct:
    """The director signs the act, and only then are its entries disposed of: their register
    rows stay (location ``disposed``, the act's reference), their files are deleted."""
    require(actor, "sign_disposal", act.school)
    act = DisposalAct.objects.select_for_update().get(pk=act.pk)
    if act.signed:
        raise ValidationError(
            _("The disposal act No. %(act)s is signed already.") % {"act": act.reference}
        )
    act.signed_by = actor.staff
    act.signed_on = actor.today
    save_with_history(act, actor, ["signed_by", "signed_on"])
    names = _carry_out(actor, act)
    storage = DocumentVersion._meta.get_field("file").storage

    def delete_files():
        # Only once the signature is committed: a failed signing loses no file.
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files)
    return act
