"""Writes of the papers that govern MAs: the director's orders (GEN-6, GEN-8, DOC-1, DOC-2),
the methodological council's decisions (GEN-4, GEN-6) and the district office's instructions
as the school enters them (FUNC-1).

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
from usul.lib import text_limits
from usul.lib.dates import format_date
from usul.lib.history import delete_with_history, save_with_history
from usul.lib.text_limits import require_within
from usul.orders.models import CouncilDecision, Order, OrderKind
from usul.people.models import DEPUTY_ROLES, Role, Staff
from usul.people.selectors import roles_at
from usul.schools.models import DistrictInstruction, School, SchoolYear
from usul.schools.services import unique_key
from usul.schools.validation import check_key, given, required

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
    require_within("text", _("Text of the order"), text, text_limits.PAGES)
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
    text: str | None = None,
) -> Order:
    """Changes an order's number, date, signatories and (``text`` given) its text; its kind
    and its MA stay: an order of another kind or for another MA is another order."""
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
    if text is not None:
        require_within("text", _("Text of the order"), text, text_limits.PAGES)
        changes["text"] = text
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


# --- The orders page: an order recorded on its own, tied to what it does -----------------

# GEN-8, DOC-1, DOC-2: these orders are about one MA, and the page asks which.
ABOUT_AN_MA = frozenset(
    {
        OrderKind.MA_CREATE,
        OrderKind.MA_REORGANIZE,
        OrderKind.MA_LIQUIDATE,
        OrderKind.HEAD_CONFIRM,
    }
)


def _unprefixed(error: ValidationError, prefix: str) -> ValidationError:
    """The MA services name an order's fields ``order_date``…; the orders page names them
    ``date``…"""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {name.removeprefix(prefix): problems for name, problems in error.error_dict.items()}
    )


@transaction.atomic
def order_record(
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
) -> Order:
    """An order entered on the school's orders page, and what it does to its MA: an order
    creating the MA becomes its creating order (DOC-1 of its register); one liquidating it
    liquidates it (GEN-8); one confirming a head confirms the head term running on its date
    (DOC-2). An order of those kinds names its MA."""
    require(actor, "manage_school", school)
    if kind not in OrderKind.values:
        raise ValidationError({"kind": _("Choose the kind of the order.")})
    if kind in ABOUT_AN_MA and association is None:
        raise ValidationError({"association": _("Choose the MA this order is about.")})
    if association is not None and association.school_id != school.pk:
        raise ValidationError({"association": _("The MA belongs to another school.")})
    if kind == OrderKind.MA_LIQUIDATE and association is not None:
        from usul.associations.services import association_liquidate

        try:
            order = association_liquidate(
                actor=actor,
                association=association,
                order_date=date,
                order_number=number,
                order_proposed_by=proposed_by,
                order_signed_by=signed_by,
            )
        except ValidationError as error:
            raise _unprefixed(error, "order_") from None
        if text:
            order_update(
                actor=actor,
                order=order,
                date=order.date,
                number=order.number,
                proposed_by=proposed_by,
                signed_by=signed_by,
                text=text,
            )
        return order
    if kind == OrderKind.MA_CREATE and association is not None and association.created_by:
        raise ValidationError(
            {
                "association": _(
                    "%(ma)s already has its creating order (%(order)s): correct that order "
                    "instead of recording a second one."
                )
                % {"ma": association.name, "order": association.created_by}
            }
        )
    term = None
    if kind == OrderKind.HEAD_CONFIRM and association is not None and date is not None:
        term = _head_term_to_confirm(association, date)
    order = order_create(
        actor=actor,
        school=school,
        kind=kind,
        date=date,
        number=number,
        association=association,
        proposed_by=proposed_by,
        signed_by=signed_by,
        text=text,
    )
    if kind == OrderKind.MA_CREATE and association is not None:
        association.created_by = order
        save_with_history(association, actor, ["created_by"])
    if term is not None:
        term.order = order
        save_with_history(term, actor, ["order"])
    return order


def _head_term_to_confirm(association: Association, date: dt.date):
    """ORG-1, DOC-2: the head term running on the order's date, which no order confirms yet."""
    running = [
        t
        for t in association.heads.select_related("staff", "order")
        if t.start <= date and (t.end is None or t.end >= date)
    ]
    if not running:
        raise ValidationError(
            {
                "association": _(
                    "%(ma)s has no head on %(date)s: record the head on the MA's page (the "
                    "election, or this order), then the order confirms that head."
                )
                % {"ma": association.name, "date": format_date(date)}
            }
        )
    term = running[-1]
    if term.order_id is not None:
        raise ValidationError(
            {
                "association": _(
                    "The head of %(ma)s on %(date)s is already confirmed by the order %(order)s."
                )
                % {"ma": association.name, "date": format_date(date), "order": term.order}
            }
        )
    return term


# --- The methodological council's decisions (GEN-4, GEN-6) -------------------------------


def _check_associations(school: School, associations) -> list:
    associations = list(associations)
    if any(a.school_id != school.pk for a in associations):
        raise ValidationError({"associations": _("An MA belongs to another school.")})
    return associations


def _check_in_year(year: SchoolYear, date: dt.date) -> None:
    # A year is prepared from the August before it (SchoolYear.window_start): the council
    # meets in late August for the coming year.
    if not year.in_window(date):
        raise ValidationError(
            {
                "date": _(
                    "The date %(date)s is outside the school year %(year)s (from %(start)s to "
                    "%(end)s)."
                )
                % {
                    "date": format_date(date),
                    "year": year.key,
                    "start": format_date(year.window_start),
                    "end": format_date(year.end),
                }
            }
        )


@transaction.atomic
def council_decision_create(
    *,
    actor: Viewer,
    school: School,
    year: SchoolYear | None,
    date: dt.date | None,
    text: str,
    associations=(),
    key: str = "",
) -> CouncilDecision:
    """GEN-4, GEN-6: the methodological council approves the MAs' directions of work and their
    number; a decision names the MAs it approves."""
    require(actor, "manage_school", school)
    year = given(year, field="year", label=_("School year"))
    if year.school_id != school.pk:
        raise ValidationError({"year": _("The school year belongs to another school.")})
    date = given(date, field="date", label=_("Date of the decision"))
    required(text.strip(), field="text", label=_("Text of the decision"))
    require_within("text", _("Text of the decision"), text, text_limits.PAGES)
    _check_in_year(year, date)
    chosen = _check_associations(school, associations)
    if key:
        check_key(key)
        if CouncilDecision.objects.filter(school=school, key=key).exists():
            raise ValidationError({"key": _("The key “%(key)s” is taken.") % {"key": key}})
    else:
        key = unique_key(CouncilDecision, school, f"cd-{year.start:%Y}")
    decision = CouncilDecision(school=school, key=key, year=year, date=date, text=text.strip())
    save_with_history(decision, actor)
    decision.associations.set(chosen)
    return decision


@transaction.atomic
def council_decision_update(
    *,
    actor: Viewer,
    decision: CouncilDecision,
    date: dt.date | None,
    text: str,
    associations=(),
) -> CouncilDecision:
    require(actor, "manage_school", decision)
    date = given(date, field="date", label=_("Date of the decision"))
    required(text.strip(), field="text", label=_("Text of the decision"))
    require_within("text", _("Text of the decision"), text, text_limits.PAGES)
    _check_in_year(decision.year, date)
    chosen = _check_associations(decision.school, associations)
    changed = [
        name
        for name, value in (("date", date), ("text", text.strip()))
        if getattr(decision, name) != value
    ]
    same_mas = {a.pk for a in chosen} == set(decision.associations.values_list("pk", flat=True))
    if not changed and same_mas:
        return decision
    decision.date, decision.text = date, text.strip()
    # A change of the MAs alone still leaves a history row naming who made it.
    save_with_history(decision, actor, changed or ["updated_at"])
    if not same_mas:
        decision.associations.set(chosen)
    return decision


@transaction.atomic
def council_decision_remove(*, actor: Viewer, decision: CouncilDecision) -> None:
    """A decision recorded by mistake; its history keeps what it said and who removed it."""
    require(actor, "manage_school", decision)
    delete_with_history(decision, actor)


# --- The district office's instructions (FUNC-1), entered by the school ------------------


def _check_targets(school: School, targets_all: bool, subjects) -> list:
    subjects = list(subjects)
    if any(s.school_id != school.pk for s in subjects):
        raise ValidationError({"subjects": _("A subject belongs to another school.")})
    if not targets_all and not subjects:
        raise ValidationError(
            {
                "subjects": _(
                    "Say whom the instruction is for: all subjects, or the subjects it names."
                )
            }
        )
    return [] if targets_all else subjects


@transaction.atomic
def instruction_create(
    *,
    actor: Viewer,
    school: School,
    year: SchoolYear | None,
    date: dt.date | None,
    title: str,
    number: str = "",
    targets_all: bool = True,
    subjects=(),
    key: str = "",
) -> DistrictInstruction:
    """FUNC-1: an instruction of the district (city) methodological office, entered by the
    school when its district does not keep them in Usul; the MAs' plans reflect it (ORG-2)."""
    require(actor, "manage_school", school)
    year = given(year, field="year", label=_("School year"))
    if year.school_id != school.pk:
        raise ValidationError({"year": _("The school year belongs to another school.")})
    date = given(date, field="date", label=_("Date of the instruction"))
    required(title.strip(), field="title", label=_("What the instruction says"))
    require_within("title", _("What the instruction says"), title, text_limits.PARAGRAPH)
    chosen = _check_targets(school, targets_all, subjects)
    if key:
        check_key(key)
        if DistrictInstruction.objects.filter(school=school, key=key).exists():
            raise ValidationError({"key": _("The key “%(key)s” is taken.") % {"key": key}})
    else:
        key = unique_key(DistrictInstruction, school, f"di-{year.start:%Y}")
    instruction = DistrictInstruction(
        school=school,
        key=key,
        year=year,
        number=number.strip(),
        date=date,
        title=title.strip(),
        targets_all=targets_all,
    )
    save_with_history(instruction, actor)
    instruction.target_subjects.set(chosen)
    return instruction


@transaction.atomic
def instruction_update(
    *,
    actor: Viewer,
    instruction: DistrictInstruction,
    date: dt.date | None,
    title: str,
    number: str = "",
    targets_all: bool = True,
    subjects=(),
) -> DistrictInstruction:
    require(actor, "manage_school", instruction)
    date = given(date, field="date", label=_("Date of the instruction"))
    required(title.strip(), field="title", label=_("What the instruction says"))
    require_within("title", _("What the instruction says"), title, text_limits.PARAGRAPH)
    chosen = _check_targets(instruction.school, targets_all, subjects)
    changes = {
        "date": date,
        "title": title.strip(),
        "number": number.strip(),
        "targets_all": targets_all,
    }
    changed = [name for name, value in changes.items() if getattr(instruction, name) != value]
    same_subjects = {s.pk for s in chosen} == set(
        instruction.target_subjects.values_list("pk", flat=True)
    )
    if not changed and same_subjects:
        return instruction
    for name in changed:
        setattr(instruction, name, changes[name])
    save_with_history(instruction, actor, changed or ["updated_at"])
    if not same_subjects:
        instruction.target_subjects.set(chosen)
    return instruction


@transaction.atomic
def instruction_remove(*, actor: Viewer, instruction: DistrictInstruction) -> None:
    """An instruction entered by mistake; a plan that reflected it no longer names it, and its
    history keeps what it said and who removed it."""
    require(actor, "manage_school", instruction)
    delete_with_history(instruction, actor)
