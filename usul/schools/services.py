"""Writes of a school's own set-up: its school years (FUNC-1, DOC-6: each with the school's
methodological theme), its subjects (GEN-2: the four groupings of the framework) and its
settings (BUNDLE.md ``settings``, RULES.md defaults) — by the school's leadership or the
administrator (``configure_school``). ``unique_key`` is shared by every app that keeps records
of a school."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib.dates import add_years, format_date
from usul.lib.history import save_with_history
from usul.lib.text_limits import SENTENCE, require_within
from usul.roster.keys import latin
from usul.schools.framework import framework_subject, framework_subjects
from usul.schools.models import Area, District, School, SchoolYear, Subject
from usul.schools.validation import check_interval, check_key, given, required


def unique_key(model, school: School, prefix: str) -> str:
    """A key not yet used in ``school`` for ``model``: ``prefix-1``, ``prefix-2``…"""
    taken = set(model.objects.filter(school=school).values_list("key", flat=True))
    for n in itertools.count(len(taken) + 1):
        key = f"{prefix}-{n}"
        if key not in taken:
            return key
    raise AssertionError("unreachable")


def _locked(school: School) -> School:
    """The school's row, held until the transaction ends: two deputies adding a year (or the
    same subjects) at once wait for each other instead of both passing the checks."""
    return School.objects.select_for_update().get(pk=school.pk)


# -- school years

# BUNDLE.md: a year's key is its two calendar years, "2025-2026".
YEAR_KEY = re.compile(r"^(\d{4})-(\d{4})$")


def year_key(start: dt.date, end: dt.date) -> str:
    return f"{start.year}-{end.year}"


def _start_label() -> str:
    return _("First day of the school year")


def _end_label() -> str:
    return _("Last day of the school year")


def _check_year_dates(
    school: School, start: dt.date, end: dt.date, *, year: SchoolYear | None = None
) -> None:
    check_interval(start, end, field="end", start_label=_start_label(), end_label=_end_label())
    if end >= add_years(start, 1):
        raise ValidationError(
            {
                "end": _("“%(label)s”: a school year lasts less than a year (%(start)s – %(end)s).")
                % {"label": _end_label(), "start": format_date(start), "end": format_date(end)}
            }
        )
    others = SchoolYear.objects.filter(school=school, start__lte=end, end__gte=start)
    if year is not None:
        others = others.exclude(pk=year.pk)
    overlapping = others.order_by("start").first()
    if overlapping is not None:
        raise ValidationError(
            {
                "start": _(
                    "“%(label)s”: these dates overlap the school year %(year)s "
                    "(%(start)s – %(end)s)."
                )
                % {
                    "label": _start_label(),
                    "year": overlapping.key,
                    "start": format_date(overlapping.start),
                    "end": format_date(overlapping.end),
                }
            }
        )


def _theme(theme: str | None) -> str | None:
    """BUNDLE.md: a year without a theme has ``null``, not an empty text."""
    theme = (theme or "").strip()
    require_within("theme", _("School's methodological theme"), theme, SENTENCE)
    return theme or None


@transaction.atomic
def school_year_create(
    *,
    actor: Viewer,
    school: School,
    start: dt.date | None,
    end: dt.date | None,
    theme: str | None = None,
) -> SchoolYear:
    """A new school year of ``school``, keyed by its calendar years ("2026-2027")."""
    require(actor, "configure_school", school)
    _locked(school)
    start = given(start, field="start", label=_start_label())
    end = given(end, field="end", label=_end_label())
    _check_year_dates(school, start, end)
    key = year_key(start, end)
    if SchoolYear.objects.filter(school=school, key=key).exists():
        raise ValidationError(
            {
                "start": _("“%(label)s”: the school already has a year %(key)s.")
                % {"label": _start_label(), "key": key}
            }
        )
    year = SchoolYear(school=school, key=key, start=start, end=end, theme=_theme(theme))
    save_with_history(year, actor)
    return year


@transaction.atomic
def school_year_update(
    *,
    actor: Viewer,
    year: SchoolYear,
    start: dt.date | None,
    end: dt.date | None,
    theme: str | None,
) -> SchoolYear:
    """A year's theme and dates. Its key stays (bundles and addresses name it), so the dates
    stay within the two calendar years the key names."""
    require(actor, "configure_school", year)
    _locked(year.school)
    start = given(start, field="start", label=_start_label())
    end = given(end, field="end", label=_end_label())
    _check_year_dates(year.school, start, end, year=year)
    match = YEAR_KEY.fullmatch(year.key)
    if match and (str(start.year), str(end.year)) != match.groups():
        raise ValidationError(
            {
                "start": _(
                    "“%(label)s”: the year %(key)s begins in %(first)s and ends in %(last)s; "
                    "for other dates create another school year."
                )
                % {
                    "label": _start_label(),
                    "key": year.key,
                    "first": match[1],
                    "last": match[2],
                }
            }
        )
    changes = {"start": start, "end": end, "theme": _theme(theme)}
    changed = [name for name, value in changes.items() if getattr(year, name) != value]
    if changed:
        for name in changed:
            setattr(year, name, changes[name])
        save_with_history(year, actor, changed)
    return year


# -- subjects

NAME_LIMIT = 200  # Subject.name_* max_length


def _subject_names(name_ky: str, name_ru: str, name_en: str) -> dict[str, str]:
    names = {
        "name_ky": (name_ky or "").strip(),
        "name_ru": (name_ru or "").strip(),
        "name_en": (name_en or "").strip(),
    }
    labels = {
        "name_ky": _("Name in Kyrgyz"),
        "name_ru": _("Name in Russian"),
        "name_en": _("Name in English"),
    }
    required(names["name_ky"], field="name_ky", label=labels["name_ky"])
    for field, value in names.items():
        require_within(field, labels[field], value, NAME_LIMIT)
    return names


def _check_area(area: str) -> str:
    required(area, field="area", label=_("Area of the framework"))
    if area not in Area.values:
        raise ValidationError(
            {"area": _("“Area of the framework”: choose one of the four groupings.")}
        )
    return area


def _check_name_free(school: School, name_ky: str, *, subject: Subject | None = None) -> None:
    others = Subject.objects.filter(school=school)
    if subject is not None:
        others = others.exclude(pk=subject.pk)
    folded = name_ky.casefold()
    if any(name.casefold() == folded for name in others.values_list("name_ky", flat=True)):
        raise ValidationError(
            {
                "name_ky": _("“Name in Kyrgyz”: the school already has the subject “%(name)s”.")
                % {"name": name_ky}
            }
        )


def subject_key(school: School, name: str) -> str:
    """A key made from the subject's name, ``kyrgyz-tili``; numbered when taken."""
    base = latin(name)[:90].strip("-") or "subject"
    if not Subject.objects.filter(school=school, key=base).exists():
        return base
    return unique_key(Subject, school, base)


def _new_subject(
    actor: Viewer, school: School, *, key: str, names: dict[str, str], area: str
) -> Subject:
    subject = Subject(school=school, key=key, area=area, **names)
    save_with_history(subject, actor)
    return subject


@transaction.atomic
def subject_create(
    *,
    actor: Viewer,
    school: School,
    name_ky: str,
    area: str,
    name_ru: str = "",
    name_en: str = "",
    key: str = "",
) -> Subject:
    require(actor, "configure_school", school)
    _locked(school)
    names = _subject_names(name_ky, name_ru, name_en)
    area = _check_area(area)
    _check_name_free(school, names["name_ky"])
    key = (key or "").strip()
    if key:
        check_key(key)
        if Subject.objects.filter(school=school, key=key).exists():
            raise ValidationError(
                {
                    "key": _("“Key”: the school already has a subject with the key “%(key)s”.")
                    % {"key": key}
                }
            )
    else:
        key = subject_key(school, names["name_ky"])
    return _new_subject(actor, school, key=key, names=names, area=area)


@transaction.atomic
def subject_update(
    *,
    actor: Viewer,
    subject: Subject,
    name_ky: str,
    area: str,
    name_ru: str = "",
    name_en: str = "",
) -> Subject:
    """A subject's names and area; its key stays (the bundle and the staff's teaching name it)."""
    require(actor, "configure_school", subject)
    _locked(subject.school)
    names = _subject_names(name_ky, name_ru, name_en)
    area = _check_area(area)
    _check_name_free(subject.school, names["name_ky"], subject=subject)
    changes = {**names, "area": area}
    changed = [name for name, value in changes.items() if getattr(subject, name) != value]
    if changed:
        for name in changed:
            setattr(subject, name, changes[name])
        save_with_history(subject, actor, changed)
    return subject


@transaction.atomic
def subjects_add_from_framework(
    *, actor: Viewer, school: School, keys: Iterable[str]
) -> list[Subject]:
    """The chosen subjects of the framework's list added to ``school``, each under the
    framework's key and names. One the school already has (by key or by its Kyrgyz name) is
    left as it is, so choosing the same ones twice adds nothing the second time."""
    require(actor, "configure_school", school)
    _locked(school)
    wanted = set(keys)
    unknown = sorted(k for k in wanted if framework_subject(k) is None)
    if unknown:
        raise ValidationError(
            {
                "subjects": _("The framework's list has no subject “%(key)s”.")
                % {"key": ", ".join(unknown)}
            }
        )
    existing = list(Subject.objects.filter(school=school).values_list("key", "name_ky"))
    taken_keys = {key for key, _name in existing}
    taken_names = {name.casefold() for _key, name in existing}
    added = []
    for entry in framework_subjects():
        if entry.key not in wanted:
            continue
        if entry.key in taken_keys or entry.name_ky.casefold() in taken_names:
            continue
        names = {"name_ky": entry.name_ky, "name_ru": entry.name_ru, "name_en": entry.name_en}
        added.append(_new_subject(actor, school, key=entry.key, names=names, area=entry.area))
    return added


# -- the school's settings

# Each setting's bounds, both included: wide enough for any school's own rule, narrow enough to
# catch a slip of the keyboard (365 typed as "days to approve the plan").
SETTING_BOUNDS: dict[str, tuple[int, int]] = {
    "plan_deadline_days": (1, 120),
    "young_specialist_years": (1, 10),
    "newly_arrived_days": (30, 1095),
    "category_reminder_months": (1, 24),
    "course_reminder_years": (1, 10),
}
SETTINGS = (*SETTING_BOUNDS, "ktu_required")


def _field_label(name: str) -> str:
    field = School._meta.get_field(name)
    assert isinstance(field, Field)  # noqa: S101 -- the settings are plain fields of School
    return str(capfirst(field.verbose_name))


@transaction.atomic
def school_settings_update(
    *,
    actor: Viewer,
    school: School,
    name: str,
    plan_deadline_days: int | None,
    young_specialist_years: int | None,
    newly_arrived_days: int | None,
    ktu_required: bool,
    category_reminder_months: int | None,
    course_reminder_years: int | None,
) -> School:
    """The school's name and its settings (BUNDLE.md ``settings``, RULES.md)."""
    require(actor, "configure_school", school)
    _locked(school)
    name = (name or "").strip()
    required(name, field="name", label=_("Name of the school"))
    require_within("name", _("Name of the school"), name, 300)
    numbers = {
        "plan_deadline_days": plan_deadline_days,
        "young_specialist_years": young_specialist_years,
        "newly_arrived_days": newly_arrived_days,
        "category_reminder_months": category_reminder_months,
        "course_reminder_years": course_reminder_years,
    }
    _check_settings(numbers)
    changes = {"name": name, **numbers, "ktu_required": bool(ktu_required)}
    changed = [field for field, value in changes.items() if getattr(school, field) != value]
    if changed:
        for field in changed:
            setattr(school, field, changes[field])
        save_with_history(school, actor, changed)
    return school


def _check_settings(numbers: dict[str, int | None]) -> None:
    """Each numeric setting given and within its bounds (``SETTING_BOUNDS``)."""
    errors: dict[str, str] = {}
    for field, value in numbers.items():
        low, high = SETTING_BOUNDS[field]
        label = _field_label(field)
        if value is None:
            errors[field] = _("“%(label)s” is required.") % {"label": label}
        elif not low <= value <= high:
            errors[field] = _("“%(label)s”: a whole number from %(low)s to %(high)s.") % {
                "label": label,
                "low": low,
                "high": high,
            }
    if errors:
        raise ValidationError(errors)


# -- districts and schools of the installation (the administrator's)


def _check_new_key(model, key: str, label: str) -> str:
    key = (key or "").strip()
    required(key, field="key", label=label)
    check_key(key, label=label)
    if model.objects.filter(key__iexact=key).exists():
        raise ValidationError(
            {"key": _("“%(label)s”: “%(key)s” is taken.") % {"label": label, "key": key}}
        )
    return key


def _check_name(name: str, label: str) -> str:
    name = (name or "").strip()
    required(name, field="name", label=label)
    require_within("name", label, name, 300)
    return name


@transaction.atomic
def district_create(*, actor: Viewer, key: str, name: str) -> District:
    """A district (city) methodological office (FUNC-1): the administrator adds it with its
    first school, or before its methodologist's log-in."""
    require(actor, "create_school", None)
    district = District(
        key=_check_new_key(District, key, _("Key of the district")),
        name=_check_name(name, _("Name of the district office")),
    )
    save_with_history(district, actor)
    return district


@transaction.atomic
def school_create(
    *,
    actor: Viewer,
    key: str,
    name: str,
    district: District | None,
    plan_deadline_days: int | None = 14,
    young_specialist_years: int | None = 3,
    newly_arrived_days: int | None = 365,
    ktu_required: bool = True,
    category_reminder_months: int | None = 6,
    course_reminder_years: int | None = 5,
) -> School:
    """A new school of the installation with its settings (BUNDLE.md ``settings``; the
    defaults are RULES.md's). An installation holds any number of schools; the administrator
    adds each."""
    require(actor, "create_school", None)
    errors: dict[str, list] = {}
    checked: dict[str, str] = {}
    # Every mistake of the form at once, not one per try.
    for field, check in (
        ("key", lambda: _check_new_key(School, key, _("Key of the school"))),
        ("name", lambda: _check_name(name, _("Name of the school"))),
    ):
        try:
            checked[field] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    numbers = {
        "plan_deadline_days": plan_deadline_days,
        "young_specialist_years": young_specialist_years,
        "newly_arrived_days": newly_arrived_days,
        "category_reminder_months": category_reminder_months,
        "course_reminder_years": course_reminder_years,
    }
    try:
        _check_settings(numbers)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    school = School(
        key=checked["key"],
        name=checked["name"],
        district=district,
        ktu_required=bool(ktu_required),
        **numbers,
    )
    save_with_history(school, actor)
    return school
