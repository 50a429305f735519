"""The columns of the staff roster (DOC-9 data bank kept in a spreadsheet).

Each column has its field path (BUNDLE.md's names: ``education.level``…), a header in each
language (the template writes the header of its language; an import recognises the header in
any of ky / ru / en, or the field path itself), the kind of value it holds and a line for the
explanation sheet of the template.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from usul.people.models import CategoryLevel, EducationLevel, Gender, Role

LANGUAGES = ("ky", "ru", "en")

TEXT = "text"
KEY = "key"
DATE = "date"
YEAR = "year"
CHOICE = "choice"
EXPERIENCE = "experience"
SUBJECTS = "subjects"
HOURS = "hours"
EMAIL = "email"
PHONE = "phone"


@dataclass(frozen=True)
class Column:
    path: str
    header: Promise
    kind: str
    help: Promise
    choices: type[TextChoices] | None = None
    max_length: int = 0
    width: int = 16

    def header_in(self, language: str) -> str:
        with translation.override(language):
            return str(self.header)

    def headers(self) -> set[str]:
        """Every spelling that names this column: its field path and its header in each
        language, folded (case, spaces)."""
        return {fold(self.path)} | {fold(self.header_in(lang)) for lang in LANGUAGES}


COLUMNS = (
    Column(
        "key",
        pgettext_lazy("roster column", "Key"),
        KEY,
        _(
            "The person's code in Usul, Latin letters, digits, “-”, “_”, “.” (for example "
            "t-asanova). Left empty, Usul makes one from the name and finds the same person "
            "again next time."
        ),
        max_length=100,
        width=14,
    ),
    Column(
        "last_name",
        pgettext_lazy("roster column", "Last name"),
        TEXT,
        _("Required."),
        max_length=100,
        width=18,
    ),
    Column(
        "first_name",
        pgettext_lazy("roster column", "First name"),
        TEXT,
        _("Required."),
        max_length=100,
        width=16,
    ),
    Column(
        "patronymic",
        pgettext_lazy("roster column", "Patronymic"),
        TEXT,
        _("If any."),
        max_length=100,
        width=18,
    ),
    Column(
        "birth_date",
        pgettext_lazy("roster column", "Birth date"),
        DATE,
        _("A date, not in the future."),
        width=14,
    ),
    Column(
        "gender",
        pgettext_lazy("roster column", "Gender"),
        CHOICE,
        _("One of the list."),
        choices=Gender,
        width=10,
    ),
    Column(
        "education.level",
        pgettext_lazy("roster column", "Education"),
        CHOICE,
        _("One of the list."),
        choices=EducationLevel,
        width=22,
    ),
    Column(
        "education.institution",
        pgettext_lazy("roster column", "Institution"),
        TEXT,
        _("Where the person studied."),
        max_length=300,
        width=24,
    ),
    Column(
        "education.graduated",
        pgettext_lazy("roster column", "Graduated (year)"),
        YEAR,
        _("The year, for example 2002."),
        width=12,
    ),
    Column(
        "education.specialty",
        pgettext_lazy("roster column", "Specialty (diploma)"),
        TEXT,
        _("As the diploma says."),
        max_length=300,
        width=24,
    ),
    Column(
        "position",
        pgettext_lazy("roster column", "Position"),
        CHOICE,
        _("The person's position at the school now, one of the list."),
        choices=Role,
        width=28,
    ),
    Column(
        "position_from",
        pgettext_lazy("roster column", "In the position since"),
        DATE,
        _("Required with a position: the date of the order appointing the person."),
        width=14,
    ),
    Column(
        "category",
        pgettext_lazy("roster column", "Qualification category"),
        CHOICE,
        _("The category held now, one of the list."),
        choices=CategoryLevel,
        width=20,
    ),
    Column(
        "category_awarded",
        pgettext_lazy("roster column", "Category awarded"),
        DATE,
        _("Required with a category: the date of the certification."),
        width=14,
    ),
    Column(
        "category_valid_until",
        pgettext_lazy("roster column", "Category valid until"),
        DATE,
        _("Not before the date it was awarded; empty if it has no end."),
        width=14,
    ),
    Column(
        "experience_in_education",
        pgettext_lazy("roster column", "Experience in education (years.months)"),
        EXPERIENCE,
        _(
            "Years, or years and months after a point: 12.03 is 12 years 3 months, 12.10 is "
            "12 years 10 months. Counted as of the date in “Experience as of”."
        ),
        width=14,
    ),
    Column(
        "experience_total",
        pgettext_lazy("roster column", "Total experience (years.months)"),
        EXPERIENCE,
        _("The same way; not less than the experience in education."),
        width=14,
    ),
    Column(
        "experience_as_of",
        pgettext_lazy("roster column", "Experience as of"),
        DATE,
        _("Required with an experience: the date the experience is counted at."),
        width=14,
    ),
    Column(
        "subjects",
        pgettext_lazy("roster column", "Subjects taught this year"),
        SUBJECTS,
        _("Subject names or keys of the school, separated by commas."),
        width=28,
    ),
    Column(
        "hours_per_week",
        pgettext_lazy("roster column", "Hours per week"),
        HOURS,
        _("The teaching load this year, for example 18 or 22.5."),
        width=10,
    ),
    Column(
        "email",
        pgettext_lazy("roster column", "E-mail"),
        EMAIL,
        _("If any."),
        max_length=254,
        width=24,
    ),
    Column(
        "phone",
        pgettext_lazy("roster column", "Phone"),
        PHONE,
        _("Digits, spaces, “+”, “-” and brackets."),
        max_length=30,
        width=16,
    ),
)

BY_PATH = {column.path: column for column in COLUMNS}
REQUIRED = ("last_name", "first_name")

# Columns a school's own table often has that say nothing to Usul: the running number.
IGNORED_HEADERS = frozenset({"№", "no", "no.", "#", "n"})

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """A header or a label for comparing: case, spaces and letter forms aside ("ҢӨҮ" finds
    "ңөү")."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(text))).strip().casefold()


def column_for(header: str) -> Column | None:
    wanted = fold(header)
    for column in COLUMNS:
        if wanted in column.headers():
            return column
    return None


# Words that say "category" in a label: "first category", "первая категория", "биринчи
# категория" are accepted as "first", "первая", "биринчи" too.
_CATEGORY_WORDS = re.compile(r"\b(category|категория|категориясы)\b", re.IGNORECASE)
# Short forms a table often uses for gender.
_GENDER_SHORT = {"ж": Gender.FEMALE, "а": Gender.FEMALE, "э": Gender.MALE, "м": Gender.MALE}


def choice_labels(choices: type[TextChoices], language: str) -> list[str]:
    """The labels of a list as the template offers them in ``language``."""
    with translation.override(language):
        return [str(label) for label in choices.labels]


def choice_values(choices: type[TextChoices]) -> dict[str, str]:
    """Every spelling accepted for a list's values (code, label in each language, any case)
    → the code."""
    accepted: dict[str, str] = {}
    for code, _label in choices.choices:
        accepted[fold(code)] = code
        for language in LANGUAGES:
            with translation.override(language):
                label = str(choices(code).label)
            accepted[fold(label)] = code
            if choices is CategoryLevel:
                short = fold(_CATEGORY_WORDS.sub("", label))
                if short:
                    accepted.setdefault(short, code)
    if choices is Gender:
        for short, code in _GENDER_SHORT.items():
            accepted.setdefault(short, code)
    return accepted
