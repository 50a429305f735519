"""Pages of the papers that govern MAs: the director's orders (GEN-6, GEN-8, DOC-1, DOC-2),
the methodological council's decisions (GEN-4, GEN-6) and the district office's instructions
as the school enters them (FUNC-1). Every colleague of the school and its district reads them;
the school's leadership records, corrects and removes them. Thin: read input, ask the policy,
call a service, show the result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.models import Association
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post
from usul.orders import services
from usul.orders.forms import CouncilDecisionForm, InstructionForm, OrderForm
from usul.orders.models import CouncilDecision, Order
from usul.people.models import Staff
from usul.schools.models import DistrictInstruction, School, Subject
from usul.schools.selectors import visible_school, year_asked


def _staff(viewer, school: School):
    return visible(viewer, Staff.objects.filter(school=school)).order_by("last_name", "first_name")


def _associations(viewer, school: School):
    return visible(viewer, Association.objects.filter(school=school)).order_by("name")


def _subjects(viewer, school: School):
    return visible(viewer, Subject.objects.filter(school=school))


def _record_once(request, token, create, address):
    created = create_once(request.user, token, create, address)
    if created.repeated:
        messages.info(request, ALREADY_SENT)
    else:
        messages.success(request, _("Saved."))
    return redirect(created.address)


# --- director's orders -------------------------------------------------------------------


def _orders_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    orders = list(
        visible(viewer, Order.objects.filter(school=school))
        .select_related("association", "proposed_by", "signed_by")
        .order_by("-date", "-key")
    )
    may_manage = can(viewer, "manage_school", school)
    if may_manage and form is None:
        form = OrderForm(staff=_staff(viewer, school), associations=_associations(viewer, school))
    return {"school": school, "orders": orders, "form": form if may_manage else None}


@login_required
@require_GET
def orders(request, school: str):
    school_obj = visible_school(request.viewer, school)
    return render(request, "orders/orders.html", _orders_context(request, school_obj))


@login_required
@form_post
def order_create(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    require(viewer, "manage_school", school_obj)
    form = OrderForm(
        request.POST,
        staff=_staff(viewer, school_obj),
        associations=_associations(viewer, school_obj),
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            return _record_once(
                request,
                data["once"],
                lambda: services.order_record(
                    actor=viewer,
                    school=school_obj,
                    kind=data["kind"],
                    date=data["date"],
                    number=data["number"],
                    association=data["association"],
                    proposed_by=data["proposed_by"],
                    signed_by=data["signed_by"],
                    text=data["text"],
                ),
                lambda order: reverse("orders:orders", args=[school_obj.key]) + f"#{order.key}",
            )
        except ValidationError as error:
            add_service_errors(form, error)
    context = _orders_context(request, school_obj, form=form)
    return render(request, "orders/orders.html", context, status=400)


def _order(request, school: str, key: str) -> Order:
    order = get_visible(
        request.viewer,
        Order.objects.select_related("school", "association", "proposed_by", "signed_by"),
        school__key=school,
        key=key,
    )
    require(request.viewer, "manage_school", order)
    return order


def _edit_page(request, *, make_form, initial: dict, save, done: str, page: dict):
    """The edit page of an order, a decision or an instruction: GET shows the form filled from
    the record; POST calls the service, and what it refuses is shown on the form's fields."""
    if request.method == "POST":
        form = make_form(request.POST)
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(done)
        status = 400
    else:
        form = make_form(None, initial=initial)
        status = 200
    return render(request, "orders/edit.html", {**page, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def order_edit(request, school: str, key: str):
    viewer = request.viewer
    order = _order(request, school, key)
    staff = _staff(viewer, order.school)
    return _edit_page(
        request,
        make_form=lambda data, **kw: OrderForm(data, staff=staff, creating=False, **kw),
        initial={
            "number": order.number,
            "date": order.date,
            "proposed_by": order.proposed_by,
            "signed_by": order.signed_by,
            "text": order.text,
        },
        save=lambda data: services.order_update(
            actor=viewer,
            order=order,
            date=data["date"],
            number=data["number"],
            proposed_by=data["proposed_by"],
            signed_by=data["signed_by"],
            text=data["text"],
        ),
        done=reverse("orders:orders", args=[school]) + f"#{order.key}",
        page={
            "school": order.school,
            "title": _("Order %(order)s: %(kind)s")
            % {"order": order, "kind": order.get_kind_display()},
            "about": order.association.name if order.association else "",
            "back": reverse("orders:orders", args=[school]),
            "back_label": _("Director's orders"),
            "remove": reverse("orders:order_remove", args=[school, key]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def order_remove(request, school: str, key: str):
    order = _order(request, school, key)
    back = reverse("orders:orders", args=[school])
    if request.method == "POST":
        try:
            services.order_remove(actor=request.viewer, order=order)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The order is removed; its history keeps it."))
        return redirect(back)
    ends = [
        _("The order %(order)s: %(kind)s.") % {"order": order, "kind": order.get_kind_display()}
    ]
    if order.association is not None:
        ends.append(
            _("What it recorded for %(ma)s (its creation, liquidation or head) loses this order.")
            % {"ma": order.association.name}
        )
    return confirm_page(
        request,
        Confirmation(
            question=_("Remove the order %(order)s?") % {"order": order},
            button=_("Remove the order"),
            back=back,
            ends=ends,
            keeps=[_("The change history keeps what the order said and who removed it.")],
            after=_("An order removed by mistake is recorded again on the orders page."),
        ),
        school=order.school,
    )


# --- methodological council decisions ----------------------------------------------------


def _council_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, viewer.today, request.GET, request.POST)
    decisions = (
        list(
            visible(viewer, CouncilDecision.objects.filter(school=school, year=year))
            .prefetch_related("associations")
            .order_by("-date", "-key")
        )
        if year
        else []
    )
    may_manage = can(viewer, "manage_school", school) and year is not None
    if may_manage and form is None:
        form = CouncilDecisionForm(associations=_associations(viewer, school))
    return {
        "school": school,
        "year": year,
        "years": years,
        "decisions": decisions,
        "form": form if may_manage else None,
    }


@login_required
@require_GET
def council(request, school: str):
    school_obj = visible_school(request.viewer, school, with_years=True)
    return render(request, "orders/council.html", _council_context(request, school_obj))


@login_required
@form_post
def council_create(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    require(viewer, "manage_school", school_obj)
    year, _years = year_asked(school_obj, viewer.today, request.POST)
    form = CouncilDecisionForm(request.POST, associations=_associations(viewer, school_obj))
    if form.is_valid():
        data = form.cleaned_data
        try:
            return _record_once(
                request,
                data["once"],
                lambda: services.council_decision_create(
                    actor=viewer,
                    school=school_obj,
                    year=year,
                    date=data["date"],
                    text=data["text"],
                    associations=data["associations"],
                ),
                lambda d: (
                    reverse("orders:council", args=[school_obj.key]) + f"?year={d.year.key}#{d.key}"
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
    context = _council_context(request, school_obj, form=form)
    return render(request, "orders/council.html", context, status=400)


def _decision(request, school: str, key: str) -> CouncilDecision:
    decision = get_visible(
        request.viewer,
        CouncilDecision.objects.select_related("school", "year"),
        school__key=school,
        key=key,
    )
    require(request.viewer, "manage_school", decision)
    return decision


@login_required
@require_http_methods(["GET", "POST"])
def council_edit(request, school: str, key: str):
    viewer = request.viewer
    decision = _decision(request, school, key)
    associations = _associations(viewer, decision.school)
    back = reverse("orders:council", args=[school]) + f"?year={decision.year.key}"
    return _edit_page(
        request,
        make_form=lambda data, **kw: CouncilDecisionForm(
            data, associations=associations, creating=False, **kw
        ),
        initial={
            "date": decision.date,
            "text": decision.text,
            "associations": list(decision.associations.all()),
        },
        save=lambda data: services.council_decision_update(
            actor=viewer,
            decision=decision,
            date=data["date"],
            text=data["text"],
            associations=data["associations"],
        ),
        done=f"{back}#{decision.key}",
        page={
            "school": decision.school,
            "title": _("Decision of the methodological council of %(date)s")
            % {"date": decision.date.strftime("%d.%m.%Y")},
            "about": decision.year.key,
            "back": back,
            "back_label": _("Methodological council decisions"),
            "remove": reverse("orders:council_remove", args=[school, key]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_remove(request, school: str, key: str):
    decision = _decision(request, school, key)
    back = reverse("orders:council", args=[school]) + f"?year={decision.year.key}"
    if request.method == "POST":
        services.council_decision_remove(actor=request.viewer, decision=decision)
        messages.success(request, _("The decision is removed; its history keeps it."))
        return redirect(back)
    return confirm_page(
        request,
        Confirmation(
            question=_("Remove the council decision of %(date)s?")
            % {"date": decision.date.strftime("%d.%m.%Y")},
            button=_("Remove the decision"),
            back=back,
            ends=[decision.text[:200]],
            keeps=[_("The change history keeps what the decision said and who removed it.")],
            after=_("The MAs it approved are again reported as not approved (MA-COUNCIL)."),
        ),
        school=decision.school,
    )


# --- district instructions ---------------------------------------------------------------


def _instructions_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, viewer.today, request.GET, request.POST)
    instructions = (
        list(
            visible(viewer, DistrictInstruction.objects.filter(school=school, year=year))
            .prefetch_related("target_subjects")
            .order_by("-date", "-key")
        )
        if year
        else []
    )
    may_manage = can(viewer, "manage_school", school) and year is not None
    if may_manage and form is None:
        form = InstructionForm(subjects=_subjects(viewer, school), initial={"targets_all": True})
    return {
        "school": school,
        "year": year,
        "years": years,
        "instructions": instructions,
        "form": form if may_manage else None,
    }


@login_required
@require_GET
def instructions(request, school: str):
    school_obj = visible_school(request.viewer, school, with_years=True)
    return render(request, "orders/instructions.html", _instructions_context(request, school_obj))


@login_required
@form_post
def instruction_create(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    require(viewer, "manage_school", school_obj)
    year, _years = year_asked(school_obj, viewer.today, request.POST)
    form = InstructionForm(request.POST, subjects=_subjects(viewer, school_obj))
    if form.is_valid():
        data = form.cleaned_data
        try:
            return _record_once(
                request,
                data["once"],
                lambda: services.instruction_create(
                    actor=viewer,
                    school=school_obj,
                    year=year,
                    number=data["number"],
                    date=data["date"],
                    title=data["title"],
                    targets_all=data["targets_all"],
                    subjects=data["subjects"],
                ),
                lambda i: (
                    reverse("orders:instructions", args=[school_obj.key])
                    + f"?year={i.year.key}#{i.key}"
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
    context = _instructions_context(request, school_obj, form=form)
    return render(request, "orders/instructions.html", context, status=400)


def _instruction(request, school: str, key: str) -> DistrictInstruction:
    instruction = get_visible(
        request.viewer,
        DistrictInstruction.objects.select_related("school", "year"),
        school__key=school,
        key=key,
    )
    require(request.viewer, "manage_school", instruction)
    return instruction


@login_required
@require_http_methods(["GET", "POST"])
def instruction_edit(request, school: str, key: str):
    viewer = request.viewer
    instruction = _instruction(request, school, key)
    subjects = _subjects(viewer, instruction.school)
    back = reverse("orders:instructions", args=[school]) + f"?year={instruction.year.key}"
    return _edit_page(
        request,
        make_form=lambda data, **kw: InstructionForm(data, subjects=subjects, creating=False, **kw),
        initial={
            "number": instruction.number,
            "date": instruction.date,
            "title": instruction.title,
            "targets_all": instruction.targets_all,
            "subjects": list(instruction.target_subjects.all()),
        },
        save=lambda data: services.instruction_update(
            actor=viewer,
            instruction=instruction,
            number=data["number"],
            date=data["date"],
            title=data["title"],
            targets_all=data["targets_all"],
            subjects=data["subjects"],
        ),
        done=f"{back}#{instruction.key}",
        page={
            "school": instruction.school,
            "title": _("District instruction %(instruction)s") % {"instruction": instruction},
            "about": instruction.year.key,
            "back": back,
            "back_label": _("District instructions"),
            "remove": reverse("orders:instruction_remove", args=[school, key]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def instruction_remove(request, school: str, key: str):
    instruction = _instruction(request, school, key)
    back = reverse("orders:instructions", args=[school]) + f"?year={instruction.year.key}"
    if request.method == "POST":
        services.instruction_remove(actor=request.viewer, instruction=instruction)
        messages.success(request, _("The instruction is removed; its history keeps it."))
        return redirect(back)
    return confirm_page(
        request,
        Confirmation(
            question=_("Remove the district instruction %(instruction)s?")
            % {"instruction": instruction},
            button=_("Remove the instruction"),
            back=back,
            ends=[
                _("The MAs' plans that reflect it no longer name it."),
            ],
            keeps=[_("The change history keeps what the instruction said and who removed it.")],
        ),
        school=instruction.school,
    )
