"""The rights pages as their users meet them: a teacher sends a proposal (once, however often
the button is pressed), the deputy sees it waiting on her home page and answers, the author
reads the answer; colleagues see none of it; a withdrawal asks first."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.rights.models import Appeal, AppealStatus, Nomination
from usul.testing import factories as f

D = dt.date


def test_a_proposal_sent_twice_is_recorded_once(as_user, scene):
    client = as_user("teacher")
    url = reverse("rights:appeal_submit", args=[scene.school.key])
    form = {"once": "token-1", "kind": "teaching", "title": "Топтук иш", "text": "Сунуш"}
    first = client.post(url, form)
    second = client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Appeal.objects.filter(title="Топтук иш").count() == 1


def test_a_refused_proposal_shows_the_form_again_with_the_message_in_kyrgyz(as_user, scene):
    client = as_user("teacher")
    url = reverse("rights:appeal_submit", args=[scene.school.key])
    response = client.post(url, {"once": "t", "kind": "teaching", "title": "", "text": "x"})
    assert response.status_code == 400
    text = response.content.decode()
    assert 'class="errorlist' in text and "Темасы" in text
    assert Appeal.objects.filter(text="x").count() == 0
    # a reload (GET) of the address shows the page, never a blank 405
    assert client.get(url).status_code == 200


def test_the_deputy_sees_it_waiting_answers_and_the_author_reads_it(as_user, scene, client):
    teacher = as_user("teacher")
    teacher.post(
        reverse("rights:appeal_submit", args=[scene.school.key]),
        {"once": "a", "kind": "consultation", "title": "Тарбия сааты", "text": "Кантип?"},
    )
    appeal = Appeal.objects.get(title="Тарбия сааты")
    deputy = as_user("deputy")
    home = deputy.get(reverse("home:home")).content.decode()
    assert "Тарбия сааты" in home and "консультация сурайт" in home
    answered = deputy.post(
        reverse("rights:appeal_answer", args=[scene.school.key, appeal.key]),
        {
            "status": "answered",
            "answer": "Шаршемби күнү жолугалы.",
            "consultation_on": "2026-12-09",
        },
    )
    assert answered.status_code == 302
    home = deputy.get(reverse("home:home")).content.decode()
    assert "Тарбия сааты" not in home  # done: no longer waiting
    teacher = as_user("teacher")
    home = teacher.get(reverse("home:home")).content.decode()
    assert "Тарбия сааты" in home and "жоопту окуңуз" in home
    page = teacher.get(reverse("rights:appeal", args=[scene.school.key, appeal.key]))
    text = page.content.decode()
    assert "Шаршемби күнү жолугалы." in text and "09.12.2026" in text


def test_a_colleague_neither_lists_nor_opens_a_teachers_request(as_user, scene):
    appeal = scene.ours.appeal
    client = as_user("stranger")
    listed = client.get(reverse("rights:appeals", args=[scene.school.key])).content.decode()
    assert appeal.title not in listed
    opened = client.get(reverse("rights:appeal", args=[scene.school.key, appeal.key]))
    assert opened.status_code == 404


def test_the_deputy_lists_every_request_of_the_school_with_its_author(as_user, scene):
    listed = as_user("deputy").get(reverse("rights:appeals", args=[scene.school.key]))
    text = listed.content.decode()
    assert scene.ours.appeal.title in text and "Бекова" in text
    # both schools hold a request of that title: only this school's is listed
    assert text.count('data-appeal="') == 1


def test_withdrawing_asks_first_then_keeps_the_request_marked(as_user, scene):
    appeal = scene.ours.appeal
    client = as_user("teacher")
    url = reverse("rights:appeal_withdraw", args=[scene.school.key, appeal.key])
    asked = client.get(url)
    assert asked.status_code == 200 and "Кайтарып аласызбы?" in asked.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.SUBMITTED  # asking changed nothing
    assert client.post(url).status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.WITHDRAWN
    listed = client.get(reverse("rights:appeals", args=[scene.school.key])).content.decode()
    assert appeal.title in listed and "автору кайтарып алды" in listed


def test_a_teachers_nominations_across_the_years(as_user, scene):
    later = f.make_year(scene.school, start=D(2026, 9, 1), end=D(2027, 5, 31), key="2026-2027")
    meeting = f.make_meeting(scene.stem, year=later, number=1, date=D(2026, 10, 1), key="m-9")
    resolution = f.make_resolution(meeting, text="Көрсөтүлсүн")
    Nomination.objects.create(
        school=scene.school,
        key="n-2",
        year=later,
        association=scene.stem,
        nominee=scene.teacher,
        contest="best_class_teacher",
        resolution=resolution,
        stage="district",
        result="winner",
    )
    client = as_user("class_teacher")  # a colleague of another MA reads the public record
    url = reverse("rights:nominations", args=[scene.school.key]) + f"?staff={scene.teacher.key}"
    text = client.get(url).content.decode()
    assert "2025-2026" in text and "2026-2027" in text
    assert text.count('data-nomination="') == 2
