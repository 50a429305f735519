"""Absolute links to Usul, built from the configured address (USUL_BASE_URL), never from a
request's Host header: a calendar feed or an e-mail is read far from the request that made it,
and a forged Host must not put somebody else's address into them."""

from __future__ import annotations

from django.conf import settings


def base_url() -> str:
    """The configured address without a trailing slash, or "" when none is configured."""
    return (getattr(settings, "USUL_BASE_URL", "") or "").rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` at the configured address; the path unchanged when no address is configured."""
    base = base_url()
    return f"{base}{path}" if path.startswith("/") and base else path
