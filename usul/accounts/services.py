"""Changes to user accounts: log-ins for people, their passwords, switching them off.

A log-in is created with a **one-time password** (printed on a log-in slip, or set by a reset):
it works for ``USUL_ONE_TIME_PASSWORD_DAYS`` days and only to choose the person's own password,
which nobody else ever sees or sets. The log-in of someone who left the school is switched off
on the first day with no position left (ends are inclusive, RULES.md), by the daily
``usul accounts deactivate-leavers`` and at their next log-in attempt, whichever comes first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.accounts.models import User
from usul.accounts.passwords import one_time_password
from usul.accounts.policy import Viewer, require
from usul.accounts.usernames import proposed_username, unique_username
from usul.lib.history import history_user, save_with_history
from usul.people.models import Staff
from usul.schools.models import District, School


@dataclass(frozen=True)
class NewLogin:
    """A log-in as its slip shows it: the only moment its one-time password is known."""

    user: User
    password: str
    staff: Staff | None = None


@transaction.atomic
def user_set_language(*, actor: Viewer, language: str) -> None:
    """The person chooses the language Usul speaks to them (their own setting only)."""
    user = history_user(actor)
    if user is None:  # an anonymous visitor keeps the language in a cookie only
        raise PermissionDenied("act_for_self")
    require(actor, "act_for_self", user)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language: %(code)s") % {"code": language})
    user.language = language
    user.save(update_fields=["language"])


def username_taken(username: str) -> bool:
    """User names are compared without letter case: ``Osmonova`` and ``osmonova`` are one."""
    return User.objects.filter(username__iexact=username).exists()


def _one_time_until() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=settings.USUL_ONE_TIME_PASSWORD_DAYS)


def _check_username(username: str) -> None:
    field = User._meta.get_field("username")
    max_length = field.max_length or 150
    if len(username) > max_length:
        raise ValidationError(
            {
                "username": _("The user name is too long: at most %(max)d characters.")
                % {"max": max_length}
            }
        )
    try:
        # Latin only, whatever Django would allow: typed on any keyboard, a phone's included.
        if not username.isascii():
            raise ValidationError("not Latin")
        for validator in field.validators:
            validator(username)
    except ValidationError:
        raise ValidationError(
            {
                "username": _(
                    "A user name is made of Latin letters, digits and the signs . - _ @ + "
                    "only: %(name)s"
                )
                % {"name": username}
            }
        ) from None
    if username_taken(username):
        raise ValidationError(
            {"username": _("The user name %(name)s is taken; choose another.") % {"name": username}}
        )


@transaction.atomic
def user_create(
    *,
    actor: Viewer,
    username: str = "",
    password: str | None = None,
    staff: Staff | None = None,
    district: District | None = None,
    is_administrator: bool = False,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> NewLogin:
    """A new log-in: for a staff member of a school, a district methodologist (``district``),
    or an administrator of the installation.

    ``username`` empty: proposed from the name (``usul.accounts.usernames``), unique.
    ``password`` None: a one-time password is made and returned, and the person chooses their
    own at the first log-in; a password given (the administrator's own, at set-up) is checked
    against the password rules and kept as theirs.
    """
    if staff is not None:
        require(actor, "manage_accounts", staff)
        if User.objects.filter(staff=staff).exists():
            raise ValidationError(_("%(name)s already has a log-in.") % {"name": staff.full_name})
        first_name = first_name or staff.first_name
        last_name = last_name or staff.last_name
    else:
        # Accounts of no school: the district's and the installation's.
        require(actor, "manage_accounts", district)
    username = username.strip()
    if not username:
        username = unique_username(proposed_username(first_name, last_name), username_taken)
    _check_username(username)
    user = User(
        username=username,
        staff=staff,
        district=district,
        is_administrator=is_administrator,
        first_name=first_name[:150],
        last_name=last_name[:150],
        email=email,
    )
    if password is None:
        password = one_time_password()
        user.one_time_password_until = _one_time_until()
    else:
        validate_password(password, user)
    user.set_password(password)
    save_with_history(user, actor)
    return NewLogin(user=user, password=password, staff=staff)


def _has_left(staff: Staff, today: dt.date) -> bool:
    """Held a position at the school and holds none today or later: left the school."""
    positions = list(staff.positions.all())
    return bool(positions) and all(p.end is not None and p.end < today for p in positions)


def staff_without_login(school: School, today: dt.date) -> list[Staff]:
    """Everyone of the school who has no log-in and has not left it."""
    candidates = Staff.objects.filter(school=school, user__isnull=True).prefetch_related(
        "positions"
    )
    return [s for s in candidates if not _has_left(s, today)]


@transaction.atomic
def users_create_for_staff(
    *, actor: Viewer, school: School, staff: list[Staff] | None = None
) -> list[NewLogin]:
    """Log-ins for several staff members at once, or (``staff`` None) for everyone of the
    school who has none — each with a proposed user name and a one-time password."""
    require(actor, "manage_accounts", school)
    if staff is None:
        staff = staff_without_login(school, actor.today)
    created = []
    for person in staff:
        if person.school_id != school.pk:
            raise ValidationError(_("%(name)s is not of this school.") % {"name": person.full_name})
        created.append(user_create(actor=actor, staff=person))
    return created


@transaction.atomic
def user_reset_password(*, actor: Viewer, user: User) -> NewLogin:
    """A colleague forgot their password: a new one-time password replaces it. Whoever resets
    never sees or sets the person's own password; a second factor stays enrolled."""
    require(actor, "manage_accounts", user)
    if history_user(actor) is not None and history_user(actor) == user:
        raise ValidationError(_("Change your own password on the page of your account."))
    if not user.is_active:
        raise ValidationError(
            _("The log-in of %(name)s is switched off; switch it on first.") % {"name": user}
        )
    password = one_time_password()
    user.set_password(password)
    user.one_time_password_until = _one_time_until()
    save_with_history(user, actor, ["password", "one_time_password_until"])
    return NewLogin(user=user, password=password, staff=user.staff)


@transaction.atomic
def user_change_password(*, actor: Viewer, user: User, old_password: str, new_password: str):
    """The person chooses their own password, giving their current one (ASVS V6.2.3).

    The new one is checked against the password rules; a one-time password may not be kept.
    """
    require(actor, "act_for_self", user)
    if history_user(actor) != user:
        raise PermissionDenied("act_for_self")
    if not user.check_password(old_password):
        raise ValidationError({"old_password": _("The current password is wrong.")})
    if new_password == old_password:
        raise ValidationError(
            {"new_password1": _("The new password must differ from the current one.")}
        )
    try:
        validate_password(new_password, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from None
    user.set_password(new_password)
    user.one_time_password_until = None
    save_with_history(user, actor, ["password", "one_time_password_until"])


@transaction.atomic
def user_deactivate(*, actor: Viewer, user: User) -> None:
    """Switch a log-in off by hand. Nothing is deleted: the person's records and the history
    keep their name, and the log-in can be switched on again."""
    require(actor, "manage_accounts", user)
    if history_user(actor) == user:
        raise ValidationError(_("You cannot switch off your own log-in."))
    if not user.is_active:
        return
    user.is_active = False
    user.deactivated_on = actor.today
    save_with_history(user, actor, ["is_active", "deactivated_on"])


@transaction.atomic
def user_activate(*, actor: Viewer, user: User) -> NewLogin:
    """Switch a log-in on again, with a new one-time password (the old one may be known to
    others by now)."""
    require(actor, "manage_accounts", user)
    if user.is_active:
        raise ValidationError(_("The log-in of %(name)s is switched on already.") % {"name": user})
    if user.staff is not None and _has_left(user.staff, actor.today):
        raise ValidationError(
            _("%(name)s holds no position at the school today; give them a position first.")
            % {"name": user}
        )
    password = one_time_password()
    user.set_password(password)
    user.one_time_password_until = _one_time_until()
    user.is_active = True
    user.deactivated_on = None
    save_with_history(
        user, actor, ["password", "one_time_password_until", "is_active", "deactivated_on"]
    )
    return NewLogin(user=user, password=password, staff=user.staff)


@transaction.atomic
def users_deactivate_leavers(*, actor: Viewer, users: list[User] | None = None) -> list[User]:
    """Switch off the log-ins of staff who left the school (no position today or later).

    ``users`` None: every school user of the installation (the daily command); else those
    given (a log-in attempt checks the one person)."""
    if users is None:
        users = list(
            User.objects.filter(is_active=True, staff__isnull=False)
            .select_related("staff")
            .prefetch_related("staff__positions")
        )
    switched_off = []
    for user in users:
        if user.is_active and user.staff is not None and _has_left(user.staff, actor.today):
            require(actor, "manage_accounts", user)
            user.is_active = False
            user.deactivated_on = actor.today
            save_with_history(user, actor, ["is_active", "deactivated_on"])
            switched_off.append(user)
    return switched_off
