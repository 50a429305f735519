"""Django's messages about lengths and digits read as whole sentences in Kyrgyz and Russian."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import django
import pytest
from django import forms
from django.utils import translation

from usul.lib.django_words import LENGTHS

# A number glued to the word after it: "300символ", "5орундан".
GLUED = re.compile(r"\d[^\W\d_]")
PLACEHOLDER_GLUED = re.compile(r"%\(\w+\)[sd][^\W\d_]")


class Topic(forms.Form):
    topic = forms.CharField(max_length=300)
    hours = forms.DecimalField(max_digits=5, decimal_places=1)


def errors(language: str, data: dict) -> dict:
    with translation.override(language):
        form = Topic(data)
        form.is_valid()
        return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def test_a_too_long_text_is_told_with_a_space_in_kyrgyz():
    assert errors("ky", {"topic": "ы" * 301, "hours": "2"}) == {
        "topic": ["Бул талаада эң көп 300 белги болот, азыр 301 белги жазылган."]
    }


def test_the_limit_itself_is_accepted():
    assert errors("ky", {"topic": "ы" * 300, "hours": "2"}) == {}


@pytest.mark.parametrize(
    ("limit", "word"), [(21, "знака"), (22, "знаков"), (300, "знаков"), (11, "знаков")]
)
def test_the_russian_word_agrees_with_the_number(limit, word):
    class Short(forms.Form):
        text = forms.CharField(max_length=limit)

    with translation.override("ru"):
        form = Short({"text": "я" * (limit + 1)})
        assert not form.is_valid()
        assert form.errors["text"] == [
            f"Здесь можно ввести не больше {limit} {word}, сейчас {limit + 1}."
        ]


def test_too_many_digits_are_told_in_words():
    assert errors("ky", {"topic": "ы", "hours": "12345.5"})["hours"] == [
        "Сан жалпысынан эң көп 5 цифрадан турат."
    ]
    assert errors("ru", {"topic": "я", "hours": "1.25"})["hours"] == [
        "После запятой может быть не больше 1 цифры."
    ]


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(("message", "values"), LENGTHS, ids=lambda v: str(v)[:40])
def test_every_length_message_keeps_its_numbers_apart_from_words(language, message, values):
    with translation.override(language):
        text = str(message % values)
    assert not GLUED.search(text), text
    assert "Ensure" not in text  # said in the language, not left in English


def test_no_length_message_of_djangos_kyrgyz_catalogue_is_left_glued():
    """Every message of Django's Kyrgyz catalogue that glues a number to a word about
    characters, digits or bytes is said in Usul's own words."""
    catalogue = Path(django.__file__).parent / "conf/locale/ky/LC_MESSAGES/django.mo"
    with catalogue.open("rb") as mo:
        django_ky = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    glued = {
        key[0] if isinstance(key, tuple) else key
        for key, text in django_ky.items()
        if PLACEHOLDER_GLUED.search(text) and re.search(r"character|digit|decimal|byte", str(key))
    }
    assert len(glued) >= 5
    with translation.override("ky"):
        for msgid in glued:
            assert not PLACEHOLDER_GLUED.search(translation.ngettext(msgid, msgid, 5)), msgid
