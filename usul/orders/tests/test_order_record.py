"""An order recorded on the orders page does what it says to its MA: an order creating the MA
becomes its creating order (DOC-1 of the register), one liquidating it liquidates it, one
confirming a head confirms the head term running on its date (DOC-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.accounts.policy import viewer_for
from usul.documents.register import ORDER, register_row
from usul.orders.models import Order, OrderKind
from usul.orders.services import order_record
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def actor(director):
    return viewer_for(f.make_user(director), D(2025, 10, 1))


@pytest.fixture
def ma(school):
    return f.make_association(school, key="ma-new", created_on=None)


def test_an_order_creating_the_ma_is_its_creating_order_in_the_register(
    school, actor, ma, deputy, director
):
    order = order_record(
        actor=actor,
        school=school,
        kind=OrderKind.MA_CREATE,
        date=D(2025, 8, 28),
        number="41",
        association=ma,
        proposed_by=deputy,
        signed_by=director,
    )
    ma.refresh_from_db()
    assert ma.created_by == order
    row = register_row(ma, school.years.get(), "DOC-1")
    assert (row.status, row.order_id) == (ORDER, order.pk)
    assert ma.history.latest().history_user == actor.user


def test_a_second_creating_order_is_refused(school, actor, ma):
    order_record(
        actor=actor, school=school, kind=OrderKind.MA_CREATE, date=D(2025, 8, 28), association=ma
    )
    with pytest.raises(ValidationError) as info:
        order_record(
            actor=actor,
            school=school,
            kind=OrderKind.MA_CREATE,
            date=D(2025, 8, 29),
            association=ma,
        )
    assert "association" in info.value.message_dict
    assert Order.objects.filter(association=ma).count() == 1


def test_an_order_about_an_ma_must_name_it(school, actor):
    with pytest.raises(ValidationError) as info:
        order_record(actor=actor, school=school, kind=OrderKind.HEAD_CONFIRM, date=D(2025, 9, 1))
    assert "association" in info.value.message_dict


def test_an_other_order_needs_no_ma(school, actor):
    order = order_record(
        actor=actor, school=school, kind=OrderKind.OTHER, date=D(2025, 9, 1), text="Жалпы буйрук"
    )
    assert (order.association, order.text) == (None, "Жалпы буйрук")


def test_an_order_without_a_date_is_refused(school, actor):
    with pytest.raises(ValidationError) as info:
        order_record(actor=actor, school=school, kind=OrderKind.OTHER, date=None)
    assert "date" in info.value.message_dict


def test_a_head_confirming_order_confirms_the_term_running_on_its_date(school, actor, ma):
    ma.created_by = f.make_order(school, date=D(2025, 8, 28), association=ma)
    ma.save(update_fields=["created_by"])
    head = f.make_staff(school, last_name="Бекова")
    term = f.add_head(ma, head, start=D(2025, 8, 29))
    order = order_record(
        actor=actor,
        school=school,
        kind=OrderKind.HEAD_CONFIRM,
        date=D(2025, 8, 29),
        association=ma,
    )
    term.refresh_from_db()
    assert term.order == order
    row = register_row(ma, school.years.get(), "DOC-2")
    assert (row.status, row.order_id) == (ORDER, order.pk)


def test_a_head_confirming_order_is_refused_when_the_ma_has_no_head_that_day(school, actor, ma):
    head = f.make_staff(school, last_name="Бекова")
    f.add_head(ma, head, start=D(2025, 9, 10))
    with pytest.raises(ValidationError) as info:
        order_record(
            actor=actor,
            school=school,
            kind=OrderKind.HEAD_CONFIRM,
            date=D(2025, 9, 9),
            association=ma,
        )
    assert "association" in info.value.message_dict
    assert not Order.objects.filter(kind=OrderKind.HEAD_CONFIRM).exists()


def test_a_liquidating_order_liquidates_the_ma(school, actor, ma):
    order = order_record(
        actor=actor,
        school=school,
        kind=OrderKind.MA_LIQUIDATE,
        date=D(2026, 5, 30),
        number="90",
        association=ma,
        text="Бирикме жоюлсун.",
    )
    ma.refresh_from_db()
    assert ma.liquidated_by == order
    assert (order.number, order.text) == ("90", "Бирикме жоюлсун.")


def test_an_order_signed_by_someone_who_is_not_the_director_is_refused(school, actor, deputy):
    with pytest.raises(ValidationError) as info:
        order_record(
            actor=actor,
            school=school,
            kind=OrderKind.OTHER,
            date=D(2025, 9, 1),
            signed_by=deputy,
        )
    assert "signed_by" in info.value.message_dict
