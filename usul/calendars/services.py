"""Writes of the calendars app: make, regenerate and revoke a person's private feed address."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from usul.accounts.models import User
from usul.accounts.policy import Viewer, require
from usul.calendars.models import CalendarFeed
from usul.lib.history import save_with_history


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, actor: Viewer, user: User) -> tuple[CalendarFeed, str]:
    """A new secret feed address for ``user``; the previous one, if any, stops working.

    Returns the feed and its token. The token is not stored (only its hash): the caller shows
    it once. 32 random bytes give a 43-character token that cannot be guessed.
    """
    require(actor, "act_for_self", user)
    _revoke_active(actor=actor, user=user)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user=user, token_hash=token_hash(token))
    save_with_history(feed, actor)
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, actor: Viewer, user: User) -> int:
    """Close ``user``'s feed address; returns how many were open (0 or 1)."""
    require(actor, "act_for_self", user)
    return _revoke_active(actor=actor, user=user)


def _revoke_active(*, actor: Viewer, user: User) -> int:
    revoked = 0
    # select_for_update: two clicks at once must not leave two working addresses.
    for feed in CalendarFeed.objects.select_for_update().filter(user=user, revoked_at=None):
        feed.revoked_at = timezone.now()
        save_with_history(feed, actor, ["revoked_at"])
        revoked += 1
    return revoked
