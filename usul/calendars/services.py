"""Writes of the calendars app: make, regenerate and revoke a person's private feed address."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from usul.calendars.models import CalendarFeed


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, actor, user) -> tuple[CalendarFeed, str]:
    """A new secret feed address for ``user``; the previous one, if any, stops working.

    Returns the feed and its token. The token is not stored (only its hash): the caller shows
    it once. 32 random bytes give a 43-character token that cannot be guessed.
    """
    _revoke_active(actor=actor, user=user)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user=user, token_hash=token_hash(token))
    feed.full_clean()
    feed._history_user = actor
    feed.save()
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, actor, user) -> int:
    """Close ``user``'s feed address; returns how many were open (0 or 1)."""
    return _revoke_active(actor=actor, user=user)


def _revoke_active(*, actor, user) -> int:
    revoked = 0
    # select_for_update: two clicks at once must not leave two working addresses.
    for feed in CalendarFeed.objects.select_for_update().filter(user=user, revoked_at=None):
        feed.revoked_at = timezone.now()
        feed._history_user = actor
        feed.save(update_fields=["revoked_at", "updated_at"])
        revoked += 1
    return revoked
