"""Minutes and resolutions have a length that fits them; a pasted megabyte is refused by name."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from usul.lib import text_limits
from usul.meetings.models import Resolution
from usul.meetings.services import meeting_schedule, meeting_update, resolution_add


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=dt.date(2025, 10, 14)
    )


def test_minutes_of_the_longest_real_length_are_kept_and_longer_are_refused(ma, meeting):
    longest = "ы" * text_limits.MINUTES
    kept = meeting_update(
        actor=ma.head_viewer, meeting=meeting, revision=meeting.revision, minutes=longest
    )
    assert len(kept.minutes) == text_limits.MINUTES
    with pytest.raises(ValidationError) as refused:
        meeting_update(
            actor=ma.head_viewer, meeting=kept, revision=kept.revision, minutes=longest + "ы"
        )
    assert refused.value.message_dict["minutes"] == [
        "Протокол: эң көп 30 000 белги болот, бул текстте 30001."
    ]


def test_a_megabyte_resolution_is_refused_with_the_field_and_the_limit(ma, meeting):
    resolution_add(actor=ma.head_viewer, meeting=meeting, text="а" * text_limits.RESOLUTION)
    with pytest.raises(ValidationError) as refused:
        resolution_add(actor=ma.head_viewer, meeting=meeting, text="а" * 1024 * 1024)
    assert "1 000" in refused.value.message_dict["text"][0]
    assert Resolution.objects.count() == 1


def test_the_resolution_form_says_the_limit_in_russian(client, ma, meeting):
    ma.head_user.language = "ru"
    ma.head_user.save(update_fields=["language"])
    client.force_login(ma.head_user)
    page = client.get(reverse("meetings:detail", args=["sch-17", meeting.key])).content.decode()
    assert f'maxlength="{text_limits.RESOLUTION}"' in page
    response = client.post(
        reverse("meetings:resolution_add", args=["sch-17", meeting.key]),
        {"text": "а" * (text_limits.RESOLUTION + 1)},
    )
    assert response.status_code == 400
    assert "Текст: не больше 1 000 знаков, в этом 1001." in response.content.decode()
