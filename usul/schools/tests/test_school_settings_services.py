"""The school's name and settings (BUNDLE.md ``settings``; RULES.md defaults; HEAD-D3, SVC-D2
for the reminders): each number is held to bounds, both ends allowed, and named when refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from usul.schools import services as s
from usul.schools.services import SETTING_BOUNDS

DEFAULTS = {
    "name": "№17 орто мектеби",
    "plan_deadline_days": 14,
    "young_specialist_years": 3,
    "newly_arrived_days": 365,
    "ktu_required": True,
    "category_reminder_months": 6,
    "course_reminder_years": 5,
}


def update(scene, **changes):
    return s.school_settings_update(
        actor=scene.viewer("deputy"), school=scene.school, **{**DEFAULTS, **changes}
    )


def test_every_setting_is_saved_with_its_author(scene):
    update(
        scene,
        name="Ош шаарындагы №17 мектеп",
        plan_deadline_days=21,
        young_specialist_years=5,
        newly_arrived_days=180,
        ktu_required=False,
        category_reminder_months=3,
        course_reminder_years=3,
    )
    school = type(scene.school).objects.get(pk=scene.school.pk)
    assert (
        school.name,
        school.plan_deadline_days,
        school.young_specialist_years,
        school.newly_arrived_days,
        school.ktu_required,
        school.category_reminder_months,
        school.course_reminder_years,
    ) == ("Ош шаарындагы №17 мектеп", 21, 5, 180, False, 3, 3)
    assert school.history.latest().history_user == scene.users["deputy"]


@pytest.mark.parametrize("field", SETTING_BOUNDS)
def test_each_bound_is_allowed_and_one_past_it_refused(scene, field):
    low, high = SETTING_BOUNDS[field]
    update(scene, **{field: low})
    update(scene, **{field: high})
    for wrong in (low - 1, high + 1):
        with pytest.raises(ValidationError) as info:
            update(scene, **{field: wrong})
        assert list(info.value.message_dict) == [field]


def test_a_missing_number_is_refused_by_name(scene):
    with pytest.raises(ValidationError) as info:
        update(scene, plan_deadline_days=None, course_reminder_years=None)
    assert sorted(info.value.message_dict) == ["course_reminder_years", "plan_deadline_days"]


def test_the_name_is_required(scene):
    with pytest.raises(ValidationError) as info:
        update(scene, name=" ")
    assert list(info.value.message_dict) == ["name"]


def test_saving_unchanged_writes_no_history(scene):
    update(scene)
    before = scene.school.history.count()
    update(scene)
    assert scene.school.history.count() == before
