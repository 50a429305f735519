"""The home page: what needs this person's attention today, then one block per role they hold.

It stands above every app whose items it shows (``usul.home.attention``), which is why it is an
app of its own and not part of ``accounts`` (log-in, languages, the policy), which all apps use.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse

from usul.accounts.policy import visible
from usul.associations.models import Association
from usul.associations.selectors import associations_at
from usul.home.attention import attention_for
from usul.people.models import TEACHING_ROLES, Role, Staff
from usul.people.selectors import roles_at
from usul.schools.models import School
from usul.schools.selectors import current_year


@login_required
def home(request):
    """What needs this person's attention, then one block per role they hold today."""
    viewer = request.viewer
    today = viewer.today
    context = {
        "attention": attention_for(viewer, expand=request.GET.get("more", "")),
        "today": today,
    }
    staff = viewer.staff
    if staff is not None:
        school = staff.school
        year = current_year(school, today)
        associations = associations_at(
            visible(viewer, Association.objects.filter(school=school)), today, year
        )
        context |= {"school": school, "year": year}
        if viewer.is_leadership:
            active = [a for a in associations if a.active]
            people = visible(viewer, Staff.objects.filter(school=school)).prefetch_related(
                "positions"
            )
            context["leadership"] = {
                "active": active,
                "staff_count": sum(1 for s in people if roles_at(s, today)),
                "without_head": [a for a in active if a.head is None],
                "too_few": [a for a in active if a.too_few_members],
                "compliance": reverse("compliance:school", args=[school.key]),
                "grid": reverse("planning:grid", args=[school.key, year.key]) if year else "",
            }
        context["headed"] = [
            a for a in associations if a.association.pk in viewer.headed_association_ids
        ]
        context["mine"] = [
            a for a in associations if a.active and any(m.pk == staff.pk for m in a.members)
        ]
        context["teaches"] = bool(viewer.roles & (TEACHING_ROLES | {Role.EDUCATOR}))
        context["positionless"] = not roles_at(staff, today)
    if viewer.is_district:
        context["district_schools"] = _schools(
            visible(viewer, School.objects.filter(district_id=viewer.district_id)), today
        )
    if viewer.is_administrator:
        context["all_schools"] = _schools(visible(viewer, School.objects.all()), today)
        context["upload"] = reverse("bundle:upload")
    context["no_role"] = staff is None and not viewer.is_district and not viewer.is_administrator
    return render(request, "home/home.html", context)


def _schools(queryset, today):
    """Schools with their count of MAs and staff, in two queries whatever their number."""
    return list(
        queryset.select_related("district").annotate(
            association_count=Count("associations", distinct=True),
            staff_count=Count(
                "staff",
                filter=Q(staff__positions__start__lte=today)
                & (Q(staff__positions__end__isnull=True) | Q(staff__positions__end__gte=today)),
                distinct=True,
            ),
        )
    )
