"""Roster pages: the leadership uploads the staff roster, sees every error or what will change,
then confirms; the template and the school's roster are downloaded as .xlsx files. Views only
translate input and output: who may act is asked of the policy, the work is in ``services``."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from usul.accounts.policy import require
from usul.config import env
from usul.lib import uploads
from usul.roster.management.commands.roster import summary_line
from usul.roster.services import (
    CREATED,
    UPDATED,
    RosterInvalid,
    roster_export,
    roster_import,
    roster_preview,
    roster_template,
)
from usul.roster.workbook import MAX_BYTES, Unreadable
from usul.schools.selectors import visible_school

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Uploads waiting for confirmation: named by a random token, never by anything the client sends.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
SESSION_KEY = "roster_uploads"
KEEP_SECONDS = 24 * 3600


class UploadForm(forms.Form):
    roster = forms.FileField(
        allow_empty_file=True,  # the one check refuses it, naming the file
        label=gettext_lazy("Staff roster (Excel, .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX}"}),
    )

    def clean_roster(self):
        # The one check of every upload: an .xlsx by its content (not its name), no bomb, no
        # macros, within the size; a refused file is told why, as on every other upload page.
        try:
            checked = uploads.check(
                self.cleaned_data["roster"],
                accept=frozenset({uploads.XLSX}),
                max_bytes=MAX_BYTES,
                field="roster",
            )
        except ValidationError as error:
            raise forms.ValidationError(error.error_dict["roster"]) from None
        checked.file.seek(0)
        return checked.file.read()


def _uploads() -> Path:
    folder = Path(settings.USUL_HOME) / "files" / "roster"
    folder.mkdir(mode=env.PRIVATE_FOLDER, parents=True, exist_ok=True)
    return folder


def _forget_old_uploads(folder: Path) -> None:
    """Rosters never confirmed are removed after a day (they hold the staff's personal data)."""
    limit = time.time() - KEEP_SECONDS
    for path in folder.glob("*.xlsx"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def _waiting(request, token: str) -> Path | None:
    """The waiting upload of this session named by ``token``; None for anything else."""
    if not TOKEN.fullmatch(token or "") or token not in request.session.get(SESSION_KEY, []):
        return None
    path = _uploads() / f"{token}.xlsx"
    return path if path.is_file() else None


def _forget(request, token: str, path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def _page(request, school, form, *, errors=(), problem: str = "", status: int = 200):
    return render(
        request,
        "roster/upload.html",
        {"school": school, "form": form, "errors": errors, "problem": problem},
        status=status,
    )


@login_required
def upload(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school, with_years=True)
    require(viewer, "import_roster", school)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, school)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return _page(request, school, form)
    if not form.is_valid():
        return _page(request, school, form, status=400)
    data = form.cleaned_data["roster"]
    try:
        result = roster_preview(actor=viewer, school=school, data=data)
    except Unreadable as exc:
        return _page(request, school, UploadForm(), problem=str(exc), status=400)
    except RosterInvalid as invalid:
        return _page(request, school, UploadForm(), errors=invalid.errors, status=400)
    folder = _uploads()
    _forget_old_uploads(folder)
    token = secrets.token_urlsafe(32)
    waiting = folder / f"{token}.xlsx"
    waiting.write_bytes(data)
    waiting.chmod(env.PRIVATE_FILE)  # the staff's personal data waits here until confirmed
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), token]
    return render(
        request,
        "roster/preview.html",
        {
            "school": school,
            "token": token,
            "file_name": request.FILES["roster"].name,
            "result": result,
            "created": [p for p in result.people if p.action == CREATED],
            "updated": [p for p in result.people if p.action == UPDATED],
        },
    )


def _confirm(request, school):
    token = request.POST.get("token", "")
    path = _waiting(request, token)
    if path is None:
        messages.error(
            request, _("This upload is no longer waiting; please upload the file again.")
        )
        return redirect("roster:upload", school.key)
    if "confirm" not in request.POST:
        _forget(request, token, path)
        messages.info(request, _("The import was cancelled; nothing was changed."))
        return redirect("roster:upload", school.key)
    try:
        # Checked again: the staff may have changed since the preview.
        result = roster_import(actor=request.viewer, school=school, data=path.read_bytes())
    except Unreadable as exc:
        _forget(request, token, path)
        return _page(request, school, UploadForm(), problem=str(exc), status=400)
    except RosterInvalid as invalid:
        _forget(request, token, path)
        return _page(request, school, UploadForm(), errors=invalid.errors, status=400)
    _forget(request, token, path)
    messages.success(request, summary_line(result))
    return redirect(reverse("people:list", args=[school.key]))


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response


@login_required
def template(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "import_roster", school)
    language = get_language() or settings.LANGUAGE_CODE
    data = roster_template(language=language, school=school)
    return _xlsx(data, f"{school.key}-roster-template-{language}.xlsx")


@login_required
def export(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school, with_years=True)
    language = get_language() or settings.LANGUAGE_CODE
    # roster_export refuses whoever may not take the staff's personal data away.
    data = roster_export(actor=viewer, school=school, language=language)
    return _xlsx(data, f"{school.key}-roster-{viewer.today.isoformat()}.xlsx")
