"""The school overview: what the director, a deputy or the district methodologist sees first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from usul.accounts.policy import can, visible
from usul.associations.models import Association
from usul.associations.selectors import associations_at
from usul.orders.models import CouncilDecision, Order
from usul.people.models import Staff
from usul.people.selectors import roles_at
from usul.schools.selectors import current_year, visible_school


@login_required
def overview(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    today = viewer.today
    years = list(school.years.all())
    year = current_year(school, today)
    associations = associations_at(
        visible(viewer, Association.objects.filter(school=school)), today, year
    )
    active = [a for a in associations if a.active]
    staff = list(visible(viewer, Staff.objects.filter(school=school)).prefetch_related("positions"))
    orders = list(
        visible(viewer, Order.objects.filter(school=school))
        .select_related("association")
        .order_by("-date", "-key")[:10]
    )
    decisions = (
        list(
            visible(viewer, CouncilDecision.objects.filter(school=school, year=year))
            .prefetch_related("associations")
            .order_by("-date")
        )
        if year
        else []
    )
    return render(
        request,
        "schools/overview.html",
        {
            "school": school,
            "year": year,
            "years": years,
            "associations": associations,
            "active_count": len(active),
            "staff_count": sum(1 for s in staff if roles_at(s, today)),
            "without_head": [a for a in active if a.head is None],
            "too_few": [a for a in active if a.too_few_members],
            "orders": orders,
            "decisions": decisions,
            "can_manage": can(viewer, "manage_school", school),
            "links": {
                "compliance": reverse("compliance:school", args=[school.key]),
                "grid": reverse("planning:grid", args=[school.key, year.key]) if year else "",
                "lessons": reverse("lessons:list", args=[school.key]),
            },
        },
    )
