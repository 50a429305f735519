"""The school overview: the year, the summary the leadership needs, orders and council."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.testing import factories as f
from usul.testing.queries import queries_of

D = dt.date
URL = reverse("schools:overview", args=["sch-17"])


def test_the_overview_counts_what_needs_the_leaderships_eye(as_user, scene):
    f.make_association(scene.school, key="ma-empty", name="Класс жетекчилер")
    response = as_user("director").get(URL)
    context = response.context
    assert context["active_count"] == 3
    assert context["staff_count"] == 8  # every cast member holds a position today
    assert [a.association.key for a in context["without_head"]] == ["ma-empty", "ma-lang"]
    assert sorted(a.association.key for a in context["too_few"]) == ["ma-empty", "ma-lang"]
    page = response.content.decode()
    assert "2025-2026" in page and "Функционалдык сабаттуулук" in page  # the year's theme
    assert reverse("associations:create", args=["sch-17"]) in page  # the director may add


def test_a_teacher_reads_the_overview_without_the_managers_buttons(as_user, scene):
    page = as_user("teacher").get(URL).content.decode()
    assert "Табигый-математикалык цикл" in page
    assert reverse("associations:create", args=["sch-17"]) not in page


def test_the_overview_costs_the_same_for_5_and_50_records(
    as_user, scene, django_assert_num_queries
):
    client = as_user("deputy")

    def add(n):
        for i in range(n):
            ma = f.make_association(scene.school, name=f"Бирикме {i}")
            f.add_member(ma, f.make_staff(scene.school))
            f.add_supervisor(ma, scene.deputy)
            decision = scene.school.council_decisions.create(
                key=f"cd-{ma.key}", year=scene.school.years.get(), date=D(2025, 8, 27)
            )
            decision.associations.add(ma)

    add(3)
    small = queries_of(client, URL)
    add(45)
    with django_assert_num_queries(small):
        client.get(URL)
