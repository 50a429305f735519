"""Bundle pages: an administrator uploads a bundle, sees every error or what will change, then
confirms; leadership and the district download their school's bundle. Views only translate input
and output: who may act is asked of ``usul.accounts.policy``, the work is in ``services``."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from usul.accounts.policy import get_visible, require, visible
from usul.bundle.management.commands.export_bundle import bundle_text
from usul.bundle.management.commands.import_bundle import summary_line
from usul.bundle.services import bundle_export, bundle_import, bundle_preview
from usul.bundle.services.summary import SECTION_LABELS
from usul.bundle.validation import BundleInvalid, BundleUnreadable, parse, validate
from usul.config import env
from usul.lib import uploads
from usul.schools.models import School

MAX_BYTES = 20 * 1024 * 1024
# Uploads waiting for confirmation: named by a random token, never by anything the client sends.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
SESSION_KEY = "bundle_uploads"
KEEP_SECONDS = 24 * 3600


class UploadForm(forms.Form):
    bundle = forms.FileField(
        label=gettext_lazy("Bundle file (JSON)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_bundle(self):
        upload = self.cleaned_data["bundle"]
        # A JSON bundle is not one of the uploaded kinds (usul.lib.uploads), but the streaming
        # limit cuts it off too: an OversizedUpload arrives without its content.
        limit = min(MAX_BYTES, uploads.max_upload_bytes())
        if getattr(upload, "oversized", False) or upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": max(1, limit // 1024 // 1024)}
            )
        try:
            # utf-8-sig: a file saved by Notepad starts with a byte-order mark.
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
        try:
            return parse(text)
        except BundleUnreadable as exc:
            raise forms.ValidationError(str(exc)) from None


def _uploads() -> Path:
    folder = Path(settings.USUL_HOME) / "files" / "bundles"
    folder.mkdir(mode=env.PRIVATE_FOLDER, parents=True, exist_ok=True)
    return folder


def _forget_old_uploads(folder: Path) -> None:
    """Uploads never confirmed are removed after a day (they hold a whole school's data)."""
    limit = time.time() - KEEP_SECONDS
    for path in folder.glob("*.json"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def _upload_path(request, token: str) -> Path | None:
    """The waiting upload of this session named by ``token``; None for anything else."""
    if not TOKEN.fullmatch(token or "") or token not in request.session.get(SESSION_KEY, []):
        return None
    path = _uploads() / f"{token}.json"
    return path if path.is_file() else None


def _forget(request, token: str, path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def _changes(summary) -> list[dict]:
    """The preview's table: one line per section that the bundle touches."""
    lines = []
    for name, changes in summary.sections.items():
        if not (changes.changed or changes.unchanged or changes.kept):
            continue
        lines.append({
            "label": SECTION_LABELS[name],
            "nested": "." in name,
            "created": changes.created,
            "updated": changes.updated,
            "deleted": changes.deleted,
            "unchanged": changes.unchanged,
            "kept": changes.kept,
            "created_keys": list(dict.fromkeys(changes.created)),
            "updated_keys": list(dict.fromkeys(changes.updated)),
            "deleted_keys": list(dict.fromkeys(changes.deleted)),
        })  # fmt: skip
    return lines


def _records(summary) -> dict[str, list[dict]]:
    """Record by record, who and what: each change with its fields old → new, each deletion and
    each row spared because it was recorded after the bundle was exported."""
    found: dict[str, list[dict]] = {"changes": [], "deletions": [], "spared": []}
    for name, changes in summary.sections.items():
        for what in found:
            found[what] += [
                {"section": SECTION_LABELS[name], "record": record}
                for record in getattr(changes, what)
            ]
    return found


@login_required
def upload(request):
    require(request.viewer, "import_bundle", None)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        schools = visible(request.viewer, School.objects.order_by("name")).only("key", "name")
        return render(request, "bundle/upload.html", {"form": form, "schools": schools})
    data = form.cleaned_data["bundle"]
    errors = validate(data)
    if errors:
        return render(
            request, "bundle/upload.html", {"form": UploadForm(), "errors": errors}, status=400
        )
    summary = bundle_preview(actor=request.viewer, data=data)
    folder = _uploads()
    _forget_old_uploads(folder)
    token = secrets.token_urlsafe(32)
    waiting = folder / f"{token}.json"
    waiting.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    waiting.chmod(env.PRIVATE_FILE)  # a whole school's data waits here until confirmed
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), token]
    return render(request, "bundle/preview.html", {
        "token": token,
        "file_name": request.FILES["bundle"].name,
        "school": data["school"],
        "summary": summary,
        "lines": _changes(summary),
        **_records(summary),
    })  # fmt: skip


def _confirm(request):
    token = request.POST.get("token", "")
    path = _upload_path(request, token)
    if path is None:
        messages.error(
            request, _("This upload is no longer waiting; please upload the file again.")
        )
        return redirect("bundle:upload")
    if "confirm" not in request.POST:
        _forget(request, token, path)
        messages.info(request, _("The import was cancelled; nothing was changed."))
        return redirect("bundle:upload")
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        summary = bundle_import(
            actor=request.viewer, data=data, delete_newer="delete_newer" in request.POST
        )
    except BundleInvalid as invalid:
        _forget(request, token, path)
        return render(
            request, "bundle/upload.html", {"form": UploadForm(), "errors": invalid.errors},
            status=400,
        )  # fmt: skip
    _forget(request, token, path)
    messages.success(request, summary_line(summary))
    return redirect(reverse("schools:overview", args=[summary.school]))


@login_required
def export(request, school):
    school = get_visible(request.viewer, School.objects.select_related("district"), key=school)
    # bundle_export refuses whoever may not take the school's data away (export_bundle).
    response = HttpResponse(
        bundle_text(bundle_export(actor=request.viewer, school=school)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{school.key}-{request.viewer.today.isoformat()}.json"
    )
    return response
