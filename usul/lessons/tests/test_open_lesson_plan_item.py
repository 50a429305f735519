"""An open lesson scheduled from the work plan carries out its item (FUNC-1, ORG-3): the
schedule form offers the MAs' open-lesson items, giving the lesson marks the item done in the
same transaction, cancelling it leaves the item planned and free for another lesson."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from usul.lessons.models import OpenLesson
from usul.lessons.services import open_lesson_cancel, open_lesson_hold, open_lesson_schedule
from usul.lessons.tests.conftest import act
from usul.planning.models import PlanItem, PlanItemKind, WorkPlan
from usul.testing import factories as f

D = dt.date


def plan_item(association, year, *, kind=PlanItemKind.OPEN_LESSON, **fields):
    plan, _ = WorkPlan.objects.get_or_create(association=association, year=year)
    fields.setdefault("month", "2025-10")
    return PlanItem.objects.create(plan=plan, kind=kind, **fields)


@pytest.fixture
def item(ma):
    return plan_item(
        ma.association,
        ma.year,
        date=D(2025, 10, 21),
        title="Ачык сабак: бөлчөктөр",
        responsible=ma.teacher,
    )


def plan_item_select(page: str) -> str:
    """The "From the work plan" list of the schedule form, or "" when the form has none."""
    if 'name="plan_item"' not in page:
        return ""
    start = page.index('name="plan_item"')
    return page[start : page.index("</select>", start)]


def from_plan(ma, item, **fields):
    return open_lesson_schedule(
        actor=act(ma.head_user),
        association=ma.association,
        year=ma.year,
        teacher=fields.pop("teacher", None),
        topic=fields.pop("topic", ""),
        date=fields.pop("date", None),
        plan_item=item,
        **fields,
    )


def test_the_plan_fills_the_date_topic_and_teacher_left_blank(ma, item):
    lesson = from_plan(ma, item)
    assert (lesson.date, lesson.topic, lesson.teacher, lesson.plan_item) == (
        D(2025, 10, 21),
        "Ачык сабак: бөлчөктөр",
        ma.teacher,
        item,
    )


def test_giving_the_lesson_on_its_day_marks_its_plan_item_done(ma, item):
    lesson, seen = from_plan(ma, item), item.revision
    with pytest.raises(ValidationError):
        open_lesson_hold(actor=act(ma.head_user), open_lesson=lesson, as_of=D(2025, 10, 20))
    item.refresh_from_db()
    assert item.status == "planned"  # the day before: neither the lesson nor the item

    open_lesson_hold(actor=act(ma.head_user), open_lesson=lesson, as_of=D(2025, 10, 21))

    item.refresh_from_db()
    assert (item.status, item.revision) == ("done", seen + 1)
    assert item.history.first().history_user == ma.head_user


def test_a_cancelled_lesson_leaves_the_item_planned_and_free_for_another(ma, item):
    first = from_plan(ma, item)
    with pytest.raises(ValidationError) as twice:
        from_plan(ma, item, date=D(2025, 10, 28))
    assert "plan_item" in twice.value.message_dict  # one lesson carries out one item

    open_lesson_cancel(actor=act(ma.head_user), open_lesson=first)
    item.refresh_from_db()
    assert item.status == "planned"
    second = from_plan(ma, item, date=D(2025, 10, 28))
    assert second.plan_item == item


def test_the_schedule_form_offers_the_items_waiting_for_a_lesson(client, ma, item):
    # Not offered: a seminar, an item already given its lesson, a cancelled item, and the open
    # lesson of an MA this head does not run.
    plan_item(ma.association, ma.year, kind=PlanItemKind.SEMINAR, title="Семинар: PISA")
    taken = plan_item(ma.association, ma.year, title="Ачык сабак: пропорция")
    from_plan(ma, taken, date=D(2025, 10, 7), teacher=ma.colleague)
    plan_item(ma.association, ma.year, title="Ачык сабак: жокко чыкты", status="cancelled")
    other_ma = f.make_association(ma.school, key="ma-lang", name="Тил жана адабият")
    plan_item(other_ma, ma.year, title="Ачык сабак: Манас")
    schedule_url = reverse("lessons:list", args=["sch-17"])

    client.force_login(ma.head_user)
    page = client.get(schedule_url).content.decode()

    offered = plan_item_select(page)
    assert "Сабак ушул пунктту аткарат" in page  # what linking does, said in Kyrgyz
    assert f'<optgroup label="{ma.association.name}">' in offered
    assert f'value="{item.uuid}"' in offered and "21.10.2025 · Ачык сабак: бөлчөктөр" in offered
    for hidden in ("Семинар: PISA", "пропорция", "жокко чыкты", "Манас"):
        assert hidden not in offered

    response = client.post(
        reverse("lessons:schedule", args=["sch-17"]),
        {"association": "ma-stem", "plan_item": str(item.uuid), "year": "2025-2026"},
    )
    lesson = OpenLesson.objects.get(plan_item=item)
    assert response["Location"] == reverse("lessons:detail", args=["sch-17", lesson.key])
    # Its lesson scheduled, the item is offered no more; nothing is left to offer.
    assert plan_item_select(client.get(schedule_url).content.decode()) == ""


def test_an_item_of_another_ma_is_refused_by_name(client, ma, item):
    other_ma = f.make_association(ma.school, key="ma-lang", name="Тил жана адабият")
    f.add_head(other_ma, ma.head)
    f.add_member(other_ma, ma.teacher)
    ma.head_user.language = "en"
    ma.head_user.save(update_fields=["language"])
    client.force_login(ma.head_user)

    response = client.post(
        reverse("lessons:schedule", args=["sch-17"]),
        {"association": "ma-lang", "plan_item": str(item.uuid), "date": "2025-10-21",
         "topic": "Манас", "teacher": "t-asanova", "year": "2025-2026"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "Plan item: it belongs to another MA or another year." in response.content.decode()
    assert not OpenLesson.objects.exists()


def test_giving_the_lesson_on_its_page_shows_the_item_done(client, ma, item):
    lesson = from_plan(ma, item)
    client.force_login(ma.head_user)
    detail = reverse("lessons:detail", args=["sch-17", lesson.key])
    assert 'data-status="planned"' in client.get(detail).content.decode()

    client.post(reverse("lessons:hold", args=["sch-17", lesson.key]))

    page = client.get(detail).content.decode()
    assert 'data-status="done"' in page and "Ачык сабак: бөлчөктөр" in page
