"""Reads about log-ins: a school's users with their last log-in, and the log of log-ins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from axes.models import AccessFailureLog, AccessLog
from django.db.models import QuerySet
from django.urls import reverse

from usul.accounts.models import User
from usul.accounts.policy import Viewer, require
from usul.people.models import Staff
from usul.schools.models import School


@dataclass(frozen=True)
class LoginEvent:
    when: dt.datetime
    username: str
    address: str
    outcome: str  # "success", "failure" (password), "code_failure" (second factor), "locked_out"
    user_agent: str


def login_log(viewer: Viewer, *, limit: int = 300, username: str = "") -> list[LoginEvent]:
    """Log-ins, failed log-ins and lock-outs, newest first (ASVS V16.3.1): the administrator's
    to read. ``username`` narrows it to one user name (letter case ignored)."""
    require(viewer, "read_login_log", viewer.user)  # type: ignore[arg-type]
    successes: QuerySet = AccessLog.objects.all()
    failures: QuerySet = AccessFailureLog.objects.all()
    if username:
        successes = successes.filter(username__iexact=username)
        failures = failures.filter(username__iexact=username)
    code_page = reverse("accounts:two_factor_verify")

    def failed(attempt) -> str:
        if attempt.locked_out:
            return "locked_out"
        return "code_failure" if attempt.path_info == code_page else "failure"

    events = [
        LoginEvent(a.attempt_time, a.username or "", a.ip_address or "", "success", a.user_agent)
        for a in successes.order_by("-attempt_time")[:limit]
    ] + [
        LoginEvent(
            a.attempt_time,
            a.username or "",
            a.ip_address or "",
            failed(a),
            a.user_agent,
        )
        for a in failures.order_by("-attempt_time")[:limit]
    ]
    events.sort(key=lambda e: e.when, reverse=True)
    return events[:limit]


@dataclass(frozen=True)
class StaffLogin:
    staff: Staff
    user: User | None


def school_logins(viewer: Viewer, school: School) -> list[StaffLogin]:
    """Every staff member of the school with their log-in (or none), for those who manage
    the school's log-ins."""
    require(viewer, "manage_accounts", school)
    staff = Staff.objects.filter(school=school).select_related("user").prefetch_related("positions")
    rows = []
    for person in staff:
        try:
            user = person.user
        except User.DoesNotExist:
            user = None
        rows.append(StaffLogin(staff=person, user=user))
    return rows
