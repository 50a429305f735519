"""The school's own set-up pages: its school years and themes, its subjects, its settings.

Read by the school's staff and its district; changed by the school's leadership and the
administrator (``configure_school``). Thin: read input, ask the policy, call a service.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require
from usul.associations.rollover import HEAD, KINDS, rollover_apply, rollover_preview
from usul.lib.dates import add_years
from usul.lib.forms import add_service_errors
from usul.schools import services
from usul.schools.forms import (
    FrameworkSubjectsForm,
    RolloverForm,
    SchoolSettingsForm,
    SchoolYearCreateForm,
    SchoolYearForm,
    SubjectCreateForm,
    SubjectForm,
)
from usul.schools.framework import framework_subjects
from usul.schools.models import Area, School, SchoolYear, Subject
from usul.schools.selectors import current_year, visible_school
from usul.schools.services import SETTINGS


def _school(request, key: str) -> School:
    return visible_school(request.viewer, key, with_years=True)


def _form_page(request, school: School, form, *, title: str, intro: str = "", status=200, **extra):
    """One layout for the set-up's simple forms: a title, a sentence, the fields, save."""
    return render(
        request,
        "schools/setup_form.html",
        {"school": school, "form": form, "title": title, "intro": intro, **extra},
        status=status,
    )


@login_required
@require_GET
def settings_index(request, school: str):
    """What the school is set up with: its years, subjects and settings, and where each is
    changed (for those who may)."""
    viewer = request.viewer
    school_obj = _school(request, school)
    years = sorted(school_obj.years.all(), key=lambda y: y.start, reverse=True)
    subjects = list(school_obj.subjects.all())
    return render(
        request,
        "schools/settings_index.html",
        {
            "school": school_obj,
            "years": years[:3],
            "year_count": len(years),
            "current": current_year(school_obj, viewer.today),
            "subject_count": len(subjects),
            "areas": [
                (label, sum(1 for s in subjects if s.area == value))
                for value, label in Area.choices
            ],
            "settings": _settings_shown(school_obj),
            "may_configure": can(viewer, "configure_school", school_obj),
        },
    )


def _settings_shown(school: School) -> list[tuple[str, str]]:
    shown = []
    for name in SETTINGS:
        field = SchoolSettingsForm.base_fields[name]
        value = getattr(school, name)
        if isinstance(value, bool):
            text = _("yes") if value else _("no")
        else:
            text = str(value)
        shown.append((str(field.label), text))
    return shown


# -- school years


@login_required
@require_GET
def years(request, school: str):
    viewer = request.viewer
    school_obj = _school(request, school)
    return render(
        request,
        "schools/years.html",
        {
            "school": school_obj,
            "years": sorted(school_obj.years.all(), key=lambda y: y.start, reverse=True),
            "current": current_year(school_obj, viewer.today),
            "may_configure": can(viewer, "configure_school", school_obj),
        },
    )


def next_year_dates(school: School, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates offered for a new year: a year after the latest one's; without any year, the
    school year of ``today`` (1 September to 31 May; from June on, the coming one)."""
    latest = max(school.years.all(), key=lambda y: y.start, default=None)
    if latest is not None:
        return add_years(latest.start, 1), add_years(latest.end, 1)
    first = today.year if today.month >= 6 else today.year - 1
    return dt.date(first, 9, 1), dt.date(first + 1, 5, 31)


@login_required
@require_http_methods(["GET", "POST"])
def year_create(request, school: str):
    viewer = request.viewer
    school_obj = _school(request, school)
    require(viewer, "configure_school", school_obj)
    title = _("New school year")
    intro = _(
        "The dates are offered a year after the latest school year; check them against this "
        "year's calendar."
    )
    if request.method == "GET":
        start, end = next_year_dates(school_obj, viewer.today)
        form = SchoolYearCreateForm(initial={"start": start, "end": end})
        return _form_page(request, school_obj, form, title=title, intro=intro)
    form = SchoolYearCreateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.school_year_create(
                    actor=viewer,
                    school=school_obj,
                    start=data["start"],
                    end=data["end"],
                    theme=data["theme"],
                ),
                lambda year: reverse(
                    "schools:year_rollover" if data["carry_forward"] else "schools:years",
                    args=[school_obj.key, year.key] if data["carry_forward"] else [school_obj.key],
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request,
                    _("The school year %(key)s is created.") % {"key": created.record.key},
                )
            return redirect(created.address)
    return _form_page(request, school_obj, form, title=title, intro=intro, status=400)


def _year(request, school: str, key: str) -> SchoolYear:
    return get_visible(
        request.viewer, SchoolYear.objects.select_related("school"), school__key=school, key=key
    )


@login_required
@require_http_methods(["GET", "POST"])
def year_edit(request, school: str, year: str):
    """A year's dates and its methodological theme (FUNC-1, DOC-6)."""
    viewer = request.viewer
    year_obj = _year(request, school, year)
    require(viewer, "configure_school", year_obj)
    title = _("School year %(key)s") % {"key": year_obj.key}
    intro = _("The school's methodological theme for the year: every MA's plan reflects it.")
    if request.method == "GET":
        form = SchoolYearForm(
            initial={"start": year_obj.start, "end": year_obj.end, "theme": year_obj.theme}
        )
        return _form_page(request, year_obj.school, form, title=title, intro=intro)
    form = SchoolYearForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.school_year_update(
                actor=viewer,
                year=year_obj,
                start=data["start"],
                end=data["end"],
                theme=data["theme"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The school year %(key)s is saved.") % {"key": year_obj.key}
            )
            return redirect("schools:years", year_obj.school.key)
    return _form_page(request, year_obj.school, form, title=title, intro=intro, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def year_rollover(request, school: str, year: str):
    """The year roll-over: what carrying the MAs from the previous year creates, shown first
    (GET, for the kinds ticked), created on confirmation (POST) — once."""
    viewer = request.viewer
    year_obj = _year(request, school, year)
    require(viewer, "configure_school", year_obj)
    source = request.POST if request.method == "POST" else request.GET
    form = RolloverForm(source or None, initial={"kinds": list(KINDS)})
    kinds = form.cleaned_data["kinds"] if form.is_valid() else list(KINDS)
    if request.method == "POST":
        try:
            created = rollover_apply(
                actor=viewer,
                year=year_obj,
                kinds=kinds,
                fingerprint=form.cleaned_data.get("fingerprint", "") if form.is_valid() else "",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _rollover_page(request, year_obj, form, kinds, status=400)
        if created:
            messages.success(
                request,
                _("Carried into %(key)s: %(count)s records.")
                % {"key": year_obj.key, "count": len(created)},
            )
        else:
            messages.info(
                request, _("Nothing is left to carry into %(key)s.") % {"key": year_obj.key}
            )
        return redirect("schools:years", year_obj.school.key)
    return _rollover_page(request, year_obj, form, kinds)


def _rollover_page(request, year: SchoolYear, form, kinds, status=200):
    preview = rollover_preview(year=year, kinds=kinds)
    return render(
        request,
        "schools/rollover.html",
        {
            "school": year.school,
            "year": year,
            "form": form,
            "preview": preview,
            "rows": [(a, preview.carries_of(a)) for a in preview.continuing],
            "carries_heads": any(c.kind == HEAD for c in preview.carries),
        },
        status=status,
    )


# -- subjects


@login_required
@require_GET
def subjects(request, school: str):
    viewer = request.viewer
    school_obj = _school(request, school)
    by_area = {value: [] for value in Area.values}
    for subject in school_obj.subjects.all():
        by_area[subject.area].append(subject)
    return render(
        request,
        "schools/subjects.html",
        {
            "school": school_obj,
            "groups": [(label, by_area[value]) for value, label in Area.choices],
            "may_configure": can(viewer, "configure_school", school_obj),
            "framework_left": bool(_framework_choices(school_obj)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_create(request, school: str):
    viewer = request.viewer
    school_obj = _school(request, school)
    require(viewer, "configure_school", school_obj)
    title = _("New subject")
    if request.method == "GET":
        return _form_page(request, school_obj, SubjectCreateForm(), title=title)
    form = SubjectCreateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.subject_create(
                    actor=viewer,
                    school=school_obj,
                    name_ky=data["name_ky"],
                    name_ru=data["name_ru"],
                    name_en=data["name_en"],
                    area=data["area"],
                    key=data["key"],
                ),
                lambda subject: reverse("schools:subjects", args=[school_obj.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request, _("The subject “%(name)s” is added.") % {"name": created.record}
                )
            return redirect(created.address)
    return _form_page(request, school_obj, form, title=title, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def subject_edit(request, school: str, subject: str):
    viewer = request.viewer
    subject_obj = get_visible(
        viewer, Subject.objects.select_related("school"), school__key=school, key=subject
    )
    require(viewer, "configure_school", subject_obj)
    school_obj = subject_obj.school
    title = _("Subject “%(name)s”") % {"name": subject_obj}
    intro = _(
        "The key %(key)s stays: the staff's teaching and the bundle name the subject by it."
    ) % {"key": subject_obj.key}
    if request.method == "GET":
        form = SubjectForm(
            initial={
                "name_ky": subject_obj.name_ky,
                "name_ru": subject_obj.name_ru,
                "name_en": subject_obj.name_en,
                "area": subject_obj.area,
            }
        )
        return _form_page(request, school_obj, form, title=title, intro=intro)
    form = SubjectForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.subject_update(actor=viewer, subject=subject_obj, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The subject “%(name)s” is saved.") % {"name": subject_obj})
            return redirect("schools:subjects", school_obj.key)
    return _form_page(request, school_obj, form, title=title, intro=intro, status=400)


def _framework_choices(school: School) -> list[tuple[str, str]]:
    """The framework's subjects the school has not got yet (by key or by Kyrgyz name)."""
    have = list(school.subjects.all())
    keys = {s.key for s in have}
    names = {s.name_ky.casefold() for s in have}
    return [
        (s.key, f"{s.name} · {s.area_label}")
        for s in framework_subjects()
        if s.key not in keys and s.name_ky.casefold() not in names
    ]


@login_required
@require_http_methods(["GET", "POST"])
def subjects_framework(request, school: str):
    """GEN-2: add subjects from the National Framework Curriculum's list, with their
    groupings; what the school has already is not offered again."""
    viewer = request.viewer
    school_obj = _school(request, school)
    require(viewer, "configure_school", school_obj)
    title = _("Subjects from the framework curriculum")
    intro = _(
        "Tick the subjects taught at the school: each is added with its names in three "
        "languages and its grouping, which you can edit afterwards."
    )
    choices = _framework_choices(school_obj)
    if request.method == "GET":
        form = FrameworkSubjectsForm(choices=choices)
        return _form_page(request, school_obj, form, title=title, intro=intro, empty=not choices)
    form = FrameworkSubjectsForm(request.POST, choices=choices)
    if form.is_valid():
        try:
            added = services.subjects_add_from_framework(
                actor=viewer, school=school_obj, keys=form.cleaned_data["subjects"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Subjects added: %(count)s.") % {"count": len(added)})
            return redirect("schools:subjects", school_obj.key)
    return _form_page(
        request, school_obj, form, title=title, intro=intro, empty=not choices, status=400
    )


# -- the school's settings


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request, school: str):
    viewer = request.viewer
    school_obj = _school(request, school)
    require(viewer, "configure_school", school_obj)
    title = _("Change the settings")
    intro = _(
        "Each setting says what it decides; the defaults are those of the regulation's rules."
    )
    if request.method == "GET":
        form = SchoolSettingsForm(
            initial={"name": school_obj.name, **{n: getattr(school_obj, n) for n in SETTINGS}}
        )
        return _form_page(request, school_obj, form, title=title, intro=intro)
    form = SchoolSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.school_settings_update(actor=viewer, school=school_obj, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The school's settings are saved."))
            return redirect("schools:settings", school_obj.key)
    return _form_page(request, school_obj, form, title=title, intro=intro, status=400)
