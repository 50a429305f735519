"""Writes of the director's orders (GEN-6, GEN-8, DOC-1, DOC-2).

The school's leadership records its orders (``manage_school``); the MA services that record
an order with the MA (creating, liquidating, confirming a head) call these with their own
actor, so the policy is asked again here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib.dates import format_date
from usul.lib.history import delete_with_history, save_with_history
from usul.orders.models import Order, OrderKind
from usul.people.models import DEPUTY_ROLES, Role, Staff
from usul.people.selectors import roles_at
from usul.schools.models import School
from usul.schools.services import unique_key
from usul.schools.validation import check_key, given

if TYPE_CHECKING:
    from usul.associations.models import Association

# GEN-8: MAs are created, reorganised or liquidated on the proposal of a deputy director.
PROPOSED_BY_DEPUTY = frozenset(
    {OrderKind.MA_CREATE, OrderKind.MA_REORGANIZE, OrderKind.MA_LIQUIDATE}
)


def _check_signatories(
    *,
    school: School,
    kind: str,
    date: dt.date,
    proposed_by: Staff | None,
    signed_by: Staff | None,
) -> None:
    """A director's order is signed by the director; MA orders are proposed by a deputy
    (GEN-8). Both must hold that role on the order's date — the same test as MA-ORDER."""
    errors: dict[str, str] = {}
    for field, person in (("proposed_by", proposed_by), ("signed_by", signed_by)):
        if person is not None and person.school_id != school.pk:
            errors[field] = _("This person is not on the staff of this school.")
    if signed_by is not None and "signed_by" not in errors:
        if Role.DIRECTOR not in roles_at(signed_by, date):
            errors["signed_by"] = _(
                "“Signed by”: %(name)s is not the director on %(date)s (GEN-8)."
            ) % {"name": signed_by, "date": format_date(date)}
    if proposed_by is not None and "proposed_by" not in errors and kind in PROPOSED_BY_DEPUTY:
        if not roles_at(proposed_by, date) & DEPUTY_ROLES:
            errors["proposed_by"] = _(
                "“Proposed by”: %(name)s is not a deputy director on %(date)s (GEN-8)."
            ) % {"name": proposed_by, "date": format_date(date)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def order_create(
    *,
    actor: Viewer,
    school: School,
    kind: str,
    date: dt.date | None,
    number: str = "",
    association: Association | None = None,
    proposed_by: Staff | None = None,
    signed_by: Staff | None = None,
    text: str = "",
    key: str = "",
) -> Order:
    require(actor, "manage_school", school)
    if association is not None and association.school_id != school.pk:
        raise ValidationError({"association": _("The MA belongs to another school.")})
    date = given(date, field="date", label=_("Order date"))
    if key:
        check_key(key)
        if Order.objects.filter(school=school, key=key).exists():
            raise ValidationError(
                {"key": _("An order with the key “%(key)s” already exists.") % {"key": key}}
            )
    else:
        key = unique_key(Order, school, f"o-{date:%Y}")
    _check_signatories(
        school=school, kind=kind, date=date, proposed_by=proposed_by, signed_by=signed_by
    )
    order = Order(
        school=school,
        key=key,
        kind=kind,
        date=date,
        number=number.strip(),
        association=association,
        proposed_by=proposed_by,
        signed_by=signed_by,
        text=text,
    )
    save_with_history(order, actor)
    return order


@transaction.atomic
def order_update(
    *,
    actor: Viewer,
    order: Order,
    date: dt.date | None,
    number: str = "",
    proposed_by: Staff | None = None,
    signed_by: Staff | None = None,
) -> Order:
    require(actor, "manage_school", order)
    date = given(date, field="date", label=_("Order date"))
    _check_signatories(
        school=order.school,
        kind=order.kind,
        date=date,
        proposed_by=proposed_by,
        signed_by=signed_by,
    )
    changes = {
        "date": date,
        "number": number.strip(),
        "proposed_by": proposed_by,
        "signed_by": signed_by,
    }
    changed = [name for name, value in changes.items() if getattr(order, name) != value]
    if not changed:
        return order
    for name in changed:
        setattr(order, name, changes[name])
    save_with_history(order, actor, changed)
    return order


@transaction.atomic
def order_remove(*, actor: Viewer, order: Order) -> None:
    """Take back an order recorded by mistake (an MA's liquidation that is reopened). The
    change history keeps what it said and who removed it."""
    require(actor, "manage_school", order)
    delete_with_history(order, actor)
