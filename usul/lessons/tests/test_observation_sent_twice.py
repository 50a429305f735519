"""An observation sent twice is recorded once; an over-long summary is refused by name."""

from __future__ import annotations

import re

from django.urls import reverse

from usul.lessons.models import Observation


def url(name, key):
    return reverse(name, args=["sch-17", key])


def test_an_observation_sent_twice_is_recorded_once(client, ma, lesson):
    client.force_login(ma.colleague_user)
    page = client.get(url("lessons:detail", lesson.key)).content.decode()
    form = {
        "once": re.search(r'id="observation-form".*?name="once" value="([^"]+)"', page, re.S)[1],
        "template_version": "0",
        "date": "2025-10-14",
        "score_goal": "5",
        "summary": "Жакшы сабак",
    }
    answers = [client.post(url("lessons:observe", lesson.key), form) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert {a["Location"] for a in answers} == {url("lessons:detail", lesson.key)}
    assert Observation.objects.count() == 1


def test_a_summary_over_the_limit_is_refused_by_name(client, ma, lesson):
    client.force_login(ma.colleague_user)
    form = {"template_version": "0", "date": "2025-10-14", "summary": "ы" * 3001}
    response = client.post(url("lessons:observe", lesson.key), form)
    assert response.status_code == 400
    assert "Жыйынтык: эң көп 3 000 белги болот, бул текстте 3001." in response.content.decode()
    assert not Observation.objects.exists()
    form["summary"] = "ы" * 3000
    assert client.post(url("lessons:observe", lesson.key), form).status_code == 302
