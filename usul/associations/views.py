"""MA pages: the list, one MA, and the forms that change it. Views only translate input and
output: who may act is asked of ``usul.accounts.policy``, the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from usul.accounts.history import Ref, Source, change_history
from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations import services
from usul.associations.forms import (
    AssociationForm,
    HeadElectionForm,
    LiquidationForm,
    MembershipAddForm,
    MembershipEndForm,
    SupervisorForm,
)
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.associations.selectors import (
    Problem,
    associations_at,
    creating_order,
    head_candidate_problems,
    head_term_at,
    is_active,
    last_ended_membership,
    liquidation_order,
    members_at,
    memberships_at,
    running_membership,
    supervisors_at,
)
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.dates import format_date
from usul.lib.forms import add_service_errors, run_with_message
from usul.lib.views import form_post
from usul.orders.models import CouncilDecision, Order
from usul.people.models import Staff
from usul.people.selectors import staff_with_history
from usul.schools.models import Subject
from usul.schools.selectors import current_year, visible_school


def _association(viewer, school, key: str, queryset=None) -> Association:
    queryset = queryset if queryset is not None else Association.objects.all()
    return get_visible(viewer, queryset.filter(school=school), key=key)


def _school_staff(viewer, school):
    return visible(viewer, Staff.objects.filter(school=school))


def _detail_url(association: Association) -> str:
    return reverse("associations:detail", args=[association.school.key, association.key])


@login_required
def association_list(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    year = current_year(school, viewer.today)
    rows = associations_at(
        visible(viewer, Association.objects.filter(school=school)), viewer.today, year
    )
    rows.sort(key=lambda r: not r.active)  # active MAs first, the list's order otherwise kept
    return render(
        request,
        "associations/list.html",
        {
            "school": school,
            "year": year,
            "rows": rows,
            "can_manage": can(viewer, "manage_school", school),
        },
    )


@login_required
def association_detail(request, school, key):
    viewer = request.viewer
    today = viewer.today
    school = visible_school(viewer, school)
    association = _association(
        viewer,
        school,
        key,
        Association.objects.select_related(
            "created_by__proposed_by",
            "created_by__signed_by",
            "liquidated_by__proposed_by",
            "liquidated_by__signed_by",
        ).prefetch_related(
            "members__staff",
            Prefetch(
                "heads", queryset=HeadTerm.objects.select_related("staff", "elected_at", "order")
            ),
            "supervisors__staff",
            "subjects",
            Prefetch(
                "council_decisions",
                queryset=CouncilDecision.objects.select_related("year").order_by("-date"),
            ),
        ),
    )
    year = current_year(school, today)
    current = memberships_at(association, today)
    current_ids = {m.pk for m in current}
    other = sorted(
        (m for m in association.members.all() if m.pk not in current_ids),
        key=lambda m: m.start,
        reverse=True,
    )
    args = (school.key, association.key)
    links = {
        "plan": reverse("planning:plan", args=[*args, year.key]) if year else "",
        "documents": reverse("documents:register", args=[*args, year.key]) if year else "",
        "grid": reverse("planning:grid", args=[school.key, year.key]) if year else "",
        "meetings": reverse("meetings:list", args=[*args]),
        "compliance": reverse("compliance:association", args=[*args])
        if can(viewer, "view_compliance", association)
        else "",
        "lessons": reverse("lessons:list", args=[school.key]),
    }
    return render(
        request,
        "associations/detail.html",
        {
            "school": school,
            "association": association,
            "year": year,
            "today": today,
            "active": is_active(association, today, year),
            "members": current,
            "other_members": other,
            "head_term": head_term_at(association, today),
            "heads": sorted(association.heads.all(), key=lambda h: h.start, reverse=True),
            "supervisors": supervisors_at(association, today),
            "creating_order": creating_order(association),
            "liquidation_order": liquidation_order(association),
            "decisions": association.council_decisions.all(),
            "links": links,
            "can_manage": can(viewer, "manage_school", association),
            "history": change_history(_history_sources(association)),
        },
    )


# Named in the entry's subject already ("Member: Асанова Айгүл"); not repeated as changes.
IN_SUBJECT = frozenset({"association", "staff"})


def _history_sources(association: Association) -> list[Source]:
    return [
        Source(Association.history.filter(id=association.pk), lambda r: [_("MA")]),
        Source(
            Membership.history.filter(association_id=association.pk),
            lambda r: [_("Member:"), Ref(Staff, r.staff_id)],
            hidden=IN_SUBJECT,
        ),
        Source(
            HeadTerm.history.filter(association_id=association.pk),
            lambda r: [_("Head:"), Ref(Staff, r.staff_id)],
            hidden=IN_SUBJECT,
        ),
        Source(
            Supervision.history.filter(association_id=association.pk),
            lambda r: [_("Supervisor:"), Ref(Staff, r.staff_id)],
            hidden=IN_SUBJECT,
        ),
        Source(
            Order.history.filter(association_id=association.pk),
            lambda r: [_("Order No. %(number)s") % {"number": r.number or "—"}],
            hidden=frozenset({"association"}),
        ),
    ]


@login_required
def association_create(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "manage_school", school)
    form = AssociationForm(
        request.POST or None,
        staff=_school_staff(viewer, school),
        subjects=visible(viewer, Subject.objects.filter(school=school)),
        creating=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.association_create(
                    actor=viewer, school=school, **form.service_values()
                ),
                _detail_url,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
                return redirect(created.address)
            association = created.record
            messages.success(request, _("The MA “%(name)s” is recorded.") % {"name": association})
            return redirect(_detail_url(association))
    return render(request, "associations/form.html", {"school": school, "form": form})


@login_required
def association_edit(request, school, key):
    viewer = request.viewer
    school = visible_school(viewer, school)
    association = _association(
        viewer, school, key, Association.objects.select_related("created_by", "liquidated_by")
    )
    require(viewer, "manage_school", association)
    staff = _school_staff(viewer, school)
    order = creating_order(association)
    initial = {
        "name": association.name,
        "kind": association.kind,
        "subjects": list(association.subjects.all()),
    }
    if order is not None:
        initial |= {
            "order_number": order.number,
            "order_date": order.date,
            "order_proposed_by": order.proposed_by_id,
            "order_signed_by": order.signed_by_id,
        }
    action = request.POST.get("form", "main") if request.method == "POST" else None
    data = request.POST if request.method == "POST" else None
    form = AssociationForm(
        data if action == "main" else None,
        initial=initial,
        staff=staff,
        subjects=visible(viewer, Subject.objects.filter(school=school)),
        creating=False,
    )
    supervisor_form = SupervisorForm(data if action == "supervisor" else None, staff=staff)
    target = {"main": form, "supervisor": supervisor_form}.get(action)
    if target is not None and target.is_valid():
        values = target.cleaned_data
        try:
            if action == "main":
                services.association_update(
                    actor=viewer, association=association, **form.service_values()
                )
                message = _("The MA is saved.")
            elif action == "supervisor":
                services.supervisor_assign(
                    actor=viewer,
                    association=association,
                    staff=values["supervisor"],
                    start=values["supervisor_from"],
                )
                message = _("The supervisor is recorded.")
            else:
                services.association_liquidate(actor=viewer, association=association, **values)
                message = _("The MA is liquidated by the order.")
        except ValidationError as exc:
            add_service_errors(target, exc)
        else:
            messages.success(request, message)
            return redirect(_detail_url(association))
    supervisions = Supervision.objects.filter(association=association).select_related("staff")
    return render(
        request,
        "associations/form.html",
        {
            "school": school,
            "association": association,
            "form": form,
            "supervisor_form": supervisor_form,
            "supervisions": supervisions,
            "liquidated": liquidation_order(association),
        },
    )


@login_required
def association_members(request, school, key):
    """Add members and end memberships; with htmx the list updates without a reload."""
    viewer = request.viewer
    school = visible_school(viewer, school)
    association = _association(viewer, school, key)
    require(viewer, "manage_school", association)
    staff = _school_staff(viewer, school)
    action = request.POST.get("action") if request.method == "POST" else None
    add_form = MembershipAddForm(request.POST if action == "add" else None, staff=staff)
    done = ""
    if action == "add":
        done = _add_member(request, association, add_form)
        if done:
            add_form = MembershipAddForm(staff=staff)
    if done and not request.htmx:
        messages.success(request, done)
        return redirect(reverse("associations:members", args=[school.key, association.key]))
    memberships = sorted(
        Membership.objects.filter(association=association).select_related("staff"),
        key=lambda m: (m.end is not None, m.staff.last_name, m.staff.first_name, m.start),
    )
    # An ended membership can be reopened unless the person joined again after it.
    latest: dict[int, Membership] = {}
    for m in memberships:
        if m.staff_id not in latest or m.start > latest[m.staff_id].start:
            latest[m.staff_id] = m
    for m in memberships:
        m.reopenable = m.end is not None and latest[m.staff_id].pk == m.pk
    context = {
        "school": school,
        "association": association,
        "memberships": memberships,
        "add_form": add_form,
        "done": done,
    }
    template = "associations/_members.html" if request.htmx else "associations/members.html"
    return render(request, template, context)


def _add_member(request, association: Association, form: MembershipAddForm) -> str:
    """The success message, or "" with the errors left on ``form``. Sent twice, the form adds
    the member once and the second time says so."""
    if not form.is_valid():
        return ""
    values = {k: v for k, v in form.cleaned_data.items() if k != "once"}
    try:
        created = create_once(
            request.user,
            form.cleaned_data["once"],
            lambda: services.membership_add(
                actor=request.viewer, association=association, **values
            ),
            lambda membership: reverse(
                "associations:members", args=[association.school.key, association.key]
            ),
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return ""
    if created.repeated:
        return str(ALREADY_SENT)
    membership = created.record
    return _("%(name)s is a member from %(date)s.") % {
        "name": membership.staff,
        "date": format_date(membership.start),
    }


def _members_url(association: Association) -> str:
    return reverse("associations:members", args=[association.school.key, association.key])


def _member(viewer, school, key: str, staff_key: str) -> tuple[Association, Staff]:
    association = _association(viewer, school, key)
    require(viewer, "manage_school", association)
    staff = get_visible(viewer, Staff.objects.filter(school=school), key=staff_key)
    return association, staff


@login_required
def membership_end(request, school, key, staff):
    """Asks first (GET: what ends, with the last day to give), then ends it (POST)."""
    viewer = request.viewer
    school = visible_school(viewer, school)
    association, person = _member(viewer, school, key, staff)
    membership = running_membership(association, person)
    if membership is None:
        messages.error(
            request, _("%(name)s has no running membership of this MA.") % {"name": person}
        )
        return redirect(_members_url(association))
    form = MembershipEndForm(
        request.POST if request.method == "POST" else None, initial={"end": viewer.today}
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_end(
                actor=viewer, membership=membership, end=form.cleaned_data["end"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s is a member until %(date)s included.")
                % {"name": membership.staff, "date": format_date(membership.end)},
            )
            return redirect(_members_url(association))
    ends = [
        _("%(name)s's membership of the MA “%(ma)s”, running since %(date)s.")
        % {"name": person, "ma": association, "date": format_date(membership.start)}
    ]
    keeps = []
    term = head_term_at(association, viewer.today)
    if term is not None and term.staff_id == person.pk:
        keeps.append(
            _(
                "%(name)s heads this MA: the head's term does not end with the membership; elect a "
                "new head (ORG-1)."
            )
            % {"name": person}
        )
    confirmation = Confirmation(
        question=_("End %(name)s's membership?") % {"name": person},
        button=_("End membership"),
        back=_members_url(association),
        ends=ends,
        keeps=keeps,
        after=_(
            "Nothing is deleted: the membership keeps its dates. Whoever may end a membership can "
            "reopen it afterwards on the members page."
        ),
        form=form,
    )
    return confirm_page(request, confirmation, school=school, status=400 if form.errors else 200)


@login_required
@form_post
def membership_reopen(request, school, key, staff):
    viewer = request.viewer
    school = visible_school(viewer, school)
    association, person = _member(viewer, school, key, staff)
    membership = last_ended_membership(association, person)
    if membership is None:
        messages.error(
            request, _("%(name)s has no ended membership of this MA.") % {"name": person}
        )
    else:
        run_with_message(
            request,
            lambda: services.membership_reopen(actor=viewer, membership=membership),
            _("%(name)s is a member again, with no last day.") % {"name": person},
        )
    return redirect(_members_url(association))


@login_required
def association_liquidate(request, school, key):
    """GEN-8: asks first — what stops with the MA — with the liquidating order's fields."""
    viewer = request.viewer
    school = visible_school(viewer, school)
    association = _association(
        viewer, school, key, Association.objects.select_related("created_by", "liquidated_by")
    )
    require(viewer, "manage_school", association)
    if liquidation_order(association) is not None:
        messages.error(request, _("This MA has already been liquidated."))
        return redirect(_detail_url(association))
    form = LiquidationForm(
        request.POST if request.method == "POST" else None, staff=_school_staff(viewer, school)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.association_liquidate(
                actor=viewer, association=association, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The MA is liquidated by the order."))
            return redirect(_detail_url(association))
    members = memberships_at(association, viewer.today)
    head = head_term_at(association, viewer.today)
    ends = [
        _(
            "The MA “%(ma)s” is no longer active from the order's date: the check against the "
            "regulation leaves it out, and nobody can join it after that day."
        )
        % {"ma": association},
    ]
    keeps = [
        ngettext(
            "Its %(count)d member and its head stay in the records as they are.",
            "Its %(count)d members and its head stay in the records as they are.",
            len(members),
        )
        % {"count": len(members)}
        if head is not None
        else ngettext(
            "Its %(count)d member stays in the records as they are.",
            "Its %(count)d members stay in the records as they are.",
            len(members),
        )
        % {"count": len(members)},
    ]
    confirmation = Confirmation(
        question=_("Liquidate the MA “%(ma)s”?") % {"ma": association},
        button=_("Liquidate the MA"),
        back=_detail_url(association),
        ends=ends,
        keeps=keeps,
        after=_(
            "If the order was recorded by mistake, whoever may liquidate the MA can reopen it on "
            "the MA's page."
        ),
        form=form,
    )
    return confirm_page(request, confirmation, school=school, status=400 if form.errors else 200)


@login_required
@form_post
def association_reopen(request, school, key):
    viewer = request.viewer
    school = visible_school(viewer, school)
    association = _association(viewer, school, key)
    require(viewer, "manage_school", association)
    run_with_message(
        request,
        lambda: services.association_reopen(actor=viewer, association=association),
        _("The MA is active again; the liquidating order is taken back."),
    )
    return redirect(_detail_url(association))


@login_required
def association_elect_head(request, school, key):
    """ORG-1 head election; warns (GEN-3, HEAD-1) before recording an unqualified head."""
    viewer = request.viewer
    school = visible_school(viewer, school)
    association = _association(
        viewer, school, key, Association.objects.prefetch_related("members__staff", "heads__staff")
    )
    require(viewer, "manage_school", association)
    staff = _school_staff(viewer, school)
    form = HeadElectionForm(
        request.POST or None,
        staff=staff,
        meetings=services.held_meetings(association),
        members=members_at(association, viewer.today),
    )
    problems: list[Problem] = []
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        confirmed = values.pop("confirm")
        once = values.pop("once")
        candidate = staff_with_history().get(pk=values["staff"].pk)
        problems = head_candidate_problems(association, candidate, values["start"])
        if not problems or confirmed:
            try:
                created = create_once(
                    request.user,
                    once,
                    lambda: services.head_elect(actor=viewer, association=association, **values),
                    lambda term: _detail_url(association),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if created.repeated:
                    messages.info(request, ALREADY_SENT)
                    return redirect(created.address)
                term = created.record
                messages.success(
                    request,
                    _("%(name)s heads the MA from %(date)s.")
                    % {"name": term.staff, "date": format_date(term.start)},
                )
                for problem in problems:
                    messages.warning(request, problem)
                return redirect(_detail_url(association))
    if not problems:
        # The "record anyway" box means something only next to the warnings it confirms.
        form.fields["confirm"].widget = forms.HiddenInput()
    return render(
        request,
        "associations/elect_head.html",
        {
            "school": school,
            "association": association,
            "form": form,
            "problems": problems,
            "heads": sorted(association.heads.all(), key=lambda h: h.start, reverse=True),
        },
    )
