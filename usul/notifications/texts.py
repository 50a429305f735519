"""The words of each notification, rendered from its kind and params in the reader's language.

Texts are chosen when the notification is read (or e-mailed), never stored: the same event reads
in Kyrgyz for one colleague and in Russian for another. Params are plain strings; a param that
holds an ISO date ("2025-10-14") is shown the way the school writes dates (14.10.2025). A param
a caller left out shows as an empty string rather than breaking the page.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from usul.lib.dates import format_date
from usul.notifications.models import NotificationKind


def _texts() -> dict[str, str]:
    # Built per call so that each string is translated in the language active now.
    return {
        NotificationKind.PLAN_SUBMITTED: _(
            "The work plan of %(association)s for %(year)s was submitted for approval."
        ),
        NotificationKind.PLAN_RETURNED: _(
            "The work plan of %(association)s for %(year)s was returned for revision."
        ),
        NotificationKind.PLAN_APPROVED: _(
            "The work plan of %(association)s for %(year)s was approved."
        ),
        NotificationKind.MEETING_SCHEDULED: _(
            "A meeting of %(association)s is scheduled for %(date)s."
        ),
        NotificationKind.RESOLUTION_ASSIGNED: _(
            "You are responsible for a resolution of %(association)s, due %(due)s: %(resolution)s"
        ),
        NotificationKind.RESOLUTION_OVERDUE: _(
            "A resolution of %(association)s was due %(due)s and is still open: %(resolution)s"
        ),
        NotificationKind.OBSERVATION_RECORDED: _(
            "%(observer)s recorded an observation of your lesson of %(date)s."
        ),
    }


def _shown(value) -> str:
    if isinstance(value, dt.date):
        return format_date(value)
    text = "" if value is None else str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(text))
        except ValueError:
            pass
    return text


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(kind: str, params: dict | None) -> str:
    """The notification's sentence in the active language."""
    template = _texts().get(kind)
    values = _Params({key: _shown(value) for key, value in (params or {}).items()})
    if template is None:
        return NotificationKind(kind).label if kind in NotificationKind.values else str(kind)
    text = template % values
    comment = values.get("comment", "").strip()
    if kind == NotificationKind.PLAN_RETURNED and comment:
        # The deputy's comment says what to change (HEAD-D2); it is the point of the message.
        text = _("%(text)s Comment: %(comment)s") % {"text": text, "comment": comment}
    return text


def subject(kind: str) -> str:
    """The e-mail subject line: the kind's name, in the active language."""
    return _("Usul: %(kind)s") % {"kind": NotificationKind(kind).label}
