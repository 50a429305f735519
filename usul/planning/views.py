"""Pages of the MA's year: the work plan and the monthly grid.

Views are thin: they find the records through the policy (another school's plan is a 404,
never a 403 that would confirm it exists), read input with a form, call a service and show
its refusal on the form or above the page.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, owns_plan, require, visible
from usul.associations.models import Association
from usul.lib import uploads
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.dates import month_key
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post
from usul.people.models import Staff
from usul.planning import events, services
from usul.planning.forms import (
    ItemForm,
    MaterialForm,
    NewItemForm,
    PlanForm,
    ResultForm,
    ReturnForm,
    month_label,
)
from usul.planning.models import (
    PlanItem,
    PlanItemKind,
    PlanItemMaterial,
    PlanStatus,
    PlanVersion,
    WorkPlan,
)
from usul.planning.selectors import (
    instructions_in_force,
    items_by_month,
    plans_with_items,
    return_comment,
    school_month_grid,
)
from usul.schools.models import School, SchoolYear
from usul.schools.selectors import current_year, visible_school

# ---------------------------------------------------------------------------------------------
# Finding the records


def _school_and_year(request, school_key: str, year_key: str):
    viewer = request.viewer
    school = visible_school(viewer, school_key)
    year = get_visible(viewer, SchoolYear.objects.filter(school=school), key=year_key)
    year.school = school
    return school, year


def _records(request, school_key: str, ma_key: str, year_key: str):
    school, year = _school_and_year(request, school_key, year_key)
    association = get_visible(
        request.viewer,
        Association.objects.filter(school=school).prefetch_related("subjects"),
        key=ma_key,
    )
    association.school = school
    return school, association, year


def _plan(association, year) -> WorkPlan | None:
    plan = plans_with_items().filter(association=association, year=year).first()
    if plan is not None:
        plan.association, plan.year = association, year
    return plan


def _plan_or_404(association, year) -> WorkPlan:
    plan = _plan(association, year)
    if plan is None:
        raise Http404
    return plan


def _item_or_404(request, plan: WorkPlan, item_uuid) -> PlanItem:
    item = get_visible(
        request.viewer,
        PlanItem.objects.filter(plan=plan)
        .select_related("responsible")
        .prefetch_related("participants", "materials"),
        uuid=item_uuid,
    )
    item.plan = plan
    return item


def _plan_url(school, association, year) -> str:
    return reverse("planning:plan", args=[school.key, association.key, year.key])


def _school_staff(school):
    return Staff.objects.filter(school=school).order_by("last_name", "first_name")


def _clamp(day: dt.date, start: dt.date, end: dt.date) -> dt.date:
    return max(start, min(day, end))


# ---------------------------------------------------------------------------------------------
# The way in


@login_required
def index(request):
    """The menu's "work plans": the viewer's school grid for the current year; a district
    methodologist or an administrator picks a school first."""
    viewer = request.viewer
    schools = list(visible(viewer, School.objects.prefetch_related("years")).order_by("name"))
    if len(schools) == 1:
        year = current_year(schools[0], viewer.today)
        if year is not None:
            return redirect("planning:grid", schools[0].key, year.key)
    rows = [(school, current_year(school, viewer.today)) for school in schools]
    return render(request, "planning/index.html", {"rows": rows})


# ---------------------------------------------------------------------------------------------
# The work plan (ORG-2, DOC-6, DOC-7, FUNC-1)


@login_required
def plan(request, school, ma, year):
    viewer = request.viewer
    school, association, year = _records(request, school, ma, year)
    plan = _plan(association, year)
    may_manage = can(viewer, "manage_association", association)
    context = {
        "school": school,
        "association": association,
        "year": year,
        "plan": plan,
        "may_manage": may_manage,
        "may_approve": can(viewer, "approve_plan", association),
    }
    if plan is None:
        return render(request, "planning/plan.html", context)

    shown_version = request.GET.get("version")
    if shown_version:
        version = next((v for v in plan.versions.all() if str(v.number) == shown_version), None)
        if version is None:
            raise Http404
        return render(
            request,
            "planning/version.html",
            {**context, "version": version, "months": _snapshot_months(version, year)},
        )

    # ORG-2: a returned plan is the MA's to rewrite, not the deputy's who returned it.
    editable = plan.status in (PlanStatus.DRAFT, PlanStatus.RETURNED) and can(
        viewer, "write_plan", plan
    )
    # ORG-2: nobody approves their own plan (the policy's rule; the page says so first).
    own = owns_plan(viewer, plan)
    staff_id = getattr(viewer.staff, "pk", None)
    context.update(
        {
            "months": [(m, month_label(m), items) for m, items in items_by_month(plan)],
            "editable": editable,
            "may_submit": editable,
            "may_decide": plan.status == PlanStatus.SUBMITTED and context["may_approve"],
            "waits_for_ma": plan.status == PlanStatus.RETURNED
            and context["may_approve"]
            and not editable,
            "own_plan": own,
            "may_revise": plan.status == PlanStatus.APPROVED and may_manage,
            "recordable": {
                i.pk for i in plan.items.all() if may_manage or i.responsible_id == staff_id
            },
            "return_event": return_comment(plan),
            "history": [
                (events.who(e), events.when(e), events.describe(e), e.comment)
                for e in reversed(plan.events.all())
            ],
            "instructions": plan.reflects_instructions.all(),
            "return_form": ReturnForm(initial={"revision": plan.revision}),
        }
    )
    return render(request, "planning/plan.html", context)


def _snapshot_months(version: PlanVersion, year):
    """An approved version's items grouped by month, their kinds in today's language."""
    kinds = dict(PlanItemKind.choices)
    grouped: dict[str, list] = {m: [] for m in year.months()}
    for item in version.content.get("items", []):
        shown = {
            **item,
            "kind_label": kinds.get(item["kind"], item["kind"]),
            "date": dt.date.fromisoformat(item["date"]) if item.get("date") else None,
        }
        grouped.setdefault(item["month"], []).append(shown)
    return [(m, month_label(m), items) for m, items in grouped.items()]


@login_required
@form_post
def plan_start(request, school, ma, year):
    school, association, year = _records(request, school, ma, year)
    try:
        services.plan_create(actor=request.viewer, association=association, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_plan_url(school, association, year))
    return redirect("planning:plan_edit", school.key, association.key, year.key)


@login_required
def plan_edit(request, school, ma, year):
    viewer = request.viewer
    school, association, year = _records(request, school, ma, year)
    plan = _plan_or_404(association, year)
    require(viewer, "write_plan", plan)
    instructions = instructions_in_force(association, year)

    def fresh_form():
        return PlanForm(
            instructions=instructions,
            initial={
                "revision": plan.revision,
                "theme": plan.theme,
                "goal": plan.goal,
                "directions": "\n".join(plan.directions),
                "tasks": "\n".join(plan.tasks),
                "reflects_school_theme": plan.reflects_school_theme,
                "reflects_instructions": [i.pk for i in plan.reflects_instructions.all()],
            },
        )

    unsaved = None
    if request.method == "POST":
        form = PlanForm(request.POST, instructions=instructions)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.plan_update(
                    actor=viewer,
                    plan=plan,
                    revision=data["revision"],
                    theme=data["theme"],
                    goal=data["goal"],
                    directions=data["directions"],
                    tasks=data["tasks"],
                    reflects_school_theme=data["reflects_school_theme"],
                    reflects_instructions=data["reflects_instructions"],
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "stale":  # a dict of field errors has none
                    # Show the plan as it is now, and what this editor typed, to redo by hand.
                    messages.error(request, error.messages[0])
                    plan = _plan_or_404(association, year)
                    unsaved = [
                        (form[name].label, data[name])
                        for name in ("theme", "goal", "directions", "tasks")
                        if data[name]
                    ]
                    form = fresh_form()
                elif getattr(error, "code", None) == "locked":
                    messages.error(request, error.messages[0])
                    return redirect(_plan_url(school, association, year))
                else:
                    add_service_errors(form, error)
            else:
                messages.success(request, _("The plan is saved."))
                return redirect(_plan_url(school, association, year))
    else:
        form = fresh_form()
    return render(
        request,
        "planning/plan_edit.html",
        {
            "school": school,
            "association": association,
            "year": year,
            "plan": plan,
            "form": form,
            "unsaved": unsaved,
        },
    )


# Messages are lazy: this table is built once, each message is read in the viewer's language.
WORKFLOW = {
    "submit": (services.plan_submit, gettext_lazy("The plan is submitted for approval.")),
    "approve": (services.plan_approve, gettext_lazy("The plan is approved.")),
    "return": (
        services.plan_return,
        gettext_lazy("The plan is returned to the head with your comment."),
    ),
    "revise": (
        services.plan_revise,
        gettext_lazy("A new version of the plan is started as a draft."),
    ),
}


@login_required
@form_post
def plan_workflow(request, school, ma, year, action):
    school, association, year = _records(request, school, ma, year)
    plan = _plan_or_404(association, year)
    if action not in WORKFLOW:
        raise Http404
    service, done = WORKFLOW[action]
    form = ReturnForm(request.POST)
    form.is_valid()
    arguments = {
        "actor": request.viewer,
        "plan": plan,
        "revision": form.cleaned_data.get("revision"),
    }
    if action == "return":
        arguments["comment"] = form.cleaned_data.get("comment", "")
    try:
        service(**arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, str(done))
    return redirect(_plan_url(school, association, year))


# ---------------------------------------------------------------------------------------------
# Plan items (DOC-8, FUNC-3, FUNC-4)


@login_required
def item_add(request, school, ma, year):
    viewer = request.viewer
    school, association, year = _records(request, school, ma, year)
    plan = _plan_or_404(association, year)
    require(viewer, "write_plan", plan)
    months = year.months()
    staff = _school_staff(school)
    if request.method == "POST":
        form = NewItemForm(request.POST, months=months, staff=staff)
        if form.is_valid():
            try:
                created = create_once(
                    request.user,
                    form.cleaned_data["once"],
                    lambda: services.plan_item_add(actor=viewer, plan=plan, **_item_fields(form)),
                    lambda item: _plan_url(school, association, year),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if created.repeated:
                    messages.info(request, ALREADY_SENT)
                    return redirect(created.address)
                messages.success(request, _("The item is added to the plan."))
                if "another" in request.POST:
                    return redirect("planning:item_add", school.key, association.key, year.key)
                return redirect(_plan_url(school, association, year))
    else:
        month = request.GET.get("month")
        form = NewItemForm(
            months=months,
            staff=staff,
            initial={"month": month if month in months else "", "kind": PlanItemKind.MEETING},
        )
    return render(
        request,
        "planning/item_add.html",
        {"school": school, "association": association, "year": year, "plan": plan, "form": form},
    )


def _item_fields(form) -> dict:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in ("month", "date", "kind", "title", "responsible", "expected_result", "audience")
    }


@login_required
def item_edit(request, school, ma, year, item):
    """One item: what it plans (while the plan is editable) and how it went (any time)."""
    viewer = request.viewer
    school, association, year = _records(request, school, ma, year)
    plan = _plan_or_404(association, year)
    item = _item_or_404(request, plan, item)
    may_plan = can(viewer, "write_plan", plan) and plan.status in (
        PlanStatus.DRAFT,
        PlanStatus.RETURNED,
    )
    may_record = can(viewer, "record_plan_item", item)
    months = year.months()
    staff = _school_staff(school)

    def item_form(data=None):
        return ItemForm(
            data,
            months=months,
            staff=staff,
            initial={
                "revision": item.revision,
                "month": item.month,
                "date": item.date,
                "kind": item.kind,
                "title": item.title,
                "responsible": item.responsible_id,
                "expected_result": item.expected_result,
                "audience": item.audience,
            },
        )

    def result_form(data=None):
        return ResultForm(
            data,
            staff=staff,
            initial={
                "revision": item.revision,
                "status": item.status,
                "result_note": item.result_note,
                "participants": [p.pk for p in item.participants.all()],
                "audience": item.audience,
            },
        )

    forms = {"item": item_form(), "result": result_form(), "material": MaterialForm()}
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        if not (may_plan or may_record):
            raise PermissionDenied("record_plan_item")
        try:
            if which not in forms:
                status = 400  # a form this page does not have: show the page again
            elif which == "item" and may_plan:
                forms["item"] = item_form(request.POST)
                if forms["item"].is_valid():
                    services.plan_item_update(
                        actor=viewer,
                        item=item,
                        revision=forms["item"].cleaned_data["revision"],
                        **_item_fields(forms["item"]),
                    )
                    messages.success(request, _("The item is saved."))
                    return redirect(_plan_url(school, association, year))
            elif which == "result" and may_record:
                forms["result"] = result_form(request.POST)
                if forms["result"].is_valid():
                    data = forms["result"].cleaned_data
                    services.plan_item_set_status(
                        actor=viewer,
                        item=item,
                        revision=data["revision"],
                        status=data["status"],
                        result_note=data["result_note"],
                        participants=data["participants"],
                        audience=data["audience"],
                    )
                    messages.success(request, _("The result is recorded."))
                    return redirect(request.path)
            elif which == "material" and may_record:
                forms["material"] = MaterialForm(request.POST, request.FILES)
                if forms["material"].is_valid():
                    data = forms["material"].cleaned_data
                    created = create_once(
                        request.user,
                        data["once"],
                        lambda: services.plan_item_add_material(
                            actor=viewer,
                            item=item,
                            title=data["title"],
                            file=data["file"],
                            link=data["link"],
                        ),
                        lambda material: request.path,
                    )
                    if created.repeated:
                        messages.info(request, ALREADY_SENT)
                        return redirect(created.address)
                    messages.success(request, _("The material is attached."))
                    return redirect(request.path)
            else:
                raise PermissionDenied(which)
        except ValidationError as error:
            if getattr(error, "code", None) in ("stale", "locked"):
                messages.error(request, error.messages[0])
                return redirect(request.path)
            add_service_errors(forms[which], error)
    return render(
        request,
        "planning/item_edit.html",
        {
            "school": school,
            "association": association,
            "year": year,
            "plan": plan,
            "item": item,
            "may_plan": may_plan,
            "may_record": may_record,
            "forms": forms,
        },
        status=status,
    )


class _RevisionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


@login_required
def item_remove(request, school, ma, year, item):
    """Asks first (GET: the item that goes), then removes it (POST)."""
    school, association, year = _records(request, school, ma, year)
    plan = _plan_or_404(association, year)
    item = _item_or_404(request, plan, item)
    if request.method != "POST":
        require(request.viewer, "write_plan", plan)
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the item “%(title)s” from the plan?") % {"title": item.title},
                button=_("Remove the item from the plan"),
                back=reverse(
                    "planning:item_edit", args=[school.key, association.key, year.key, item.uuid]
                ),
                ends=[
                    _(
                        "The item leaves the plan of %(year)s with its participants and "
                        "materials; the plan's history keeps that it was removed, and what it said."
                    )
                    % {"year": year.key}
                ],
                after=_(
                    "Only an item of a plan not yet approved is removed: in an approved plan, "
                    "mark the item cancelled instead, so that the approved version keeps it."
                ),
                form=_RevisionForm(initial={"revision": item.revision}),
            ),
            school=school,
        )
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        services.plan_item_remove(actor=request.viewer, item=item, revision=revision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("planning:item_edit", school.key, association.key, year.key, item.uuid)
    messages.success(request, _("The item is removed from the plan."))
    return redirect(_plan_url(school, association, year))


def _material_or_404(request, school, ma, year, item, material) -> PlanItemMaterial:
    school, association, year = _records(request, school, ma, year)
    return get_visible(
        request.viewer,
        PlanItemMaterial.objects.filter(
            item__uuid=item, item__plan__association=association, item__plan__year=year
        ).select_related("item__plan__association__school"),
        uuid=material,
    )


@login_required
def material_file(request, school, ma, year, item, material):
    material = _material_or_404(request, school, ma, year, item, material)
    if not material.file:
        raise Http404
    return uploads.attachment(
        material.file.name, filename=material.file_name or material.file.name.rsplit("/")[-1]
    )


@login_required
def material_remove(request, school, ma, year, item, material):
    """Asks first (GET), then takes the material off its item (POST)."""
    found = _material_or_404(request, school, ma, year, item, material)
    if request.method != "POST":
        require(request.viewer, "record_plan_item", found.item)
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the material “%(title)s”?") % {"title": found.title},
                button=_("Remove the material"),
                back=reverse("planning:item_edit", args=[school, ma, year, item]),
                ends=[
                    _("The material is no longer listed under the item “%(item)s”.")
                    % {"item": found.item.title}
                ],
                after=_("Its change history keeps its title, its link and who removed it."),
            ),
            school=found.item.plan.association.school,
        )
    services.plan_item_remove_material(actor=request.viewer, material=found)
    messages.success(request, _("The material is removed."))
    return HttpResponseRedirect(reverse("planning:item_edit", args=[school, ma, year, item]))


# ---------------------------------------------------------------------------------------------
# The monthly grid (DOC-8)


@login_required
def grid(request, school, year):
    """DOC-8: the month-by-month plan grid — of one MA (``?ma=KEY``, every month), or of the
    whole school for one month (``?month=YYYY-MM``), so the deputy sees every MA on one screen."""
    viewer = request.viewer
    school, year = _school_and_year(request, school, year)
    months = year.months()
    month = request.GET.get("month") or ""
    if month and month not in months:
        messages.error(
            request,
            _("The month %(month)s is not in the school year %(year)s; showing %(shown)s.")
            % {
                "month": month,
                "year": year.key,
                "shown": month_label(month_key(_clamp(viewer.today, year.window_start, year.end))),
            },
        )
        month = ""
    context = {"school": school, "year": year, "months": [(m, month_label(m)) for m in months]}
    years = list(visible(viewer, SchoolYear.objects.filter(school=school)).order_by("start"))
    context["years"] = years

    ma_key = request.GET.get("ma")
    if ma_key:
        association = get_visible(viewer, Association.objects.filter(school=school), key=ma_key)
        association.school = school
        plan = _plan(association, year)
        grouped = items_by_month(plan) if plan else [(m, []) for m in months]
        if month:
            grouped = [(m, items) for m, items in grouped if m == month]
        context.update(
            {
                "association": association,
                "plan": plan,
                "month": month,
                "grid": [(m, month_label(m), items) for m, items in grouped],
            }
        )
        return render(request, "planning/grid_association.html", context)

    month = month or month_key(_clamp(viewer.today, year.window_start, year.end))
    position = months.index(month)
    rows = school_month_grid(
        visible(viewer, Association.objects.filter(school=school)), year, month
    )
    context.update(
        {
            "month": month,
            "month_label": month_label(month),
            "previous": months[position - 1] if position > 0 else None,
            "next": months[position + 1] if position + 1 < len(months) else None,
            "rows": rows,
            "without_plan": sum(1 for r in rows if r.plan is None),
        }
    )
    return render(request, "planning/grid_school.html", context)
