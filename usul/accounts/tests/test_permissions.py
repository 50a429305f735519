"""The one policy, seen through every page of schools, MAs and staff.

A second school's people see nothing of the first (404, never "forbidden": they must not even
learn that a key exists); list pages never show another school's rows; personal data is shown
to the person, their MA head, the deputies and the director only; a district methodologist
reads the schools of their district only.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

SCHOOL_PAGES = [
    ("schools:overview", ()),
    ("associations:list", ()),
    ("associations:create", ()),
    ("associations:detail", ("ma-stem",)),
    ("associations:edit", ("ma-stem",)),
    ("associations:members", ("ma-stem",)),
    ("associations:elect_head", ("ma-stem",)),
    ("people:list", ()),
    ("people:create", ()),
    ("people:detail", ("t-bekova",)),
    ("people:edit", ("t-bekova",)),
]
READ_PAGES = [p for p in SCHOOL_PAGES if p[0].split(":")[1] in ("overview", "list", "detail")]
WRITE_PAGES = [p for p in SCHOOL_PAGES if p not in READ_PAGES]


def url(name, args, school="sch-17"):
    return reverse(name, args=(school, *args))


@pytest.mark.parametrize("role", ["deputy", "director", "admin", "district"])
def test_the_school_and_the_district_read_every_page(as_user, role):
    client = as_user(role)
    for name, args in READ_PAGES:
        assert client.get(url(name, args)).status_code == 200, name


def test_an_outsider_gets_404_on_every_page_of_the_school_even_when_posting(as_user, scene):
    client = as_user("outsider")
    for name, args in SCHOOL_PAGES:
        assert client.get(url(name, args)).status_code == 404, name
        assert client.post(url(name, args), {"name": "x"}).status_code == 404, name
    # Their own school's pages work: the 404 is about the school, not about them.
    assert client.get(url("associations:detail", ("ma-out",), "sch-99")).status_code == 200
    assert scene.stem.name == scene.stem.__class__.objects.get(pk=scene.stem.pk).name


def test_a_methodologist_of_another_district_gets_404(as_user):
    client = as_user("other_district")
    for name, args in READ_PAGES:
        assert client.get(url(name, args)).status_code == 404, name
    assert client.get(url("associations:detail", ("ma-out",), "sch-99")).status_code == 200


def test_the_district_methodologist_reads_but_does_not_change(as_user):
    client = as_user("district")
    for name, args in WRITE_PAGES:
        assert client.get(url(name, args)).status_code == 403, name


def test_a_teacher_cannot_manage_mas_or_other_cards(as_user):
    client = as_user("teacher")
    for name, args in WRITE_PAGES:
        if (name, args) == ("people:edit", ("t-bekova",)):
            continue  # their own card
        assert client.get(url(name, args)).status_code == 403, name
    assert client.get(url("people:edit", ("t-omur",))).status_code == 403


def test_keys_of_another_school_are_not_found_through_this_school(as_user):
    """Keys are unique per school only: ``sch-17/ma-out`` must not reach sch-99's MA."""
    client = as_user("deputy")
    assert client.get(url("associations:detail", ("ma-out",))).status_code == 404
    assert client.get(url("people:detail", ("t-out",))).status_code == 404
    assert client.get(url("associations:detail", ("ma-out",), "sch-99")).status_code == 404


def test_lists_never_show_another_schools_rows(as_user):
    client = as_user("admin")  # sees both schools, yet each list keeps to its school
    staff = client.get(url("people:list", ())).content.decode()
    mas = client.get(url("associations:list", ())).content.decode()
    overview = client.get(url("schools:overview", ())).content.decode()
    assert "Бекова" in staff and "Орозова" not in staff and "Сыдыков" not in staff
    assert "Табигый" in mas and "Сырттагы" not in mas
    assert "Табигый" in overview and "Сырттагы" not in overview


BIRTH_DATE = "05.05.1990"  # the teacher Бекова's


@pytest.mark.parametrize(
    "role, sees",
    [
        ("teacher", True),  # the person
        ("head", True),  # the head of their MA
        ("deputy", True),
        ("director", True),
        ("district", True),  # reads the district's schools (policy)
        ("colleague", False),  # another teacher, even of the same MA
        ("stranger", False),
    ],
)
def test_personal_data_is_shown_only_to_whom_the_policy_allows(as_user, role, sees):
    page = as_user(role).get(url("people:detail", ("t-bekova",))).content.decode()
    assert (BIRTH_DATE in page) is sees
    assert ("№5 мектеп" in page) is sees  # employment history
    assert ("Pedagogical experience" in page or "Педагогикалык стаж" in page) is sees
    assert "Бекова Жаңыл" in page  # the card itself is visible to every colleague


def test_a_head_does_not_see_personal_data_of_teachers_outside_their_ma(as_user):
    page = as_user("head").get(url("people:detail", ("t-stranger",))).content.decode()
    assert "07.07.1975" not in page
