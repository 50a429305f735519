"""The data bank page (DOC-9): who reads it, what it computes at an as-of date, its filters,
its chart (the DOC-9 document's own), and its fixed cost."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import translation

from usul.accounts.policy import can
from usul.documents.contents import document_content
from usul.people.databank import databank, filter_bank
from usul.people.models import Role, Teaching
from usul.testing import factories as f
from usul.testing.queries import queries_of

D = dt.date
URL = reverse("databank:bank", args=["sch-17"])


def names(response) -> list[str]:
    return [row.staff.full_name for row in response.context["rows"]]


def test_a_plain_teacher_and_a_class_teacher_are_refused_and_read_no_birth_date(as_user, scene):
    for role in ("teacher", "class_teacher"):
        response = as_user(role).get(URL)
        assert response.status_code == 403
        assert "12.03.1980" not in response.content.decode()  # the head's birth date
    assert not can(scene.viewer("colleague"), "view_databank", scene.school)


def test_a_plain_teacher_finds_no_menu_entry_or_button_the_deputy_does(as_user, scene):
    staff_list = reverse("people:list", args=["sch-17"])
    assert URL not in as_user("teacher").get(staff_list).content.decode()
    assert URL in as_user("deputy").get(staff_list).content.decode()


def test_the_ma_head_reads_her_members_only_the_deputy_everyone(as_user, scene):
    assert sorted(names(as_user("head").get(URL))) == [
        "Асанова Айгүл",
        "Бекова Жаңыл",
        "Өмүрбеков Үсөн",
    ]
    everyone = names(as_user("deputy").get(URL))
    assert "Токтосунова Нуриза" in everyone and "Токтогулов Бакыт" in everyone
    assert "Орозова Бермет" not in everyone  # the outsider school's teacher


def test_experience_counts_days_of_the_union_of_periods_at_the_date_asked(as_user, scene):
    person = f.make_staff(
        scene.school, key="t-union", last_name="Үмөтова", birth_date=D(1996, 3, 12)
    )
    f.make_employment(person, start=D(2020, 1, 1), end=D(2020, 12, 31))
    f.make_employment(person, start=D(2020, 7, 1), end=D(2021, 6, 30))  # overlaps: counted once
    f.make_employment(person, start=D(2019, 1, 1), end=D(2019, 12, 31), in_education=False)
    response = as_user("deputy").get(URL, {"as_of": "2021-12-31"})
    row = next(r for r in response.context["rows"] if r.staff.key == "t-union")
    assert row.pedagogical_days == 366 + 181  # 2020 is a leap year; 1.1.2020–30.6.2021
    assert row.total_days == 366 + 181 + 365
    assert row.pedagogical_text == "1,49"  # 547 / 365.25, rounded down
    assert row.age == 25
    # Cut at the date: on 1 July 2020 the first period has run 183 days.
    response = as_user("deputy").get(URL, {"as_of": "2020-07-01"})
    row = next(r for r in response.context["rows"] if r.staff.key == "t-union")
    assert (row.pedagogical_days, row.total_days) == (183, 365 + 183)


def test_an_age_band_changes_on_the_birthday_not_before(as_user, scene):
    f.make_staff(scene.school, key="t-bday", last_name="Үмөтова", birth_date=D(1996, 3, 12))
    client = as_user("deputy")
    before = names(client.get(URL, {"as_of": "2026-03-11", "age_band": "0-29"}))
    on_the_day = names(client.get(URL, {"as_of": "2026-03-12", "age_band": "0-29"}))
    assert "Үмөтова Айгүл" in before and "Үмөтова Айгүл" not in on_the_day
    assert "Үмөтова Айгүл" in names(client.get(URL, {"as_of": "2026-03-12", "age_band": "30-39"}))


def test_the_filters_by_ma_subject_category_education_and_experience(as_user, scene):
    client = as_user("deputy")
    assert sorted(names(client.get(URL, {"ma": "ma-lang"}))) == [
        "Сатыбалдиева Гүлмира",
        "Токтосунова Нуриза",
    ]
    year = scene.school.years.get()
    math = scene.stem.subjects.get()
    Teaching.objects.create(staff=scene.teacher, year=year, subject=math, grades=[5, 6])
    by_subject = client.get(URL, {"subject": math.key, "as_of": "2025-10-01"})
    assert names(by_subject) == ["Бекова Жаңыл"]
    assert by_subject.context["rows"][0].teaching == ["Математика (5, 6)"]
    assert names(client.get(URL, {"category": "second"})) == ["Бекова Жаңыл"]
    higher = names(client.get(URL, {"education": "higher"}))
    assert sorted(higher) == ["Асанова Айгүл", "Бекова Жаңыл"]
    assert "Асанова Айгүл" not in names(client.get(URL, {"education": "none"}))
    # The head started on 1.9.2002: 7305 days (20,00 years) on 31.8.2022, 19,99 the day before.
    assert "Асанова Айгүл" in names(
        client.get(URL, {"experience_band": "20-200", "as_of": "2022-08-31"})
    )
    assert "Асанова Айгүл" in names(
        client.get(URL, {"experience_band": "10-19", "as_of": "2022-08-30"})
    )


def test_a_wrong_date_is_named_and_the_page_reads_today(as_user, scene):
    response = as_user("deputy").get(URL, {"as_of": "2026-13-40", "ma": "ma-stem"})
    assert response.status_code == 200
    assert response.context["filters"].errors["as_of"]
    assert response.context["as_of"] == response.wsgi_request.viewer.today
    assert len(response.context["rows"]) == 3  # the other filters still apply


def test_the_chart_of_an_ma_is_the_chart_of_its_doc_9_document(as_user, scene):
    response = as_user("deputy").get(URL, {"ma": "ma-stem", "as_of": "2025-10-01"})
    svg = str(response.context["chart"])
    assert svg.startswith("<svg") and "</svg>" in response.content.decode()
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        content = document_content(
            doc_type="DOC-9",
            association=scene.stem,
            year=scene.school.years.get(),
            as_of=D(2025, 10, 1),
            language=response.wsgi_request.LANGUAGE_CODE,
        )
    assert content["sections"][1]["chart"] == svg


def test_the_doc_9_links_are_for_the_mas_the_viewer_makes_documents_of(as_user, scene):
    def linked(role):
        return [a.key for a in as_user(role).get(URL).context["documents"]]

    assert sorted(linked("deputy")) == ["ma-lang", "ma-stem"]
    assert linked("head") == ["ma-stem"]
    assert linked("district") == []


def test_the_selector_gives_a_colleague_her_own_row_only(scene):
    school, day = scene.school, D(2025, 10, 1)
    rows = databank(scene.viewer("colleague"), school, day, None)
    assert [row.staff.pk for row in rows] == [scene.colleague.pk]
    everyone = databank(scene.viewer("director"), school, day, None)
    assert len(filter_bank(everyone, ma="ma-stem")) == 3


def test_the_page_costs_the_same_for_5_and_50_staff(
    client, school, deputy, django_assert_num_queries
):
    client.force_login(f.make_user(deputy))
    ma = f.make_association(school)
    subject = f.make_subject(school)
    year = school.years.get()

    def add_staff(n):
        for i in range(n):
            person = f.make_staff(school, roles=(Role.TEACHER,), birth_date=D(1980 + i % 30, 1, 1))
            f.make_employment(person, start=D(2005, 9, 1))
            f.make_category(person)
            f.add_member(ma, person)
            Teaching.objects.create(staff=person, year=year, subject=subject, grades=[7])

    add_staff(4)
    small = queries_of(client, URL)
    add_staff(45)
    with django_assert_num_queries(small):
        assert len(client.get(URL).context["rows"]) == 50  # the deputy and 49 teachers
