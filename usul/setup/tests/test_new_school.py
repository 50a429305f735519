"""The administrator adds another school, in a new district office or in one already there;
nobody else may, and a form sent twice adds one school."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied

from usul.schools.models import District, School
from usul.schools.services import district_create, school_create
from usul.setup.tests.steps import SCHOOL

TOKEN = re.compile(r'name="once" value="([^"]+)"')


def test_the_administrator_adds_a_school_in_a_new_district(as_user, scene):
    client = as_user("admin")
    client.cookies["usul_language"] = "en"
    page = client.get("/installation/schools/new/").content.decode()
    token = TOKEN.search(page).group(1)
    data = {
        **SCHOOL,
        "once": token,
        "district": "",
        "district_key": "batken",
        "district_name": "Баткен",
        "school_key": "sch-3",
        "school_name": "№3 мектеп",
    }
    for _ in range(2):
        response = client.post("/installation/schools/new/", data)
        assert response.status_code == 302 and response["Location"] == "/school/sch-3/"
    school = School.objects.get(key="sch-3")
    assert school.district.key == "batken"
    assert School.objects.filter(key="sch-3").count() == 1
    assert school.history.get().history_user == scene.users["admin"]


def test_a_school_in_a_district_already_there(as_user, scene):
    client = as_user("admin")
    response = client.post(
        "/installation/schools/new/",
        {
            **SCHOOL,
            "district": "osh-city",
            "district_key": "",
            "district_name": "",
            "school_key": "sch-4",
            "school_name": "№4 мектеп",
        },
    )
    assert response.status_code == 302
    assert School.objects.get(key="sch-4").district.key == "osh-city"
    assert District.objects.filter(key="osh-city").count() == 1


def test_a_taken_school_key_is_refused_on_the_form(as_user, scene):
    client = as_user("admin")
    client.cookies["usul_language"] = "en"
    response = client.post(
        "/installation/schools/new/", {**SCHOOL, "district": "osh-city", "school_key": "SCH-17"}
    )
    assert response.status_code == 400
    assert "is taken" in response.content.decode()


@pytest.mark.parametrize("who", ["director", "deputy", "district"])
def test_nobody_but_the_administrator_adds_a_school_or_a_district(scene, who):
    viewer = scene.viewer(who)
    with pytest.raises(PermissionDenied):
        district_create(actor=viewer, key="x", name="X")
    with pytest.raises(PermissionDenied):
        school_create(actor=viewer, key="x", name="X", district=None)
    assert not School.objects.filter(key="x").exists()
