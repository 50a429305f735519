"""Nothing of an MA ends with one tap: ending a membership and liquidating the MA ask first on
a page of their own (GET, no JavaScript needed), do it on POST, and can be reopened by whoever
may end them. The head election lists the MA's members first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from usul.associations.models import Membership
from usul.associations.selectors import is_active, liquidation_order
from usul.associations.services import membership_reopen
from usul.orders.models import Order

D = dt.date


def url(name, *args):
    return reverse(f"associations:{name}", args=["sch-17", "ma-stem", *args])


def test_ending_a_membership_asks_first_and_a_get_changes_nothing(as_user, scene):
    client = as_user("deputy")
    members = client.get(url("members")).content.decode()
    end_url = url("membership_end", "t-omur")
    assert f'href="{end_url}"' in members  # a link, not a one-tap button
    page = client.get(end_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Өмүрбеков Үсөн" in text and "28.08.2025" in text  # whose, and since when
    assert 'name="end"' in text and 'method="post"' in text
    assert scene.stem.members.get(staff=scene.colleague).end is None


def test_confirming_ends_it_on_the_last_day_given(as_user, scene):
    client = as_user("deputy")
    response = client.post(url("membership_end", "t-omur"), {"end": "2026-05-31"})
    assert response.status_code == 302 and response["Location"] == url("members")
    assert scene.stem.members.get(staff=scene.colleague).end == D(2026, 5, 31)


@pytest.mark.parametrize("end", ["", "2025-08-01"])  # none; before the membership began
def test_a_bad_last_day_is_said_on_the_confirmation_page_and_nothing_ends(as_user, scene, end):
    response = as_user("deputy").post(url("membership_end", "t-omur"), {"end": end})
    assert response.status_code == 400
    assert response.context["confirm"].form.errors["end"]
    assert scene.stem.members.get(staff=scene.colleague).end is None


def test_the_head_is_told_her_term_does_not_end_with_her_membership(as_user, scene):
    page = as_user("deputy").get(url("membership_end", "t-head"))
    assert page.context["confirm"].keeps  # "…heads this MA: …elect a new head (ORG-1)."
    assert "ORG-1" in page.content.decode()


def test_an_ended_membership_is_reopened_by_whoever_may_end_it(as_user, scene):
    client = as_user("deputy")
    client.post(url("membership_end", "t-omur"), {"end": "2026-05-31"})
    members = client.get(url("members")).content.decode()
    assert url("membership_reopen", "t-omur") in members
    response = client.post(url("membership_reopen", "t-omur"))
    assert response.status_code == 302
    membership = scene.stem.members.get(staff=scene.colleague)
    assert membership.end is None
    assert [h.end for h in membership.history.order_by("history_date")][-2:] == [
        D(2026, 5, 31),
        None,
    ]  # both steps are in the history


def test_a_plain_teacher_can_neither_end_nor_reopen(as_user, scene):
    client = as_user("teacher")
    assert client.get(url("membership_end", "t-omur")).status_code == 403
    assert client.post(url("membership_end", "t-omur"), {"end": "2026-05-31"}).status_code == 403
    assert client.post(url("membership_reopen", "t-omur")).status_code == 403
    assert scene.stem.members.get(staff=scene.colleague).end is None


def test_a_membership_is_not_reopened_over_a_later_one(as_user, scene):
    client = as_user("deputy")
    client.post(url("membership_end", "t-omur"), {"end": "2026-01-31"})
    Membership.objects.create(association=scene.stem, staff=scene.colleague, start=D(2026, 3, 1))
    first = scene.stem.members.get(staff=scene.colleague, start=D(2025, 8, 28))
    with pytest.raises(ValidationError) as info:
        membership_reopen(actor=scene.viewer("deputy"), membership=first)
    assert "01.03.2026" in info.value.messages[0]
    first.refresh_from_db()
    assert first.end == D(2026, 1, 31)


def test_liquidating_asks_first_with_the_order_and_reopening_takes_the_order_back(as_user, scene):
    client = as_user("deputy")
    edit = client.get(url("edit")).content.decode()
    assert f'href="{url("liquidate")}"' in edit
    page = client.get(url("liquidate"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Табигый-математикалык цикл" in text and 'name="order_date"' in text
    assert liquidation_order(scene.stem) is None  # asking changed nothing
    response = client.post(
        url("liquidate"),
        {
            "order_number": "60",
            "order_date": "2026-06-01",
            "order_proposed_by": scene.deputy.pk,
            "order_signed_by": scene.director.pk,
        },
    )
    assert response.status_code == 302
    scene.stem.refresh_from_db()
    order = liquidation_order(scene.stem)
    assert order.number == "60" and not is_active(scene.stem, D(2026, 6, 1))
    detail = client.get(url("detail")).content.decode()
    assert "01.06.2026" in detail and url("reopen") in detail

    response = client.post(url("reopen"))
    assert response.status_code == 302
    scene.stem.refresh_from_db()
    assert liquidation_order(scene.stem) is None and is_active(scene.stem, D(2026, 6, 1))
    assert not Order.objects.filter(pk=order.pk).exists()
    assert Order.history.filter(id=order.pk, history_type="-").exists()  # kept in history


def test_a_liquidation_without_a_date_is_refused_on_its_page(as_user, scene):
    response = as_user("deputy").post(url("liquidate"), {"order_number": "60"})
    assert response.status_code == 400
    assert response.context["confirm"].form.errors
    scene.stem.refresh_from_db()
    assert liquidation_order(scene.stem) is None


def test_the_head_election_lists_the_mas_members_first(as_user, scene):
    page = as_user("deputy").get(url("elect_head"))
    groups = page.context["form"].fields["staff"].choices
    members, others = groups[1], groups[2]
    assert [name for _pk, name in members[1]] == [
        "Асанова Айгүл",
        "Бекова Жаңыл",
        "Өмүрбеков Үсөн",
    ]
    assert "Токтосунова Нуриза" in [name for _pk, name in others[1]]
    html = page.content.decode()
    assert html.index("Өмүрбеков Үсөн") < html.index("Токтосунова Нуриза")
