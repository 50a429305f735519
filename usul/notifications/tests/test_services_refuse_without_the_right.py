"""A person's own settings and messages are theirs alone: the services ask the policy
themselves, so a colleague (or another school's deputy) calling them directly is refused and
nothing changes — their language, calendar feed address and notifications."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.accounts.policy import viewer_for
from usul.accounts.services import user_set_language
from usul.calendars.models import CalendarFeed
from usul.calendars.services import calendar_feed_create, calendar_feed_revoke
from usul.notifications.models import Notification
from usul.notifications.services import (
    notification_mark_read,
    notifications_mark_all_read,
    notify,
)
from usul.people.models import Role
from usul.testing import factories as f

DAY = dt.date(2025, 10, 1)


@pytest.fixture
def owner(school):
    return f.make_user(f.make_staff(school, key="t-owner", last_name="Асанов"), language="ky")


@pytest.fixture
def notification(owner):
    (sent,) = notify(
        kind="meeting_scheduled",
        recipients=[owner.staff],
        url="/calendar/",
        params={"association": "УБ", "date": "2025-10-14"},
    )
    return sent


@pytest.fixture
def others(school, outsider_school):
    colleague = f.make_user(f.make_staff(school, key="t-colleague"))
    foreign = f.make_staff(outsider_school, key="z-deputy", roles=(Role.DEPUTY_ACADEMIC,))
    return {
        "a colleague of the same school": viewer_for(colleague, DAY),
        "a deputy of another school": viewer_for(f.make_user(foreign), DAY),
    }


def state(owner):
    owner.refresh_from_db()
    return (
        owner.language,
        list(CalendarFeed.objects.values("token_hash", "revoked_at")),
        list(Notification.objects.values("read_at")),
    )


@pytest.mark.parametrize("who", ["a colleague of the same school", "a deputy of another school"])
@pytest.mark.parametrize(
    "call",
    [
        lambda a, owner, n: calendar_feed_create(actor=a, user=owner),
        lambda a, owner, n: calendar_feed_revoke(actor=a, user=owner),
        lambda a, owner, n: notification_mark_read(actor=a, notification=n),
        lambda a, owner, n: notifications_mark_all_read(actor=a, staff=owner.staff),
    ],
    ids=["calendar_feed_create", "calendar_feed_revoke", "mark_read", "mark_all_read"],
)
def test_someone_else_is_refused_and_nothing_changes(owner, notification, others, who, call):
    calendar_feed_create(actor=viewer_for(owner, DAY), user=owner)
    before = state(owner)
    with pytest.raises(PermissionDenied):
        call(others[who], owner, notification)
    assert state(owner) == before


def test_the_person_changes_their_own(owner, notification):
    me = viewer_for(owner, DAY)
    feed, _token = calendar_feed_create(actor=me, user=owner)
    assert calendar_feed_revoke(actor=me, user=owner) == 1
    notification_mark_read(actor=me, notification=notification)
    user_set_language(actor=me, language="ru")
    owner.refresh_from_db()
    notification.refresh_from_db()
    assert owner.language == "ru" and notification.read_at is not None
    assert feed.history.first().history_user == owner


def test_the_anonymous_cannot_set_a_language(db):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        user_set_language(actor=viewer_for(AnonymousUser(), DAY), language="ru")
