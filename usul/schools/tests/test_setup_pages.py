"""The school's set-up pages as their users meet them: the deputy creates the next school year
from dates offered a year after the latest, writes its theme, adds subjects from the framework's
list and changes the settings; a refusal shows the form again with its message and a reload
works; a teacher reads the same pages without any action."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.schools.models import SchoolYear, Subject

D = dt.date


def url(name, scene, *args):
    return reverse(f"schools:{name}", args=[scene.school.key, *args])


def test_the_new_year_is_offered_a_year_after_the_latest(as_user, scene):
    response = as_user("deputy").get(url("year_create", scene))
    form = response.context["form"]
    assert (form.initial["start"], form.initial["end"]) == (D(2026, 9, 1), D(2027, 5, 31))


def test_a_year_sent_twice_is_created_once(as_user, scene):
    client = as_user("deputy")
    data = {"once": "year-1", "start": "2026-09-01", "end": "2027-05-31", "theme": "Тема"}
    first = client.post(url("year_create", scene), data)
    second = client.post(url("year_create", scene), data)
    assert first.status_code == second.status_code == 302
    assert SchoolYear.objects.filter(school=scene.school, key="2026-2027").count() == 1


def test_an_overlapping_year_is_shown_again_with_the_message_and_a_reload_works(as_user, scene):
    client = as_user("deputy")
    data = {"once": "year-2", "start": "2026-05-01", "end": "2027-04-30", "theme": ""}
    response = client.post(url("year_create", scene), data)
    assert response.status_code == 400
    assert "2025-2026" in str(response.context["form"].errors["start"])
    assert "Окуу жылынын биринчи күнү" in response.content.decode()
    assert not SchoolYear.objects.filter(school=scene.school, key="2026-2027").exists()
    assert client.get(url("year_create", scene)).status_code == 200


def test_the_theme_is_written_on_the_years_page(as_user, scene):
    client = as_user("director")
    year = scene.ours.year
    response = client.post(
        url("year_edit", scene, year.key),
        {"start": "2025-09-01", "end": "2026-05-31", "theme": "Санариптик сабаттуулук"},
    )
    assert response.status_code == 302
    year.refresh_from_db()
    assert year.theme == "Санариптик сабаттуулук"
    assert "Санариптик сабаттуулук" in client.get(url("years", scene)).content.decode()


def test_another_schools_year_is_not_found(as_user, scene):
    response = as_user("deputy").get(
        reverse("schools:year_edit", args=[scene.school.key, "1999-2000"])
    )
    assert response.status_code == 404


def test_subjects_from_the_framework_are_added_and_not_offered_again(as_user, scene):
    client = as_user("deputy")
    page = client.get(url("subjects_framework", scene))
    offered = dict(page.context["form"].fields["subjects"].choices)
    assert "chemistry" in offered and "math" not in offered
    response = client.post(url("subjects_framework", scene), {"subjects": ["chemistry", "pe"]})
    assert response.status_code == 302
    assert set(scene.school.subjects.values_list("key", flat=True)) >= {"chemistry", "pe"}
    again = client.get(url("subjects_framework", scene))
    assert "chemistry" not in dict(again.context["form"].fields["subjects"].choices)


def test_nothing_ticked_is_refused_with_a_sentence(as_user, scene):
    response = as_user("deputy").post(url("subjects_framework", scene), {})
    assert response.status_code == 400
    assert response.context["form"].errors["subjects"]


def test_a_subject_with_a_taken_key_is_shown_again(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        url("subject_create", scene),
        {"once": "s-1", "name_ky": "Алгебра", "area": "stem", "key": "math"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["key"]
    assert not Subject.objects.filter(name_ky="Алгебра").exists()


def test_a_subject_is_renamed(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        url("subject_edit", scene, "math"),
        {"name_ky": "Математика", "name_ru": "Математика", "name_en": "Maths", "area": "stem"},
    )
    assert response.status_code == 302
    assert scene.school.subjects.get(key="math").name_en == "Maths"


def _settings_form(client, scene) -> dict:
    form = client.get(url("settings_edit", scene)).context["form"]
    data = {name: form.initial[name] for name in form.fields}
    data["ktu_required"] = "on" if data["ktu_required"] else ""
    return data


def test_the_settings_saved_unchanged_change_nothing(as_user, scene):
    client = as_user("deputy")
    before = scene.school.history.count()
    response = client.post(url("settings_edit", scene), _settings_form(client, scene))
    assert response.status_code == 302
    assert scene.school.history.count() == before


def test_a_setting_out_of_bounds_is_refused_and_a_reload_works(as_user, scene):
    client = as_user("deputy")
    data = {**_settings_form(client, scene), "plan_deadline_days": "365", "ktu_required": ""}
    response = client.post(url("settings_edit", scene), data)
    assert response.status_code == 400
    assert response.context["form"].errors["plan_deadline_days"]
    scene.school.refresh_from_db()
    assert scene.school.ktu_required is True
    assert client.get(url("settings_edit", scene)).status_code == 200


def test_every_setting_has_a_help_text_with_its_default(as_user, scene):
    form = as_user("deputy").get(url("settings_edit", scene)).context["form"]
    for name, field in form.fields.items():
        if name != "name":
            assert field.help_text, name


def test_the_teacher_reads_the_settings_without_any_action(as_user, scene):
    client = as_user("teacher")
    for name in ("settings", "years", "subjects"):
        text = client.get(url(name, scene)).content.decode()
        for action in ("year_create", "subjects_framework", "settings_edit", "subject_create"):
            assert url(action, scene) not in text, (name, action)
    home = client.get(reverse("home:home")).content.decode()
    assert url("settings", scene) not in home


def test_the_leadership_finds_the_settings_in_the_menu(as_user, scene):
    text = as_user("deputy").get(reverse("home:home")).content.decode()
    assert url("settings", scene) in text


def test_a_new_year_with_the_offer_to_carry_leads_to_the_preview_and_its_confirmation(
    as_user, scene
):
    from usul.associations.models import Membership

    Membership.objects.filter(association=scene.stem).update(end=D(2026, 5, 31))
    client = as_user("deputy")
    data = {
        "once": "year-3",
        "start": "2026-09-01",
        "end": "2027-05-31",
        "theme": "",
        "carry_forward": "on",
    }
    response = client.post(url("year_create", scene), data)
    preview_url = url("year_rollover", scene, "2026-2027")
    assert response["Location"] == preview_url
    page = client.get(preview_url)
    text = page.content.decode()
    assert scene.teacher.full_name in text and "01.08.2026" in text
    # a reload and a changed choice show the preview again, and nothing is created yet
    assert client.get(preview_url, {"kinds": ["supervision"]}).status_code == 200
    assert not Membership.objects.filter(association=scene.stem, end=None).exists()
    confirm = {
        "kinds": ["membership", "supervision", "head"],
        "fingerprint": page.context["preview"].fingerprint,
    }
    assert client.post(preview_url, confirm).status_code == 302
    assert client.post(preview_url, confirm).status_code == 302  # the second press: nothing
    assert Membership.objects.filter(association=scene.stem, end=None).count() == 3


def test_a_stale_preview_is_refused_on_the_page(as_user, scene):
    from usul.associations.models import Membership

    Membership.objects.filter(association=scene.stem).update(end=D(2026, 5, 31))
    f_year = SchoolYear.objects.create(
        school=scene.school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31)
    )
    response = as_user("deputy").post(
        url("year_rollover", scene, f_year.key), {"kinds": ["membership"], "fingerprint": "old"}
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(association=scene.stem, end=None).exists()


def test_the_reminder_settings_saved_on_the_page_are_what_the_home_reminders_read(as_user, scene):
    from usul.lib.dates import add_years
    from usul.people.models import Course
    from usul.people.selectors import growth_due

    today = D(2025, 10, 1)
    ended = add_years(today, -4)
    Course.objects.create(
        staff=scene.teacher, title="Курс", hours=72, start=ended - dt.timedelta(5), end=ended
    )
    school = type(scene.school).objects.get(pk=scene.school.pk)
    assert not growth_due(school, scene.teacher, today).course_due
    client = as_user("deputy")
    data = {**_settings_form(client, scene), "course_reminder_years": "3"}
    assert client.post(url("settings_edit", scene), data).status_code == 302
    school = type(scene.school).objects.get(pk=scene.school.pk)
    assert growth_due(school, scene.teacher, today).course_due
