"""A form's address answers GET: reloading after a refused form, or switching the language on
it, shows the page the form lives on instead of a blank "405" browser error."""

from __future__ import annotations

import pytest

from usul.testing import factories as f


@pytest.fixture
def ma(school):
    return f.make_association(school, key="stem")


@pytest.fixture
def signed_in(client, deputy):
    client.force_login(f.make_user(deputy))
    return client


def test_a_refused_meeting_form_can_be_reloaded(signed_in, ma):
    address = "/meetings/sch-17/stem/new/"
    refused = signed_in.post(address, {"date": "", "agenda": ""})
    assert refused.status_code == 400
    reloaded = signed_in.get(address)
    assert reloaded.status_code == 200
    assert reloaded.templates[0].name == "meetings/list.html"


def test_a_refused_open_lesson_form_can_be_reloaded(signed_in, ma):
    address = "/lessons/sch-17/new/"
    assert signed_in.post(address, {"topic": ""}).status_code == 400
    reloaded = signed_in.get(address)
    assert reloaded.status_code == 200
    assert reloaded.templates[0].name == "lessons/list.html"


def test_switching_the_language_on_a_refused_form_returns_to_a_page(signed_in, ma):
    address = "/meetings/sch-17/stem/new/"
    signed_in.post(address, {"date": ""})
    switched = signed_in.post("/language/", {"language": "ru", "next": address}, follow=True)
    assert switched.status_code == 200
    assert switched.redirect_chain[0][0] == address
    assert switched.wsgi_request.LANGUAGE_CODE == "ru"


def test_switching_the_language_to_an_address_that_is_no_page_goes_home(signed_in):
    switched = signed_in.post("/language/", {"language": "ru", "next": "/no/such/page/"})
    assert switched.status_code == 302 and switched["Location"] == "/"


def test_another_schools_form_address_answers_404(signed_in, outsider_school):
    f.make_association(outsider_school, key="stem")
    assert signed_in.get("/meetings/sch-99/stem/new/").status_code == 404


def test_the_anonymous_are_sent_to_log_in(client, ma):
    answer = client.get("/meetings/sch-17/stem/new/")
    assert answer.status_code == 302 and "/login/" in answer["Location"]


def test_a_button_address_shows_its_record(signed_in, ma, school):
    meeting = f.make_meeting(ma, status="scheduled")
    answer = signed_in.get(f"/meetings/sch-17/m/{meeting.key}/hold/")
    assert answer.status_code == 200
    assert answer.templates[0].name == "meetings/detail.html"
