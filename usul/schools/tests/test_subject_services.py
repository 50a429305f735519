"""Subjects (GEN-2): a Kyrgyz name and one of the four groupings are required; the key is the
school's own, unique, made from the name when none is given; the framework's list adds the
chosen subjects once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from usul.schools import services as s
from usul.schools.framework import framework_subjects
from usul.schools.models import Area, Subject


def create(scene, **fields):
    fields.setdefault("area", Area.STEM)
    return s.subject_create(actor=scene.viewer("deputy"), school=scene.school, **fields)


def test_a_subject_without_a_key_gets_one_from_its_name(scene):
    subject = create(scene, name_ky="Өзбек тили", name_ru="Узбекский язык", area=Area.LANGUAGES)
    assert subject.key == "ozbek-tili"
    assert subject.history.latest().history_user == scene.users["deputy"]


def test_a_key_made_from_a_name_already_used_as_a_key_is_numbered(scene):
    create(scene, name_ky="Химия", key="himiya")
    assert create(scene, name_ky="Химия (тереңдетилген)", key="").key != "himiya"
    Subject.objects.filter(key="himiya").update(name_ky="Башка")
    assert create(scene, name_ky="Химия").key.startswith("himiya-")


def test_a_given_key_is_kept_and_a_taken_one_refused(scene):
    assert create(scene, name_ky="Астрономия", key="astronomy").key == "astronomy"
    with pytest.raises(ValidationError) as info:
        create(scene, name_ky="Химия", key="astronomy")
    assert list(info.value.message_dict) == ["key"]


def test_a_key_with_spaces_is_refused(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, name_ky="Химия", key="хи мия")
    assert list(info.value.message_dict) == ["key"]


def test_the_kyrgyz_name_is_required(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, name_ky="  ", name_ru="Химия")
    assert list(info.value.message_dict) == ["name_ky"]


def test_the_area_must_be_one_of_the_four(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, name_ky="Химия", area="sport")
    assert list(info.value.message_dict) == ["area"]


def test_a_second_subject_of_the_same_kyrgyz_name_is_refused(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, name_ky="математика")
    assert list(info.value.message_dict) == ["name_ky"]


def test_a_subject_is_renamed_and_regrouped_and_keeps_its_key(scene):
    math = scene.school.subjects.get(key="math")
    s.subject_update(
        actor=scene.viewer("director"),
        subject=math,
        name_ky="Алгебра",
        name_ru="Алгебра",
        name_en="Algebra",
        area=Area.PRIMARY,
    )
    math.refresh_from_db()
    assert (math.key, math.name_ky, math.area) == ("math", "Алгебра", Area.PRIMARY)


def test_a_subject_keeps_its_own_name_when_saved_unchanged(scene):
    math = scene.school.subjects.get(key="math")
    before = math.history.count()
    s.subject_update(
        actor=scene.viewer("deputy"),
        subject=math,
        name_ky=math.name_ky,
        name_ru=math.name_ru,
        name_en=math.name_en,
        area=math.area,
    )
    assert math.history.count() == before


def test_the_framework_has_every_area_and_unique_keys(db):
    subjects = framework_subjects()
    assert {s.area for s in subjects} == set(Area.values)
    assert len({s.key for s in subjects}) == len(subjects)
    assert all(s.name_ky and s.name_ru and s.name_en for s in subjects)


def test_chosen_framework_subjects_are_added_once(scene):
    add = lambda: s.subjects_add_from_framework(  # noqa: E731
        actor=scene.viewer("deputy"), school=scene.school, keys=["chemistry", "biology", "math"]
    )
    before = scene.school.subjects.count()
    added = add()
    # "math" is already the school's: left as it is.
    assert sorted(x.key for x in added) == ["biology", "chemistry"]
    chemistry = scene.school.subjects.get(key="chemistry")
    assert (chemistry.name_ky, chemistry.name_ru, chemistry.area) == ("Химия", "Химия", Area.STEM)
    assert add() == []
    assert scene.school.subjects.count() == before + 2


def test_a_framework_subject_the_school_has_under_another_key_is_not_added_again(scene):
    added = s.subjects_add_from_framework(
        actor=scene.viewer("deputy"), school=scene.school, keys=["kyrgyz-lang"]
    )
    # the school's "kyrgyz" is named "Кыргыз тили" already
    assert added == []


def test_an_unknown_framework_subject_is_refused(scene):
    with pytest.raises(ValidationError) as info:
        s.subjects_add_from_framework(
            actor=scene.viewer("deputy"), school=scene.school, keys=["astrology"]
        )
    assert list(info.value.message_dict) == ["subjects"]
