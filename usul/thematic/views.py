"""Pages of calendar-thematic plans (DOC-11): a teacher's plans of a year, one plan with its
lessons, entered on the page or imported from a file, and each marked taught in two taps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from usul.accounts.history import Source, change_history
from usul.accounts.policy import can, get_visible, require, visible
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post, own_school_entry
from usul.people.models import Staff, ThematicPlan, ThematicPlanItem
from usul.roster.workbook import Unreadable
from usul.schools.models import School, Subject
from usul.schools.selectors import visible_school, year_asked
from usul.thematic import services
from usul.thematic.forms import ImportForm, ItemForm, PlanForm
from usul.thematic.importing import Refused, read_lessons


@login_required
@require_GET
def index(request):
    """The menu's entry: the viewer's own plans."""
    return own_school_entry(
        request,
        "thematic:plans",
        title=_("Calendar-thematic plans"),
        explanation=_("A teacher keeps their plans; open a school's staff card to see them."),
        own_staff_page=True,
    )


def _teacher(request, school: str, staff: str) -> tuple[School, Staff]:
    school_obj = visible_school(request.viewer, school, with_years=True)
    teacher = get_visible(
        request.viewer, Staff.objects.select_related("school"), school=school_obj, key=staff
    )
    return school_obj, teacher


def _subjects(school: School):
    return Subject.objects.filter(school=school).order_by("name_ky", "key")


def _plans_context(request, school: School, teacher: Staff, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, viewer.today, request.GET, request.POST)
    plans = (
        list(
            visible(
                viewer,
                ThematicPlan.objects.filter(staff=teacher, year=year).select_related(
                    "year", "subject"
                ),
            ).order_by("subject__name_ky", "grade", "kind")
        )
        if year
        else []
    )
    for p in plans:
        p.lesson_count = p.items.count()
        p.taught_count = p.items.exclude(done=None).count()
    editable = can(viewer, "edit_own_card", teacher) and year is not None
    if editable and form is None:
        form = PlanForm(subjects=_subjects(school))
    return {
        "school": school,
        "teacher": teacher,
        "year": year,
        "years": years,
        "plans": plans,
        "form": form if editable else None,
    }


@login_required
@require_GET
def plans(request, school: str, staff: str):
    school_obj, teacher = _teacher(request, school, staff)
    return render(request, "thematic/plans.html", _plans_context(request, school_obj, teacher))


@login_required
@form_post
def plan_create(request, school: str, staff: str):
    school_obj, teacher = _teacher(request, school, staff)
    require(request.viewer, "edit_own_card", teacher)
    year, _years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    form = PlanForm(request.POST, subjects=_subjects(school_obj))
    if year is None:
        form.add_error(None, _("School year: the school has no school year yet."))
    if form.is_valid():
        data = form.cleaned_data
        try:
            plan_obj = services.thematic_plan_create(
                actor=request.viewer,
                staff=teacher,
                year=year,
                subject=data["subject"],
                grade=data["grade"],
                kind=data["kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The plan is created: add its lessons or import them."))
            return redirect(_address(plan_obj))
    context = _plans_context(request, school_obj, teacher, form=form)
    return render(request, "thematic/plans.html", context, status=400)


def _address(plan_obj: ThematicPlan) -> str:
    return reverse(
        "thematic:plan",
        args=[
            plan_obj.staff.school.key,
            plan_obj.staff.key,
            plan_obj.year.key,
            plan_obj.subject.key,
            plan_obj.grade,
            plan_obj.kind,
        ],
    )


def _plan(request, school, staff, year, subject, grade, kind) -> ThematicPlan:
    _school, teacher = _teacher(request, school, staff)
    found = (
        visible(
            request.viewer,
            ThematicPlan.objects.select_related("staff__school", "year", "subject"),
        )
        .filter(staff=teacher, year__key=year, subject__key=subject, grade=grade, kind=kind)
        .order_by("id")
        .first()
    )
    if found is None:
        raise Http404
    return found


def _plan_context(request, plan_obj: ThematicPlan, **forms) -> dict:
    editable = can(request.viewer, "edit_own_card", plan_obj.staff)
    items = list(plan_obj.items.order_by("n"))
    return {
        "school": plan_obj.staff.school,
        "teacher": plan_obj.staff,
        "plan": plan_obj,
        "items": items,
        "taught": sum(1 for i in items if i.done),
        "hours": sum((i.hours or 0) for i in items),
        "editable": editable,
        "item_form": (forms.get("item_form") or ItemForm()) if editable else None,
        "import_form": (forms.get("import_form") or ImportForm()) if editable else None,
        "import_errors": forms.get("import_errors") or [],
        "history": change_history(_history_sources(plan_obj)),
    }


def _history_sources(plan_obj: ThematicPlan) -> list[Source]:
    """DOC-11: the plan's history in words — who added each lesson, who marked it taught or
    took the mark back, and when."""
    return [
        Source(
            ThematicPlan.history.filter(id=plan_obj.pk),
            lambda r: [_("The plan")],
            hidden=frozenset({"staff", "year"}),
        ),
        Source(
            ThematicPlanItem.history.filter(plan_id=plan_obj.pk),
            lambda r: [_("Lesson №%(n)s") % {"n": r.n}],
            hidden=frozenset({"plan"}),
        ),
    ]


@login_required
@require_GET
def plan(request, **kwargs):
    plan_obj = _plan(request, **kwargs)
    return render(request, "thematic/plan.html", _plan_context(request, plan_obj))


@login_required
@form_post
def item_add(request, **kwargs):
    plan_obj = _plan(request, **kwargs)
    require(request.viewer, "edit_own_card", plan_obj.staff)
    form = ItemForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.thematic_item_add(
                actor=request.viewer,
                plan=plan_obj,
                topic=data["topic"],
                hours=data["hours"],
                planned=data["planned"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The lesson is added."))
            return redirect(_address(plan_obj) + "#lessons")
    context = _plan_context(request, plan_obj, item_form=form)
    return render(request, "thematic/plan.html", context, status=400)


@login_required
@form_post
def plan_import(request, **kwargs):
    plan_obj = _plan(request, **kwargs)
    require(request.viewer, "edit_own_card", plan_obj.staff)
    form = ImportForm(request.POST, request.FILES)
    errors = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = upload.read()
            lessons, numbered = read_lessons(data, upload.name)
            created = services.thematic_plan_import(
                actor=request.viewer, plan=plan_obj, lessons=lessons, numbered=numbered
            )
        except Unreadable as error:
            form.add_error("file", str(error))
        except Refused as refused:
            errors = refused.errors
            form.add_error(
                "file", _("Nothing was imported: correct the rows below and send the file again.")
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s lesson is imported.", "%(count)s lessons are imported.", len(created)
                )
                % {"count": len(created)},
            )
            return redirect(_address(plan_obj) + "#lessons")
    context = _plan_context(request, plan_obj, import_form=form, import_errors=errors)
    return render(request, "thematic/plan.html", context, status=400)


@login_required
@require_POST
def item_mark(request, n: int, **kwargs):
    plan_obj = _plan(request, **kwargs)
    require(request.viewer, "edit_own_card", plan_obj.staff)
    item = get_object_or_404(ThematicPlanItem, plan=plan_obj, n=n)
    taught = request.POST.get("taught") == "1"
    services.thematic_item_mark(actor=request.viewer, item=item, taught=taught)
    return redirect(_address(plan_obj) + f"#lesson-{n}")
