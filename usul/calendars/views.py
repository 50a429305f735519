"""Pages of the calendars app: my month, and my private feed (made, shown once, revoked)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from usul.accounts.policy import viewer_for, visible
from usul.calendars.ics import feed_document
from usul.calendars.models import CalendarFeed
from usul.calendars.selectors import calendar_events, last_day, month_of, parse_month
from usul.calendars.services import calendar_feed_create, calendar_feed_revoke, token_hash
from usul.lib.base_url import absolute_url, base_url
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.views import form_post
from usul.schools.models import SchoolYear

# The feed reaches a year back and a year ahead: the whole current school year from any day
# of it, and last year's entries stay on the phone until they are a year old.
FEED_REACH = dt.timedelta(days=366)


def _school_year_months(viewer, first: dt.date) -> list[tuple[str, dt.date]]:
    """The months of the school year the shown month belongs to, August first, for the month
    picker; none for a viewer without a school (one query, the school's years)."""
    if viewer.school_id is None:
        return []
    years = visible(viewer, SchoolYear.objects.filter(school_id=viewer.school_id)).order_by("start")
    year = next((y for y in years if y.in_window(first)), None)
    if year is None:
        return []
    return [(m, parse_month(m)) for m in year.months()]


def _month_context(request, first: dt.date) -> dict:
    viewer = request.viewer
    events = calendar_events(viewer, first, last_day(first))
    return {
        "month": month_of(first, events, viewer.today),
        "year_months": _school_year_months(viewer, first),
        "has_events": bool(events),
        "has_staff": viewer.staff is not None,
        "feed_active": CalendarFeed.objects.filter(user=request.user, revoked_at=None).exists(),
    }


@login_required
@require_GET
def mine(request):
    first = request.viewer.today.replace(day=1)
    raw = request.GET.get("month", "")
    if raw:
        try:
            first = parse_month(raw)
        except ValueError:
            messages.error(
                request,
                _("Month: expected a month as YYYY-MM (for example 2025-10), got “%(value)s”.")
                % {"value": raw[:20]},
            )
    return render(request, "calendars/mine.html", _month_context(request, first))


def _feed_section(request, *, token: str = "") -> HttpResponse:
    """After a change of the feed: the feed box alone for htmx, else the whole page."""
    context = {
        "feed_active": CalendarFeed.objects.filter(user=request.user, revoked_at=None).exists(),
        "has_staff": request.viewer.staff is not None,
    }
    if token:
        path = reverse("calendars:feed", args=[token])
        url = absolute_url(path) if base_url() else request.build_absolute_uri(path)
        context["new_feed_url"] = url
        context["webcal_url"] = "webcal://" + url.split("://", 1)[1]
    if request.htmx:
        return render(request, "calendars/_feed.html", context)
    # Without htmx the page is rendered in the POST's answer: the address must not travel in a
    # redirect URL or a session, and it is shown only this once.
    page = _month_context(request, request.viewer.today.replace(day=1))
    return render(request, "calendars/mine.html", {**page, **context})


@login_required
@form_post
def feed_new(request):
    _, token = calendar_feed_create(actor=request.viewer, user=request.user)
    return _feed_section(request, token=token)


@login_required
def feed_revoke(request):
    """Asks first (GET), then turns the address off (POST). A turned-off address is never
    turned on again — it may have leaked, which is why one turns it off — but a new one is
    made in one step."""
    if request.method != "POST":
        if not CalendarFeed.objects.filter(user=request.user, revoked_at=None).exists():
            return redirect("calendars:mine")
        return confirm_page(
            request,
            Confirmation(
                question=_("Turn your calendar address off?"),
                button=_("Turn the address off"),
                back=reverse("calendars:mine"),
                ends=[
                    _(
                        "Your private calendar address stops working at once: a phone or "
                        "computer that reads it no longer sees your meetings, open lessons and "
                        "resolutions."
                    )
                ],
                after=_(
                    "An address that was turned off is not turned on again, in case someone "
                    "else knew it. You can make a new address on your calendar page at any time."
                ),
            ),
        )
    calendar_feed_revoke(actor=request.viewer, user=request.user)
    if request.htmx:
        return _feed_section(request)
    messages.success(request, _("Your calendar address is turned off."))
    return redirect("calendars:mine")


@require_GET
def feed(request, token: str):
    """The iCalendar feed: no log-in, the token is the key; a revoked token is not found."""
    feed = (
        CalendarFeed.objects.select_related("user__staff")
        .filter(token_hash=token_hash(token), revoked_at=None, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    user = feed.user
    viewer = viewer_for(user)
    language = user.language or "ky"
    with translation.override(language):
        events = calendar_events(viewer, viewer.today - FEED_REACH, viewer.today + FEED_REACH)
        body = feed_document(
            events,
            name=_("Usul: my calendar"),
            base_url=base_url(),
            language=language,
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="usul.ics"'
    # The address is a secret: no shared caches, no search engines, no referrer leaks.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
