"""MA services at their boundaries: dates included at both ends, nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.accounts.policy import viewer_for
from usul.associations import services
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.associations.selectors import (
    creating_order,
    head_at,
    is_active,
    members_at,
    supervisors_at,
)
from usul.orders.models import Order, OrderKind
from usul.people.models import Role
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def actor(deputy):
    return viewer_for(f.make_user(deputy))


def error_fields(info) -> set[str]:
    return set(info.value.message_dict)


# --- creating and editing an MA (GEN-8, GEN-9, DOC-1) ------------------------------------


def test_an_ma_is_created_with_its_order_subjects_and_supervisor(school, director, deputy, actor):
    math = f.make_subject(school, key="math")
    ma = services.association_create(
        actor=actor,
        school=school,
        name="Табигый цикл",
        kind="subject",
        subjects=[math],
        key="ma-stem",
        order_number="41",
        order_date=D(2025, 8, 28),
        order_proposed_by=deputy,
        order_signed_by=director,
        supervisor=deputy,
    )
    order = creating_order(ma)
    assert (order.number, order.date, order.kind) == ("41", D(2025, 8, 28), OrderKind.MA_CREATE)
    assert (order.proposed_by, order.signed_by) == (deputy, director)
    assert list(ma.subjects.all()) == [math]
    # The supervisor starts with the order when no date is given (GEN-9).
    assert supervisors_at(ma, D(2025, 8, 28)) == [deputy]
    assert supervisors_at(ma, D(2025, 8, 27)) == []
    assert is_active(ma, D(2025, 8, 28)) and not is_active(ma, D(2025, 8, 27))
    assert ma.history.earliest().history_user == actor.user


def test_an_order_not_signed_by_the_director_writes_nothing(school, deputy, actor):
    teacher = f.make_staff(school)
    with pytest.raises(ValidationError) as info:
        services.association_create(
            actor=actor,
            school=school,
            name="Тил цикли",
            kind="subject",
            order_date=D(2025, 8, 28),
            order_proposed_by=teacher,
            order_signed_by=deputy,
        )
    assert error_fields(info) == {"order_proposed_by", "order_signed_by"}
    assert "GEN-8" in info.value.message_dict["order_signed_by"][0]
    assert not Association.objects.exists() and not Order.objects.exists()


def test_the_signer_must_be_director_on_the_orders_date_itself(school, actor):
    director = f.make_staff(school, roles=(), last_name="Жаңы")
    f.make_staff(school)  # unrelated
    director.positions.create(role=Role.DIRECTOR, start=D(2025, 8, 28))
    with pytest.raises(ValidationError):
        services.association_create(
            actor=actor,
            school=school,
            name="A",
            kind="other",
            order_date=D(2025, 8, 27),
            order_signed_by=director,
        )
    ma = services.association_create(
        actor=actor,
        school=school,
        name="A",
        kind="other",
        order_date=D(2025, 8, 28),
        order_signed_by=director,
    )
    assert creating_order(ma).signed_by == director


@pytest.mark.parametrize("key", ["new", "ма-стем", "a/b", ""])
def test_bad_or_reserved_keys_are_refused_with_the_field_named(school, actor, key):
    if key == "":
        ma = services.association_create(actor=actor, school=school, name="A", kind="other")
        assert ma.key == "ma-1"  # an empty key is chosen for the user
        return
    with pytest.raises(ValidationError) as info:
        services.association_create(actor=actor, school=school, name="A", kind="other", key=key)
    assert error_fields(info) == {"key"}


def test_a_duplicate_key_is_refused_but_the_same_key_in_another_school_is_fine(
    school, outsider_school, actor
):
    f.make_association(school, key="ma-stem")
    with pytest.raises(ValidationError) as info:
        services.association_create(
            actor=actor, school=school, name="B", kind="other", key="ma-stem"
        )
    assert "ma-stem" in info.value.message_dict["key"][0]
    their_deputy = f.make_staff(outsider_school, roles=(Role.DEPUTY_ACADEMIC,))
    other = services.association_create(
        actor=viewer_for(f.make_user(their_deputy)),
        school=outsider_school,
        name="B",
        kind="other",
        key="ma-stem",
    )
    assert other.school == outsider_school


def test_editing_updates_the_order_and_records_the_subjects_in_the_history(
    school, director, deputy, actor
):
    math, physics = f.make_subject(school), f.make_subject(school, name="Физика")
    ma = f.make_association(school, subjects=[math])
    services.association_update(
        actor=actor,
        association=ma,
        name="Жаңы аты",
        kind="subject",
        subjects=[physics],
        order_number="7",
        order_date=D(2025, 8, 30),
        order_proposed_by=deputy,
        order_signed_by=director,
    )
    ma.refresh_from_db()
    assert ma.name == "Жаңы аты" and list(ma.subjects.all()) == [physics]
    assert (ma.created_by.number, ma.created_by.date) == ("7", D(2025, 8, 30))
    latest = ma.history.latest()
    assert latest.history_user == actor.user
    assert {s.subject_id for s in latest.subjects.all()} == {physics.pk}


def test_a_liquidated_ma_is_active_until_the_day_before_the_order(school, director, actor):
    ma = f.make_association(school, created_on=D(2025, 8, 28))
    services.association_liquidate(
        actor=actor, association=ma, order_date=D(2026, 1, 10), order_signed_by=director
    )
    assert is_active(ma, D(2026, 1, 9)) and not is_active(ma, D(2026, 1, 10))
    with pytest.raises(ValidationError) as info:
        services.association_liquidate(actor=actor, association=ma, order_date=D(2026, 2, 1))
    assert error_fields(info) == {"order_date"}


def test_a_new_supervisor_ends_the_previous_one_the_day_before(school, deputy, actor):
    ma = f.make_association(school)
    f.add_supervisor(ma, deputy, start=D(2025, 8, 28))
    methodical = f.make_staff(school, roles=(Role.DEPUTY_METHODICAL,))
    services.supervisor_assign(actor=actor, association=ma, staff=methodical, start=D(2026, 1, 1))
    ma = Association.objects.prefetch_related("supervisors__staff").get(pk=ma.pk)
    assert supervisors_at(ma, D(2025, 12, 31)) == [deputy]
    assert supervisors_at(ma, D(2026, 1, 1)) == [methodical]


def test_a_supervisor_who_is_not_a_deputy_is_refused(school, actor):
    ma = f.make_association(school)
    with pytest.raises(ValidationError) as info:
        services.supervisor_assign(
            actor=actor, association=ma, staff=f.make_staff(school), start=D(2025, 9, 1)
        )
    assert "GEN-9" in info.value.message_dict["supervisor"][0]
    assert not Supervision.objects.exists()


# --- memberships: nothing is deleted, the end date is set ---------------------------------


def test_a_membership_ends_on_its_last_day_included(school, actor):
    ma = f.make_association(school)
    teacher = f.make_staff(school)
    membership = services.membership_add(
        actor=actor, association=ma, staff=teacher, start=D(2025, 9, 1)
    )
    assert members_at(ma, D(2025, 8, 31)) == []
    services.membership_end(actor=actor, membership=membership, end=D(2026, 1, 31))
    assert members_at(ma, D(2026, 1, 31)) == [teacher]
    assert members_at(ma, D(2026, 2, 1)) == []
    membership.refresh_from_db()
    assert Membership.objects.count() == 1 and membership.end == D(2026, 1, 31)
    assert membership.history.latest().history_user == actor.user


def test_an_end_before_the_start_is_refused_and_nothing_changes(school, actor):
    ma = f.make_association(school)
    membership = f.add_member(ma, f.make_staff(school), start=D(2025, 9, 1))
    with pytest.raises(ValidationError) as info:
        services.membership_end(actor=actor, membership=membership, end=D(2025, 8, 31))
    assert error_fields(info) == {"end"}
    assert "31.08.2025" in info.value.message_dict["end"][0]
    membership.refresh_from_db()
    assert membership.end is None
    # Ending on the first day is allowed: a one-day membership.
    services.membership_end(actor=actor, membership=membership, end=D(2025, 9, 1))
    with pytest.raises(ValidationError) as info:
        services.membership_end(actor=actor, membership=membership, end=D(2025, 9, 2))
    assert "01.09.2025" in info.value.message_dict["end"][0]


def test_a_person_rejoins_only_after_the_last_day(school, actor):
    ma = f.make_association(school)
    teacher = f.make_staff(school)
    f.add_member(ma, teacher, start=D(2025, 9, 1), end=D(2025, 12, 31))
    with pytest.raises(ValidationError) as info:
        services.membership_add(actor=actor, association=ma, staff=teacher, start=D(2025, 12, 31))
    assert error_fields(info) == {"staff"}
    services.membership_add(actor=actor, association=ma, staff=teacher, start=D(2026, 1, 1))
    assert Membership.objects.filter(staff=teacher).count() == 2


def test_no_member_joins_a_liquidated_ma_or_comes_from_another_school(
    school, outsider_school, director, actor
):
    ma = f.make_association(school)
    services.association_liquidate(
        actor=actor, association=ma, order_date=D(2026, 1, 10), order_signed_by=director
    )
    teacher = f.make_staff(school)
    with pytest.raises(ValidationError) as info:
        services.membership_add(actor=actor, association=ma, staff=teacher, start=D(2026, 1, 10))
    assert error_fields(info) == {"start"}
    services.membership_add(actor=actor, association=ma, staff=teacher, start=D(2026, 1, 9))
    with pytest.raises(ValidationError) as info:
        services.membership_add(
            actor=actor, association=ma, staff=f.make_staff(outsider_school), start=D(2025, 9, 1)
        )
    assert error_fields(info) == {"staff"}


# --- head election (ORG-1, DOC-2) -------------------------------------------------------


def test_electing_a_head_ends_the_previous_term_the_day_before(school, actor):
    ma = f.make_association(school)
    old, new = f.make_staff(school), f.make_staff(school, last_name="Жаңыбаева")
    f.add_head(ma, old, start=D(2025, 8, 29))
    meeting = f.make_meeting(ma, date=D(2026, 1, 15))
    term = services.head_elect(
        actor=actor, association=ma, staff=new, start=D(2026, 1, 16), elected_at=meeting
    )
    ma = Association.objects.prefetch_related("heads__staff").get(pk=ma.pk)
    assert head_at(ma, D(2026, 1, 15)) == old
    assert head_at(ma, D(2026, 1, 16)) == new
    previous = HeadTerm.objects.get(staff=old)
    assert previous.end == D(2026, 1, 15)
    assert previous.history.latest().history_user == actor.user
    assert term.elected_at == meeting and term.end is None


def test_an_election_needs_a_held_meeting_or_an_order(school, director, actor):
    ma = f.make_association(school)
    old = f.make_staff(school)
    f.add_head(ma, old, start=D(2025, 8, 29))
    candidate = f.make_staff(school)
    start = D(2026, 1, 16)
    with pytest.raises(ValidationError) as info:
        services.head_elect(actor=actor, association=ma, staff=candidate, start=start)
    assert error_fields(info) == {"elected_at"} and "ORG-1" in str(info.value)
    scheduled = f.make_meeting(ma, date=D(2026, 1, 15), status="scheduled")
    with pytest.raises(ValidationError) as info:
        services.head_elect(
            actor=actor, association=ma, staff=candidate, start=start, elected_at=scheduled
        )
    assert error_fields(info) == {"elected_at"}
    elsewhere = f.make_meeting(f.make_association(school), date=D(2026, 1, 15))
    with pytest.raises(ValidationError):
        services.head_elect(
            actor=actor, association=ma, staff=candidate, start=start, elected_at=elsewhere
        )
    later = f.make_meeting(ma, date=D(2026, 1, 17), number=2)
    with pytest.raises(ValidationError) as info:
        services.head_elect(
            actor=actor, association=ma, staff=candidate, start=start, elected_at=later
        )
    assert error_fields(info) == {"start"}
    # None of the refusals touched the running term.
    assert HeadTerm.objects.get().end is None and HeadTerm.objects.count() == 1
    # An order alone is enough (DOC-2), and it is recorded as a head_confirm order.
    term = services.head_elect(
        actor=actor,
        association=ma,
        staff=candidate,
        start=start,
        order_number="44",
        order_date=D(2026, 1, 16),
        order_signed_by=director,
    )
    assert (term.order.kind, term.order.number, term.order.association) == (
        OrderKind.HEAD_CONFIRM,
        "44",
        ma,
    )


def test_a_bad_confirming_order_leaves_the_previous_term_running(school, deputy, actor):
    ma = f.make_association(school)
    f.add_head(ma, f.make_staff(school), start=D(2025, 8, 29))
    meeting = f.make_meeting(ma, date=D(2026, 1, 15))
    with pytest.raises(ValidationError) as info:
        services.head_elect(
            actor=actor,
            association=ma,
            staff=f.make_staff(school),
            start=D(2026, 1, 16),
            elected_at=meeting,
            order_date=D(2026, 1, 16),
            order_signed_by=deputy,
        )
    assert error_fields(info) == {"order_signed_by"}
    assert HeadTerm.objects.get().end is None  # the transaction rolled back the end date
    assert not Order.objects.filter(kind=OrderKind.HEAD_CONFIRM).exists()


def test_a_term_cannot_start_on_or_before_the_running_terms_start(school, actor):
    ma = f.make_association(school)
    f.add_head(ma, f.make_staff(school), start=D(2025, 8, 29))
    meeting = f.make_meeting(ma, date=D(2025, 8, 29))
    with pytest.raises(ValidationError) as info:
        services.head_elect(
            actor=actor,
            association=ma,
            staff=f.make_staff(school),
            start=D(2025, 8, 29),
            elected_at=meeting,
        )
    assert error_fields(info) == {"start"}
    services.head_elect(
        actor=actor,
        association=ma,
        staff=f.make_staff(school),
        start=D(2025, 8, 30),
        elected_at=meeting,
    )
    assert HeadTerm.objects.order_by("start").first().end == D(2025, 8, 29)
