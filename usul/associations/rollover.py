"""The year roll-over: carrying the MAs into the next school year.

An MA is not a record of one year: it runs from its creating order to its liquidation (GEN-8),
so the MAs active on the last day of the previous year simply continue, unless an order
liquidates them by the new year's first day. What is dated is who belongs to them, who
supervises them and who heads them (memberships, supervisions, head terms: intervals). A term
that ran on the previous year's last day and was closed at the year's end is carried: a new
term of the same person starts when the new year is prepared (its window: 1 August, when the
MA's first meeting is held — ORG-2) and runs on, with no end.

Nothing is carried twice: a term that runs into the new year already, or whose MA has a later
term of that kind already (someone recorded the new year by hand), is left alone; so a second
run, or a second press of the button, finds nothing left to create. A person no longer on the
school's staff on the new term's first day is not carried, nor a supervisor who is no longer a
deputy director (GEN-9). A carried head has neither an election nor an order: the compliance
check asks for one (HEAD-ASSIGNED, ORG-1, DOC-2) until the MA's first meeting elects them.

``rollover_preview`` says exactly what ``rollover_apply`` will create; the page shows it and the
confirmation carries its fingerprint, so that what is created is what was shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.associations.selectors import is_active, liquidation_order
from usul.lib.dates import format_date
from usul.lib.history import save_with_history
from usul.people.models import DEPUTY_ROLES, Staff
from usul.people.selectors import roles_at
from usul.schools.models import School, SchoolYear

DAY = dt.timedelta(days=1)

MEMBERSHIP, SUPERVISION, HEAD = "membership", "supervision", "head"
KINDS = (MEMBERSHIP, SUPERVISION, HEAD)
KIND_LABELS = {
    MEMBERSHIP: gettext_lazy("Members"),
    SUPERVISION: gettext_lazy("Supervisors"),
    HEAD: gettext_lazy("Heads"),
}
# One carried term: the person's place in the MA.
KIND_ONE = {
    MEMBERSHIP: gettext_lazy("member"),
    SUPERVISION: gettext_lazy("supervisor"),
    HEAD: gettext_lazy("head"),
}
MODELS = {MEMBERSHIP: Membership, SUPERVISION: Supervision, HEAD: HeadTerm}


@dataclass(frozen=True)
class Carry:
    """One term the roll-over creates: ``staff`` in ``association`` from ``start``, no end."""

    kind: str
    association: Association
    staff: Staff
    start: dt.date
    ended: dt.date  # the last day of the term it continues

    @property
    def kind_label(self) -> str:
        return str(capfirst(KIND_ONE[self.kind]))


@dataclass(frozen=True)
class Left:
    """A term that ran on the previous year's last day and is not carried, and why."""

    kind: str
    association: Association
    staff: Staff
    reason: str


@dataclass
class RolloverPreview:
    year: SchoolYear
    previous: SchoolYear | None
    kinds: tuple[str, ...]
    start: dt.date  # the first day of every carried term
    continuing: list[Association] = field(default_factory=list)
    liquidated: list[Association] = field(default_factory=list)
    carries: list[Carry] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)
    running: int = 0  # terms that run into the new year already: nothing to create

    @property
    def fingerprint(self) -> str:
        """The same for the same list of terms to create, whoever asks and whenever."""
        rows = sorted(
            f"{c.kind}|{c.association.key}|{c.staff.key}|{c.start.isoformat()}"
            for c in self.carries
        )
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:32]

    def carries_of(self, association: Association) -> list[Carry]:
        return [c for c in self.carries if c.association.pk == association.pk]


def previous_year(year: SchoolYear) -> SchoolYear | None:
    """The school year that ended last before ``year`` begins."""
    return (
        SchoolYear.objects.filter(school_id=year.school_id, end__lt=year.start)
        .order_by("-start")
        .first()
    )


def _associations(school: School):
    staff = Staff.objects.prefetch_related("positions")
    return (
        Association.objects.filter(school=school)
        .select_related("created_by", "liquidated_by")
        .prefetch_related(
            *(
                Prefetch(
                    name,
                    queryset=MODELS[kind].objects.prefetch_related(
                        Prefetch("staff", queryset=staff)
                    ),
                )
                for kind, name in (
                    (MEMBERSHIP, "members"),
                    (SUPERVISION, "supervisors"),
                    (HEAD, "heads"),
                )
            )
        )
        .order_by("name", "key")
    )


def _terms(association: Association, kind: str) -> list:
    related = {MEMBERSHIP: "members", SUPERVISION: "supervisors", HEAD: "heads"}[kind]
    return sorted(getattr(association, related).all(), key=lambda t: (t.start, t.pk))


def rollover_preview(*, year: SchoolYear, kinds=KINDS) -> RolloverPreview:
    """What carrying the MAs from the previous year into ``year`` creates (nothing is
    written). ``kinds`` chooses among members, supervisors and heads."""
    kinds = tuple(k for k in KINDS if k in set(kinds))
    previous = previous_year(year)
    preview = RolloverPreview(year=year, previous=previous, kinds=kinds, start=year.window_start)
    if previous is None:
        return preview
    last_day = previous.end
    for association in _associations(year.school):
        if not is_active(association, last_day, previous):
            continue
        liquidation = liquidation_order(association)
        if liquidation is not None and liquidation.date <= year.start:
            preview.liquidated.append(association)
            continue
        preview.continuing.append(association)
        for kind in kinds:
            _carry_terms(preview, association, kind, last_day)
    return preview


def _carry_terms(preview: RolloverPreview, association, kind: str, last_day: dt.date) -> None:
    year = preview.year
    terms = _terms(association, kind)
    for term in terms:
        if not term.covers(last_day):
            continue
        if term.end is None or term.end >= year.start:
            preview.running += 1
            continue
        later = [
            t
            for t in terms
            if t.start > term.end and (kind != MEMBERSHIP or t.staff_id == term.staff_id)
        ]
        if later:
            preview.running += 1  # the new year's term is recorded already
            continue
        start = max(preview.start, term.end + DAY)
        roles = roles_at(term.staff, start)
        reason = ""
        if not roles:
            reason = _("holds no position at the school on %(date)s") % {"date": format_date(start)}
        elif kind == SUPERVISION and not roles & DEPUTY_ROLES:
            reason = _("is not a deputy director on %(date)s (GEN-9)") % {
                "date": format_date(start)
            }
        if reason:
            preview.left.append(Left(kind, association, term.staff, reason))
        else:
            preview.carries.append(Carry(kind, association, term.staff, start, term.end))


@transaction.atomic
def rollover_apply(
    *, actor: Viewer, year: SchoolYear, kinds=KINDS, fingerprint: str
) -> list[Carry]:
    """Create what ``rollover_preview`` showed, in one transaction. The ``fingerprint`` of the
    preview that was confirmed must still be the preview's now; when nothing is left to carry
    (a second press, a second run) nothing is created and nothing is refused."""
    require(actor, "configure_school", year)
    # Two confirmations at once wait for each other; the second then finds nothing to carry.
    School.objects.select_for_update().get(pk=year.school_id)
    preview = rollover_preview(year=year, kinds=kinds)
    if not preview.carries:
        return []
    if preview.fingerprint != fingerprint:
        raise ValidationError(
            {
                "fingerprint": _(
                    "What the roll-over would create has changed since it was shown: look at "
                    "the list again before confirming."
                )
            }
        )
    for carry in preview.carries:
        term = MODELS[carry.kind](
            association=carry.association, staff=carry.staff, start=carry.start
        )
        save_with_history(term, actor)
    return preview.carries
