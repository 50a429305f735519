"""On an installation with no school every page leads to the set-up; the set-up's own pages,
static files and the language switch open; once a school exists nothing is redirected and the
set-up answers 404."""

from __future__ import annotations

import pytest

from usul.testing import factories as f


@pytest.mark.parametrize("address", ["/", "/login/", "/school/sch-17/", "/django-admin/"])
def test_every_page_leads_to_the_set_up_on_an_empty_installation(first_run, client, address):
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"] == "/setup/"


def test_the_set_up_opens_at_its_first_step(first_run, client):
    response = client.get("/setup/")
    assert response["Location"] == "/setup/school/"
    page = client.get("/setup/school/")
    assert page.status_code == 200
    assert 'name="school_key"' in page.content.decode()


def test_static_files_and_the_language_switch_pass(first_run, client):
    assert client.get("/static/usul/usul.css").status_code == 200
    response = client.post("/language/", {"language": "ru", "next": "/setup/school/"})
    assert response["Location"] == "/setup/school/"
    assert "Шаг" in client.get("/setup/school/").content.decode()


def test_a_later_step_before_the_first_is_done_leads_back(first_run, client):
    assert client.get("/setup/year/")["Location"] == "/setup/"


def test_once_a_school_exists_nothing_is_redirected_and_the_set_up_answers_404(first_run, client):
    f.make_school(key="sch-1")
    assert client.get("/login/").status_code == 200
    for address in ("/setup/", "/setup/school/", "/setup/account/"):
        assert client.get(address).status_code == 404
    assert client.post("/setup/account/", {}).status_code == 404
    assert client.post("/setup/school/", {}).status_code == 404


def test_the_set_up_is_offered_again_when_the_last_school_is_deleted(first_run, client):
    school = f.make_school(key="sch-1")
    assert client.get("/login/").status_code == 200
    school.delete()
    assert client.get("/login/")["Location"] == "/setup/"
