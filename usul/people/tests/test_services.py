"""The staff card services (DOC-9): one transaction per save, errors naming field and row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from usul.accounts.policy import viewer_for
from usul.people import services
from usul.people.models import Employment, Position, Staff, Teaching
from usul.people.selectors import experience_in_education_days, roles_at
from usul.people.services import Row
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def actor(deputy):
    return viewer_for(f.make_user(deputy))


def test_a_card_is_created_with_a_chosen_or_given_key(school, actor):
    first = services.staff_create(
        actor=actor, school=school, last_name="Үсөнова", first_name="Айжан"
    )
    assert first.key.startswith("t-") and first.history.get().history_user == actor.user
    second = services.staff_create(
        actor=actor, school=school, key="t-aijan", last_name="Үсөнова", first_name="Айжан"
    )
    assert second.key == "t-aijan"
    with pytest.raises(ValidationError) as info:
        services.staff_create(
            actor=actor, school=school, key="t-aijan", last_name="X", first_name="Y"
        )
    assert set(info.value.message_dict) == {"key"}


def test_names_are_required(school, actor):
    with pytest.raises(ValidationError) as info:
        services.staff_create(actor=actor, school=school, last_name=" ", first_name="Айжан")
    assert set(info.value.message_dict) == {"last_name"}
    assert not Staff.objects.filter(first_name="Айжан").exists()


def test_the_whole_card_is_saved_in_one_go(school, actor):
    staff = f.make_staff(school, roles=())
    subject = f.make_subject(school)
    year = school.years.get()
    services.staff_update(
        actor=actor,
        staff=staff,
        values={"birth_date": D(1980, 3, 12), "education_level": "higher"},
        positions=[Row(values={"role": "teacher", "start": D(2010, 9, 1), "end": None})],
        employment=[
            Row(
                values={
                    "organization": "№5 мектеп",
                    "position": "мугалим",
                    "start": D(2002, 9, 1),
                    "end": D(2010, 8, 31),
                    "in_education": True,
                }
            ),
            Row(
                values={
                    "organization": "Банк",
                    "position": "",
                    "start": D(2000, 1, 1),
                    "end": D(2000, 12, 31),
                    "in_education": False,
                }
            ),
        ],
        teaching=[
            Row(
                values={
                    "year": year,
                    "subject": subject,
                    "grades": [5, 6],
                    "hours_per_week": Decimal("18"),
                }
            )
        ],
    )
    staff = Staff.objects.get(pk=staff.pk)
    assert staff.birth_date == D(1980, 3, 12) and staff.has_education
    assert roles_at(staff, D(2025, 9, 1)) == {"teacher"}
    assert experience_in_education_days(staff, D(2010, 8, 31)) == 2922  # 8 years, both ends
    assert Teaching.objects.get(staff=staff).grades == [5, 6]
    assert staff.history.latest().history_user == actor.user


def test_a_bad_row_is_named_by_its_path_and_nothing_is_saved(school, actor):
    staff = f.make_staff(school, roles=())
    with pytest.raises(ValidationError) as info:
        services.staff_update(
            actor=actor,
            staff=staff,
            values={"patronymic": "Бакытовна"},
            positions=[Row(values={"role": "teacher", "start": D(2010, 9, 1), "end": None})],
            employment=[
                Row(
                    values={
                        "organization": "A",
                        "position": "",
                        "start": D(2002, 9, 1),
                        "end": None,
                        "in_education": True,
                    }
                ),
                Row(
                    values={
                        "organization": "B",
                        "position": "",
                        "start": D(2012, 9, 1),
                        "end": D(2012, 8, 31),
                        "in_education": True,
                    }
                ),
            ],
        )
    [(path, [message])] = info.value.message_dict.items()
    assert path == "employment[1].end"
    assert "31.08.2012" in message and "01.09.2012" in message
    staff.refresh_from_db()
    assert staff.patronymic == "" and not Position.objects.filter(staff=staff).exists()
    assert not Employment.objects.exists()


def test_a_category_valid_until_before_it_was_awarded_is_refused(school, actor):
    staff = f.make_staff(school)
    with pytest.raises(ValidationError) as info:
        services.staff_update(
            actor=actor,
            staff=staff,
            values={},
            categories=[
                Row(
                    values={
                        "category": "first",
                        "awarded": D(2021, 4, 10),
                        "valid_until": D(2021, 4, 9),
                    }
                )
            ],
        )
    assert list(info.value.message_dict) == ["categories[0].valid_until"]
    # Valid on the day it is awarded only: both ends included, allowed.
    services.staff_update(
        actor=actor,
        staff=staff,
        values={},
        categories=[
            Row(
                values={
                    "category": "first",
                    "awarded": D(2021, 4, 10),
                    "valid_until": D(2021, 4, 10),
                }
            )
        ],
    )


def test_grades_may_be_left_for_later(school, actor):
    """A roster names the subjects a person teaches, not the classes: the grades come later."""
    staff = f.make_staff(school)
    subject = f.make_subject(school)
    row = {"year": school.years.get(), "subject": subject, "grades": [], "hours_per_week": None}
    services.staff_update(actor=actor, staff=staff, values={}, teaching=[Row(values=row)])
    assert [(t.subject, t.grades) for t in staff.teaching.all()] == [(subject, [])]


@pytest.mark.parametrize("grades", [[0], [12], [5, 13]])
def test_grades_are_one_to_eleven(school, actor, grades):
    staff = f.make_staff(school)
    with pytest.raises(ValidationError) as info:
        services.staff_update(
            actor=actor,
            staff=staff,
            values={},
            teaching=[
                Row(
                    values={
                        "year": school.years.get(),
                        "subject": f.make_subject(school),
                        "grades": grades,
                        "hours_per_week": None,
                    }
                )
            ],
        )
    assert list(info.value.message_dict) == ["teaching[0].grades"]


def test_teaching_in_another_schools_year_is_refused(school, outsider_school, actor):
    staff = f.make_staff(school)
    with pytest.raises(ValidationError) as info:
        services.staff_update(
            actor=actor,
            staff=staff,
            values={},
            teaching=[
                Row(
                    values={
                        "year": outsider_school.years.get(),
                        "subject": f.make_subject(school),
                        "grades": [5],
                        "hours_per_week": None,
                    }
                )
            ],
        )
    assert list(info.value.message_dict) == ["teaching[0].year"]


def test_rows_are_updated_and_deleted_with_history(school, actor):
    staff = f.make_staff(school)
    period = f.make_employment(staff, start=D(2002, 9, 1))
    wrong = f.make_employment(staff, start=D(1990, 1, 1), end=D(1990, 1, 2))
    wrong_id = wrong.pk
    services.staff_update(
        actor=actor,
        staff=staff,
        values={},
        employment=[
            Row(
                instance=period,
                values={
                    "organization": "№5 мектеп",
                    "position": "",
                    "start": D(2002, 9, 1),
                    "end": D(2010, 8, 31),
                    "in_education": True,
                },
            ),
            Row(instance=wrong, delete=True),
        ],
    )
    assert list(Employment.objects.values_list("end", flat=True)) == [D(2010, 8, 31)]
    deleted = Employment.history.filter(id=wrong_id).latest()
    assert deleted.history_type == "-" and deleted.history_user == actor.user


def test_a_row_of_another_card_cannot_be_touched(school, actor):
    staff, other = f.make_staff(school), f.make_staff(school)
    foreign = f.make_employment(other, start=D(2002, 9, 1))
    with pytest.raises(ValueError):
        services.staff_update(
            actor=actor, staff=staff, values={}, employment=[Row(instance=foreign, delete=True)]
        )
    assert Employment.objects.filter(pk=foreign.pk).exists()
