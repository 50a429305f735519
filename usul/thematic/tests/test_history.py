"""A calendar-thematic plan keeps the history of its lessons (DOC-11): who added a lesson, who
marked it taught or took the mark back, and when — shown on the plan's page in words."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from usul.accounts.policy import viewer_for
from usul.people.models import ThematicPlanItem
from usul.thematic import services as s
from usul.thematic.importing import read_lessons


@pytest.fixture
def plan(scene):
    return scene.ours.thematic_plan  # Бекова's Физика 7, one lesson


def as_(scene, role):
    return viewer_for(scene.users[role], timezone.localdate())


def address(scene, plan, *extra):
    args = [scene.school.key, scene.teacher.key, plan.year.key, plan.subject.key, 7, "subject"]
    return args + list(extra)


def test_marking_a_lesson_taught_and_back_is_recorded_with_who_did_it(scene, plan):
    item = plan.items.get(n=1)
    before = item.history.count()
    s.thematic_item_mark(actor=as_(scene, "teacher"), item=item, taught=True)
    s.thematic_item_mark(actor=as_(scene, "deputy"), item=item, taught=False)
    rows = list(item.history.order_by("history_date", "history_id"))[before:]
    assert [(r.done, r.history_user.username) for r in rows] == [
        (timezone.localdate(), "teacher"),
        (None, "deputy"),
    ]


def test_a_second_tap_on_a_stale_page_records_nothing(scene, plan):
    item = plan.items.get(n=1)
    s.thematic_item_mark(actor=as_(scene, "teacher"), item=item, taught=True)
    count = item.history.count()
    s.thematic_item_mark(actor=as_(scene, "teacher"), item=item, taught=True)
    assert item.history.count() == count


def test_added_and_imported_lessons_have_their_first_history_row(scene, plan):
    teacher = as_(scene, "teacher")
    added = s.thematic_item_add(actor=teacher, plan=plan, topic="Күч")
    book = Workbook()
    for row in (["Темасы"], ["Масса"], ["Басым"]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    lessons, numbered = read_lessons(out.getvalue())
    s.thematic_plan_import(actor=teacher, plan=plan, lessons=lessons, numbered=numbered)
    created = ThematicPlanItem.history.filter(
        plan_id=plan.pk, history_type="+", topic__in=["Күч", "Масса", "Басым"]
    )
    assert sorted((r.n, r.history_user.username) for r in created) == [
        (2, "teacher"),
        (3, "teacher"),
        (4, "teacher"),
    ]
    assert added.n == 2


def test_the_plan_page_tells_in_words_who_marked_which_lesson_taught(as_user, scene, plan):
    client = as_user("teacher")
    mark = reverse("thematic:mark", args=address(scene, plan, 1))
    client.post(mark, {"taught": "1"})
    user = scene.users["colleague"]
    user.language = "ky"
    user.save(update_fields=["language"])
    colleague = as_user("colleague")  # every colleague reads the plan and its history
    page = colleague.get(reverse("thematic:plan", args=address(scene, plan)))
    entries = page.context["history"]
    marked = next(e for e in entries if e.action == "changed")
    assert marked.subject == "Сабак №1"
    assert [(c.label, c.old, c.new) for c in marked.changes] == [
        ("өтүлгөн күнү", "—", timezone.localdate().strftime("%d.%m.%Y"))
    ]
    assert "Сабак №1" in page.content.decode()
