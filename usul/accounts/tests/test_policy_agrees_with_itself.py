"""One declaration per rule: the list filter (``visible``) and the object check (``can``) are
derived from the same rule, so on the two-school cast, for every model of school data and every
role, they must name exactly the same rows — Kolibri's readable_by_user_filter idea."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.utils import timezone

from usul.accounts.policy import (
    PERSONAL,
    can,
    school_of,
    sees_personal_data,
    viewer_for,
    visible,
)
from usul.testing import factories as f

D = dt.date

ROLES = [
    "director",
    "deputy",
    "deputy_nmr",
    "head",
    "teacher",
    "colleague",
    "stranger",
    "class_teacher",
    "district",
    "other_district",
    "admin",
    "nobody",
    "outsider",
    "outsider_teacher",
]
SCHOOL_DATA = sorted(
    (m for m in apps.get_models() if getattr(m, "school_field", None) is not None),
    key=lambda m: m._meta.label_lower,
)


@pytest.fixture
def cast(scene):
    """The cast, with personal records on both sides: a course of our teacher and of the
    outsider school's teacher, and the outsider's employment and category."""
    from usul.people.models import Course

    for person in (scene.teacher, scene.outsider_staff):
        Course.objects.create(staff=person, title="Санариптик сабаттуулук", start=D(2025, 11, 3))
    f.make_employment(scene.outsider_staff, start=D(2010, 9, 1))
    f.make_category(scene.outsider_staff, category="first", awarded=D(2023, 4, 1))
    return scene


def test_the_list_filter_and_the_object_check_name_the_same_rows(cast):
    scene = cast
    disagreements = {}
    for role in ROLES:
        viewer = viewer_for(scene.users[role], timezone.localdate())
        for model in SCHOOL_DATA:
            rows = list(model.objects.all())
            listed = set(visible(viewer, model.objects.all()).values_list("pk", flat=True))
            checked = {row.pk for row in rows if can(viewer, "view", row)}
            if listed != checked:
                disagreements[(role, model._meta.label_lower)] = (listed, checked)
    assert disagreements == {}


def test_a_persons_records_are_read_exactly_by_who_sees_their_personal_data(cast):
    scene = cast
    # GEN-3: employment, categories, courses follow sees_personal_data of their person.
    for role in ROLES:
        viewer = viewer_for(scene.users[role], timezone.localdate())
        for label, rule in PERSONAL.items():
            if rule.also or rule.head_reads or not rule.district_reads:
                # An observation is read by its observer too (SVC-D4): below; a consultation
                # request by fewer (RIGHT-3): usul/rights/tests/test_who_reads.py.
                continue
            for row in apps.get_model(label).objects.select_related(rule.person):
                person = getattr(row, rule.person)
                assert can(viewer, "view", row) == sees_personal_data(viewer, person), (
                    role,
                    label,
                    row.pk,
                )


def test_the_cast_holds_rows_of_both_schools_for_every_personal_rule(cast):
    # The agreement above means something only if there are rows to disagree on.
    for label in PERSONAL:
        schools = {school_of(row).key for row in apps.get_model(label).objects.all()}
        assert schools == {"sch-17", "sch-99"}, label


@pytest.mark.parametrize(
    ("role", "reads"),
    [
        ("teacher", True),  # the observed teacher
        ("colleague", True),  # the observer
        ("head", True),  # the head of the teacher's MA
        ("deputy", True),
        ("district", True),
        ("stranger", False),  # a colleague from another MA
        ("class_teacher", False),
        ("outsider", False),
        ("other_district", False),
        ("nobody", False),
    ],
)
def test_who_reads_an_observation_of_the_cast(scene, role, reads):
    viewer = viewer_for(scene.users[role], timezone.localdate())
    observation = scene.ours.observation
    assert can(viewer, "view_observation", observation) is reads
    listed = visible(viewer, type(observation).objects.all())
    assert listed.filter(pk=observation.pk).exists() is reads
