"""Self-development (DOC-10, DUTY-1) as its users meet it: the teacher writes the topic of the
year with its plan and expected result, adds creative reports, and finds the years on her card;
a colleague reads it and writes nothing; bad input is named by field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from usul.accounts.policy import viewer_for
from usul.people import services
from usul.people.models import CreativeReport, SelfDevelopmentTopic

D = dt.date


def _page(scene, name="people:self_development"):
    return reverse(name, args=[scene.school.key, scene.teacher.key])


def test_the_teacher_writes_her_topic_and_a_report_and_sees_the_years(as_user, scene):
    client = as_user("teacher")
    saved = client.post(
        _page(scene, "people:self_development_save"),
        {
            "year": "2025-2026",
            "topic": "Функционалдык сабаттуулукту математика сабагында өнүктүрүү",
            "plan": "Адабият окуу; ачык сабак; МБ жыйынында баяндама",
            "expected_result": "Окуучулардын маселе чыгаруу көндүмү",
        },
    )
    assert saved.status_code == 302 and saved["Location"].endswith("?year=2025-2026")
    topic = SelfDevelopmentTopic.objects.get(staff=scene.teacher, year__key="2025-2026")
    assert topic.expected_result == "Окуучулардын маселе чыгаруу көндүмү"
    report = {
        "once": "tok-1",
        "year": "2025-2026",
        "date": "2026-03-12",
        "form": "Ачык сабак",
        "materials": "Сабактын планы",
        "link": "https://example.org/plan",
    }
    url = _page(scene, "people:creative_report_add")
    first, second = client.post(url, report), client.post(url, report)
    assert first.status_code == second.status_code == 302
    assert CreativeReport.objects.filter(topic=topic).count() == 1
    page = client.get(_page(scene) + "?year=2025-2026").content.decode()
    assert "Функционалдык сабаттуулукту математика" in page and "12.03.2026" in page
    assert "Ачык сабак" in page
    card = client.get(reverse("people:detail", args=[scene.school.key, scene.teacher.key]))
    assert "1 чыгармачыл отчет" in card.content.decode()


def test_saving_again_edits_the_years_topic_and_keeps_one(as_user, scene):
    client = as_user("teacher")
    url = _page(scene, "people:self_development_save")
    for topic in ("Биринчи тема", "Экинчи тема"):
        client.post(url, {"year": "2025-2026", "topic": topic, "plan": "", "expected_result": ""})
    topics = SelfDevelopmentTopic.objects.filter(staff=scene.teacher, year__key="2025-2026")
    assert [t.topic for t in topics] == ["Экинчи тема"]
    assert topics[0].history.count() == 2


def test_bad_input_is_named_by_field_and_a_reload_works(as_user, scene):
    client = as_user("teacher")
    url = _page(scene, "people:self_development_save")
    refused = client.post(url, {"year": "2025-2026", "topic": "", "plan": "x" * 3001})
    body = refused.content.decode()
    assert refused.status_code == 400
    assert "Тема" in body and "3 000" in body
    assert client.get(url).status_code == 200
    # A report before any topic of the year: said so, nothing saved.
    report_url = _page(scene, "people:creative_report_add")
    early = client.post(
        report_url, {"once": "a", "year": "2025-2026", "date": "2026-03-12", "form": "Макала"}
    )
    assert early.status_code == 400 and not CreativeReport.objects.exists()


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (D(2025, 8, 1), True),  # the year's window opens on 1 August (SchoolYear.window_start)
        (D(2025, 7, 31), False),
        (D(2026, 5, 31), True),  # the year's last day
        (D(2026, 6, 1), False),
    ],
)
def test_a_report_falls_within_its_school_year(scene, day, accepted):
    viewer = viewer_for(scene.users["teacher"], today=D(2026, 12, 1))
    topic = services.self_development_save(
        actor=viewer, staff=scene.teacher, year=scene.ours.year, topic="Тема"
    )
    if accepted:
        services.creative_report_add(actor=viewer, topic=topic, date=day, form="Баяндама")
        assert topic.reports.count() == 1
    else:
        with pytest.raises(ValidationError) as refused:
            services.creative_report_add(actor=viewer, topic=topic, date=day, form="Баяндама")
        assert "date" in refused.value.message_dict


def test_a_report_is_never_in_the_future_and_its_link_is_an_address(scene):
    viewer = viewer_for(scene.users["teacher"], today=D(2026, 3, 1))
    topic = services.self_development_save(
        actor=viewer, staff=scene.teacher, year=scene.ours.year, topic="Тема"
    )
    services.creative_report_add(actor=viewer, topic=topic, date=D(2026, 3, 1), form="Сабак")
    with pytest.raises(ValidationError) as future:
        services.creative_report_add(actor=viewer, topic=topic, date=D(2026, 3, 2), form="Сабак")
    assert "date" in future.value.message_dict
    with pytest.raises(ValidationError) as link:
        services.creative_report_add(
            actor=viewer, topic=topic, date=D(2026, 2, 1), form="Сабак", link="javascript:x"
        )
    assert "link" in link.value.message_dict


def test_a_colleague_reads_and_writes_nothing_the_deputy_writes(as_user, scene):
    colleague = viewer_for(scene.users["colleague"])
    with pytest.raises(PermissionDenied):
        services.self_development_save(
            actor=colleague, staff=scene.teacher, year=scene.ours.year, topic="Тема"
        )
    deputy = viewer_for(scene.users["deputy"])
    services.self_development_save(
        actor=deputy, staff=scene.teacher, year=scene.ours.year, topic="Директордун орун басары"
    )
    page = as_user("colleague").get(_page(scene) + "?year=2025-2026").content.decode()
    assert "Директордун орун басары" in page and "people:self_development_save" not in page
    assert 'action="' + _page(scene, "people:self_development_save") not in page


def test_another_schools_teacher_is_not_found(as_user, scene):
    url = reverse("people:self_development", args=[scene.school.key, "t-out"])
    assert as_user("teacher").get(url).status_code == 404
