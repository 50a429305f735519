"""A form's text limit is refused with a sentence that names the field, in the user's language."""

from __future__ import annotations

from django import forms
from django.utils import translation

from usul.lib.text_limits import NamedLimits


class TopicForm(NamedLimits):
    topic = forms.CharField(label="Тема", max_length=10, widget=forms.Textarea)


def test_one_character_over_the_limit_is_refused_naming_the_field():
    with translation.override("ky"):
        form = TopicForm({"topic": "ы" * 11})
        assert not form.is_valid()
        assert form.errors["topic"] == ["Тема: эң көп 10 белги болот, бул текстте 11."]


def test_the_limit_itself_is_accepted_and_the_browser_is_told_it():
    form = TopicForm({"topic": "ы" * 10})
    assert form.is_valid()
    assert 'maxlength="10"' in str(form["topic"])
