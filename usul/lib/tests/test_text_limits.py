"""The words of a too-long value: the field, the limit and a space between number and word."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from usul.lib.text_limits import require_within


def test_the_kyrgyz_refusal_keeps_a_space_between_the_number_and_the_word():
    with translation.override("ky"):
        with pytest.raises(ValidationError) as refused:
            require_within("text", "Текст", "ы" * 1001, 1000)
        messages = refused.value.messages  # the words are chosen when they are read
    assert messages == ["Текст: эң көп 1 000 белги болот, бул текстте 1001."]


def test_the_limit_itself_is_accepted_and_one_more_is_refused_by_name():
    with translation.override("en"):
        require_within("topic", "Topic", "x" * 50, 50)
        with pytest.raises(ValidationError) as refused:
            require_within("topic", "Topic", "x" * 51, 50)
    assert refused.value.message_dict == {
        "topic": ["Topic: at most 50 characters, this one has 51."]
    }
