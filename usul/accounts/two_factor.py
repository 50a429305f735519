"""Two-factor log-in (ASVS 5.0 V6.3.3, V6.5, V6.6): a code from a phone app (TOTP, RFC 6238)
or one of ten one-time backup codes, with django-otp.

Anyone may enrol. The director, the deputies, district methodologists and administrators
must (``USUL_REQUIRE_2FA``): after the password they reach no page of Usul before enrolling, and
once enrolled none before giving a code. Each backup code works once; new ones replace all the
old. A colleague who lost their phone has their second factor removed by the school's
leadership (``manage_accounts``) and enrols again at the next log-in.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from usul.accounts.models import User
from usul.accounts.policy import Viewer, require
from usul.lib.history import history_user, save_with_history

BACKUP_CODES = 10
PHONE = "phone"
BACKUP = "backup"


def requires_two_factor(viewer: Viewer) -> bool:
    """The roles that must log in with a second factor: they see every school's personal data
    (district, administrator) or change what the whole school sees (director, deputies)."""
    return bool(
        settings.USUL_REQUIRE_2FA
        and (viewer.is_leadership or viewer.is_district or viewer.is_administrator)
    )


def missing_step(request) -> str | None:
    """The page of what this log-in still lacks, or None when it is complete.

    A one-time password (from a log-in slip or a reset) is only good for choosing one's own.
    A person with a second factor gives a code after the password; one whose role requires it
    enrols first.
    """
    user = request.user
    if user.has_one_time_password:
        return "accounts:account"
    if user.is_verified():
        return None
    if user.second_factor:
        return "accounts:two_factor_verify"
    if requires_two_factor(request.viewer):
        return "accounts:two_factor"
    return None


def phone_of(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, name=PHONE).first()


def enrolled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, name=PHONE, confirmed=True).exists()


def backup_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=BACKUP).count()


def _own(actor: Viewer) -> User:
    user = history_user(actor)
    if user is None:
        raise PermissionDenied("act_for_self")
    require(actor, "act_for_self", user)
    return user


@transaction.atomic
def two_factor_start(*, actor: Viewer) -> TOTPDevice:
    """The secret a phone app is enrolled with (shown as a QR code), not yet in force: it is
    confirmed by the first code the phone shows. Asking again before confirming keeps it."""
    user = _own(actor)
    device = phone_of(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=PHONE, confirmed=False)
    return device


def _new_backup_codes(user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


@transaction.atomic
def two_factor_confirm(*, actor: Viewer, code: str) -> tuple[TOTPDevice, list[str]]:
    """The first code from the phone puts its secret in force; ten backup codes are made and
    returned to be shown once."""
    user = _own(actor)
    device = phone_of(user)
    if device is None or device.confirmed:
        raise ValidationError(_("Start the enrolment again: open the page of the second factor."))
    if not device.verify_token(normalised(code)):
        raise ValidationError(
            {
                "code": _(
                    "This code is not the one the phone shows now. Check the time on the phone."
                )
            }
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    user.second_factor = True
    user.save(update_fields=["second_factor"])
    return device, _new_backup_codes(user)


@transaction.atomic
def backup_codes_renew(*, actor: Viewer) -> list[str]:
    """Ten new backup codes; the old ones stop working."""
    user = _own(actor)
    if not enrolled(user):
        raise ValidationError(_("Enrol a phone first; backup codes go with it."))
    return _new_backup_codes(user)


@transaction.atomic
def two_factor_remove(*, actor: Viewer, user: User) -> None:
    """Remove a person's second factor: by themselves (when their role does not require it),
    or by the leadership for a colleague who lost their phone."""
    if history_user(actor) == user:
        require(actor, "act_for_self", user)
        if requires_two_factor(actor):
            raise ValidationError(_("Your role requires a second factor; it cannot be removed."))
    else:
        require(actor, "manage_accounts", user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.second_factor = False
    save_with_history(user, actor, ["second_factor"])


def normalised(code: str) -> str:
    """What people type: spaces and dashes dropped, letter case ignored."""
    return re.sub(r"[\s-]", "", code or "").lower()[:16]


def record_failed_code(request, user: User) -> None:
    """A wrong second-factor code goes into the log of log-ins beside failed passwords
    (ASVS V16.3.1): after a stolen password, the tries at the code are what the administrator
    needs to see. It does not count towards the password lock-out (django-otp slows these tries
    down itself); the row is told apart by the page it came from."""
    from axes.models import AccessFailureLog

    from usul.accounts.passwords import client_address

    AccessFailureLog.objects.create(
        username=user.get_username(),
        ip_address=client_address(request) or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
        http_accept=request.META.get("HTTP_ACCEPT", "")[:1025],
        path_info=request.path[:255],
        locked_out=False,
    )


def verify(user: User, code: str):
    """The device that accepts ``code`` — the phone for six digits, else the backup codes, whose
    code is then used up — or None. django-otp slows down repeated failures per device."""
    code = normalised(code)
    if code.isdigit() and len(code) == 6:
        device = TOTPDevice.objects.filter(user=user, name=PHONE, confirmed=True).first()
    else:
        device = StaticDevice.objects.filter(user=user, name=BACKUP, confirmed=True).first()
    if device is not None and device.verify_token(code):
        return device
    return None
