"""Writes of the notifications app: tell people, mark what they have read.

``notify`` is called by the other apps inside their own transaction: the in-app
notifications are stored with the change that caused them, and the e-mails leave only once
that change is committed — a rolled-back change tells nobody anything.

Params each kind reads (plain strings or dates; a missing one shows empty):

- ``plan_submitted``, ``plan_approved``: ``association``, ``year``
- ``plan_returned``: ``association``, ``year``, ``comment``
- ``meeting_scheduled``: ``association``, ``date``
- ``resolution_assigned``, ``resolution_overdue``: ``association``, ``resolution``, ``due``
- ``observation_recorded``: ``observer``, ``date``
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib.base_url import absolute_url
from usul.notifications.models import Notification, NotificationKind
from usul.notifications.texts import render, subject
from usul.people.models import Staff

logger = logging.getLogger(__name__)


def _plain(value):
    """Params are stored as JSON: dates become ISO strings, everything else a string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


@transaction.atomic
def notify(
    *, kind: str, recipients: Iterable, url: str, params: dict | None = None, actor=None
) -> list[Notification]:
    """Store one notification per recipient (``people.Staff``); e-mail them on commit."""
    if kind not in NotificationKind.values:
        raise ValidationError(
            {"kind": _("Unknown kind of notification: %(kind)s") % {"kind": kind}}
        )
    params = {str(key): _plain(value) for key, value in (params or {}).items()}
    # ``actor`` is the user who acted; a policy Viewer is accepted too (it carries the user).
    actor = getattr(actor, "user", actor)
    # One notification per person, even when a caller lists someone twice (head and member).
    unique: dict[int, Staff] = {}
    for staff in recipients:
        unique.setdefault(staff.pk, staff)
    notifications = []
    for staff in unique.values():
        notification = Notification(
            school_id=staff.school_id,
            recipient=staff,
            kind=kind,
            params=params,
            url=url or "",
            actor=actor if getattr(actor, "pk", None) else None,
        )
        # The related rows are the caller's own saved objects and the public id is a fresh
        # UUID (the database keeps it unique): checking them again would cost four queries
        # per recipient, and a meeting tells every member.
        notification.full_clean(
            exclude=["school", "recipient", "actor", "public_id"], validate_unique=False
        )
        notifications.append(notification)
    Notification.objects.bulk_create(notifications)
    if notifications:
        staff_ids = list(unique)
        transaction.on_commit(lambda: _send_emails(kind, params, url or "", staff_ids))
    return notifications


def _send_emails(kind: str, params: dict, url: str, staff_ids: list[int]) -> None:
    """After commit: one e-mail per recipient with a user and an address, in their language."""
    from usul.accounts.models import User

    users = User.objects.filter(staff_id__in=staff_ids, is_active=True).exclude(email="")
    messages = []
    for user in users:
        language = user.language if user.language in dict(settings.LANGUAGES) else "ky"
        with translation.override(language):
            body = render(kind, params)
            link = absolute_url(url)
            if link:
                body = f"{body}\n\n{link}"
            messages.append(EmailMessage(subject=subject(kind), body=body, to=[user.email]))
    if not messages:
        return
    try:
        get_connection().send_messages(messages)
    except Exception:  # noqa: BLE001 — the change is committed; a mail outage must not undo it
        # The in-app notification is already stored, so nobody loses the news; log and go on.
        logger.exception(
            "notifications: could not send %d e-mail(s) of kind %s", len(messages), kind
        )


@transaction.atomic
def notification_mark_read(*, actor: Viewer, notification: Notification) -> Notification:
    """The reader marks one of their notifications read (a second time changes nothing)."""
    require(actor, "act_for_self", notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Viewer, staff: Staff) -> int:
    """The reader marks all their unread notifications read; returns how many changed."""
    require(actor, "act_for_self", staff)
    now = timezone.now()
    return Notification.objects.filter(recipient=staff, read_at__isnull=True).update(
        read_at=now, updated_at=now
    )


def notifications_settle(*, kind: str, url: str) -> int:
    """A request that has been dealt with no longer waits in anyone's list: every unread
    notification of ``kind`` about the page ``url`` is marked read. Called by the service that
    dealt with it, inside its transaction and after its own policy check (a plan submitted
    again replaces its earlier notice; a plan decided clears it). Returns how many changed."""
    now = timezone.now()
    return Notification.objects.filter(kind=kind, url=url, read_at__isnull=True).update(
        read_at=now, updated_at=now
    )
