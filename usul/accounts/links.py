"""Links to pages of other apps that may not be built yet (docs/TEAM.md).

The URL names are agreed in advance; until an app provides its page, the link falls back to a
page that exists, so nobody waits on anybody.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def link_or(name: str, *args, fallback: str = "") -> str:
    """``reverse(name, args)``, or ``fallback`` (empty: no link) if the page does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return fallback
