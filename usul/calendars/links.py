"""Links to the pages of meetings and open lessons, for calendar entries and notifications.

Those pages are built by other apps at the same time as this one (TEAM.md): until a page's URL
name exists, the link falls back to the MA's page, and to no link at all before that exists.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def _first(*candidates: tuple[str, tuple]) -> str:
    for name, args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def association_url(school_key: str, association_key: str) -> str:
    return _first(("associations:detail", (school_key, association_key)))


def meeting_url(school_key: str, meeting_key: str, association_key: str) -> str:
    return _first(
        ("meetings:detail", (school_key, meeting_key)),
        ("associations:detail", (school_key, association_key)),
    )


def open_lesson_url(school_key: str, lesson_key: str, association_key: str) -> str:
    return _first(
        ("lessons:detail", (school_key, lesson_key)),
        ("associations:detail", (school_key, association_key)),
    )
