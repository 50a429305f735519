"""Turning the calendar address off asks first, on a page that works without JavaScript. An
address turned off stays off (it may have leaked); a new one is made in one step."""

from __future__ import annotations

from django.urls import reverse

from usul.calendars.models import CalendarFeed

REVOKE = reverse("calendars:feed_revoke")
MINE = reverse("calendars:mine")


def active(user):
    return CalendarFeed.objects.filter(user=user, revoked_at=None).count()


def test_the_button_is_a_link_to_a_question_that_changes_nothing(as_user, scene):
    client = as_user("teacher")
    assert f'href="{REVOKE}"' in client.get(MINE).content.decode()
    page = client.get(REVOKE)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert page.context["confirm"].after  # a new address can be made
    assert active(scene.users["teacher"]) == 1


def test_confirming_turns_it_off_and_the_feed_is_gone(as_user, client, scene):
    user_client = as_user("teacher")
    assert user_client.post(REVOKE).status_code == 302
    assert active(scene.users["teacher"]) == 0
    feed = reverse("calendars:feed", args=[scene.ours.feed_token])
    assert client.get(feed).status_code == 404
    assert user_client.get(REVOKE)["Location"] == MINE  # nothing left to ask about
