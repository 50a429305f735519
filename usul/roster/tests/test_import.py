"""The staff roster from Excel: all or nothing, every error by row and column, headers in any
language, dates as Excel dates or text, re-import and export → import changing nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from usul.accounts.policy import Viewer, command_line_administrator
from usul.people.models import Category, Employment, Position, Role, Staff, Teaching
from usul.people.selectors import experience_in_education_days, experience_total_days
from usul.roster.experience import DECLARED_EDUCATION, DECLARED_OTHER, Stated, stated_from_days
from usul.roster.services import RosterInvalid, roster_export, roster_import, roster_preview
from usul.roster.tests.helpers import xlsx
from usul.testing import factories as f

D = dt.date
TODAY = D(2025, 10, 1)


@pytest.fixture
def actor():
    return command_line_administrator(TODAY)


@pytest.fixture
def math(school):
    return f.make_subject(school, key="math", name="Математика")


@pytest.fixture
def physics(school):
    return f.make_subject(school, key="physics", name="Физика")


def history_rows() -> int:
    return sum(m.history.count() for m in (Staff, Position, Employment, Category, Teaching))


PATHS = [
    "key", "last_name", "first_name", "patronymic", "birth_date", "gender", "education.level",
    "position", "position_from", "category", "category_awarded", "category_valid_until",
]  # fmt: skip


def test_a_file_of_good_and_bad_rows_imports_nothing_and_lists_every_error(school, actor):
    other = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Нуриза")
    before = (Staff.objects.count(), history_rows())
    data = xlsx(
        PATHS,
        [
            # row 2: good
            ["t-asanova", "Асанова", "Айгүл", "Бакытовна", D(1980, 3, 12), "f", "higher",
             "teacher", D(2010, 9, 1), "first", D(2021, 4, 10), D(2026, 4, 10)],
            # row 3: a birth date in the future
            ["t-osmonov", "Осмонов", "Талант", "", "12.03.2031", "m", "", "", "", "", "", ""],
            # row 4: a category that does not exist
            ["t-sadykova", "Садыкова", "Жазгүл", "", "", "", "", "", "", "супер", "01.09.2020",
             ""],
            # row 5: an end before a start
            ["t-kasymov", "Касымов", "Нурлан", "", "", "", "", "", "", "highest", "2024-05-01",
             "2024-04-30"],
            # row 6: the key of row 2 again
            ["t-asanova", "Асанова", "Айгүл", "", "", "", "", "", "", "", "", ""],
            # row 7: the key of another person (Бекова Нуриза)
            ["t-bekova", "Токтосунов", "Эрлан", "", "", "", "", "", "", "", "", ""],
            # row 8: an empty name
            ["t-empty", "", "Мээрим", "", "", "", "", "", "", "", "", ""],
        ],
    )  # fmt: skip
    with pytest.raises(RosterInvalid) as refused:
        roster_import(actor=actor, school=school, data=data)
    found = [(e.row, e.column) for e in refused.value.errors]
    assert found == [
        (3, "birth_date"),
        (4, "category"),
        (5, "category_valid_until"),
        (6, "key"),
        (7, "key"),
        (8, "last_name"),
    ]
    # In the user's language (Kyrgyz by default).
    messages = {(e.row, e.column): e.message for e in refused.value.errors}
    assert "келечекте" in messages[(3, "birth_date")]
    assert "супер" in messages[(4, "category")]
    assert "01.05.2024" in messages[(5, "category_valid_until")]
    assert "2-сапта" in messages[(6, "key")]
    assert "Бекова Нуриза" in messages[(7, "key")]
    assert (Staff.objects.count(), history_rows()) == before
    assert not Staff.objects.filter(key="t-asanova").exists()
    other.refresh_from_db()
    assert other.last_name == "Бекова"


def test_the_same_rows_without_the_bad_ones_import(school, actor):
    data = xlsx(
        PATHS,
        [
            ["t-asanova", "Асанова", "Айгүл", "Бакытовна", D(1980, 3, 12), "f", "higher",
             "teacher", D(2010, 9, 1), "first", D(2021, 4, 10), D(2026, 4, 10)],
        ],
    )  # fmt: skip
    result = roster_import(actor=actor, school=school, data=data)
    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    person = Staff.objects.get(school=school, key="t-asanova")
    assert (person.full_name, person.birth_date, person.gender) == (
        "Асанова Айгүл Бакытовна",
        D(1980, 3, 12),
        "f",
    )
    assert person.education_level == "higher" and person.has_education
    assert [(p.role, p.start, p.end) for p in person.positions.all()] == [
        ("teacher", D(2010, 9, 1), None)
    ]
    assert [(c.category, c.awarded, c.valid_until) for c in person.categories.all()] == [
        ("first", D(2021, 4, 10), D(2026, 4, 10))
    ]


KY = ["Ачкыч", "Фамилиясы", "Аты", "Атасынын аты", "Туулган күнү", "Жынысы", "Билими",
      "Кызматы", "Кызматта качантан бери", "Квалификациялык категориясы"]  # fmt: skip
RU = ["Ключ", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Образование",
      "Должность", "В должности с", "Квалификационная категория"]  # fmt: skip
EN = ["Key", "Last name", "First name", "Patronymic", "Birth date", "Gender", "Education",
      "Position", "In the position since", "Qualification category"]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "values"),
    [
        (KY, ["аял", "жогорку", "мугалим", "биринчи категория"]),
        (RU, ["женский", "высшее", "учитель", "Первая категория"]),
        (EN, ["Female", "HIGHER", "teacher", "first category"]),
    ],
    ids=["ky", "ru", "en"],
)
def test_headers_and_labels_in_each_language(school, actor, headers, values):
    gender, level, role, category = values
    data = xlsx(
        [*headers, "category_awarded"],
        [["t-asanova", "Асанова", "Айгүл", "Бакытовна", "12.03.1980", gender, level, role,
          "01.09.2010", category, "10.04.2021"]],
    )  # fmt: skip
    roster_import(actor=actor, school=school, data=data)
    person = Staff.objects.get(key="t-asanova")
    assert (person.gender, person.education_level) == ("f", "higher")
    assert [p.role for p in person.positions.all()] == [Role.TEACHER]
    assert [c.category for c in person.categories.all()] == ["first"]


def test_headers_in_every_language_in_one_file_and_case_aside(school, actor):
    data = xlsx(
        ["КЛЮЧ", "фамилиясы", "Имя", "BIRTH_DATE", " education.level "],
        [["t-1", "Асанова", "Айгүл", "1980-03-12", "Орто кесиптик"]],
    )
    roster_import(actor=actor, school=school, data=data)
    person = Staff.objects.get(key="t-1")
    assert (person.birth_date, person.education_level) == (D(1980, 3, 12), "secondary_professional")


def test_excel_dates_and_text_dates_give_the_same_day(school, actor):
    data = xlsx(
        ["key", "last_name", "first_name", "birth_date", "position", "position_from"],
        [
            # An Excel date cell reads as a naive datetime: a spreadsheet has no time zone.
            ["t-a", "Асанова", "Айгүл", dt.datetime(1980, 3, 12), "teacher", D(2010, 9, 1)],  # noqa: DTZ001
            ["t-b", "Бекова", "Нуриза", "12.03.1980", "teacher", "1.9.2010"],
            ["t-c", "Касымов", "Нурлан", "1980-03-12", "teacher", "2010-09-01"],
        ],
    )
    roster_import(actor=actor, school=school, data=data)
    for key in ("t-a", "t-b", "t-c"):
        person = Staff.objects.get(key=key)
        assert person.birth_date == D(1980, 3, 12)
        assert [p.start for p in person.positions.all()] == [D(2010, 9, 1)]


@pytest.mark.parametrize("text", ["31.02.1980", "12/03/1980", "1980", "вчера"])
def test_a_date_that_is_not_one_is_refused_naming_the_cell(school, actor, text):
    data = xlsx(["last_name", "first_name", "birth_date"], [["Асанова", "Айгүл", text]])
    with pytest.raises(RosterInvalid) as refused:
        roster_import(actor=actor, school=school, data=data)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "birth_date")]


def test_a_birth_date_of_today_passes_and_tomorrow_does_not(school):
    actor = command_line_administrator(TODAY)
    data = xlsx(
        ["last_name", "first_name", "birth_date"],
        [["Асанова", "Айгүл", TODAY], ["Бекова", "Нуриза", TODAY + dt.timedelta(days=1)]],
    )
    with pytest.raises(RosterInvalid) as refused:
        roster_import(actor=actor, school=school, data=data)
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "birth_date")]


def roster(math, physics) -> bytes:
    return xlsx(
        ["key", "last_name", "first_name", "patronymic", "birth_date", "education.level",
         "education.institution", "education.graduated", "education.specialty", "position",
         "position_from", "category", "category_awarded", "category_valid_until",
         "experience_in_education", "experience_total", "experience_as_of", "subjects",
         "hours_per_week", "email", "phone"],
        [
            ["t-asanova", "Асанова", "Айгүл", "Бакытовна", D(1980, 3, 12), "higher", "ОшМУ",
             2002, "Математика мугалими", "teacher", D(2010, 9, 1), "first", D(2021, 4, 10),
             D(2026, 4, 10), "12.03", "15", D(2025, 9, 1), "Математика, physics", 18,
             "asanova@example.kg", "+996 555 123 456"],
            [None, "Бекова", "Нуриза", "", "", "", "", "", "", "class_teacher", "2019-09-01",
             "", "", "", "4.11", "", "01.09.2025", "", "", "", ""],
        ],
    )  # fmt: skip


def test_a_row_without_a_key_gets_one_from_the_name_and_keeps_it(school, actor, math, physics):
    roster_import(actor=actor, school=school, data=roster(math, physics))
    assert Staff.objects.filter(key="t-bekova-nuriza").exists()
    again = roster_import(actor=actor, school=school, data=roster(math, physics))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Staff.objects.filter(school=school).count() == 2


def test_reimporting_the_same_file_changes_nothing(school, actor, math, physics):
    first = roster_import(actor=actor, school=school, data=roster(math, physics))
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    before = history_rows()
    again = roster_import(actor=actor, school=school, data=roster(math, physics))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert history_rows() == before


def test_a_changed_row_updates_that_person_by_key(school, actor, math, physics):
    roster_import(actor=actor, school=school, data=roster(math, physics))
    changed = xlsx(
        ["key", "last_name", "first_name", "phone", "hours_per_week", "subjects"],
        [["t-asanova", "Асанова-Бекова", "Айгүл", "+996 700 000 001", 20, "math, physics"]],
    )
    result = roster_import(actor=actor, school=school, data=changed)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    person = Staff.objects.get(key="t-asanova")
    assert (person.last_name, person.phone) == ("Асанова-Бекова", "+996 700 000 001")
    assert person.birth_date == D(1980, 3, 12)  # a column the file leaves out is untouched
    assert sum(t.hours_per_week or 0 for t in person.teaching.all()) == Decimal(20)


def test_the_subjects_and_hours_of_this_year(school, actor, math, physics):
    roster_import(actor=actor, school=school, data=roster(math, physics))
    person = Staff.objects.get(key="t-asanova")
    teaching = sorted(person.teaching.all(), key=lambda t: t.subject.key)
    assert [(t.year.key, t.subject.key) for t in teaching] == [
        ("2025-2026", "math"),
        ("2025-2026", "physics"),
    ]
    assert sum(t.hours_per_week or 0 for t in teaching) == Decimal(18)
    only_math = xlsx(["key", "last_name", "first_name", "subjects"],
                     [["t-asanova", "Асанова", "Айгүл", "математика"]])  # fmt: skip
    roster_import(actor=actor, school=school, data=only_math)
    assert [t.subject.key for t in person.teaching.all()] == ["math"]
    # The subject taken away is in the history, not lost.
    assert Teaching.history.filter(staff_id=person.pk, history_type="-").count() == 1


def test_declared_experience_is_what_the_roster_stated(school, actor, math, physics):
    roster_import(actor=actor, school=school, data=roster(math, physics))
    asanova = Staff.objects.get(key="t-asanova")
    as_of = D(2025, 9, 1)
    assert stated_from_days(experience_in_education_days(asanova, as_of)) == Stated(12, 3)
    assert stated_from_days(experience_total_days(asanova, as_of)) == Stated(15, 0)
    declared = {e.organization: e for e in asanova.employment.all()}
    assert set(declared) == {DECLARED_EDUCATION, DECLARED_OTHER}
    assert declared[DECLARED_EDUCATION].end is None and declared[DECLARED_EDUCATION].in_education
    assert not declared[DECLARED_OTHER].in_education
    # The experience goes on growing after the date, as for anyone still at work.
    a_year_later = experience_in_education_days(asanova, D(2026, 9, 1))
    assert a_year_later == experience_in_education_days(asanova, as_of) + 365


@pytest.mark.parametrize(("stated", "passes"), [("5", True), ("4.11", False)])
def test_declared_experience_meets_head_1_exactly_as_stated(school, actor, stated, passes):
    """HEAD-1: "at least 5 years" — 5 stated passes, 4 years 11 months does not."""
    from usul.compliance.rules.heads import MIN_EXPERIENCE_YEARS
    from usul.lib.dates import years_from_days

    data = xlsx(
        ["key", "last_name", "first_name", "experience_in_education", "experience_as_of"],
        [["t-head", "Асанова", "Айгүл", stated, "01.09.2025"]],
    )
    roster_import(actor=actor, school=school, data=data)
    head = Staff.objects.get(key="t-head")
    years = years_from_days(experience_in_education_days(head, D(2025, 9, 1)))
    assert (years >= MIN_EXPERIENCE_YEARS) is passes


def test_declared_experience_adds_to_the_history_on_the_card(school, actor):
    person = f.make_staff(school, key="t-asanova")
    f.make_employment(person, start=D(2015, 9, 1), end=D(2020, 8, 31))  # 5 years
    data = xlsx(
        ["key", "last_name", "first_name", "experience_in_education", "experience_as_of"],
        [["t-asanova", "Асанова", "Айгүл", "10.06", "01.09.2025"]],
    )
    roster_import(actor=actor, school=school, data=data)
    person = Staff.objects.prefetch_related("employment").get(pk=person.pk)
    assert stated_from_days(experience_in_education_days(person, D(2025, 9, 1))) == Stated(10, 6)
    assert Employment.objects.filter(staff=person, organization="№5 мектеп").count() == 1
    # Stated again with more: the declared period moves, no second one appears.
    more = xlsx(
        ["key", "last_name", "first_name", "experience_in_education", "experience_as_of"],
        [["t-asanova", "Асанова", "Айгүл", "11", "01.09.2025"]],
    )
    roster_import(actor=actor, school=school, data=more)
    person = Staff.objects.prefetch_related("employment").get(pk=person.pk)
    assert stated_from_days(experience_in_education_days(person, D(2025, 9, 1))) == Stated(11, 0)
    assert person.employment.filter(organization=DECLARED_EDUCATION).count() == 1


def test_less_experience_than_the_card_counts_is_refused(school, actor):
    person = f.make_staff(school, key="t-asanova")
    f.make_employment(person, start=D(2010, 9, 1), end=None)
    data = xlsx(
        ["key", "last_name", "first_name", "experience_in_education", "experience_as_of"],
        [["t-asanova", "Асанова", "Айгүл", "3", "01.09.2025"]],
    )
    with pytest.raises(RosterInvalid) as refused:
        roster_import(actor=actor, school=school, data=data)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "experience_in_education")]
    assert "15" in refused.value.errors[0].message


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        (["12.12", "", "01.09.2025"], "experience_in_education"),
        (["12", "10", "01.09.2025"], "experience_total"),
        (["12", "", ""], "experience_as_of"),
    ],
)
def test_experience_that_cannot_be_is_refused(school, actor, cells, column):
    data = xlsx(
        ["last_name", "first_name", "experience_in_education", "experience_total",
         "experience_as_of"],
        [["Асанова", "Айгүл", *cells]],
    )  # fmt: skip
    with pytest.raises(RosterInvalid) as refused:
        roster_import(actor=actor, school=school, data=data)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, column)]


def test_export_then_import_changes_nothing(school, actor, math, physics):
    roster_import(actor=actor, school=school, data=roster(math, physics))
    card = f.make_staff(
        school,
        key="t-card",
        last_name="Осмонова",
        first_name="Гүлнара",
        roles=(Role.DEPUTY_ACADEMIC, Role.TEACHER),
        birth_date=D(1975, 1, 5),
        gender="f",
    )
    f.make_employment(card, start=D(1998, 9, 1), end=D(2004, 6, 30), in_education=False)
    f.make_employment(card, start=D(2004, 9, 1))
    f.make_category(card, category="highest", awarded=D(2022, 5, 1))
    Teaching.objects.create(staff=card, year=school.years.get(), subject=math, grades=[5, 6],
                            hours_per_week=Decimal("9.5"))  # fmt: skip
    Teaching.objects.create(staff=card, year=school.years.get(), subject=physics, grades=[7],
                            hours_per_week=Decimal("4"))  # fmt: skip
    for language in ("ky", "ru", "en"):
        before = history_rows()
        data = roster_export(actor=actor, school=school, language=language)
        result = roster_import(actor=actor, school=school, data=data)
        assert (result.created, result.updated, result.unchanged) == (0, 0, 3), language
        assert history_rows() == before


def test_the_preview_says_what_will_change_and_writes_nothing(school, actor, math, physics):
    f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    before = history_rows()
    result = roster_preview(actor=actor, school=school, data=roster(math, physics))
    assert [(p.key, p.action) for p in result.people] == [
        ("t-asanova", "updated"),
        ("t-bekova-nuriza", "created"),
    ]
    assert "patronymic" in result.people[0].changes
    assert history_rows() == before


def test_a_teacher_may_not_import(school, actor):
    from django.core.exceptions import PermissionDenied

    teacher = f.make_staff(school)
    viewer = Viewer(user=None, today=TODAY, school_id=school.pk, staff=teacher, roles={"teacher"})
    with pytest.raises(PermissionDenied):
        roster_preview(actor=viewer, school=school, data=xlsx(["last_name"], []))
