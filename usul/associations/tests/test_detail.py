"""The MA page: members today, head, subjects, supervisor, orders, council, links, history."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.associations import services
from usul.testing import factories as f
from usul.testing.queries import queries_of

D = dt.date
URL = reverse("associations:detail", args=["sch-17", "ma-stem"])


def test_the_page_shows_what_the_regulation_asks_about_an_ma(as_user, scene):
    decision = scene.school.council_decisions.create(
        key="cd-1", year=scene.school.years.get(), date=D(2025, 8, 27), text="Бирикмелер бекитилди"
    )
    decision.associations.add(scene.stem)
    f.add_member(scene.stem, scene.stranger, start=D(2025, 9, 1), end=D(2025, 10, 1))
    page = as_user("teacher").get(URL).content.decode()
    for text in (
        "Математика",  # subjects
        "Асанова Айгүл",  # head
        "Осмонова Гүлнара",  # supervisor
        "Бекова Жаңыл",
        "Өмүрбеков Үсөн",  # members today
        "28.08.2025",  # the creating order's date
        "Токтогулов Бакыт",  # who signed it
        "Бирикмелер бекитилди",  # the council decision (GEN-4)
    ):
        assert text in page, text
    # A past member is listed apart, with the dates of the membership.
    assert "01.09.2025–01.10.2025" in page
    # A teacher gets no edit buttons.
    assert reverse("associations:edit", args=["sch-17", "ma-stem"]) not in page


def test_the_ma_page_links_its_plan_meetings_and_compliance(as_user, scene):
    page = as_user("deputy").get(URL).content.decode()
    assert reverse("associations:members", args=["sch-17", "ma-stem"]) in page
    for name, args in (
        ("planning:plan", ["sch-17", "ma-stem", "2025-2026"]),
        ("meetings:list", ["sch-17", "ma-stem"]),
        ("compliance:association", ["sch-17", "ma-stem"]),
    ):
        assert reverse(name, args=args) in page, name


def test_the_history_says_who_changed_what(as_user, scene):
    actor = scene.viewer("deputy")
    services.association_update(
        actor=actor,
        association=scene.stem,
        name="Табигый цикл (жаңы)",
        kind="subject",
        subjects=[],
        order_date=D(2025, 8, 28),
        order_proposed_by=scene.deputy,
        order_signed_by=scene.director,
    )
    services.membership_end(
        actor=actor, membership=scene.stem.members.get(staff=scene.colleague), end=D(2026, 5, 31)
    )
    page = as_user("head").get(URL).content.decode()
    history = page[page.index('id="history-title"') :]
    assert "Осмонова Гүлнара" in history  # who
    assert "<del>Табигый-математикалык цикл</del>" in history  # what, before
    assert "<ins>Табигый цикл (жаңы)</ins>" in history  # and after
    assert "<del>Математика</del>" in history  # the subjects, a many-to-many list
    assert "<ins>31.05.2026</ins>" in history  # the end of Өмүрбеков's membership
    assert "Өмүрбеков Үсөн" in history


def test_the_page_costs_the_same_for_5_and_50_members(as_user, scene, django_assert_num_queries):
    client = as_user("deputy")
    for _ in range(2):  # 5 members
        f.add_member(scene.stem, f.make_staff(scene.school))
    small = queries_of(client, URL)
    actor = scene.viewer("deputy")
    for _ in range(45):  # 50 members, each with a history row
        services.membership_add(
            actor=actor,
            association=scene.stem,
            staff=f.make_staff(scene.school),
            start=D(2025, 9, 1),
        )
    with django_assert_num_queries(small):
        client.get(URL)
