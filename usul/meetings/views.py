"""Pages of MA meetings (ORG-4, DUTY-2, DOC-12). Thin: read input, ask the policy, call a
service, show the result. Every page costs a fixed number of queries."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require
from usul.associations.models import Association
from usul.associations.selectors import active_associations, associations_of_staff_at
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.dates import format_date
from usul.lib.forms import add_service_errors, run_with_message
from usul.lib.locking import StaleEdit
from usul.lib.views import form_post
from usul.meetings import services
from usul.meetings.forms import MinutesForm, ResolutionForm, ScheduleForm
from usul.meetings.models import (
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Resolution,
    ResolutionStatus,
)
from usul.meetings.selectors import (
    attendance_sheet,
    held_earlier_number,
    lacks_resolutions,
    meetings_of,
    resolutions_of,
)
from usul.people.models import Staff
from usul.planning.models import PlanItemKind
from usul.planning.selectors import items_to_schedule
from usul.schools.models import School
from usul.schools.selectors import current_year, visible_school, year_asked


def _association_url(school: School, association: Association) -> str:
    try:
        return reverse("associations:detail", args=[school.key, association.key])
    except NoReverseMatch:
        return reverse("meetings:list", args=[school.key, association.key])


@login_required
@require_GET
def index(request):
    """The MAs of the viewer's school, the viewer's own first, with this year's meetings."""
    viewer = request.viewer
    if viewer.school_id is None:
        return render(request, "meetings/index.html", {"rows": [], "school": None})
    school = School.objects.prefetch_related("years").get(pk=viewer.school_id)
    year = current_year(school, viewer.today)
    associations = active_associations(school, viewer.today, year)
    mine = set(viewer.headed_association_ids)
    if viewer.staff is not None:
        mine |= {a.pk for a in associations_of_staff_at(viewer.staff, viewer.today)}
    counts = {
        row["association"]: row
        for row in Meeting.objects.filter(association__in=associations, year=year)
        .values("association")
        .annotate(
            planned=Count("pk", filter=~Q(status=MeetingStatus.CANCELLED)),
            held=Count("pk", filter=Q(status=MeetingStatus.HELD)),
        )
    }
    rows = sorted(
        (
            {
                "association": a,
                "mine": a.pk in mine,
                "planned": counts.get(a.pk, {}).get("planned", 0),
                "held": counts.get(a.pk, {}).get("held", 0),
            }
            for a in associations
        ),
        key=lambda r: (not r["mine"], r["association"].name),
    )
    return render(request, "meetings/index.html", {"rows": rows, "school": school, "year": year})


def _list_context(request, school: School, association: Association, year, years, form=None):
    viewer = request.viewer
    can_manage = can(viewer, "manage_association", association)
    if form is None and can_manage:
        form = ScheduleForm(plan_items=items_to_schedule([association], year, PlanItemKind.MEETING))
    meetings = list(meetings_of(association, year)) if year is not None else []
    for meeting in meetings:
        # ORG-4, DOC-12: flag a held meeting that adopted no resolution.
        meeting.without_resolutions = (
            meeting.status == MeetingStatus.HELD and meeting.resolution_count == 0
        )
    return {
        "school": school,
        "association": association,
        "association_url": _association_url(school, association),
        "year": year,
        "years": years,
        "meetings": meetings,
        "held_count": sum(1 for m in meetings if m.status == MeetingStatus.HELD),
        "can_manage": can_manage,
        "form": form,
    }


@login_required
@require_GET
def meeting_list(request, school: str, ma: str):
    """An MA's meetings of the year (ORG-4: at least four)."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    association = get_visible(request.viewer, Association.objects.filter(school=school_obj), key=ma)
    year, years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    return render(
        request,
        "meetings/list.html",
        _list_context(request, school_obj, association, year, years),
    )


@login_required
@form_post
def schedule(request, school: str, ma: str):
    school_obj = visible_school(request.viewer, school, with_years=True)
    association = get_visible(request.viewer, Association.objects.filter(school=school_obj), key=ma)
    require(request.viewer, "manage_association", association)
    year, years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    form = ScheduleForm(
        request.POST, plan_items=items_to_schedule([association], year, PlanItemKind.MEETING)
    )
    if year is None:
        form.add_error(None, _("School year: the school has no school year yet."))
    if form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.meeting_schedule(
                    actor=request.viewer,
                    association=association,
                    year=year,
                    date=form.cleaned_data["date"],
                    agenda=form.cleaned_data["agenda"],
                    plan_item=form.cleaned_data["plan_item"],
                ),
                lambda meeting: reverse("meetings:detail", args=[school_obj.key, meeting.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
                return redirect(created.address)
            meeting = created.record
            messages.success(
                request,
                _("Meeting No. %(number)s is scheduled for %(date)s.")
                % {"number": meeting.number, "date": format_date(meeting.date)},
            )
            held = held_earlier_number(meeting)
            if held is not None:
                messages.warning(request, out_of_order(meeting, held))
            return redirect("meetings:detail", school_obj.key, meeting.key)
    context = _list_context(request, school_obj, association, year, years, form=form)
    return render(request, "meetings/list.html", context, status=400)


def out_of_order(meeting: Meeting, held: Meeting) -> str:
    """Why ``meeting`` carries a number out of date order (ORG-4, DOC-12)."""
    return _(
        "No. %(number)s stands out of date order: meeting No. %(held)s of %(held_date)s, "
        "dated later, was already held and keeps its number, because its minutes are printed "
        "and signed."
    ) % {"number": meeting.number, "held": held.number, "held_date": format_date(held.date)}


def _meeting(request, school: str, key: str) -> Meeting:
    return get_visible(
        request.viewer,
        Meeting.objects.select_related("school", "association", "year", "plan_item"),
        school__key=school,
        key=key,
    )


def _school_staff(meeting: Meeting):
    return Staff.objects.filter(school_id=meeting.school_id).order_by(
        "last_name", "first_name", "key"
    )


def _detail_context(request, meeting: Meeting, **overrides) -> dict:
    viewer = request.viewer
    can_manage = can(viewer, "manage_association", meeting)
    resolutions = resolutions_of(meeting)
    for resolution in resolutions:
        resolution.can_set_status = can(viewer, "set_resolution_status", resolution)
        resolution.overdue = (
            resolution.status == ResolutionStatus.OPEN
            and resolution.due is not None
            and resolution.due < viewer.today
        )
    sheet = attendance_sheet(meeting)
    context = {
        "meeting": meeting,
        "school": meeting.school,
        "association": meeting.association,
        "sheet": sheet,
        "unmarked": sum(1 for row in sheet if row.member and not row.status),
        "resolutions": resolutions,
        "without_resolutions": lacks_resolutions(meeting, resolutions),
        "out_of_order": out_of_order(meeting, held)
        if (held := held_earlier_number(meeting))
        else "",
        "can_manage": can_manage,
        "editable": can_manage and meeting.status != MeetingStatus.CANCELLED,
        "attendance_choices": AttendanceStatus.choices,
        "resolution_choices": ResolutionStatus.choices,
        "last_change": meeting.history.select_related("history_user").first(),
    }
    if context["editable"]:
        context["minutes_form"] = MinutesForm(
            initial={
                "revision": meeting.revision,
                "date": meeting.date,
                "agenda": "\n".join(meeting.agenda or []),
                "minutes": meeting.minutes,
            }
        )
        context["resolution_form"] = ResolutionForm(staff_queryset=_school_staff(meeting))
    context.update(overrides)
    return context


@login_required
@require_GET
def detail(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    return render(request, "meetings/detail.html", _detail_context(request, meeting))


@login_required
@require_GET
def print_minutes(request, school: str, key: str):
    """The minutes (протокол) as a page that prints cleanly (DOC-12)."""
    meeting = _meeting(request, school, key)
    resolutions = resolutions_of(meeting)
    sheet = attendance_sheet(meeting)
    return render(
        request,
        "meetings/print.html",
        {
            "meeting": meeting,
            "sheet": sheet,
            "present": [r for r in sheet if r.status == AttendanceStatus.PRESENT],
            "absent": [r for r in sheet if r.status == AttendanceStatus.ABSENT],
            "excused": [r for r in sheet if r.status == AttendanceStatus.EXCUSED],
            "resolutions": [r for r in resolutions if r.status != ResolutionStatus.CANCELLED],
            "without_resolutions": lacks_resolutions(meeting, resolutions),
        },
    )


@login_required
@form_post
def minutes(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_update(
                actor=request.viewer,
                meeting=meeting,
                revision=form.cleaned_data["revision"],
                agenda=form.cleaned_data["agenda"],
                minutes=form.cleaned_data["minutes"],
                date=form.cleaned_data["date"],
            )
        except StaleEdit as stale:
            # Two editors: the second save is refused; show theirs, keep ours to merge.
            current = stale.current
            fresh = MinutesForm(
                initial={
                    "revision": current.revision,
                    "date": current.date,
                    "agenda": "\n".join(current.agenda or []),
                    "minutes": current.minutes,
                }
            )
            context = _detail_context(
                request,
                current,
                minutes_form=fresh,
                stale=stale,
                my_agenda=form.cleaned_data["agenda"],
                my_minutes=form.cleaned_data["minutes"],
            )
            return render(request, "meetings/detail.html", context, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The minutes are saved."))
            return redirect("meetings:detail", meeting.school.key, meeting.key)
    context = _detail_context(request, meeting, minutes_form=form)
    return render(request, "meetings/detail.html", context, status=400)


@login_required
@form_post
def attendance(request, school: str, key: str):
    """One member's attendance; htmx swaps just that row, a plain form reloads the page."""
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    staff = get_object_or_404(Staff, school_id=meeting.school_id, key=request.POST.get("staff", ""))
    error = None
    try:
        services.attendance_record(
            actor=request.viewer,
            meeting=meeting,
            staff=staff,
            status=request.POST.get("status", ""),
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        row = next((r for r in attendance_sheet(meeting) if r.staff.pk == staff.pk), None)
        return render(
            request,
            "meetings/_attendance_row.html",
            {
                "row": row,
                "meeting": meeting,
                "error": error,
                "attendance_choices": AttendanceStatus.choices,
                "editable": True,
            },
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    return redirect(
        reverse("meetings:detail", args=[meeting.school.key, meeting.key]) + "#attendance"
    )


@login_required
@form_post
def attendance_all_present(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    try:
        count = services.attendance_mark_rest_present(actor=request.viewer, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked present: %(count)d.") % {"count": count})
    return redirect(
        reverse("meetings:detail", args=[meeting.school.key, meeting.key]) + "#attendance"
    )


def _act(request, meeting: Meeting, action, success: str, anchor: str = ""):
    """Run one change of the meeting; its page then shows the service's refusal or ``success``."""
    run_with_message(request, action, success)
    return redirect(reverse("meetings:detail", args=[meeting.school.key, meeting.key]) + anchor)


@login_required
@form_post
def hold(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    return _act(
        request,
        meeting,
        lambda: services.meeting_hold(
            actor=request.viewer, meeting=meeting, as_of=request.viewer.today
        ),
        _("The meeting is marked as held."),
    )


@login_required
def cancel(request, school: str, key: str):
    """Asks first (GET: what the cancellation ends), then cancels (POST)."""
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    if request.method == "POST":
        return _act(
            request,
            meeting,
            lambda: services.meeting_cancel(actor=request.viewer, meeting=meeting),
            _("The meeting is cancelled."),
        )
    detail = reverse("meetings:detail", args=[meeting.school.key, meeting.key])
    if meeting.status != MeetingStatus.SCHEDULED:
        messages.error(request, _("Status: only a scheduled meeting can be cancelled."))
        return redirect(detail)
    what = _("meeting No. %(number)s of %(date)s") % {
        "number": meeting.number,
        "date": format_date(meeting.date),
    }
    resolutions = meeting.resolutions.count()
    keeps = [_("Its agenda, attendance and resolutions (%(count)d).") % {"count": resolutions}]
    if meeting.plan_item is not None:
        keeps.append(
            _("The plan item it was scheduled from stays in the plan: “%(title)s”.")
            % {"title": meeting.plan_item.title}
        )
    confirmation = Confirmation(
        question=_("Cancel %(what)s?") % {"what": what},
        button=_("Cancel the meeting"),
        back=detail,
        ends=[
            _(
                "The MA “%(ma)s” will not meet on %(date)s: the meeting leaves its members' "
                "calendars and cannot be held or minuted."
            )
            % {"ma": meeting.association, "date": format_date(meeting.date)}
        ],
        keeps=keeps,
        after=_(
            "Whoever may cancel the meeting can reopen it afterwards on its page: it is then "
            "scheduled again with everything it had."
        ),
    )
    return confirm_page(request, confirmation, school=meeting.school)


@login_required
@form_post
def reopen(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    return _act(
        request,
        meeting,
        lambda: services.meeting_reopen(actor=request.viewer, meeting=meeting),
        _("The meeting is scheduled again."),
    )


@login_required
@form_post
def resolution_add(request, school: str, key: str):
    meeting = _meeting(request, school, key)
    require(request.viewer, "manage_association", meeting)
    form = ResolutionForm(request.POST, staff_queryset=_school_staff(meeting))
    if form.is_valid():
        resolutions = reverse("meetings:detail", args=[meeting.school.key, meeting.key])
        resolutions += "#resolutions"
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.resolution_add(
                    actor=request.viewer,
                    meeting=meeting,
                    text=form.cleaned_data["text"],
                    responsible=form.cleaned_data["responsible"],
                    due=form.cleaned_data["due"],
                ),
                lambda resolution: resolutions,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
                return redirect(created.address)
            resolution = created.record
            messages.success(
                request, _("Resolution No. %(number)s is added.") % {"number": resolution.number}
            )
            return redirect(
                reverse("meetings:detail", args=[meeting.school.key, meeting.key]) + "#resolutions"
            )
    context = _detail_context(request, meeting, resolution_form=form)
    return render(request, "meetings/detail.html", context, status=400)


@login_required
@form_post
def resolution_status(request, school: str, key: str, number: int):
    meeting = _meeting(request, school, key)
    resolution = get_object_or_404(
        Resolution.objects.select_related("meeting__school"), meeting=meeting, number=number
    )
    require(request.viewer, "set_resolution_status", resolution)
    return _act(
        request,
        meeting,
        lambda: services.resolution_set_status(
            actor=request.viewer, resolution=resolution, status=request.POST.get("status", "")
        ),
        _("The resolution's status is saved."),
        anchor="#resolutions",
    )
