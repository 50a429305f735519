"""The staff card: the DOC-9 data bank with age and experience computed as of today."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from usul.testing import factories as f
from usul.testing.queries import queries_of

D = dt.date
URL = reverse("people:detail", args=["sch-17", "t-head"])


def test_the_card_computes_age_and_experience_as_of_today(as_user, scene):
    head = scene.head
    today = timezone.localdate()
    f.make_employment(
        head, start=D(1999, 9, 1), end=D(2000, 8, 31), in_education=False, organization="Банк"
    )
    response = as_user("deputy").get(URL)
    context = response.context
    assert context["age"] == today.year - 1980 - ((today.month, today.day) < (3, 12))
    # In education since 2002-09-01, both ends included; the bank year counts in total only.
    pedagogical = (today - D(2002, 9, 1)).days + 1
    assert context["experience"]["pedagogical_days"] == pedagogical
    assert context["experience"]["total_days"] == pedagogical + 366
    page = response.content.decode()
    assert "12.03.1980" in page and "Банк" in page and "Математика" in page
    assert f"{pedagogical}" in page


def test_categories_show_which_one_is_valid_today(as_user, scene):
    today = timezone.localdate()
    f.make_category(
        scene.head,
        category="highest",
        awarded=D(2015, 1, 1),
        valid_until=today - dt.timedelta(days=1),
    )
    categories = as_user("head").get(URL).context["categories"]
    assert [(c["category"].category, c["current"], c["expired"]) for c in categories] == [
        ("first", True, False),
        ("highest", False, True),
    ]


def test_the_card_lists_teaching_topics_courses_and_ctps(as_user, scene):
    year = scene.school.years.get()
    math = scene.school.subjects.get(key="math")
    scene.head.teaching.create(year=year, subject=math, grades=[5, 6, 9], hours_per_week=18)
    scene.head.self_development.create(year=year, topic="Санариптик куралдар")
    scene.head.courses.create(
        title="Жаңы программа", hours=72, start=D(2024, 6, 3), end=D(2024, 6, 14)
    )
    plan = scene.head.thematic_plans.create(year=year, subject=math, grade=6, kind="subject")
    plan.items.create(n=1, topic="Бөлчөктөр", done=D(2025, 9, 2))
    plan.items.create(n=2, topic="Пайыздар")
    page = as_user("head").get(URL).content.decode()
    for text in ("5, 6, 9", "Санариптик куралдар", "Жаңы программа", "1 / 2"):
        assert text in page, text
    # Courses are personal data: a colleague sees the topics, not the courses.
    page = as_user("colleague").get(URL).content.decode()
    assert "Санариптик куралдар" in page and "Жаңы программа" not in page


def test_the_card_costs_the_same_with_5_and_50_rows(as_user, scene, django_assert_num_queries):
    client = as_user("deputy")
    year = scene.school.years.get()
    math = scene.school.subjects.get(key="math")

    def add_rows(n):
        for i in range(n):
            f.make_employment(
                scene.head,
                start=D(1990, 1, 1) + dt.timedelta(days=i),
                end=D(1990, 1, 1) + dt.timedelta(days=i),
            )
            scene.head.teaching.create(year=year, subject=math, grades=[i % 11 + 1])
            scene.head.courses.create(title=f"Курс {i}")

    add_rows(5)
    small = queries_of(client, URL)
    add_rows(45)
    with django_assert_num_queries(small):
        client.get(URL)
