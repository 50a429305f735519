"""The MA list: every MA of the school, active first, at a fixed cost."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.testing import factories as f
from usul.testing.queries import queries_of

D = dt.date
URL = reverse("associations:list", args=["sch-17"])


def test_the_list_shows_head_members_and_supervisor_with_gen2_flag(as_user, scene):
    page = as_user("teacher").get(URL).content.decode()
    assert "Табигый-математикалык цикл" in page and "Тил цикли" in page
    assert "Асанова А." in page  # the head
    assert "Осмонова Г." in page  # the supervisor
    # "Тил цикли" has one member: flagged against GEN-2; the list offers no "New MA" to a teacher.
    assert page.count("GEN-2") == 1
    assert reverse("associations:create", args=["sch-17"]) not in page


def test_a_liquidated_ma_is_listed_last_and_marked(as_user, scene, director):
    f.make_order(scene.school, kind="ma_liquidate", association=scene.lang, date=D(2025, 12, 1))
    scene.lang.liquidated_by = scene.lang.orders.get(kind="ma_liquidate")
    scene.lang.save(update_fields=["liquidated_by"])
    page = as_user("deputy").get(URL).content.decode()
    assert page.index("Табигый") < page.index("Тил цикли")
    assert page.count("GEN-2") == 0  # not active: its size no longer matters


def test_the_list_costs_the_same_for_5_and_50_mas(as_user, scene, django_assert_num_queries):
    client = as_user("deputy")

    def add_mas(n):
        for i in range(n):
            ma = f.make_association(scene.school, name=f"Бирикме {i}")
            f.add_member(ma, f.make_staff(scene.school))
            f.add_head(ma, scene.teacher)
            f.add_supervisor(ma, scene.deputy)

    add_mas(3)  # 5 MAs
    small = queries_of(client, URL)
    add_mas(45)  # 50 MAs
    with django_assert_num_queries(small):
        assert client.get(URL).content.decode().count("Бирикме ") == 48
