"""Who reads a material of the bank (BankRule): a draft its author alone; a sent one its MA,
its head and the school's leadership; a published one the whole school and its district —
never another school nor another district."""

from __future__ import annotations

import pytest

from usul.accounts.policy import can, visible
from usul.ideas.models import Material
from usul.ideas.tests.conftest import publish, upload

pytestmark = pytest.mark.django_db

EVERYONE = [
    "teacher",
    "colleague",
    "head",
    "stranger",
    "class_teacher",
    "deputy",
    "deputy_nmr",
    "director",
    "district",
    "other_district",
    "admin",
    "nobody",
    "outsider",
    "outsider_teacher",
]


def readers(scene, material) -> set[str]:
    listed = {
        role
        for role in EVERYONE
        if visible(scene.viewer(role), Material.objects.filter(pk=material.pk)).exists()
    }
    checked = {role for role in EVERYONE if can(scene.viewer(role), "view", material)}
    assert listed == checked
    return listed


def test_a_draft_is_read_by_its_author_alone(scene):
    assert readers(scene, upload(scene, title="Т", send=False)) == {"teacher", "admin"}


def test_a_sent_material_is_read_by_its_ma_and_the_leadership(scene):
    assert readers(scene, upload(scene, title="Т")) == {
        "teacher",
        "colleague",
        "head",
        "deputy",
        "deputy_nmr",
        "director",
        "admin",
    }


def test_a_published_material_is_read_by_the_school_and_its_district(scene):
    material = publish(scene, upload(scene, title="Т"))
    assert readers(scene, material) == {
        "teacher",
        "colleague",
        "head",
        "stranger",
        "class_teacher",
        "deputy",
        "deputy_nmr",
        "director",
        "district",
        "admin",
    }
