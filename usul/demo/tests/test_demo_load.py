"""``demo_load``: the demo school in the database, loaded again in place, one log-in per role."""

from __future__ import annotations

from django.urls import reverse

from usul.accounts.models import User
from usul.demo.services import PERSONAS, demo_load
from usul.demo.tests.conftest import TODAY, row_counts
from usul.people.models import Staff
from usul.schools.models import School


def test_loading_again_updates_in_place_without_duplicates(demo):
    before = row_counts()
    staff_ids = set(Staff.objects.values_list("pk", flat=True))

    summary = demo_load(today=TODAY)

    # Nothing new and, since nothing changed, no new history either.
    assert row_counts() == before
    assert set(Staff.objects.values_list("pk", flat=True)) == staff_ids
    assert summary.created is False
    assert (summary.school_key, summary.staff, summary.associations) == ("demo-17", 44, 6)
    assert User.objects.filter(username__in=[p.username for p in PERSONAS]).count() == 8
    assert School.objects.count() == 1


def test_each_role_logs_in_with_its_printed_password_and_lands_on_the_home_page(demo, client):
    personas = demo.demo.personas
    # username → (roles the person holds, their staff record); the deputies also teach.
    expected = {
        "direktor": ({"director"}, personas["director"]),
        "zam-uvr": ({"deputy_academic", "teacher"}, personas["deputy_academic"]),
        "zam-nmr": ({"deputy_methodical", "teacher"}, personas["deputy_methodical"]),
        "jetekchi": ({"ma_head", "teacher"}, personas["ma_head"]),
        "mugalim": ({"teacher"}, personas["teacher"]),
        "klass-jetekchi": ({"class_teacher", "teacher"}, personas["class_teacher"]),
        "metodist": ({"district_methodologist"}, None),
        "admin": ({"administrator"}, None),
    }
    assert [p.username for p in PERSONAS] == list(expected)

    for persona in PERSONAS:
        roles, staff_key = expected[persona.username]
        response = client.post(
            reverse("accounts:login"),
            {"username": persona.username, "password": persona.password},
            follow=True,
        )

        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse("home:home")
        viewer = response.wsgi_request.viewer
        assert (persona.username, viewer.roles) == (persona.username, roles)
        assert getattr(viewer.staff, "key", None) == staff_key
        client.logout()

    # The district methodologist reads the demo school's district (no staff record).
    assert User.objects.get(username="metodist").district.key == "demo-osh-city"


def test_a_wrong_password_does_not_log_in(demo, client):
    response = client.post(
        reverse("accounts:login"), {"username": "direktor", "password": "demo-direktor!"}
    )

    assert response.status_code == 200  # the form again, with its error
    assert not response.wsgi_request.user.is_authenticated


def test_the_bank_of_ideas_has_materials_the_teacher_finds_by_a_kyrgyz_word(demo, client):
    from usul.ideas.models import Material

    assert set(Material.objects.values_list("status", flat=True)) == {
        "published",
        "submitted",
        "ready",
    }
    client.force_login(User.objects.get(username="klass-jetekchi"))
    response = client.get(reverse("ideas:bank", args=["demo-17"]), {"q": "САБАК"})
    titles = {row.material.title for row in response.context["found"]}
    # A colleague of another MA finds the published material, not the one still evaluated.
    assert "Бөлчөктөрдү кошуу: сабактын планы" in titles
    assert "Сабактарды баалоо: текшерүү тесттери" not in titles
