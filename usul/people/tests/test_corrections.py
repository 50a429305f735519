"""What was recorded is corrected, or removed after a question, by whoever may record it:
courses (the person, the leadership), categories (the leadership), self-development topics and
creative reports (the teacher, the leadership) — checked field by field as when recorded, and
kept in the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from usul.accounts.policy import viewer_for
from usul.people import services
from usul.people.models import Category, Course, CreativeReport, SelfDevelopmentTopic

D = dt.date
TODAY = D(2026, 3, 10)


def as_(scene, role, today=TODAY):
    return viewer_for(scene.users[role], today=today)


@pytest.fixture
def course(scene):
    return services.course_add(
        actor=as_(scene, "teacher"),
        staff=scene.teacher,
        title="Санариптик сабат",
        start=D(2025, 11, 3),
        end=D(2025, 11, 7),
        certificate="КР-0451",
    )


@pytest.fixture
def topic(scene):
    year = scene.school.years.get()
    topic = services.self_development_save(
        actor=as_(scene, "teacher"), staff=scene.teacher, year=year, topic="Долбоор методу"
    )
    services.creative_report_add(
        actor=as_(scene, "teacher"), topic=topic, date=D(2025, 12, 2), form="Ачык сабак"
    )
    return topic


def values_of(course, **changes):
    names = ("title", "provider", "hours", "start", "end", "certificate")
    return {n: getattr(course, n) for n in names} | changes


def refused(field, call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict[field][0]


def test_a_corrected_course_is_checked_as_a_new_one_field_by_field(scene, course):
    teacher = as_(scene, "teacher")

    def update(**changes):
        return services.course_update(actor=teacher, course=course, **values_of(course, **changes))

    with translation.override("ru"):
        message = refused("end", lambda: update(end=D(2025, 11, 2)))
    assert "03.11.2025" in message
    refused("start", lambda: update(start=TODAY + dt.timedelta(1), end=TODAY + dt.timedelta(3)))
    refused("hours", lambda: update(hours=5000))
    # One day is a course; its own certificate number is not a duplicate of itself.
    assert update(start=D(2025, 11, 7), hours=36).hours == 36
    assert Course.objects.get(pk=course.pk).start == D(2025, 11, 7)


def test_a_corrected_course_may_not_take_another_courses_certificate(scene, course):
    teacher = as_(scene, "teacher")
    other = services.course_add(
        actor=teacher, staff=scene.teacher, title="Башка", start=D(2025, 1, 6), end=D(2025, 1, 9)
    )
    message = refused(
        "certificate",
        lambda: services.course_update(
            actor=teacher, course=other, **values_of(other, certificate="кр-0451")
        ),
    )
    assert "Санариптик сабат" in message


def test_only_who_records_a_course_corrects_or_removes_it(scene, course):
    for role in ("colleague", "head", "district", "outsider"):
        with pytest.raises(PermissionDenied):
            services.course_update(actor=as_(scene, role), course=course, **values_of(course))
        with pytest.raises(PermissionDenied):
            services.course_remove(actor=as_(scene, role), course=course)
    services.course_update(
        actor=as_(scene, "deputy"), course=course, **values_of(course, title="Жаңы аты")
    )
    course_id = course.pk
    services.course_remove(actor=as_(scene, "teacher"), course=course)
    assert not Course.objects.filter(pk=course_id).exists()
    kinds = list(Course.history.filter(id=course_id).values_list("history_type", "title"))
    assert kinds[0] == ("-", "Жаңы аты") and ("~", "Жаңы аты") in kinds


def test_a_category_is_corrected_and_removed_by_the_leadership_only(scene):
    category = Category.objects.get(staff=scene.teacher)
    deputy = as_(scene, "deputy")
    today = timezone.localdate()
    values = {"category": "first", "awarded": D(2022, 1, 15), "valid_until": None, "order": ""}
    refused(
        "awarded",
        lambda: services.category_update(
            actor=deputy, award=category, **values | {"awarded": today + dt.timedelta(1)}
        ),
    )
    assert "01.01.2022" in refused(
        "valid_until",
        lambda: services.category_update(
            actor=deputy, award=category, **values | {"valid_until": D(2022, 1, 1)}
        ),
    )
    refused(
        "category",
        lambda: services.category_update(actor=deputy, award=category, **values | {"category": ""}),
    )
    for role in ("teacher", "head", "district"):
        with pytest.raises(PermissionDenied):
            services.category_update(actor=as_(scene, role), award=category, **values)
        with pytest.raises(PermissionDenied):
            services.category_remove(actor=as_(scene, role), award=category)
    services.category_update(actor=deputy, award=category, **values | {"order": "№ 45"})
    assert Category.objects.get(pk=category.pk).category == "first"
    category_id = category.pk
    services.category_remove(actor=deputy, award=category)
    assert Category.history.filter(id=category_id, history_type="-").exists()


def test_a_creative_report_is_corrected_within_its_year_and_never_ahead(scene, topic):
    report = topic.reports.get()
    teacher = as_(scene, "teacher", today=D(2026, 1, 10))
    values = {"date": report.date, "form": "Макала", "materials": "", "link": ""}
    refused(
        "date",
        lambda: services.creative_report_update(
            actor=teacher, report=report, **values | {"date": D(2026, 1, 11)}
        ),
    )
    refused(
        "date",
        lambda: services.creative_report_update(
            actor=teacher, report=report, **values | {"date": D(2024, 5, 1)}
        ),
    )
    refused(
        "link",
        lambda: services.creative_report_update(
            actor=teacher, report=report, **values | {"link": "ftp://x"}
        ),
    )
    assert (
        services.creative_report_update(
            actor=teacher, report=report, **values | {"date": D(2026, 1, 10)}
        ).form
        == "Макала"
    )
    with pytest.raises(PermissionDenied):
        services.creative_report_update(actor=as_(scene, "colleague"), report=report, **values)
    with pytest.raises(PermissionDenied):
        services.creative_report_remove(actor=as_(scene, "head"), report=report)


def test_removing_the_topic_of_a_year_removes_its_reports_and_keeps_their_history(scene, topic):
    with pytest.raises(PermissionDenied):
        services.self_development_remove(actor=as_(scene, "colleague"), topic=topic)
    report_id, topic_id = topic.reports.get().pk, topic.pk
    services.self_development_remove(actor=as_(scene, "teacher"), topic=topic)
    assert not SelfDevelopmentTopic.objects.filter(pk=topic_id).exists()
    assert CreativeReport.history.filter(id=report_id, history_type="-").exists()
    assert SelfDevelopmentTopic.history.filter(id=topic_id, history_type="-").exists()


# --- the pages ---------------------------------------------------------------------------------


def test_the_course_form_shows_the_course_names_a_wrong_field_and_reloads(as_user, scene, course):
    client = as_user("teacher")
    url = reverse("qualification:course_edit", args=["sch-17", "t-bekova", course.uuid])
    assert "КР-0451" in client.get(url).content.decode()
    sent = {"title": "Санариптик сабат", "start": "2025-11-07", "end": "2025-11-03"}
    response = client.post(url, sent)
    assert response.status_code == 400
    assert response.context["form"].errors["end"]
    assert client.get(url).status_code == 200  # a reload after the error asks again
    sent["end"] = "2025-11-08"
    assert client.post(url, sent).status_code == 302
    assert Course.objects.get(pk=course.pk).end == D(2025, 11, 8)


def test_a_course_is_removed_after_the_question_and_a_second_send_finds_nothing(
    as_user, scene, course
):
    client = as_user("teacher")
    url = reverse("qualification:course_remove", args=["sch-17", "t-bekova", course.uuid])
    question = client.get(url)
    assert question.status_code == 200 and "Санариптик сабат" in question.content.decode()
    assert Course.objects.filter(pk=course.pk).exists()  # asking removes nothing
    course_id = course.pk
    assert client.post(url).status_code == 302
    assert not Course.objects.filter(pk=course_id).exists()
    assert client.post(url).status_code == 404


def test_the_qualification_page_links_corrections_to_those_who_may_make_them(
    as_user, scene, course
):
    page = reverse("qualification:person", args=["sch-17", "t-bekova"])
    edit = reverse("qualification:course_edit", args=["sch-17", "t-bekova", course.uuid])
    category = Category.objects.get(staff=scene.teacher)
    fix = reverse("qualification:category_edit", args=["sch-17", "t-bekova", category.uuid])
    mine = as_user("teacher").get(page).content.decode()
    assert edit in mine and fix not in mine
    heads = as_user("head").get(page).content.decode()  # reads, records nothing
    assert edit not in heads and fix not in heads
    deputys = as_user("deputy").get(page).content.decode()
    assert edit in deputys and fix in deputys


def test_the_self_development_page_links_a_report_to_its_correction(as_user, scene, topic):
    report = topic.reports.get()
    page = reverse("people:self_development", args=["sch-17", "t-bekova"])
    edit = reverse("people:creative_report_edit", args=["sch-17", "t-bekova", report.uuid])
    assert edit in as_user("teacher").get(page, {"year": "2025-2026"}).content.decode()
    assert edit not in as_user("colleague").get(page, {"year": "2025-2026"}).content.decode()
