"""Log-in, the language switch, the person's own account and the administrator's log of
log-ins."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from usul.accounts.forms import LoginForm, PasswordChangeForm
from usul.accounts.policy import require, viewer_for
from usul.accounts.selectors import login_log
from usul.accounts.services import user_change_password, user_set_language
from usul.lib.forms import add_service_errors


class LoginView(auth_views.LoginView):
    """Django's log-in, keeping the language the person chose on the log-in page."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if not user.language and chosen in dict(settings.LANGUAGES):
            # Chosen before logging in: remember it on the user from now on.
            user_set_language(actor=viewer_for(user), language=chosen)
        if user.language:
            _remember_in_cookie(response, user.language)
        return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a user name has failed too often from one address (ASVS
    V6.3.1): the log-in page again, saying so and for how long. It reads the same for a user
    name that does not exist — the lock-out counts every name alike."""
    form = LoginForm(request, data=None, initial={"username": (credentials or {}).get("username")})
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/login.html",
        {"form": form, "locked_out": True, "minutes": minutes, "next": ""},
        status=429,
    )


def _remember_in_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )


def _is_page(target: str) -> bool:
    """The switch returns the user to a page of Usul, never to an address that does not exist."""
    try:
        resolve(urlsplit(target).path)
    except Resolver404:
        return False
    return True


@require_POST
def set_language(request):
    """Switch the language and remember it on the user (and in a cookie before log-in)."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ) or not _is_page(target):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            user_set_language(actor=request.viewer, language=language)
        translation.activate(language)
        _remember_in_cookie(response, language)
    return response


@login_required
def account(request):
    """Menu → my account: the person changes their own password. A one-time password (a log-in
    slip, a reset) brings them here first, before any other page."""
    user = request.user
    form = PasswordChangeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                user_change_password(
                    actor=request.viewer,
                    user=user,
                    old_password=form.cleaned_data["old_password"],
                    new_password=form.cleaned_data["new_password1"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                # The session stays logged in with the new password; others of this user end.
                update_session_auth_hash(request, user)
                messages.success(request, _("Your new password is saved."))
                return redirect("home:home")
        status = 400
    return render(
        request,
        "accounts/account.html",
        {"form": form, "forced": user.has_one_time_password},
        status=status,
    )


@login_required
def log(request):
    """The administrator's log of log-ins, failed log-ins and lock-outs."""
    require(request.viewer, "read_login_log", request.user)
    username = request.GET.get("username", "").strip()[:150]
    events = login_log(request.viewer, username=username)
    return render(request, "accounts/log.html", {"events": events, "username": username})


def _qr_svg(device) -> str:
    """The enrolment address as a QR code, SVG markup in the page (no image request, no CDN)."""
    import segno

    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def _grouped(secret_hex: str) -> str:
    """The secret in base32, as a phone app asks for it when typed by hand, in groups of 4."""
    from base64 import b32encode
    from binascii import unhexlify

    text = b32encode(unhexlify(secret_hex)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@login_required
def two_factor(request):
    """Menu → my account → two-factor log-in: enrol a phone (QR code, then its first code), get
    new backup codes, or remove the second factor where the role does not require it."""
    from usul.accounts import two_factor as tf

    viewer, user = request.viewer, request.user
    context = {"required": tf.requires_two_factor(viewer), "enrolled": user.second_factor}
    status = 200
    action = request.POST.get("action", "") if request.method == "POST" else ""
    try:
        if action == "codes":
            context["codes"] = tf.backup_codes_renew(actor=viewer)
        elif action == "remove":
            tf.two_factor_remove(actor=viewer, user=user)
            messages.success(request, _("Two-factor log-in is switched off for your account."))
            return redirect("accounts:two_factor")
        elif request.method == "POST":
            device, codes = tf.two_factor_confirm(
                actor=viewer, code=request.POST.get("code", "")[:32]
            )
            otp_login(request, device)
            context.update(codes=codes, enrolled=True, just_enrolled=True)
    except ValidationError as error:
        context["error"] = " ".join(error.messages)
        status = 400
    if not user.second_factor and not context.get("codes"):
        device = tf.two_factor_start(actor=viewer)
        context.update(qr=_qr_svg(device), secret=_grouped(device.key))
    context["codes_left"] = tf.backup_codes_left(user) if user.second_factor else 0
    return render(request, "accounts/two_factor.html", context, status=status)


@login_required
def two_factor_verify(request):
    """After the password, the code from the phone (or a backup code) of an enrolled person."""
    from usul.accounts import two_factor as tf

    user = request.user
    if not user.second_factor or user.is_verified():
        return redirect("home:home")
    status = 200
    error = ""
    if request.method == "POST":
        device = tf.verify(user, request.POST.get("code", "")[:32])
        if device is not None:
            otp_login(request, device)
            if device.name == tf.BACKUP:
                left = tf.backup_codes_left(user)
                messages.info(
                    request,
                    _(
                        "You used a backup code; %(left)s are left. Make new ones on your "
                        "account page."
                    )
                    % {"left": left},
                )
            return redirect("home:home")
        tf.record_failed_code(request, user)
        # django-otp makes each further try after a wrong one wait longer (1, 2, 4… seconds).
        error = _(
            "This code is wrong or was used already, or came too soon after a wrong one. Wait "
            "a few seconds and give the code the phone shows now."
        )
        status = 400
    return render(request, "accounts/two_factor_verify.html", {"error": error}, status=status)
