"""Pages of the MA's rights (RIGHT-1…RIGHT-4): proposals and consultation requests, and the
nominations for contests. Thin: read input, ask the policy, call a service, show the result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.models import Association
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post, own_school_entry
from usul.meetings.models import MeetingStatus, Resolution
from usul.people.models import Staff
from usul.rights import services
from usul.rights.forms import AnswerForm, AppealForm, NominationForm, NominationProgressForm
from usul.rights.models import Appeal, AppealKind, AppealStatus, Nomination
from usul.rights.selectors import appeals_for, nominations_of
from usul.schools.models import School
from usul.schools.selectors import visible_school, year_asked


def _no_school() -> dict:
    return {
        "title": _("Proposals and nominations"),
        "explanation": _("They are kept per school; open a school to see them."),
    }


@login_required
@require_GET
def appeals_index(request):
    """The menu's entry: the proposals of the viewer's own school."""
    return own_school_entry(request, "rights:appeals", **_no_school())


def _appeals_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    status = request.GET.get("status", "")
    appeals = list(appeals_for(viewer, school, status))
    may_submit = can(viewer, "submit_appeal", school)
    if may_submit and form is None:
        form = AppealForm(initial={"kind": request.GET.get("kind") or AppealKind.TEACHING})
    return {
        "school": school,
        "appeals": appeals,
        "status": status,
        "statuses": AppealStatus.choices,
        "form": form if may_submit else None,
        "answers": viewer.is_leadership,
    }


@login_required
@require_GET
def appeals(request, school: str):
    """RIGHT-1…3: my proposals and requests; for a head, the MA's proposals; for the deputy and
    the director, every one of the school, those waiting for an answer first."""
    school_obj = visible_school(request.viewer, school)
    return render(request, "rights/appeals.html", _appeals_context(request, school_obj))


@login_required
@form_post
def appeal_submit(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    require(viewer, "submit_appeal", school_obj)
    form = AppealForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.appeal_submit(
                    actor=viewer,
                    school=school_obj,
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                ),
                lambda appeal: reverse("rights:appeal", args=[school_obj.key, appeal.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("Sent. The deputy director will answer you here."))
            return redirect(created.address)
    context = _appeals_context(request, school_obj, form=form)
    return render(request, "rights/appeals.html", context, status=400)


def _appeal(request, school: str, key: str) -> Appeal:
    return get_visible(
        request.viewer,
        Appeal.objects.select_related("school", "author", "association", "answered_by"),
        school__key=school,
        key=key,
    )


def _appeal_context(request, appeal: Appeal, answer_form=None) -> dict:
    viewer = request.viewer
    may_answer = can(viewer, "answer_appeal", appeal) and appeal.status != AppealStatus.WITHDRAWN
    if may_answer and answer_form is None:
        answer_form = AnswerForm(
            consultation=appeal.kind == AppealKind.CONSULTATION,
            initial={
                "status": appeal.status if appeal.status != AppealStatus.SUBMITTED else "",
                "answer": appeal.answer,
                "consultation_on": appeal.consultation_on,
            },
        )
    return {
        "school": appeal.school,
        "appeal": appeal,
        "answer_form": answer_form if may_answer else None,
        "may_withdraw": appeal.status == AppealStatus.SUBMITTED
        and can(viewer, "withdraw_appeal", appeal),
    }


@login_required
@require_GET
def appeal(request, school: str, key: str):
    appeal_obj = _appeal(request, school, key)
    return render(request, "rights/appeal.html", _appeal_context(request, appeal_obj))


@login_required
@form_post
def appeal_answer(request, school: str, key: str):
    appeal_obj = _appeal(request, school, key)
    require(request.viewer, "answer_appeal", appeal_obj)
    form = AnswerForm(request.POST, consultation=appeal_obj.kind == AppealKind.CONSULTATION)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.appeal_answer(
                actor=request.viewer,
                appeal=appeal_obj,
                status=data["status"],
                answer=data["answer"],
                consultation_on=data.get("consultation_on"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The answer is saved; the author sees it on their page."))
            return redirect("rights:appeal", school, key)
    context = _appeal_context(request, appeal_obj, answer_form=form)
    return render(request, "rights/appeal.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def appeal_withdraw(request, school: str, key: str):
    """A confirm step that works without JavaScript: GET asks, POST withdraws."""
    appeal_obj = _appeal(request, school, key)
    require(request.viewer, "withdraw_appeal", appeal_obj)
    if request.method == "POST":
        try:
            services.appeal_withdraw(actor=request.viewer, appeal=appeal_obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Withdrawn. It stays in your list, marked withdrawn."))
        return redirect("rights:appeal", school, key)
    return render(
        request, "rights/withdraw.html", {"appeal": appeal_obj, "school": appeal_obj.school}
    )


# --- nominations (RIGHT-4) ---------------------------------------------------------------


@login_required
@require_GET
def nominations_index(request):
    return own_school_entry(request, "rights:nominations", **_no_school())


def _manageable(viewer, school: School) -> list[Association]:
    associations = Association.objects.filter(school=school).select_related("school")
    return [a for a in visible(viewer, associations) if can(viewer, "manage_association", a)]


def _nominations_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, viewer.today, request.GET, request.POST)
    nominee_key = request.GET.get("staff", "")
    nominee = Staff.objects.filter(school=school, key=nominee_key).first() if nominee_key else None
    nominations = list(nominations_of(viewer, school, year, nominee.key if nominee else ""))
    manageable = _manageable(viewer, school)
    if manageable and form is None and year is not None:
        form = _nomination_form(school, manageable, year)
    return {
        "school": school,
        "year": year,
        "years": years,
        "nominee": nominee,
        "nominations": nominations,
        "form": form if manageable else None,
    }


def _nomination_form(school: School, manageable, year, data=None) -> NominationForm:
    resolutions = (
        Resolution.objects.filter(
            meeting__association__in=manageable,
            meeting__status=MeetingStatus.HELD,
            meeting__year=year,
        )
        .select_related("meeting__association", "meeting__year")
        .order_by("meeting__date", "number")
    )
    # RIGHT-4: an MA nominates its own teachers (the service checks membership on the day).
    staff = (
        Staff.objects.filter(school=school, memberships__association__in=manageable)
        .distinct()
        .order_by("last_name", "first_name", "key")
    )
    return NominationForm(data, resolutions=resolutions, staff=staff)


@login_required
@require_GET
def nominations(request, school: str):
    """RIGHT-4: the school's nominations of a year, or one teacher's across the years."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    return render(request, "rights/nominations.html", _nominations_context(request, school_obj))


@login_required
@form_post
def nomination_create(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    manageable = _manageable(viewer, school_obj)
    if not manageable:
        raise PermissionDenied("manage_association")
    year, _years = year_asked(school_obj, viewer.today, request.GET, request.POST)
    form = _nomination_form(school_obj, manageable, year, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.nomination_create(
                    actor=viewer,
                    resolution=data["resolution"],
                    nominee=data["nominee"],
                    contest=data["contest"],
                    note=data["note"],
                ),
                lambda n: reverse("rights:nomination", args=[school_obj.key, n.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("The nomination is recorded."))
            return redirect(created.address)
    context = _nominations_context(request, school_obj, form=form)
    return render(request, "rights/nominations.html", context, status=400)


def _nomination(request, school: str, key: str) -> Nomination:
    return get_visible(
        request.viewer,
        Nomination.objects.select_related(
            "school", "year", "association", "nominee", "resolution__meeting"
        ),
        school__key=school,
        key=key,
    )


def _nomination_context(request, nomination: Nomination, form=None) -> dict:
    may_manage = can(request.viewer, "manage_association", nomination)
    if may_manage and form is None:
        form = NominationProgressForm(
            initial={
                "stage": nomination.stage,
                "result": nomination.result,
                "note": nomination.note,
            }
        )
    steps = list(
        nomination.history.order_by("history_date", "history_id").select_related("history_user")
    )
    # What the history shows: each change of stage or result once, in order.
    progress, last = [], None
    for step in steps:
        here = (step.stage, step.result)
        if here != last:
            progress.append(step)
            last = here
    return {
        "school": nomination.school,
        "nomination": nomination,
        "form": form if may_manage else None,
        "progress": progress,
    }


@login_required
@require_GET
def nomination(request, school: str, key: str):
    nomination_obj = _nomination(request, school, key)
    return render(request, "rights/nomination.html", _nomination_context(request, nomination_obj))


@login_required
@form_post
def nomination_update(request, school: str, key: str):
    nomination_obj = _nomination(request, school, key)
    require(request.viewer, "manage_association", nomination_obj)
    form = NominationProgressForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.nomination_update(
                actor=request.viewer,
                nomination=nomination_obj,
                stage=data["stage"],
                result=data["result"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("rights:nomination", school, key)
    context = _nomination_context(request, nomination_obj, form=form)
    return render(request, "rights/nomination.html", context, status=400)
