"""The school's log-ins: the list of staff with their log-in and last log-in, creating log-ins
for one, several or everyone without one, resets, switching off and on — and the log-in slips
that hand each person their user name and one-time password.

A one-time password is known only in the response that made it. The slips page carries the
slips signed (``django.core.signing``, one hour) so that the same slips can be downloaded as
a PDF without Usul keeping any password: the signature only proves Usul made them for this
school a moment ago.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.accounts.models import User
from usul.accounts.once import ALREADY_SENT, create_once, new_token
from usul.accounts.policy import require
from usul.accounts.selectors import school_logins
from usul.accounts.services import (
    NewLogin,
    user_activate,
    user_deactivate,
    user_reset_password,
    users_create_for_staff,
)
from usul.people.models import Staff
from usul.schools.selectors import visible_school

SLIPS_SALT = "usul.accounts.slips"
SLIPS_MAX_AGE = 3600  # seconds: the slips of a batch can be downloaded for an hour
MAX_STAFF_PER_BATCH = 500


def _school(request, key: str):
    school = visible_school(request.viewer, key)
    require(request.viewer, "manage_accounts", school)
    return school


def _list(school) -> str:
    return reverse("accounts:school", args=[school.key])


def base_url(request) -> str:
    """The address printed on a slip: USUL_BASE_URL, else the address this page was asked at
    (a host Usul answers to: ALLOWED_HOSTS)."""
    return settings.USUL_BASE_URL or request.build_absolute_uri("/").rstrip("/")


@login_required
def school(request, school):
    """Every staff member with their log-in: user name, state, last log-in."""
    school = _school(request, school)
    rows = school_logins(request.viewer, school)
    without = [r for r in rows if r.user is None]
    return render(
        request,
        "accounts/school.html",
        {"school": school, "rows": rows, "without": without, "token": new_token()},
    )


@login_required
def create(request, school):
    """Log-ins for the staff ticked on the list, or for everyone without one."""
    school = _school(request, school)
    if request.method != "POST":
        return redirect(_list(school))
    viewer = request.viewer
    if request.POST.get("all"):
        chosen = None
    else:
        keys = request.POST.getlist("staff")[:MAX_STAFF_PER_BATCH]
        chosen = list(Staff.objects.filter(school=school, key__in=keys))
        if not chosen:
            messages.error(request, _("Tick the staff members who need a log-in first."))
            return redirect(_list(school))
    made: list[NewLogin] = []

    def create_all():
        made.extend(users_create_for_staff(actor=viewer, school=school, staff=chosen))
        return made

    try:
        done = create_once(
            request.user, request.POST.get("once", "")[:64], create_all, lambda _r: _list(school)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_list(school))
    if done.repeated:
        messages.info(request, ALREADY_SENT)
        return redirect(done.address)
    if not made:
        messages.info(request, _("Everyone at the school already has a log-in."))
        return redirect(_list(school))
    return _slips_page(request, school, made)


def _slip(login: NewLogin) -> dict:
    until = login.user.one_time_password_until
    return {
        "staff": login.staff.key if login.staff else "",
        "name": login.staff.full_name if login.staff else str(login.user),
        "username": login.user.username,
        "password": login.password,
        "until": f"{timezone.localtime(until):%d.%m.%Y}" if until else "",
    }


def _slips_page(request, school, made: list[NewLogin]) -> HttpResponse:
    slips = [_slip(login) for login in made]
    signed = signing.dumps({"school": school.key, "slips": slips}, salt=SLIPS_SALT, compress=True)
    return render(
        request,
        "accounts/slips.html",
        {"school": school, "slips": slips, "signed": signed, "address": base_url(request)},
    )


@login_required
def slips_pdf(request, school):
    """The slips just shown, as a PDF to print (WeasyPrint): one slip per person, Kyrgyz and
    Russian side by side."""
    school = _school(request, school)
    if request.method != "POST":
        return redirect(_list(school))
    try:
        data = signing.loads(
            request.POST.get("slips", "")[:200_000], salt=SLIPS_SALT, max_age=SLIPS_MAX_AGE
        )
    except signing.BadSignature:
        messages.error(
            request,
            _(
                "These log-in slips are older than an hour or were changed; the passwords on "
                "them are not shown again. Reset the passwords to print new slips."
            ),
        )
        return redirect(_list(school))
    if data.get("school") != school.key:
        return redirect(_list(school))
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    html = render_to_string(
        "accounts/slips_pdf.html",
        {"school": school, "slips": data["slips"], "address": base_url(request)},
        request=request,
    )
    # The style sheet is read from Usul's own files, never fetched over the network.
    style = CSS(filename=finders.find("usul/slips.css"))
    pdf = HTML(string=html).write_pdf(stylesheets=[style])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="log-in-slips-{school.key}.pdf"'
    return response


def _user(school, key: str) -> User:
    staff = get_object_or_404(Staff.objects.filter(school=school), key=key)
    return get_object_or_404(User.objects.select_related("staff"), staff=staff)


@login_required
def reset(request, school, key):
    """A new one-time password for a colleague who forgot theirs; its slip is shown once."""
    school = _school(request, school)
    user = _user(school, key)
    require(request.viewer, "manage_accounts", user)
    if request.method != "POST":
        return redirect(_list(school))
    try:
        made = user_reset_password(actor=request.viewer, user=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_list(school))
    return _slips_page(request, school, [made])


@login_required
def switch(request, school, key, state):
    """Switch a log-in off (the person keeps every record), or on again with a new one-time
    password."""
    school = _school(request, school)
    user = _user(school, key)
    require(request.viewer, "manage_accounts", user)
    if request.method != "POST":
        return redirect(_list(school))
    try:
        if state == "off":
            user_deactivate(actor=request.viewer, user=user)
            messages.success(request, _("The log-in of %(name)s is switched off.") % {"name": user})
            return redirect(_list(school))
        made = user_activate(actor=request.viewer, user=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_list(school))
    return _slips_page(request, school, [made])


@login_required
def remove_second_factor(request, school, key):
    """A colleague lost their phone: their second factor goes, and they enrol again at the next
    log-in (a role that requires it cannot go on without)."""
    from usul.accounts.two_factor import two_factor_remove

    school = _school(request, school)
    user = _user(school, key)
    require(request.viewer, "manage_accounts", user)
    if request.method == "POST":
        try:
            two_factor_remove(actor=request.viewer, user=user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("The second factor of %(name)s is removed.") % {"name": user}
            )
    return redirect(_list(school))
