"""A double submit of "schedule an open lesson" puts one lesson on the schedule."""

from __future__ import annotations

import re

from django.urls import reverse

from usul.lessons.models import OpenLesson


def test_an_open_lesson_form_sent_three_times_schedules_one_lesson(client, ma):
    client.force_login(ma.head_user)
    page = client.get(reverse("lessons:list", args=["sch-17"])).content.decode()
    token = re.search(r'name="once" value="([^"]+)"', page).group(1)
    form = {
        "once": token,
        "association": "ma-stem",
        "teacher": "t-asanova",
        "date": "2025-11-12",
        "topic": "Пропорция",
        "grade": "6",
    }
    answers = [client.post(reverse("lessons:schedule", args=["sch-17"]), form) for _ in range(3)]
    lesson = OpenLesson.objects.get()
    assert [a.status_code for a in answers] == [302] * 3
    assert {a["Location"] for a in answers} == {
        reverse("lessons:detail", args=["sch-17", lesson.key])
    }
