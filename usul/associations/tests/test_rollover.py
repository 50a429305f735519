"""The year roll-over: the STEM MA's terms closed at the end of 2025-2026 are carried into
2026-2027 from 1 August 2026, exactly as the preview says; open-ended terms run on and are not
touched; someone who left, a supervisor no longer a deputy and a liquidated MA are not carried;
a second run or a second press creates nothing; a stale preview is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.associations.models import HeadTerm, Membership, Supervision
from usul.associations.rollover import (
    HEAD,
    MEMBERSHIP,
    SUPERVISION,
    rollover_apply,
    rollover_preview,
)
from usul.orders.models import OrderKind
from usul.people.models import Position, Role
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date
YEAR_END = D(2026, 5, 31)


@pytest.fixture
def next_year(scene):
    """The STEM MA's terms closed on the last day of 2025-2026, and the year 2026-2027."""
    for model in (Membership, Supervision, HeadTerm):
        model.objects.filter(association=scene.stem).update(end=YEAR_END)
    return f.make_year(scene.school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31))


def _what(preview):
    return sorted((c.kind, c.association.key, c.staff.key, c.start) for c in preview.carries)


def test_the_preview_lists_the_closed_terms_from_the_first_of_august(scene, next_year):
    preview = rollover_preview(year=next_year)
    start = D(2026, 8, 1)
    assert _what(preview) == sorted(
        [
            (MEMBERSHIP, "ma-stem", "t-head", start),
            (MEMBERSHIP, "ma-stem", "t-bekova", start),
            (MEMBERSHIP, "ma-stem", "t-omur", start),
            (SUPERVISION, "ma-stem", "t-deputy", start),
            (HEAD, "ma-stem", "t-head", start),
        ]
    )
    assert preview.previous.key == "2025-2026"
    assert {a.key for a in preview.continuing} == {"ma-stem", "ma-lang"}
    # the language MA's two memberships and its supervision run on already
    assert preview.running == 3


def test_applying_creates_exactly_the_preview_once(scene, next_year):
    preview = rollover_preview(year=next_year)
    deputy = scene.viewer("deputy")
    created = rollover_apply(actor=deputy, year=next_year, fingerprint=preview.fingerprint)
    assert len(created) == 5
    new = Membership.objects.filter(association=scene.stem, start=D(2026, 8, 1), end=None)
    assert new.count() == 3
    assert new.first().history.latest().history_user == scene.users["deputy"]
    assert HeadTerm.objects.get(association=scene.stem, end=None).staff == scene.head
    before = written(Membership, Supervision, HeadTerm)
    # the same confirmation again (a double submit), and a later run: nothing more
    assert rollover_apply(actor=deputy, year=next_year, fingerprint=preview.fingerprint) == []
    assert rollover_preview(year=next_year).carries == []
    assert written(Membership, Supervision, HeadTerm) == before


def test_only_the_chosen_kinds_are_carried(scene, next_year):
    preview = rollover_preview(year=next_year, kinds=[MEMBERSHIP])
    rollover_apply(
        actor=scene.viewer("director"),
        year=next_year,
        kinds=[MEMBERSHIP],
        fingerprint=preview.fingerprint,
    )
    assert not Supervision.objects.filter(association=scene.stem, end=None).exists()
    assert Membership.objects.filter(association=scene.stem, end=None).count() == 3


def test_someone_who_left_is_not_carried_and_the_reason_is_shown(scene, next_year):
    scene.colleague.positions.update(end=D(2026, 6, 30))
    preview = rollover_preview(year=next_year)
    assert "t-omur" not in {c.staff.key for c in preview.carries}
    [left] = preview.left
    assert (left.kind, left.staff.key) == (MEMBERSHIP, "t-omur")
    assert "01.08.2026" in left.reason


def test_a_supervisor_who_is_no_longer_a_deputy_is_not_carried(scene, next_year):
    scene.deputy.positions.update(end=D(2026, 6, 30))
    Position.objects.create(staff=scene.deputy, role=Role.TEACHER, start=D(2026, 7, 1))
    preview = rollover_preview(year=next_year)
    assert SUPERVISION not in {c.kind for c in preview.carries}
    assert [(x.kind, x.staff.key) for x in preview.left] == [(SUPERVISION, "t-deputy")]


def test_an_ma_liquidated_before_the_new_year_is_not_carried(scene, next_year):
    order = f.make_order(
        scene.school, kind=OrderKind.MA_LIQUIDATE, date=D(2026, 6, 15), association=scene.stem
    )
    scene.stem.liquidated_by = order
    scene.stem.save(update_fields=["liquidated_by"])
    preview = rollover_preview(year=next_year)
    assert preview.carries == []
    assert [a.key for a in preview.liquidated] == ["ma-stem"]


def test_a_term_recorded_for_the_new_year_by_hand_is_not_carried_again(scene, next_year):
    f.add_head(scene.stem, scene.teacher, start=D(2026, 8, 28))
    f.add_member(scene.stem, scene.teacher, start=D(2026, 8, 20))
    kinds = {(c.kind, c.staff.key) for c in rollover_preview(year=next_year).carries}
    assert (HEAD, "t-head") not in kinds
    assert (MEMBERSHIP, "t-bekova") not in kinds
    assert (MEMBERSHIP, "t-head") in kinds


def test_a_preview_that_changed_since_it_was_shown_is_refused(scene, next_year):
    shown = rollover_preview(year=next_year).fingerprint
    scene.colleague.positions.update(end=D(2026, 6, 30))
    before = written(Membership, Supervision, HeadTerm)
    with pytest.raises(ValidationError) as info:
        rollover_apply(actor=scene.viewer("deputy"), year=next_year, fingerprint=shown)
    assert list(info.value.message_dict) == ["fingerprint"]
    assert written(Membership, Supervision, HeadTerm) == before


def test_without_an_earlier_year_there_is_nothing_to_carry(scene):
    first = scene.school.years.get(key="2025-2026")
    preview = rollover_preview(year=first)
    assert preview.previous is None and preview.carries == []


@pytest.mark.parametrize("who", ["teacher", "head", "district", "outsider"])
def test_the_roll_over_is_refused_to_anyone_but_the_leadership(scene, next_year, who):
    preview = rollover_preview(year=next_year)
    before = written(Membership, Supervision, HeadTerm)
    with pytest.raises(PermissionDenied):
        rollover_apply(actor=scene.viewer(who), year=next_year, fingerprint=preview.fingerprint)
    assert written(Membership, Supervision, HeadTerm) == before
