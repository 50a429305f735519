"""Editing a card: the person edits their own data; the school's leadership edits the rest."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.people.models import Employment, Position, Staff

D = dt.date
OWN = reverse("people:edit", args=["sch-17", "t-bekova"])


def management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def card(**extra) -> dict:
    return {
        "last_name": "Бекова",
        "first_name": "Жаңыл",
        "birth_date": "1990-05-05",
        "education_level": "higher",
        **extra,
    }


def test_a_teacher_edits_their_own_card_but_not_their_positions(as_user, scene):
    client = as_user("teacher")
    response = client.get(OWN)
    assert [key for key, _, _ in response.context["sections"]] == ["employment"]
    period = scene.teacher.employment.get()
    data = card(
        patronymic="Асановна",
        **management("employment", 2, 1),
        **{
            "employment-0-row": period.pk,
            "employment-0-organization": "№5 мектеп",
            "employment-0-start": "2012-09-01",
            "employment-0-end": "2020-08-31",
            "employment-0-in_education": "on",
            "employment-1-organization": "№17 мектеп",
            "employment-1-start": "2020-09-01",
            "employment-1-in_education": "on",
            # A forged positions section is ignored: it is not on this person's form.
            **management("positions", 1, 0),
            "positions-0-role": "director",
            "positions-0-start": "2025-01-01",
        },
    )
    response = client.post(OWN, data)
    assert response.status_code == 302
    teacher = Staff.objects.get(pk=scene.teacher.pk)
    assert teacher.patronymic == "Асановна"
    assert list(teacher.employment.order_by("start").values_list("organization", "end")) == [
        ("№5 мектеп", D(2020, 8, 31)),
        ("№17 мектеп", None),
    ]
    assert not Position.objects.filter(staff=teacher, role="director").exists()


def test_the_deputy_edits_positions_and_a_bad_row_is_shown_on_that_row(as_user, scene):
    client = as_user("deputy")
    response = client.get(OWN)
    assert [key for key, _, _ in response.context["sections"]] == [
        "positions",
        "employment",
        "categories",
        "teaching",
    ]
    position = scene.teacher.positions.get()
    period = scene.teacher.employment.get()
    category = scene.teacher.categories.get()
    data = card(
        **management("positions", 2, 1),
        **{
            "positions-0-row": position.pk,
            "positions-0-role": "teacher",
            "positions-0-start": "2010-09-01",
            "positions-1-role": "class_teacher",
            "positions-1-start": "2025-09-01",
        },
        **management("employment", 1, 1),
        **{
            "employment-0-row": period.pk,
            "employment-0-organization": "№5 мектеп",
            "employment-0-start": "2012-09-01",
            "employment-0-end": "2012-08-01",
        },
        **management("categories", 1, 1),
        **{
            "categories-0-row": category.pk,
            "categories-0-category": "second",
            "categories-0-awarded": "2022-01-15",
        },
        **management("teaching", 0, 0),
    )
    response = client.post(OWN, data)
    assert response.status_code == 200
    employment_forms = {k: fs for k, _, fs in response.context["sections"]}["employment"].forms
    assert "01.09.2012" in employment_forms[0].errors["end"][0]
    # One transaction: the valid new position was not saved either.
    assert scene.teacher.positions.count() == 1
    assert Employment.objects.get(pk=period.pk).end is None
    # Fixed, the same form saves everything.
    data["employment-0-end"] = "2020-08-31"
    assert client.post(OWN, data).status_code == 302
    assert sorted(scene.teacher.positions.values_list("role", flat=True)) == [
        "class_teacher",
        "teacher",
    ]


def test_a_deputy_creates_a_card_and_goes_on_to_its_rows(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        reverse("people:create", args=["sch-17"]),
        {
            "key": "t-uson",
            "last_name": "Үсөнова",
            "first_name": "Айжан",
        },
    )
    assert response["Location"] == reverse("people:edit", args=["sch-17", "t-uson"])
    response = client.post(
        reverse("people:create", args=["sch-17"]),
        {
            "key": "t-uson",
            "last_name": "Үсөнова",
            "first_name": "Айжан",
        },
    )
    assert list(response.context["form"].errors) == ["key"]
