"""MAs, their members, heads and supervisors are the school leadership's to record (GEN-8,
GEN-9, ORG-1): called directly — as a page, an import or a command would — by a plain teacher,
by the MA's own head, or by a deputy of another school, each write is refused and nothing is
written, its history included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.associations import services as s
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.orders.models import Order
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date
RECORDS = (Association, Membership, HeadTerm, Supervision, Order)
WHO = {
    "a plain teacher": "teacher",
    "the head of the MA": "head",
    "a deputy of another school": "outsider",
}


def writes(scene):
    stem = scene.stem
    membership = stem.members.get(staff=scene.colleague)
    held = f.make_meeting(stem, number=7, date=D(2025, 9, 20), status="held", key="m-held")
    ended = f.add_member(scene.lang, scene.colleague, start=D(2025, 9, 1), end=D(2025, 12, 31))
    liquidated = scene.lang
    liquidated.liquidated_by = f.make_order(
        scene.school, kind="ma_liquidate", date=D(2026, 1, 10), association=liquidated
    )
    liquidated.save(update_fields=["liquidated_by"])
    return {
        "association_create": lambda a: s.association_create(
            actor=a, school=scene.school, name="Башталгыч класстар", kind="other"
        ),
        "association_update": lambda a: s.association_update(
            actor=a,
            association=stem,
            name="Башка ат",
            kind=stem.kind,
            subjects=[],
            order_date=stem.created_by.date,
            order_proposed_by=scene.deputy,
            order_signed_by=scene.director,
        ),
        "association_liquidate": lambda a: s.association_liquidate(
            actor=a, association=stem, order_date=D(2026, 1, 10), order_signed_by=scene.director
        ),
        "supervisor_assign": lambda a: s.supervisor_assign(
            actor=a, association=stem, staff=scene.deputy_nmr, start=D(2026, 1, 1)
        ),
        "membership_add": lambda a: s.membership_add(
            actor=a, association=stem, staff=scene.stranger, start=D(2025, 10, 1)
        ),
        "membership_end": lambda a: s.membership_end(
            actor=a, membership=membership, end=D(2026, 5, 31)
        ),
        "association_reopen": lambda a: s.association_reopen(actor=a, association=liquidated),
        "membership_reopen": lambda a: s.membership_reopen(actor=a, membership=ended),
        "head_elect": lambda a: s.head_elect(
            actor=a, association=stem, staff=scene.teacher, start=D(2025, 9, 21), elected_at=held
        ),
    }


SERVICES = (
    "association_create",
    "association_update",
    "association_liquidate",
    "supervisor_assign",
    "membership_add",
    "membership_end",
    "membership_reopen",
    "association_reopen",
    "head_elect",
)


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("who", WHO)
def test_the_service_refuses_and_writes_nothing(scene, service, who):
    call = writes(scene)[service]
    before = written(*RECORDS)
    with pytest.raises(PermissionDenied):
        call(scene.viewer(WHO[who]))
    assert written(*RECORDS) == before


@pytest.mark.parametrize("service", SERVICES)
def test_the_supervising_deputy_may(scene, service):
    call = writes(scene)[service]
    call(scene.viewer("deputy"))
