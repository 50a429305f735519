"""The district methodologist reads the compliance of the district's schools (read-only)."""

from __future__ import annotations

from django.urls import reverse

INDEX = reverse("compliance:index")


def test_the_menu_offers_the_district_methodologist_the_compliance_page(as_user):
    home = as_user("district").get(reverse("home:home")).content.decode()
    assert f'href="{INDEX}"' in home


def test_the_compliance_link_opens_the_only_school_of_the_district(as_user):
    response = as_user("district").get(INDEX)
    assert response.status_code == 302
    assert response["Location"] == reverse("compliance:school", args=["sch-17"])


def test_a_district_of_several_schools_lists_them_and_no_other_district(as_user, scene):
    from usul.testing import factories as f

    f.make_school(key="sch-18", name="№18 мектеп", district=scene.school.district)
    page = as_user("district").get(INDEX)
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("compliance:school", args=["sch-17"]) in html
    assert reverse("compliance:school", args=["sch-18"]) in html
    assert "sch-99" not in html


def test_a_plain_teacher_is_still_told_the_page_is_not_for_them(as_user):
    assert as_user("teacher").get(INDEX).status_code == 403
    home = as_user("teacher").get(reverse("home:home")).content.decode()
    assert f'href="{INDEX}"' not in home
