"""The director's orders (GEN-6, GEN-8, DOC-1, DOC-2) are recorded by the school's leadership:
called directly by a plain teacher, or by a deputy of another school, the order services are
refused and nothing is written — an order of another school cannot even be attached to."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.orders import services as s
from usul.orders.models import Order, OrderKind
from usul.testing.written import written

D = dt.date
WHO = {"a plain teacher": "teacher", "a deputy of another school": "outsider"}


def writes(scene):
    order = scene.stem.created_by
    return {
        "order_create": lambda a: s.order_create(
            actor=a,
            school=scene.school,
            kind=OrderKind.HEAD_CONFIRM,
            date=D(2025, 9, 1),
            association=scene.stem,
            signed_by=scene.director,
        ),
        "order_remove": lambda a: s.order_remove(actor=a, order=order),
        "order_update": lambda a: s.order_update(
            actor=a,
            order=order,
            date=order.date,
            number="17-к",
            proposed_by=scene.deputy,
            signed_by=scene.director,
        ),
    }


@pytest.mark.parametrize("service", ["order_create", "order_update", "order_remove"])
@pytest.mark.parametrize("who", WHO)
def test_the_service_refuses_and_writes_nothing(scene, service, who):
    before = written(Order)
    with pytest.raises(PermissionDenied):
        writes(scene)[service](scene.viewer(WHO[who]))
    assert written(Order) == before


@pytest.mark.parametrize("service", ["order_create", "order_update"])
def test_the_director_may(scene, service):
    before = Order.history.count()
    writes(scene)[service](scene.viewer("director"))
    assert Order.history.count() == before + 1
    assert Order.history.latest().history_user == scene.users["director"]


def test_an_order_is_not_attached_to_another_schools_ma(scene):
    with pytest.raises(ValidationError) as info:
        s.order_create(
            actor=scene.viewer("director"),
            school=scene.school,
            kind=OrderKind.HEAD_CONFIRM,
            date=D(2025, 9, 1),
            association=scene.outsider_ma,
        )
    assert "association" in info.value.message_dict
