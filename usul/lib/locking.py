"""Optimistic locking: a save based on an older revision is refused, saying who changed what.

Records edited in a form (plans, plan items, meetings) carry ``revision``, raised by one on
every save. The form sends back the revision it showed; if the stored record has moved on,
``check_revision`` raises ``StaleEdit`` naming the fields that changed, who changed them and
when, read from the record's history (django-simple-history), and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

from django.core.exceptions import ValidationError
from django.db.models import Field, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.lib.dates import format_date


class StaleEdit(ValidationError):
    """Someone saved the record after the editor opened it; nothing was written."""

    def __init__(self, message, *, changed, by, at, current):
        super().__init__(message, code="stale")
        self.changed = changed
        self.by = by
        self.at = at
        self.current = current


def author_name(user) -> str:
    """A person as colleagues know them: the staff member's short name, else the log-in."""
    if user is None:
        return _("someone")
    staff = getattr(user, "staff", None)
    return staff.short_name if staff is not None else user.get_username()


def labels_of(model: type[Model], names: Iterable[str]) -> dict[str, str]:
    """The watched fields of ``model`` named as its forms name them, for ``check_revision``."""
    return {name: str(cast(Field, model._meta.get_field(name)).verbose_name) for name in names}


def _moment(at: dt.datetime | None) -> str:
    if at is None:
        return ""
    local = timezone.localtime(at)
    return f"{format_date(local.date())} {local:%H:%M}"


def check_revision(current: Model, revision: int | None, *, fields: dict[str, str]) -> None:
    """Refuse a save started from ``revision`` when ``current`` (locked, as stored) is newer.

    ``fields`` maps the watched field names to their labels in the user's language; the
    message names those that differ between the revision the editor saw and the stored one.
    ``None`` (a caller that sent no revision, such as a command) is never refused.
    """
    if revision is None or current.revision == revision:  # type: ignore[attr-defined]
        return
    history = current.history  # type: ignore[attr-defined]
    seen = history.filter(revision=revision).order_by("-history_date").first()
    latest = history.select_related("history_user__staff").order_by("-history_date").first()
    if seen is None:
        changed = list(fields)
    else:
        changed = [name for name in fields if getattr(seen, name) != getattr(current, name)]
    user = latest.history_user if latest is not None else None
    at = latest.history_date if latest is not None else None
    message = _(
        "Not saved: while you were editing, %(who)s saved this record (%(when)s; changed: "
        "%(fields)s). The page now shows their version; make your change again."
    ) % {
        "who": author_name(user),
        "when": _moment(at),
        "fields": ", ".join(str(fields[name]) for name in changed) or _("nothing visible"),
    }
    raise StaleEdit(message, changed=changed, by=author_name(user), at=at, current=current)
