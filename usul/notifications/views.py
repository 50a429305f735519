"""Pages of the notifications app: my notifications, opened and marked read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from usul.notifications.selectors import notifications_of, unread_count, unread_count_for
from usul.notifications.services import notification_mark_read, notifications_mark_all_read

PAGE_SIZE = 50


def _mine(request, public_id):
    """One of the reader's own notifications; anybody else's is simply not found."""
    return get_object_or_404(notifications_of(request.viewer), public_id=public_id)


@login_required
@require_GET
def notification_list(request):
    page = Paginator(notifications_of(request.viewer), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": unread_count_for(request)},
    )


@login_required
@require_GET
def notification_open(request, public_id):
    """Follow a notification's link; opening it is reading it."""
    notification = _mine(request, public_id)
    notification_mark_read(actor=request.viewer, notification=notification)
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect("notifications:list")
    return redirect(target)


@login_required
@require_POST
def notification_read(request, public_id):
    notification = notification_mark_read(
        actor=request.viewer, notification=_mine(request, public_id)
    )
    if request.htmx:
        return render(
            request,
            "notifications/_read_answer.html",
            {"notification": notification, "unread": unread_count(request.viewer)},
        )
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    if request.viewer.staff is not None:
        notifications_mark_all_read(actor=request.viewer, staff=request.viewer.staff)
    if request.htmx:
        page = Paginator(notifications_of(request.viewer), PAGE_SIZE).get_page(
            request.POST.get("page")
        )
        return render(request, "notifications/_list_answer.html", {"page": page, "unread": 0})
    return redirect("notifications:list")
