"""Mentoring as its users meet it: the deputy sees who needs a mentor on her home page and
assigns one (once, however often the button is pressed); the mentor and the mentee find their
mentorship on their home pages; a colleague reads none of it."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from usul.mentoring.models import Mentorship
from usul.testing import factories as f


def test_the_deputy_is_told_and_assigns_once(as_user, scene):
    today = timezone.localdate()
    year = f.make_year(
        scene.school,
        key="live",
        start=today - dt.timedelta(days=60),
        end=today + dt.timedelta(days=120),
    )
    newcomer = f.make_staff(
        scene.school, key="t-newcomer", last_name="Жаңыбаева", since=today - dt.timedelta(10)
    )
    f.make_employment(newcomer, start=today - dt.timedelta(10))
    deputy = as_user("deputy")
    home = deputy.get(reverse("home:home")).content.decode()
    assert "насаатчы дайындала элек" in home
    listed = deputy.get(reverse("mentoring:list", args=[scene.school.key])).content.decode()
    assert 'data-staff="t-newcomer"' in listed and "жаш адис, жаңы келген мугалим" in listed
    form = {
        "once": "tok",
        "year": year.key,
        "mentee": newcomer.key,
        "mentor": scene.head.key,
        "reason": "young_specialist",
        "plan": "",
    }
    url = reverse("mentoring:assign", args=[scene.school.key])
    first, second = deputy.post(url, form), deputy.post(url, form)
    assert first.status_code == second.status_code == 302
    assert Mentorship.objects.filter(mentee=newcomer).count() == 1
    home = deputy.get(reverse("home:home")).content.decode()
    assert "насаатчы дайындала элек" not in home
    head_home = as_user("head").get(reverse("home:home")).content.decode()
    assert "Жаңыбаева" in head_home and "насаатчысыз" in head_home


def test_a_refused_log_entry_shows_the_page_again_and_a_reload_works(as_user, scene):
    mentorship = scene.ours.mentorship
    client = as_user("colleague")  # the mentor
    url = reverse("mentoring:meeting_add", args=[scene.school.key, mentorship.key])
    refused = client.post(url, {"once": "x", "date": "", "topic": ""})
    assert refused.status_code == 400
    assert "Күнү: жолугушуу болгон күндү жазыңыз" in refused.content.decode()
    assert client.get(url).status_code == 200


def test_a_colleague_does_not_open_a_mentorship(as_user, scene):
    url = reverse("mentoring:detail", args=[scene.school.key, scene.ours.mentorship.key])
    assert as_user("stranger").get(url).status_code == 404
    listed = as_user("stranger").get(reverse("mentoring:list", args=[scene.school.key]))
    assert 'data-mentorship="' not in listed.content.decode()


def test_the_mentee_reads_her_plan_and_log(as_user, scene):
    url = reverse("mentoring:detail", args=[scene.school.key, scene.ours.mentorship.key])
    text = as_user("teacher").get(url).content.decode()
    assert "Сабак пландоо, баалоо" in text and "Пландоо" in text
    assert 'action="/mentoring/sch-17/mt-1/log/"' not in text  # she does not keep the log


def test_assign_from_a_candidates_row_fills_in_the_teacher_and_why(as_user, scene):
    today = timezone.localdate()
    f.make_year(
        scene.school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(120)
    )
    newcomer = f.make_staff(scene.school, key="t-came", since=today - dt.timedelta(10))
    f.make_employment(newcomer, start=dt.date(2001, 9, 1))  # experienced: newly arrived only
    url = reverse("mentoring:list", args=[scene.school.key]) + "?mentee=t-came"
    text = as_user("deputy").get(url).content.decode()
    assert '<option value="t-came" selected>' in text
    assert '<option value="newly_arrived" selected>' in text
