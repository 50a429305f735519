"""The staff list: search that folds Kyrgyz capitals, filters by MA and role, fixed cost."""

from __future__ import annotations

from django.urls import reverse

from usul.testing import factories as f
from usul.testing.queries import queries_of

URL = reverse("people:list", args=["sch-17"])


def names(response) -> list[str]:
    return [row.staff.full_name for row in response.context["rows"]]


def test_search_finds_kyrgyz_letters_whatever_their_case(as_user, scene):
    client = as_user("teacher")
    # SQLite's LIKE would miss these: Ө/ө, Ү/ү and Ң/ң are outside ASCII.
    assert names(client.get(URL, {"q": "ӨМҮР"})) == ["Өмүрбеков Үсөн"]
    assert names(client.get(URL, {"q": "өмүр"})) == ["Өмүрбеков Үсөн"]
    assert names(client.get(URL, {"q": "ЖАҢЫЛ"})) == ["Бекова Жаңыл"]
    assert names(client.get(URL, {"q": "бекова ЖАҢ"})) == ["Бекова Жаңыл"]
    assert names(client.get(URL, {"q": "t-omur"})) == ["Өмүрбеков Үсөн"]
    assert names(client.get(URL, {"q": "Жаңылбек"})) == []


def test_filters_by_ma_and_role(as_user, scene):
    client = as_user("teacher")
    assert names(client.get(URL, {"ma": "ma-lang"})) == [
        "Сатыбалдиева Гүлмира",
        "Токтосунова Нуриза",
    ]
    assert sorted(names(client.get(URL, {"ma": "ma-stem"}))) == [
        "Асанова Айгүл",
        "Бекова Жаңыл",
        "Өмүрбеков Үсөн",
    ]
    assert names(client.get(URL, {"role": "ma_head"})) == ["Асанова Айгүл"]
    assert names(client.get(URL, {"role": "director"})) == ["Токтогулов Бакыт"]
    assert names(client.get(URL, {"role": "class_teacher"})) == ["Сатыбалдиева Гүлмира"]
    assert names(client.get(URL, {"role": "deputy_academic", "ma": "ma-stem"})) == []


def test_htmx_asks_for_the_table_only(as_user, scene):
    response = as_user("teacher").get(URL, {"q": "өмүр"}, headers={"HX-Request": "true"})
    assert response.content.decode().startswith('<div id="staff-table">')


def test_the_list_costs_the_same_for_5_and_50_staff(
    client, school, deputy, django_assert_num_queries
):
    client.force_login(f.make_user(deputy))
    ma = f.make_association(school)

    def add_staff(n):
        for _ in range(n):
            staff = f.make_staff(school)
            f.add_member(ma, staff)
            f.add_head(ma, staff)

    base = len(client.get(URL).context["rows"])
    add_staff(5 - base)
    small = queries_of(client, URL)
    add_staff(45)
    with django_assert_num_queries(small):
        assert len(client.get(URL).context["rows"]) == 50
