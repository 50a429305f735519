"""The register page of an MA's year, its actions, its files, and the school's own templates.

Thin: records are found through the policy (another school's MA is a 404), forms read input,
the services decide. Files leave only through ``_attachment``: as a download, never shown in
the browser's own viewer, with ``nosniff`` so that no browser second-guesses their type.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.selectors import members_at
from usul.documents import services
from usul.documents.forms import EntriesForm, GenerateForm, ProposeForm, TemplateForm, UploadForm
from usul.documents.models import DisposalAct, DocumentLocation, DocumentTemplate, DocumentType
from usul.documents.selectors import (
    association_with_register,
    register_of,
    templates_of,
    version_for,
)
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post
from usul.people.models import Staff
from usul.schools.models import SchoolYear
from usul.schools.selectors import visible_school

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "html": "text/plain; charset=utf-8",  # a template's source, never run as a page
}


def _attachment(file, name: str, extension: str) -> FileResponse:
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _records(request, school, ma, year):
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    year_obj = get_visible(viewer, SchoolYear.objects.filter(school=school_obj), key=year)
    association = association_with_register(viewer, school_obj, ma)
    year_obj.school = association.school = school_obj
    return school_obj, association, year_obj


def _doc_type(doc: str) -> str:
    if doc not in services.TYPES:
        raise Http404(doc)
    return doc


def _register_url(school, association, year, doc: str = "") -> str:
    url = reverse("documents:register", args=[school.key, association.key, year.key])
    return f"{url}#{doc}" if doc else url


def _staff_queryset(request, association, year):
    """DOC-11's choice of teacher: the MA's members on the viewer's day held in the year."""
    day = min(max(request.viewer.today, year.start), year.end)
    ids = [s.pk for s in members_at(association, day)] or [
        m.staff_id for m in association.members.all()
    ]
    return Staff.objects.filter(pk__in=ids).order_by("last_name", "first_name", "key")


def _page(request, school, association, year, *, failed: str = "", form=None, status=200):
    viewer = request.viewer
    rows = register_of(viewer, association, year)
    may_generate = can(viewer, "generate_document", association)
    may_upload = can(viewer, "upload_document", association)
    staff = _staff_queryset(request, association, year) if may_generate else Staff.objects.none()
    lines = []
    for row in rows:
        versions = [(v, can(viewer, "download_document", v)) for v in reversed(row.versions)]
        for version, _allowed in versions:
            version.entry.association = association
        failed_here = row.type == failed
        lines.append(
            {
                "row": row,
                "title": DocumentType(row.type).label,
                "current": versions[0] if versions else None,
                "earlier": versions[1:],
                "generate_form": (form if failed_here and isinstance(form, GenerateForm) else None)
                or GenerateForm(staff_queryset=staff, initial={"as_of": viewer.today}),
                "upload_form": (form if failed_here and isinstance(form, UploadForm) else None)
                or UploadForm(),
                "failed": failed_here,
                # ORG-6: handed over to the archive, read-only from then on
                "archived": row.entry is not None
                and row.entry.location == DocumentLocation.ARCHIVE,
            }
        )
    context = {
        "school": school,
        "association": association,
        "year": year,
        "years": list(SchoolYear.objects.filter(school=school).order_by("start")),
        "lines": lines,
        "present": sum(1 for row in rows if row.present),
        "may_generate": may_generate,
        "may_upload": may_upload,
        "may_configure": can(viewer, "configure_document_template", school),
        "compliance": reverse("compliance:association", args=[school.key, association.key])
        if can(viewer, "view_compliance", association)
        else "",
    }
    return render(request, "documents/register.html", context, status=status)


@login_required
@require_GET
def register(request, school, ma, year):
    school, association, year = _records(request, school, ma, year)
    return _page(request, school, association, year)


@login_required
@form_post
def generate(request, school, ma, year, doc):
    school, association, year = _records(request, school, ma, year)
    doc_type = _doc_type(doc)
    require(request.viewer, "generate_document", association)
    form = GenerateForm(request.POST, staff_queryset=_staff_queryset(request, association, year))
    if form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.document_generate(
                    actor=request.viewer,
                    association=association,
                    year=year,
                    doc_type=doc_type,
                    language=form.cleaned_data["language"],
                    format=form.cleaned_data["format"],
                    as_of=form.cleaned_data["as_of"],
                    staff=form.cleaned_data["staff"],
                ),
                lambda version: _register_url(school, association, year, doc_type),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request,
                    _("%(document)s: version %(number)s was made.")
                    % {"document": doc_type, "number": created.record.number},
                )
            return redirect(created.address)
    return _page(request, school, association, year, failed=doc_type, form=form, status=400)


@login_required
@form_post
def upload(request, school, ma, year, doc):
    school, association, year = _records(request, school, ma, year)
    doc_type = _doc_type(doc)
    require(request.viewer, "upload_document", association)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.document_upload(
                    actor=request.viewer,
                    association=association,
                    year=year,
                    doc_type=doc_type,
                    file=form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"],
                ),
                lambda version: _register_url(school, association, year, doc_type),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request,
                    _("%(document)s: version %(number)s was uploaded.")
                    % {"document": doc_type, "number": created.record.number},
                )
            return redirect(created.address)
    return _page(request, school, association, year, failed=doc_type, form=form, status=400)


@login_required
@require_GET
def version_file(request, school, ma, year, doc, number):
    school, association, year = _records(request, school, ma, year)
    version = version_for(request.viewer, association, year, _doc_type(doc), number)
    return _attachment(version.file, version.download_name, version.format)


@login_required
def templates(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "configure_document_template", school)
    form = TemplateForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = create_once(
                    request.user,
                    form.cleaned_data["once"],
                    lambda: services.document_template_upload(
                        actor=viewer,
                        school=school,
                        doc_type=form.cleaned_data["type"],
                        format=form.cleaned_data["format"],
                        file=form.cleaned_data["file"],
                    ),
                    lambda template: reverse("documents:templates", args=[school.key]),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if created.repeated:
                    messages.info(request, ALREADY_SENT)
                else:
                    messages.success(
                        request,
                        _("The school's template of %(document)s is in force: version %(number)s.")
                        % {"document": created.record.type, "number": created.record.number},
                    )
                return redirect(created.address)
    return render(
        request,
        "documents/templates.html",
        {"school": school, "form": form, "templates": templates_of(viewer, school)},
        status=status,
    )


@login_required
@require_GET
def template_file(request, school, doc, format, number):
    viewer = request.viewer
    school = visible_school(viewer, school)
    template = get_visible(
        viewer,
        DocumentTemplate.objects.filter(school=school),
        type=doc,
        format=format,
        number=number,
    )
    require(viewer, "configure_document_template", school)
    extension = "docx" if template.format == "docx" else "html"
    return _attachment(template.file, f"{template.type}-v{template.number}.{extension}", extension)


# --- The archive (ORG-6) ---------------------------------------------------------------------


def _as_of(request):
    """The date the archive page is computed at: ``?as_of=`` (a valid date), else today."""
    from usul.lib.dates import parse_date

    raw = request.GET.get("as_of", "")
    try:
        return parse_date(raw) if raw else request.viewer.today, ""
    except ValueError:
        return request.viewer.today, raw


def _archive_page(request, school, *, transfer_form=None, propose_form=None, status=200):
    from usul.documents.retention import retention_of

    viewer = request.viewer
    as_of, bad_date = _as_of(request)
    result = retention_of(school, as_of)
    today = as_of == viewer.today
    may_transfer = can(viewer, "transfer_to_archive", school) and today
    may_propose = can(viewer, "propose_disposal", school) and today
    transfer_keys = [item.entry.key for item in result.transfer]
    dispose_keys = [item.entry.key for item in result.dispose]
    acts = list(
        visible(viewer, DisposalAct.objects.filter(school=school))
        .select_related("proposed_by", "signed_by")
        .prefetch_related("items")
        .order_by("-number")
    )
    # An entry already listed in an act that waits for the signature.
    pending = {item.entry_id: act for act in acts if not act.signed for item in act.items.all()}
    for item in result.dispose:
        item.pending_act = pending.get(item.entry.pk)
    context = {
        "school": school,
        "as_of": as_of,
        "bad_date": bad_date,
        "today": viewer.today,
        "retention": result,
        "may_transfer": may_transfer,
        "transfer_form": transfer_form or EntriesForm(keys=transfer_keys),
        "may_propose": may_propose,
        "propose_form": propose_form or ProposeForm(keys=dispose_keys),
        "acts": acts,
    }
    return render(request, "documents/archive.html", context, status=status)


@login_required
@require_GET
def archive(request, school):
    school = visible_school(request.viewer, school)
    return _archive_page(request, school)


@login_required
@form_post
def transfer(request, school):
    from usul.documents.retention import retention_of

    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "transfer_to_archive", school)
    keys = [item.entry.key for item in retention_of(school, viewer.today).transfer]
    posted = request.POST.getlist("entries")
    # Handed over already (the same form sent twice): still a choice, skipped by the service.
    form = EntriesForm(request.POST, keys=list(dict.fromkeys(keys + posted)))
    if form.is_valid():
        try:
            entries = services.documents_transfer(
                actor=viewer, school=school, keys=form.cleaned_data["entries"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s document was handed over to the archive; it is read-only now.",
                    "%(count)s documents were handed over to the archive; they are read-only now.",
                    len(entries),
                )
                % {"count": len(entries)},
            )
            return redirect(reverse("documents:archive", args=[school.key]))
    return _archive_page(request, school, transfer_form=form, status=400)


# --- Disposal acts (ORG-6) -------------------------------------------------------------------


def _act_url(school, act) -> str:
    return reverse("documents:act", args=[school.key, act.number])


@login_required
@form_post
def propose(request, school):
    from usul.documents.retention import retention_of

    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "propose_disposal", school)
    keys = [item.entry.key for item in retention_of(school, viewer.today).dispose]
    form = ProposeForm(request.POST, keys=keys)
    if form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.disposal_propose(
                    actor=viewer,
                    school=school,
                    keys=form.cleaned_data["entries"],
                    note=form.cleaned_data["note"],
                ),
                lambda act: _act_url(school, act),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request,
                    _(
                        "The disposal act No. %(act)s is proposed. Nothing is disposed of until "
                        "the director signs it."
                    )
                    % {"act": created.record.reference},
                )
            return redirect(created.address)
    return _archive_page(request, school, propose_form=form, status=400)


def _act(request, school, number):
    viewer = request.viewer
    school = visible_school(viewer, school)
    act = get_visible(
        viewer,
        DisposalAct.objects.filter(school=school).select_related(
            "school", "proposed_by", "signed_by"
        ),
        number=number,
    )
    return school, act


@login_required
@require_GET
def act(request, school, number):
    school, act = _act(request, school, number)
    items = list(
        act.items.select_related("entry__association", "entry__year").order_by(
            "entry__year__start", "entry__association__name", "entry__type", "entry__key"
        )
    )
    return render(
        request,
        "documents/act.html",
        {
            "school": school,
            "act": act,
            "items": items,
            "may_sign": not act.signed and can(request.viewer, "sign_disposal", school),
        },
    )


@login_required
def act_sign(request, school, number):
    from usul.lib.confirm import Confirmation, confirm_page

    school, act = _act(request, school, number)
    viewer = request.viewer
    require(viewer, "sign_disposal", school)
    back = _act_url(school, act)
    if request.method == "POST":
        try:
            services.disposal_sign(actor=viewer, act=act)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "The disposal act No. %(act)s is signed: its documents are disposed of and "
                    "their files deleted; the register keeps their entries."
                )
                % {"act": act.reference},
            )
        return redirect(back)
    count = act.items.count()
    return confirm_page(
        request,
        Confirmation(
            question=_("Sign the disposal act No. %(act)s?") % {"act": act.reference},
            button=_("Sign the act"),
            back=back,
            ends=[
                ngettext(
                    "The file of %(count)s document is deleted for good.",
                    "The files of %(count)s documents are deleted for good.",
                    count,
                )
                % {"count": count}
            ],
            keeps=[
                _(
                    "The register keeps every entry, marked as disposed by this act; the act "
                    "itself is kept forever."
                )
            ],
        ),
        school=school,
    )


ACT_FORMATS = ("pdf", "docx")


@login_required
@require_GET
def act_file(request, school, number, language, format):
    from usul.documents.act import make_act

    if language not in ("ky", "ru") or format not in ACT_FORMATS:
        raise Http404(format)
    school, act = _act(request, school, number)
    data = make_act(act, language=language, format=format)
    response = HttpResponse(data, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = (
        f'attachment; filename="disposal-act-{act.number}-{act.date.year}-{language}.{format}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
