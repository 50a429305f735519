"""Refuse an oversized request body before anything reads it.

Django parses a POST when the CSRF check or a view first touches ``request.POST``; a 60 MB body
sent to the log-in page would be read and parsed although no form of Usul needs a tenth of it.
This middleware runs before that and answers 413 from the declared length alone. A visitor who
is not signed in can only send the log-in and language forms, so their limit is small.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

# The log-in form with a long password fits many times over; nothing else is posted anonymously.
ANONYMOUS_MAX_BYTES = 64 * 1024


def body_limit(request) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ANONYMOUS_MAX_BYTES
    return settings.USUL_MAX_REQUEST_BYTES


class RequestSizeLimitMiddleware:
    """Answer 413 with a short page when Content-Length is over the limit; must follow auth."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = body_limit(request)
        if length > limit:
            # The body is not read. (No "Connection: close" here: WSGI leaves hop-by-hop
            # headers to the server, which closes a connection whose body was not consumed.)
            return render(
                request,
                "413.html",
                {"limit_mb": max(1, limit // (1024 * 1024)), "small": limit < 1024 * 1024},
                status=413,
            )
        return self.get_response(request)
