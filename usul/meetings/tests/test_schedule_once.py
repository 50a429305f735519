"""A double submit of "schedule meeting" creates one meeting (the form's one-time token)."""

from __future__ import annotations

import re
from unittest import mock

from django.urls import reverse

from usul.accounts.models import SentForm
from usul.meetings.models import Meeting

SCHEDULE = reverse("meetings:schedule", args=["sch-17", "ma-stem"])
LIST = reverse("meetings:list", args=["sch-17", "ma-stem"])


def rendered_token(client) -> str:
    page = client.get(LIST).content.decode()
    return re.search(r'name="once" value="([^"]+)"', page).group(1)


def test_ten_identical_posts_of_one_form_schedule_one_meeting(client, ma):
    client.force_login(ma.head_user)
    form = {"once": rendered_token(client), "date": "2025-10-14", "agenda": "Чейрек"}
    answers = [client.post(SCHEDULE, form) for _ in range(10)]
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    detail = reverse("meetings:detail", args=["sch-17", meeting.key])
    assert [a.status_code for a in answers] == [302] * 10
    assert {a["Location"] for a in answers} == {detail}
    # The second press lands on the meeting with a plain word, not on an error page.
    again = client.post(SCHEDULE, form, follow=True)
    assert again.status_code == 200
    assert again.request["PATH_INFO"] == detail
    assert "Эч нерсе эки жолу түзүлгөн жок." in again.content.decode()


def test_two_forms_rendered_twice_schedule_two_meetings(client, ma):
    client.force_login(ma.head_user)
    for _ in range(2):
        form = {"once": rendered_token(client), "date": "2025-10-14", "agenda": "Чейрек"}
        assert client.post(SCHEDULE, form).status_code == 302
    assert Meeting.objects.count() == 2


def test_a_refused_post_keeps_its_token_for_the_corrected_one(client, ma):
    client.force_login(ma.head_user)
    token = rendered_token(client)
    refused = client.post(SCHEDULE, {"once": token, "date": "2026-06-01"})
    assert refused.status_code == 400
    assert f'value="{token}"' in refused.content.decode()
    assert not SentForm.objects.exists()
    assert client.post(SCHEDULE, {"once": token, "date": "2025-10-14"}).status_code == 302
    assert Meeting.objects.count() == 1


def test_a_post_that_raced_past_the_check_writes_nothing(client, ma):
    """Two presses at once both find no earlier post; the uniqueness rule on the token lets
    only the first write, and the second is sent to the first's meeting."""
    client.force_login(ma.head_user)
    form = {"once": rendered_token(client), "date": "2025-10-14"}
    first = client.post(SCHEDULE, form)
    real_first = SentForm.objects.filter(token=form["once"]).first
    with mock.patch("usul.accounts.once.SentForm.objects.filter") as lookup:
        # The second request's look-up runs before the first has committed: nothing found.
        lookup.return_value.first.side_effect = [None, real_first()]
        second = client.post(SCHEDULE, form)
    assert Meeting.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_a_resolution_sent_twice_is_added_once(client, ma):
    from usul.meetings.models import Resolution
    from usul.meetings.services import meeting_schedule

    meeting = meeting_schedule(
        actor=ma.head_viewer,
        association=ma.association,
        year=ma.year,
        date=ma.year.start.replace(month=10, day=14),
    )
    detail = reverse("meetings:detail", args=["sch-17", meeting.key])
    client.force_login(ma.head_user)
    page = client.get(detail).content.decode()
    token = re.search(r'id="resolution-form".*?name="once" value="([^"]+)"', page, re.S).group(1)
    form = {"once": token, "text": "Ачык сабактардын графигин түзүү"}
    answers = [
        client.post(reverse("meetings:resolution_add", args=["sch-17", meeting.key]), form)
        for _ in range(3)
    ]
    assert Resolution.objects.filter(meeting=meeting).count() == 1
    assert [a.status_code for a in answers] == [302] * 3
    assert {a["Location"] for a in answers} == {detail + "#resolutions"}
