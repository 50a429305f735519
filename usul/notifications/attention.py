"""Home page: my unread notifications (newest first), two queries whatever their number."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from usul.lib.attention import Attention
from usul.notifications.models import NotificationKind
from usul.notifications.selectors import notifications_of

# The home page shows a few; the rest wait on the notifications page.
SHOWN = 5


def for_viewer(viewer) -> list[Attention]:
    unread = notifications_of(viewer).filter(read_at__isnull=True)
    newest = list(unread[: SHOWN + 1])
    items = [
        Attention(
            text=str(notification),
            url=reverse("notifications:open", args=[notification.public_id]),
            # An overdue resolution is a failure to act on DOC-12: it stands out.
            severity="warning"
            if notification.kind == NotificationKind.RESOLUTION_OVERDUE
            else "info",
            date=timezone.localdate(notification.created_at),
        )
        for notification in newest[:SHOWN]
    ]
    if len(newest) > SHOWN:
        more = unread.count() - SHOWN
        items.append(
            Attention(
                text=ngettext(
                    "%(count)d more unread notification",
                    "%(count)d more unread notifications",
                    more,
                )
                % {"count": more},
                url=reverse("notifications:list"),
            )
        )
    return items
