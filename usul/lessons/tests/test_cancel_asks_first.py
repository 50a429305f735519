"""Cancelling an open lesson asks first, on a page that works without JavaScript; a cancelled
lesson is reopened by whoever may cancel it, its colleagues still signed up (ORG-3)."""

from __future__ import annotations

from django.urls import reverse

from usul.lessons.models import OpenLesson, OpenLessonStatus

CANCEL = reverse("lessons:cancel", args=["sch-17", "ol-1"])
REOPEN = reverse("lessons:reopen", args=["sch-17", "ol-1"])
DETAIL = reverse("lessons:detail", args=["sch-17", "ol-1"])


def lesson(scene):
    return OpenLesson.objects.get(pk=scene.ours.lesson.pk)


def test_the_button_is_a_link_to_a_question_that_changes_nothing(as_user, scene):
    client = as_user("head")
    assert f'href="{CANCEL}"' in client.get(DETAIL).content.decode()
    page = client.get(CANCEL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Бекова" in text and "Бөлчөктөрдү кошуу" in text  # whose, which
    assert 'method="post"' in text
    assert lesson(scene).status == OpenLessonStatus.SCHEDULED


def test_confirming_cancels_and_reopening_keeps_the_colleagues_signed_up(as_user, scene):
    client = as_user("head")
    assert client.post(CANCEL).status_code == 302
    assert lesson(scene).status == OpenLessonStatus.CANCELLED
    assert REOPEN in client.get(DETAIL).content.decode()
    assert client.post(REOPEN).status_code == 302
    assert lesson(scene).status == OpenLessonStatus.SCHEDULED
    assert [v.staff for v in lesson(scene).visitors.all()] == [scene.colleague]


def test_the_teacher_who_gives_it_can_neither_cancel_nor_reopen(as_user, scene):
    client = as_user("teacher")
    assert client.get(CANCEL).status_code == 403
    assert client.post(CANCEL).status_code == 403
    OpenLesson.objects.filter(pk=scene.ours.lesson.pk).update(status=OpenLessonStatus.CANCELLED)
    assert client.post(REOPEN).status_code == 403
    assert lesson(scene).status == OpenLessonStatus.CANCELLED
