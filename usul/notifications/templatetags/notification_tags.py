"""``{% notifications_link %}``: the nav's link to my notifications with the unread count."""

from __future__ import annotations

from django import template

from usul.notifications.selectors import unread_count_for

register = template.Library()


@register.inclusion_tag("notifications/nav_link.html", takes_context=True)
def notifications_link(context):
    request = context.get("request")
    return {"request": request, "unread": unread_count_for(request) if request else 0}
