"""The home page: a teacher sees the findings about themselves; a head, their MA's count;
leadership, the school's count of violations — each with a link."""

import datetime as dt

from django.urls import reverse

from usul.accounts.policy import viewer_for
from usul.compliance.attention import for_viewer
from usul.documents.models import DocumentEntry
from usul.people.models import SelfDevelopmentTopic
from usul.testing import factories as f

D = dt.date
TODAY = D(2025, 10, 1)


def _items(staff, today=TODAY):
    return for_viewer(viewer_for(f.make_user(staff), today))


def test_a_teacher_sees_only_the_findings_about_themselves(world):
    from django.utils import translation

    teacher, colleague = world.teachers[1], world.teachers[2]
    colleague.last_name = "Бекова"
    colleague.save()
    SelfDevelopmentTopic.objects.filter(staff__in=[teacher, colleague]).delete()
    with translation.override("en"):
        items = _items(teacher)
    assert [(i.severity, i.text) for i in items] == [
        ("warning", f"{teacher.full_name} has no self-development topic for 2025-2026."),
    ]
    assert all(colleague.full_name not in i.text for i in items)


def test_leadership_sees_the_count_of_violations_with_a_link(world):
    from django.utils import translation

    DocumentEntry.objects.filter(association=world.ma, type__in=["DOC-3", "DOC-4"]).delete()
    with translation.override("ru"):
        [item] = _items(world.deputy)
    assert item.severity == "violation"
    assert item.text == "Соответствие положению: нарушений — 2, предупреждений — 0."
    assert item.url == reverse("compliance:school", args=["sch-17"])


def test_a_head_sees_their_mas_count(world):
    DocumentEntry.objects.filter(association=world.ma, type="DOC-3").delete()
    [item] = _items(world.head)
    assert item.url == reverse("compliance:association", args=["sch-17", "ma-stem"])
    assert item.severity == "violation"


def test_nothing_when_all_is_well_and_the_cost_does_not_grow(world, django_assert_max_num_queries):
    viewer = viewer_for(f.make_user(world.deputy), TODAY)
    with django_assert_max_num_queries(40):
        assert for_viewer(viewer) == []
