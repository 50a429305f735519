"""What a log-in still lacks before the person may use Usul."""

from __future__ import annotations


def missing_step(request) -> str | None:
    """The page of the missing step, or None when the log-in is complete.

    A one-time password (from a log-in slip or a reset) is only good for choosing one's own.
    """
    user = request.user
    if user.has_one_time_password:
        return "accounts:account"
    return None
