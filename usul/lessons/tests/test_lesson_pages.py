"""The open-lesson pages: who may see and do what, what they show, and what they cost."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonVisitor
from usul.lessons.services import (
    observation_record,
    observation_template_ensure,
)
from usul.lessons.tests.conftest import act
from usul.people.models import Role, Staff
from usul.testing import factories as f

D = dt.date


def speaking(user, language):
    user.language = language
    user.save(update_fields=["language"])
    return user


def url(name, *args):
    return reverse(name, args=["sch-17", *args])


def test_a_colleague_signs_up_from_the_schedule_and_withdraws(client, ma, lesson):
    client.force_login(ma.other_user)
    schedule = client.get(url("lessons:list")).content.decode()
    assert 'data-lesson="ol-stem-2025-1"' in schedule and "Бөлчөктөрдү кошуу" in schedule
    response = client.post(
        url("lessons:sign_up", lesson.key), {"next": "/lessons/sch-17/?ma=ma-stem"}
    )
    assert response.status_code == 302 and response["Location"] == "/lessons/sch-17/?ma=ma-stem"
    assert OpenLessonVisitor.objects.filter(staff=ma.other).exists()
    detail = client.get(url("lessons:detail", lesson.key)).content.decode()
    assert "Осмонов Ө." in detail
    client.post(url("lessons:withdraw", lesson.key))
    assert not OpenLessonVisitor.objects.exists()


def test_the_teacher_cannot_sign_up_to_their_own_lesson(client, ma, lesson):
    client.force_login(ma.teacher_user)
    assert client.post(url("lessons:sign_up", lesson.key)).status_code == 403
    html = client.get(url("lessons:detail", lesson.key)).content.decode()
    assert "observation-form" not in html


def test_a_colleague_records_an_observation_on_the_page(client, ma, lesson):
    client.force_login(ma.colleague_user)
    form_page = client.get(url("lessons:detail", lesson.key)).content.decode()
    assert 'name="score_goal"' in form_page and 'name="template_version" value="0"' in form_page
    response = client.post(
        url("lessons:observe", lesson.key),
        {
            "template_version": "0",
            "date": "2025-10-14",
            "score_goal": "5",
            "score_time": "4",
            "strengths": "Топтук иш",
            "recommendations": "Убакыт",
            "judgement": "good",
        },
    )
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert observation.scores == {"goal": 5, "time": 4}
    assert observation.template.version == 1  # the default form became the school's own


def test_a_score_off_the_scale_is_refused_on_the_page(client, ma, lesson):
    observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    client.force_login(speaking(ma.colleague_user, "en"))
    response = client.post(
        url("lessons:observe", lesson.key),
        {"template_version": "1", "date": "2025-10-14", "score_goal": "9", "summary": "x"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = client.post(
        url("lessons:observe", lesson.key),
        {"template_version": "1", "date": "2025-10-13", "score_goal": "3"},
    )
    assert response.status_code == 400
    assert "Date: the observation cannot be before the lesson" in response.content.decode()
    assert not Observation.objects.exists()


def test_the_observed_teacher_reads_observations_a_colleague_outside_does_not(client, ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=form,
        scores={"goal": 4},
        recommendations="Көбүрөөк мисал келтирүү",
    )
    for user, reads in [
        (ma.teacher_user, True),
        (ma.colleague_user, True),  # the observer
        (ma.head_user, True),
        (ma.deputy_user, True),
        (ma.other_user, False),
    ]:
        client.force_login(user)
        html = client.get(url("lessons:detail", lesson.key)).content.decode()
        assert ("Көбүрөөк мисал келтирүү" in html) is reads, user
        summary = client.get(url("lessons:teacher", "t-asanova")).content.decode()
        assert ("Көбүрөөк мисал келтирүү" in summary) is reads, user


def test_the_summary_averages_each_criterion_over_the_year(client, ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    for observer, user, score in [(ma.colleague, ma.colleague_user, 5), (ma.head, ma.head_user, 3)]:
        observation_record(
            actor=act(user),
            observer=observer,
            open_lesson=lesson,
            date=None,
            template=form,
            scores={"goal": score},
            judgement="good",
        )
    client.force_login(speaking(ma.teacher_user, "en"))
    html = client.get(url("lessons:teacher", "t-asanova")).content.decode()
    assert "The lesson&#x27;s goal is clear and shared with the students" in html
    assert '<td class="score-cell">4.0</td>' in html
    assert "Good — 2" in html


def test_the_head_records_a_visit_outside_open_lessons(client, ma):
    client.force_login(ma.head_user)
    assert (
        'id="observation-form"' in client.get(url("lessons:teacher", "t-asanova")).content.decode()
    )
    response = client.post(
        url("lessons:visit", "t-asanova"),
        {"template_version": "0", "date": "2025-11-20", "summary": "Сабак пландуу өттү"},
    )
    assert response.status_code == 302
    assert Observation.objects.get().open_lesson is None
    # A plain colleague may not visit, nor may anyone visit themselves.
    client.force_login(ma.colleague_user)
    assert (
        client.post(
            url("lessons:visit", "t-asanova"), {"template_version": "0", "summary": "x"}
        ).status_code
        == 403
    )
    client.force_login(ma.head_user)
    assert (
        client.post(
            url("lessons:visit", "t-head"), {"template_version": "0", "summary": "x"}
        ).status_code
        == 403
    )


def test_only_heads_and_leadership_schedule_change_and_close_lessons(client, ma, lesson):
    data = {
        "association": "ma-stem",
        "teacher": "t-asanova",
        "date": "2025-11-12",
        "topic": "Пропорция",
        "grade": "6",
    }
    for user in (ma.teacher_user, ma.other_user):
        client.force_login(user)
        assert client.post(url("lessons:schedule"), data).status_code == 403
        assert client.post(url("lessons:hold", lesson.key)).status_code == 403
        assert client.post(url("lessons:cancel", lesson.key)).status_code == 403
        assert (
            client.post(
                url("lessons:edit", lesson.key), {"teacher": "t-asanova", "topic": "x"}
            ).status_code
            == 403
        )
    client.force_login(ma.head_user)
    response = client.post(url("lessons:schedule"), data)
    assert response.status_code == 302
    assert OpenLesson.objects.count() == 2


def test_scheduling_a_non_member_is_refused_with_a_translated_message(client, ma):
    client.force_login(speaking(ma.head_user, "ru"))
    response = client.post(
        url("lessons:schedule"),
        {"association": "ma-stem", "teacher": "t-osmon", "date": "2025-11-12", "topic": "x"},
    )
    assert response.status_code == 400
    assert "Учитель: Осмонов Ө. не является членом МО на 12.11.2025." in response.content.decode()
    assert not OpenLesson.objects.exists()


def test_the_observation_form_is_configured_by_leadership_only(client, ma):
    client.force_login(ma.head_user)
    assert client.get(url("lessons:template")).status_code == 403
    client.force_login(ma.deputy_user)
    assert 'name="criteria"' in client.get(url("lessons:template")).content.decode()
    response = client.post(
        url("lessons:template"),
        {
            "name": "Кыска",
            "scale_min": "1",
            "scale_max": "3",
            "criteria": "Максат | Цель | Goal\nНатыйжа | Результат",
            "judgements": "Жакшы | Хорошо",
        },
    )
    assert response.status_code == 302
    template = ObservationTemplate.objects.get()
    assert [c["ru"] for c in template.criteria] == ["Цель", "Результат"]
    assert template.history.first().history_user == ma.deputy_user


def test_another_school_sees_nothing(client, ma, lesson, outsider_school):
    outsider = f.make_user(
        f.make_staff(outsider_school, roles=(Role.DIRECTOR,), key="t-dir99"), username="dir99"
    )
    client.force_login(outsider)
    assert client.get(url("lessons:list")).status_code == 404
    assert client.get(url("lessons:detail", lesson.key)).status_code == 404
    assert client.get(url("lessons:teacher", "t-asanova")).status_code == 404
    assert client.post(url("lessons:sign_up", lesson.key)).status_code == 404
    assert client.post(url("lessons:observe", lesson.key), {"summary": "x"}).status_code == 404
    assert client.get(url("lessons:template")).status_code == 404
    response = client.get(reverse("lessons:index"))
    assert response["Location"] == "/lessons/sch-99/"


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _grow(ma, n):
    """Lessons with a visitor and an observation each, written in bulk: the data is the set-up
    here, not what is tested."""
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    start = OpenLesson.objects.count()
    lessons = OpenLesson.objects.bulk_create(
        OpenLesson(
            school=ma.school,
            association=ma.association,
            year=ma.year,
            teacher=ma.teacher,
            key=f"ol-bulk-{i}",
            topic=f"Тема {i}",
            date=D(2025, 9, 1) + dt.timedelta(days=i),
            subject=ma.math,
            grade=5 + i % 6,
        )
        for i in range(start, n)
    )
    OpenLessonVisitor.objects.bulk_create(
        OpenLessonVisitor(open_lesson=lesson, staff=ma.other) for lesson in lessons
    )
    Observation.objects.bulk_create(
        Observation(
            school=ma.school,
            open_lesson=lesson,
            teacher=ma.teacher,
            observer=ma.colleague,
            date=lesson.date,
            template=form,
            scores={"goal": 4, "time": 3},
            judgement="good",
        )
        for lesson in lessons
    )


def test_the_schedule_and_the_summary_cost_the_same_for_5_and_50_lessons(client, ma):
    client.force_login(ma.head_user)
    _grow(ma, 5)
    small = (
        _count(client, url("lessons:list")),
        _count(client, url("lessons:teacher", "t-asanova")),
    )
    _grow(ma, 50)
    large = (
        _count(client, url("lessons:list")),
        _count(client, url("lessons:teacher", "t-asanova")),
    )
    assert small == large
    assert max(large) <= 20


def test_the_detail_costs_the_same_for_5_and_50_visitors_and_observations(client, ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    client.force_login(ma.head_user)

    def grow(n):
        start = OpenLessonVisitor.objects.count()
        people = Staff.objects.bulk_create(
            Staff(school=ma.school, key=f"t-v{i}", last_name=f"Коногу{i}", first_name="Ө")
            for i in range(start, n)
        )
        OpenLessonVisitor.objects.bulk_create(
            OpenLessonVisitor(open_lesson=lesson, staff=p) for p in people
        )
        Observation.objects.bulk_create(
            Observation(
                school=ma.school,
                open_lesson=lesson,
                teacher=ma.teacher,
                observer=p,
                date=lesson.date,
                template=form,
                scores={"goal": 4},
            )
            for p in people
        )

    grow(5)
    small = _count(client, url("lessons:detail", lesson.key))
    grow(50)
    large = _count(client, url("lessons:detail", lesson.key))
    assert small == large
    assert large <= 20
