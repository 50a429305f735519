"""Links to the pages of meetings and open lessons, for calendar entries and notifications.

Every page exists, so each link is reversed directly: a renamed URL fails a test instead of
silently dropping the link.
"""

from __future__ import annotations

from django.urls import reverse


def association_url(school_key: str, association_key: str) -> str:
    return reverse("associations:detail", args=[school_key, association_key])


def meeting_url(school_key: str, meeting_key: str, association_key: str) -> str:
    return reverse("meetings:detail", args=[school_key, meeting_key])


def open_lesson_url(school_key: str, lesson_key: str, association_key: str) -> str:
    return reverse("lessons:detail", args=[school_key, lesson_key])
