"""The home page of each role: what needs the person's attention, then their blocks."""

from __future__ import annotations

from django.urls import reverse

from usul.testing import factories as f
from usul.testing.queries import queries_of

HOME = reverse("home:home")


def test_the_deputy_sees_the_school_summary_with_links(as_user, scene):
    response = as_user("deputy").get(HOME)
    summary = response.context["leadership"]
    assert [a.association.key for a in summary["without_head"]] == ["ma-lang"]
    assert [a.association.key for a in summary["too_few"]] == ["ma-lang"]
    assert summary["staff_count"] == 8
    page = response.content.decode()
    for name, args in (
        ("schools:overview", []),
        ("associations:list", []),
        ("people:list", []),
        ("associations:elect_head", ["ma-lang"]),
    ):
        assert reverse(name, args=["sch-17", *args]) in page, name


def test_the_head_sees_their_ma_with_its_members(as_user, scene):
    response = as_user("head").get(HOME)
    assert "leadership" not in response.context
    assert [a.association.key for a in response.context["headed"]] == ["ma-stem"]
    page = response.content.decode()
    assert "Бекова Жаңыл" in page and "Өмүрбеков Үсөн" in page


def test_a_teacher_sees_their_ma_its_head_and_their_card(as_user, scene):
    response = as_user("teacher").get(HOME)
    assert [a.association.key for a in response.context["mine"]] == ["ma-stem"]
    assert response.context["headed"] == []
    page = response.content.decode()
    assert "Асанова Айгүл" in page  # the head
    assert reverse("people:detail", args=["sch-17", "t-bekova"]) in page


def test_the_district_methodologist_sees_only_their_districts_schools(as_user, scene):
    response = as_user("district").get(HOME)
    assert [s.key for s in response.context["district_schools"]] == ["sch-17"]
    assert response.context["district_schools"][0].association_count == 2
    page = response.content.decode()
    assert reverse("schools:overview", args=["sch-17"]) in page
    assert reverse("schools:overview", args=["sch-99"]) not in page


def test_the_administrator_sees_every_school(as_user, scene):
    response = as_user("admin").get(HOME)
    assert sorted(s.key for s in response.context["all_schools"]) == ["sch-17", "sch-99"]


def test_a_user_with_no_role_gets_a_polite_explanation(as_user, scene):
    response = as_user("nobody").get(HOME)
    assert response.status_code == 200 and response.context["no_role"]
    assert 'class="card note"' in response.content.decode()


def test_a_staff_member_whose_positions_ended_is_told_so(client, school):
    staff = f.make_staff(school, roles=())
    client.force_login(f.make_user(staff))
    assert client.get(HOME).context["positionless"]


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_home_page_costs_the_same_for_5_and_50_mas(as_user, scene, django_assert_num_queries):
    client = as_user("head")

    def add(n):
        for i in range(n):
            ma = f.make_association(scene.school, name=f"Бирикме {i}")
            f.add_member(ma, scene.head)
            f.add_member(ma, f.make_staff(scene.school))
            f.add_head(ma, scene.head)  # the head leads them all: one block each

    add(4)
    small = queries_of(client, HOME)
    add(45)
    with django_assert_num_queries(small):
        assert len(client.get(HOME).context["headed"]) == 50
