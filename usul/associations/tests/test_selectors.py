"""MA selectors at their boundaries: membership ends, head terms, active MAs."""

import datetime as dt

from usul.associations.selectors import (
    active_associations,
    head_at,
    headed_associations_at,
    is_active,
    members_at,
)
from usul.orders.models import OrderKind
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date


def test_a_member_counts_on_the_day_the_membership_ends_and_not_after(school):
    ma = f.make_association(school)
    staff = f.make_staff(school)
    f.add_member(ma, staff, start=D(2025, 9, 1), end=D(2025, 12, 31))
    assert members_at(ma, D(2025, 8, 31)) == []
    assert members_at(ma, D(2025, 9, 1)) == [staff]
    assert members_at(ma, D(2025, 12, 31)) == [staff]
    assert members_at(ma, D(2026, 1, 1)) == []


def test_of_two_head_terms_covering_a_day_the_later_start_wins(school):
    ma = f.make_association(school)
    first, second = f.make_staff(school), f.make_staff(school)
    f.add_head(ma, first, start=D(2024, 9, 1))
    f.add_head(ma, second, start=D(2025, 9, 1))
    assert head_at(ma, D(2025, 8, 31)) == first
    assert head_at(ma, D(2025, 9, 1)) == second
    assert headed_associations_at(first, D(2025, 9, 1)) == []
    assert headed_associations_at(second, D(2025, 9, 1)) == [ma]


def test_an_ma_is_active_from_its_creating_order_until_its_liquidation(school):
    ma = f.make_association(school, created_on=D(2025, 8, 28))
    ma.liquidated_by = f.make_order(
        school, kind=OrderKind.MA_LIQUIDATE, date=D(2026, 1, 15), association=ma
    )
    ma.save(update_fields=["liquidated_by"])
    assert not is_active(ma, D(2025, 8, 27))
    assert is_active(ma, D(2025, 8, 28))
    assert is_active(ma, D(2026, 1, 14))
    assert not is_active(ma, D(2026, 1, 15))


def test_an_ma_without_a_creating_order_is_active_from_the_year_start(school):
    year = SchoolYear.objects.get(school=school)
    ma = f.make_association(school, created_on=None)
    assert not is_active(ma, D(2025, 8, 31), year)
    assert is_active(ma, D(2025, 9, 1), year)
    assert active_associations(school, D(2025, 9, 1), year) == [ma]


def test_an_order_of_the_wrong_kind_does_not_create_the_ma(school):
    year = SchoolYear.objects.get(school=school)
    ma = f.make_association(school, created_on=None)
    ma.created_by = f.make_order(school, kind=OrderKind.OTHER, date=D(2025, 6, 1), association=ma)
    ma.save(update_fields=["created_by"])
    # Treated as having no creating order: active from the year start, not from June.
    assert not is_active(ma, D(2025, 8, 1), year)
