"""A change history names what changed in the reader's words, never by a field's code name."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from usul.accounts.history import IGNORED
from usul.lib.history import save_with_history

CYRILLIC = re.compile(r"[а-яөүң№]", re.IGNORECASE)


def shown_fields():
    """Every field a change history can show: the tracked fields of every model with one."""
    for model in apps.get_models():
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        historical = model.history.model
        fields = [f for f in historical.tracked_fields if f.name not in IGNORED and f.editable]
        fields += list(getattr(historical, "_history_m2m_fields", []))
        for field in fields:
            yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(shown_fields()))
def test_every_field_a_history_shows_has_a_name_in_kyrgyz_and_russian(field):
    for language in ("ky", "ru"):
        with translation.override(language):
            name = str(field.verbose_name)
        assert CYRILLIC.search(name), f"{field.model.__name__}.{field.name}: {name!r}"


def test_a_teaching_row_in_the_card_history_reads_in_kyrgyz_words(as_user, scene):
    year = scene.school.years.get()
    math = scene.school.subjects.get(key="math")
    row = scene.head.teaching.create(year=year, subject=math, grades=[5, 6], hours_per_week=18)
    row.hours_per_week = 20
    save_with_history(row, scene.users["deputy"], ["hours_per_week"])
    page = as_user("deputy").get(
        reverse("people:detail", args=["sch-17", "t-head"]), HTTP_ACCEPT_LANGUAGE="ky"
    )
    history = page.content.decode().split('id="history-title"')[1]
    assert "окуу жылы: <ins>2025-2026</ins>" in history
    assert "предмет: <ins>Математика</ins>" in history
    assert "жумасына саат: <del>18.0</del> → <ins>20.0</ins>" in history
    for code in ("year:", "subject:", "staff:", "hours_per_week"):
        assert code not in history
