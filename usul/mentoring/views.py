"""Pages of mentoring (SVC-D5, SVC-D6). Thin: read input, ask the policy, call a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post, own_school_entry
from usul.mentoring import services
from usul.mentoring.forms import AssignForm, MeetingForm, OutcomeForm, PlanForm
from usul.mentoring.models import Mentorship
from usul.mentoring.selectors import mentorships_for, needing_mentors
from usul.people.models import Staff
from usul.schools.models import School
from usul.schools.selectors import visible_school, year_asked


def _staff(school: School):
    return Staff.objects.filter(school=school).order_by("last_name", "first_name", "key")


@login_required
@require_GET
def index(request):
    return own_school_entry(
        request,
        "mentoring:list",
        title=_("Mentoring"),
        explanation=_("Mentoring is kept per school; open a school to see it."),
    )


def _list_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, viewer.today, request.GET, request.POST)
    manages = can(viewer, "manage_school", school)
    candidates = needing_mentors(viewer, school, year, viewer.today)
    if manages and form is None:
        # "Assign a mentor" on a candidate's row fills in the teacher and why.
        mentee = request.GET.get("mentee", "")
        chosen = next((c for c in candidates if c.staff.key == mentee), None)
        initial = {"mentee": mentee} if mentee else {}
        if chosen is not None and chosen.reasons:
            initial["reason"] = chosen.reasons[0]
        form = AssignForm(staff=_staff(school), initial=initial)
    return {
        "school": school,
        "year": year,
        "years": years,
        "candidates": candidates,
        "mentorships": list(mentorships_for(viewer, school, year)),
        "form": form if manages and year is not None else None,
    }


@login_required
@require_GET
def mentoring_list(request, school: str):
    """For the deputy: who needs a mentor (young specialists, newly arrived teachers) and the
    year's mentorships; for a mentor or a mentee, their own."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    return render(request, "mentoring/list.html", _list_context(request, school_obj))


@login_required
@form_post
def assign(request, school: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    require(viewer, "manage_school", school_obj)
    year, _years = year_asked(school_obj, viewer.today, request.GET, request.POST)
    form = AssignForm(request.POST, staff=_staff(school_obj))
    if year is None:
        form.add_error(None, _("School year: the school has no school year yet."))
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.mentorship_assign(
                    actor=viewer,
                    school=school_obj,
                    year=year,
                    mentee=data["mentee"],
                    mentor=data["mentor"],
                    reason=data["reason"],
                    start=data["start"],
                    plan=data["plan"],
                ),
                lambda m: reverse("mentoring:detail", args=[school_obj.key, m.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("The mentor is assigned."))
            return redirect(created.address)
    context = _list_context(request, school_obj, form=form)
    return render(request, "mentoring/list.html", context, status=400)


def _mentorship(request, school: str, key: str) -> Mentorship:
    return get_visible(
        request.viewer,
        Mentorship.objects.select_related("school", "year", "mentee", "mentor"),
        school__key=school,
        key=key,
    )


def _detail_context(request, mentorship: Mentorship, **forms) -> dict:
    viewer = request.viewer
    keeps = can(viewer, "keep_mentoring_log", mentorship)
    manages = can(viewer, "manage_school", mentorship)
    context = {
        "school": mentorship.school,
        "mentorship": mentorship,
        "meetings": list(mentorship.meetings.order_by("date", "id")),
        "plan_form": None,
        "meeting_form": None,
        "outcome_form": None,
    }
    if keeps:
        context["plan_form"] = forms.get("plan_form") or PlanForm(
            staff=_staff(mentorship.school),
            may_change_mentor=manages,
            initial={"mentor": mentorship.mentor.key, "plan": mentorship.plan},
        )
        context["meeting_form"] = forms.get("meeting_form") or MeetingForm(
            initial={"date": viewer.today}
        )
    if manages:
        context["outcome_form"] = forms.get("outcome_form") or OutcomeForm(
            initial={
                "outcome": mentorship.outcome if mentorship.outcome != "in_progress" else "",
                "outcome_note": mentorship.outcome_note,
            }
        )
    return context


@login_required
@require_GET
def detail(request, school: str, key: str):
    mentorship = _mentorship(request, school, key)
    return render(request, "mentoring/detail.html", _detail_context(request, mentorship))


@login_required
@form_post
def edit(request, school: str, key: str):
    mentorship = _mentorship(request, school, key)
    require(request.viewer, "keep_mentoring_log", mentorship)
    form = PlanForm(
        request.POST,
        staff=_staff(mentorship.school),
        may_change_mentor=can(request.viewer, "manage_school", mentorship),
    )
    if form.is_valid():
        try:
            services.mentorship_update(
                actor=request.viewer,
                mentorship=mentorship,
                mentor=form.cleaned_data.get("mentor"),
                plan=form.cleaned_data["plan"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The plan is saved."))
            return redirect("mentoring:detail", school, key)
    context = _detail_context(request, mentorship, plan_form=form)
    return render(request, "mentoring/detail.html", context, status=400)


@login_required
@form_post
def meeting_add(request, school: str, key: str):
    mentorship = _mentorship(request, school, key)
    require(request.viewer, "keep_mentoring_log", mentorship)
    form = MeetingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.mentoring_meeting_add(
                    actor=request.viewer,
                    mentorship=mentorship,
                    date=data["date"],
                    topic=data["topic"],
                    notes=data["notes"],
                ),
                lambda _m: reverse("mentoring:detail", args=[school, key]) + "#log",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("The meeting is in the log."))
            return redirect(created.address)
    context = _detail_context(request, mentorship, meeting_form=form)
    return render(request, "mentoring/detail.html", context, status=400)


@login_required
@form_post
def conclude(request, school: str, key: str):
    mentorship = _mentorship(request, school, key)
    require(request.viewer, "manage_school", mentorship)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.mentorship_conclude(
                actor=request.viewer,
                mentorship=mentorship,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["outcome_note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect("mentoring:detail", school, key)
    context = _detail_context(request, mentorship, outcome_form=form)
    return render(request, "mentoring/detail.html", context, status=400)
