"""Editing a card: the person edits their own data; the school's leadership edits the rest."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

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


class _BrowserForm(HTMLParser):
    """What a browser sends for the page's form left as it is: every input's value, a checked
    box as "on", a select's selected option (its first option when none is selected)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._first: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data[name] = attrs.get("value") or "on"
            else:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select, self._first = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value") or ""
            if self._first is None:
                self._first = value
                self.data[self._select] = value
            if "selected" in attrs:
                self.data[self._select] = value

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def as_the_browser_sends(response) -> dict:
    parser = _BrowserForm()
    parser.feed(response.content.decode())
    return parser.data


def test_the_deputy_saves_a_card_without_changing_anything(as_user, scene):
    client = as_user("deputy")
    data = as_the_browser_sends(client.get(OWN))
    rows_before = (
        scene.teacher.positions.count(),
        scene.teacher.categories.count(),
        scene.teacher.teaching.count(),
    )
    response = client.post(OWN, data)
    # The blank "new row" line of each section is no row at all.
    assert response.status_code == 302, response.context and [
        (key, fs.errors) for key, _, fs in response.context["sections"]
    ]
    assert (
        scene.teacher.positions.count(),
        scene.teacher.categories.count(),
        scene.teacher.teaching.count(),
    ) == rows_before


def test_the_deputy_adds_one_position_row_to_an_unchanged_card(as_user, scene):
    client = as_user("deputy")
    data = as_the_browser_sends(client.get(OWN))
    blank = int(data["positions-TOTAL_FORMS"]) - 1
    data[f"positions-{blank}-role"] = "class_teacher"
    data[f"positions-{blank}-start"] = "2025-09-01"
    assert client.post(OWN, data).status_code == 302
    assert sorted(scene.teacher.positions.values_list("role", flat=True)) == [
        "class_teacher",
        "teacher",
    ]


def test_a_half_filled_row_names_the_missing_field_and_its_row(as_user, scene):
    client = as_user("deputy")
    data = as_the_browser_sends(client.get(OWN))
    blank = int(data["categories-TOTAL_FORMS"]) - 1
    data[f"categories-{blank}-category"] = "first"  # the date awarded is left empty
    response = client.post(OWN, data)
    assert response.status_code == 200
    row = {k: fs for k, _, fs in response.context["sections"]}["categories"].forms[blank]
    assert list(row.errors) == ["awarded", "__all__"]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        expected = _("Row %(number)s: fill in %(fields)s or clear the row.") % {
            "number": blank + 1,
            "fields": f"“{row.fields['awarded'].label}”",
        }
    assert row.non_field_errors() == [expected]
    assert scene.teacher.categories.count() == 1
