"""Reads of the notifications app: a person's own notifications, and how many are unread."""

from __future__ import annotations

from django.db.models import QuerySet

from usul.accounts.policy import Viewer, visible
from usul.notifications.models import Notification


def notifications_of(viewer: Viewer) -> QuerySet[Notification]:
    """The viewer's own notifications, newest first. Nobody reads another person's, whatever
    their role: a notification is addressed to one staff member."""
    if viewer.staff is None:
        return Notification.objects.none()
    return (
        visible(viewer, Notification.objects.filter(recipient=viewer.staff))
        .select_related("actor__staff")
        .order_by("-created_at", "-id")
    )


def unread_count(viewer: Viewer | None) -> int:
    """One COUNT query (the nav badge asks on every page)."""
    if viewer is None or viewer.staff is None:
        return 0
    return Notification.objects.filter(recipient=viewer.staff, read_at__isnull=True).count()


def unread_count_for(request) -> int:
    """The unread count once per request: the page and the nav badge share it."""
    if not hasattr(request, "_unread_notifications"):
        request._unread_notifications = unread_count(getattr(request, "viewer", None))
    return request._unread_notifications
