"""Cancelling a meeting asks first, on a page that works without JavaScript; a cancelled
meeting is reopened by whoever may cancel it (ORG-4)."""

from __future__ import annotations

from django.urls import reverse

from usul.meetings.models import Meeting, MeetingStatus

CANCEL = reverse("meetings:cancel", args=["sch-17", "m-1"])
REOPEN = reverse("meetings:reopen", args=["sch-17", "m-1"])
DETAIL = reverse("meetings:detail", args=["sch-17", "m-1"])


def status(scene):
    return Meeting.objects.get(pk=scene.ours.meeting.pk).status


def test_the_button_is_a_link_to_a_question_that_changes_nothing(as_user, scene):
    client = as_user("head")
    assert f'href="{CANCEL}"' in client.get(DETAIL).content.decode()
    page = client.get(CANCEL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "14.10.2025" in text and "Табигый-математикалык цикл" in text  # what, when
    assert 'method="post"' in text and f'href="{DETAIL}"' in text  # do it, or keep it
    assert page.context["confirm"].keeps  # its resolutions stay
    assert status(scene) == MeetingStatus.SCHEDULED


def test_confirming_cancels_and_reopening_schedules_it_again(as_user, scene):
    client = as_user("head")
    assert client.post(CANCEL).status_code == 302
    assert status(scene) == MeetingStatus.CANCELLED
    assert REOPEN in client.get(DETAIL).content.decode()
    assert client.post(REOPEN).status_code == 302
    assert status(scene) == MeetingStatus.SCHEDULED
    assert scene.ours.meeting.resolutions.count() == 1  # everything it had is still there
    history = [h.status for h in Meeting.history.filter(id=scene.ours.meeting.pk)]
    assert history[:2] == [MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED]  # newest first


def test_a_plain_member_can_neither_cancel_nor_reopen(as_user, scene):
    client = as_user("teacher")
    assert client.get(CANCEL).status_code == 403
    assert client.post(CANCEL).status_code == 403
    assert client.post(REOPEN).status_code == 403
    assert status(scene) == MeetingStatus.SCHEDULED


def test_a_meeting_that_is_not_scheduled_is_not_offered_for_cancelling(as_user, scene):
    Meeting.objects.filter(pk=scene.ours.meeting.pk).update(status=MeetingStatus.HELD)
    response = as_user("head").get(CANCEL)
    assert response.status_code == 302 and response["Location"] == DETAIL
    assert as_user("head").post(REOPEN).status_code == 302
    assert status(scene) == MeetingStatus.HELD  # a held meeting is not "reopened"
