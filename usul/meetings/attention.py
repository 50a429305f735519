"""Home-page items about resolutions (ORG-4, DOC-12): open ones past their due date — for the
responsible person and for the MA's head — and the viewer's own ones due within a week.

One query, whatever the number of resolutions.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from usul.lib.attention import Attention
from usul.lib.dates import format_date
from usul.meetings.selectors import open_resolutions_for

DUE_SOON_DAYS = 7


def for_viewer(viewer) -> list[Attention]:
    if viewer.staff is None:
        return []
    today = viewer.today
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    items = []
    for resolution in open_resolutions_for(
        viewer.staff, viewer.headed_association_ids, due_before=soon + dt.timedelta(days=1)
    ):
        meeting = resolution.meeting
        mine = resolution.responsible_id == viewer.staff.pk
        params = {
            "number": resolution.number,
            "meeting": meeting.number,
            "association": meeting.association.name,
            "text": Truncator(resolution.text).chars(80),
            "due": format_date(resolution.due),
            "who": resolution.responsible.short_name if resolution.responsible else "—",
        }
        if resolution.due < today:
            text = (
                _(
                    "Overdue since %(due)s: resolution %(number)s of meeting No. %(meeting)s "
                    "(%(association)s) — %(text)s"
                )
                if mine
                else _(
                    "Overdue since %(due)s (%(who)s): resolution %(number)s of meeting "
                    "No. %(meeting)s (%(association)s) — %(text)s"
                )
            )
            severity = "warning"
        elif mine:
            text = _(
                "Due %(due)s: resolution %(number)s of meeting No. %(meeting)s "
                "(%(association)s) — %(text)s"
            )
            severity = "info"
        else:
            continue  # the head is told only when a resolution is late
        url = reverse("meetings:detail", args=[meeting.school.key, meeting.key]) + "#resolutions"
        items.append(Attention(text=text % params, url=url, severity=severity, date=resolution.due))
    return items
