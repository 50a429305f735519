"""Log-in, the language switch, and the home page of each role."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from usul.accounts.forms import LoginForm
from usul.accounts.links import link_or
from usul.accounts.policy import visible
from usul.accounts.services import user_set_language
from usul.associations.models import Association
from usul.associations.selectors import associations_at
from usul.lib.attention import attention_for
from usul.people.models import TEACHING_ROLES, Role, Staff
from usul.people.selectors import roles_at
from usul.schools.models import School
from usul.schools.selectors import current_year


class LoginView(auth_views.LoginView):
    """Django's log-in, keeping the language the person chose on the log-in page."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if not user.language and chosen in dict(settings.LANGUAGES):
            # Chosen before logging in: remember it on the user from now on.
            user_set_language(user=user, language=chosen)
        if user.language:
            _remember_in_cookie(response, user.language)
        return response


def _remember_in_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
    )


def _is_page(target: str) -> bool:
    """The switch returns the user to a page of Usul, never to an address that does not exist."""
    try:
        resolve(urlsplit(target).path)
    except Resolver404:
        return False
    return True


@require_POST
def set_language(request):
    """Switch the language and remember it on the user (and in a cookie before log-in)."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ) or not _is_page(target):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            user_set_language(user=request.user, language=language)
        translation.activate(language)
        _remember_in_cookie(response, language)
    return response


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
                "compliance": link_or("compliance:school", school.key),
                "grid": link_or("planning:grid", school.key, year.key) if year else "",
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
        context["upload"] = link_or("bundle:upload")
    context["no_role"] = staff is None and not viewer.is_district and not viewer.is_administrator
    return render(request, "accounts/home.html", context)


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
