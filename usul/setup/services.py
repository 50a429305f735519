"""The first-run set-up: an empty installation becomes one school with its administrator.

In one transaction: the administrator's own log-in (``user_create``, with the password rules,
as the installation's administrator), then — as that administrator, so every history names
them — the district office, the school with its settings, the current school year with its
methodological theme, and the school's subjects (the framework's chosen ones and the school's
own). It is refused once a school exists: the set-up never lets anyone make an administrator
on a running installation.

Each step of the set-up pages is checked by the same code: ``set_up_check`` runs the steps so
far and rolls them back, so a step's messages are the services' own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.models import SentForm, User
from usul.accounts.policy import Viewer, first_run_installer, viewer_for
from usul.accounts.services import user_create
from usul.schools.models import School
from usul.schools.services import (
    district_create,
    school_create,
    school_year_create,
    subject_create,
    subjects_add_from_framework,
)
from usul.schools.validation import prefixed, required

# The steps of the set-up, in order; each page checks the steps up to its own.
SCHOOL, YEAR, SUBJECTS, ACCOUNT = "school", "year", "subjects", "account"
STEPS = (SCHOOL, YEAR, SUBJECTS, ACCOUNT)


class AlreadySetUp(Exception):
    """The installation holds a school: the set-up is closed."""


@dataclass
class OwnSubject:
    name_ky: str
    area: str
    name_ru: str = ""


@dataclass
class SetUp:
    """What the set-up pages gathered, step by step."""

    district_key: str = ""
    district_name: str = ""
    school_key: str = ""
    school_name: str = ""
    settings: dict = field(default_factory=dict)
    year_start: dt.date | None = None
    year_end: dt.date | None = None
    year_theme: str = ""
    framework_subjects: list[str] = field(default_factory=list)
    own_subjects: list[OwnSubject] = field(default_factory=list)
    last_name: str = ""
    first_name: str = ""
    username: str = ""
    password: str = ""


def _with_prefix(prefix: str, call):
    try:
        return call()
    except ValidationError as error:
        raise prefixed(error, prefix) from None


def _administrator(installer: Viewer, setup: SetUp) -> User:
    errors = {}
    for name, label in (("last_name", _("Your last name")), ("first_name", _("Your first name"))):
        try:
            required(getattr(setup, name).strip(), field=f"account_{name}", label=label)
        except ValidationError as error:
            errors.update(error.error_dict)
    required_password = not setup.password
    if required_password:
        errors["account_password"] = [
            ValidationError(_("“%(label)s” is required.") % {"label": _("Your password")})
        ]
    if errors:
        raise ValidationError(errors)
    login = _with_prefix(
        "account_",
        lambda: user_create(
            actor=installer,
            username=setup.username,
            password=setup.password,
            is_administrator=True,
            first_name=setup.first_name.strip(),
            last_name=setup.last_name.strip(),
        ),
    )
    return login.user


def _password_errors(error: ValidationError) -> ValidationError:
    """``validate_password`` speaks of no field: its messages belong to the password."""
    if hasattr(error, "error_dict"):
        return error
    return ValidationError({"account_password": error.messages})


def _steps(setup: SetUp, through: str) -> User | None:
    if School.objects.exists():
        raise AlreadySetUp
    installer = first_run_installer()
    actor, user = installer, None
    if through == ACCOUNT:
        try:
            user = _administrator(installer, setup)
        except ValidationError as error:
            raise _password_errors(error) from None
        actor = viewer_for(user)
    errors: dict = {}
    district = None
    try:
        district = _with_prefix(
            "district_",
            lambda: district_create(actor=actor, key=setup.district_key, name=setup.district_name),
        )
    except ValidationError as error:
        errors.update(error.error_dict)
    # The school's mistakes are shown with the district's, not after them.
    try:
        school = _with_prefix(
            "school_",
            lambda: school_create(
                actor=actor,
                key=setup.school_key,
                name=setup.school_name,
                district=district,
                **setup.settings,
            ),
        )
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    if through == SCHOOL:
        return user
    _with_prefix(
        "year_",
        lambda: school_year_create(
            actor=actor,
            school=school,
            start=setup.year_start,
            end=setup.year_end,
            theme=setup.year_theme,
        ),
    )
    if through == YEAR:
        return user
    _with_prefix(
        "subjects_",
        lambda: subjects_add_from_framework(
            actor=actor, school=school, keys=setup.framework_subjects
        ),
    )
    for n, own in enumerate(setup.own_subjects):
        _with_prefix(
            f"own_subjects[{n}].",
            lambda own=own: subject_create(
                actor=actor, school=school, name_ky=own.name_ky, name_ru=own.name_ru, area=own.area
            ),
        )
    if not school.subjects.exists():
        raise ValidationError(
            {"subjects_subjects": _("Choose at least one subject the school teaches.")}
        )
    return user


def set_up_check(setup: SetUp, through: str) -> None:
    """Run the set-up's steps up to ``through`` and undo them: the errors they find, or none."""
    with transaction.atomic():
        _steps(setup, through)
        transaction.set_rollback(True)


@transaction.atomic
def installation_set_up(setup: SetUp, *, token: str = "") -> User:
    """Everything of the set-up, in one transaction; the administrator's log-in is returned
    (the page then logs them in). ``AlreadySetUp`` once a school exists.

    ``token`` is the form's one-time token, kept with the records it created: a second press
    of the same button is recognised as such (``usul.accounts.once``) and sent to log in."""
    user = _steps(setup, ACCOUNT)
    assert user is not None  # noqa: S101 -- the account step makes the user
    if token:
        SentForm.objects.create(user=user, token=token, address="/")
    return user
