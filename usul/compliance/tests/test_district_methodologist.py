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


def test_the_district_methodologist_is_shown_by_name_not_by_log_in(as_user, scene):
    methodologist = scene.users["district"]
    methodologist.first_name, methodologist.last_name = "Динара", "Абдыкадырова"
    methodologist.save(update_fields=["first_name", "last_name"])
    page = as_user("district").get(reverse("home:home")).content.decode()
    assert "Абдыкадырова Динара" in page
    assert '<span class="muted">district</span>' not in page


def test_a_read_only_viewer_is_offered_no_fix_link_on_the_compliance_page(as_user, scene):
    """The district methodologist reads the findings but changes nothing: no "fix" link that
    would end on a refusal; the deputy, who can fix them, is offered the links."""
    year = scene.ours.year
    asked = {"year": year.key, "as_of": year.end.isoformat()}
    for url in (
        reverse("compliance:school", args=["sch-17"]),
        reverse("compliance:association", args=["sch-17", "ma-stem"]),
    ):
        district = as_user("district").get(url, asked)
        assert district.status_code == 200
        assert 'class="findings"' in district.content.decode()  # there is something to fix
        assert ">оңдоо</a>" not in district.content.decode()
        assert ">оңдоо</a>" in as_user("deputy").get(url, asked).content.decode()
