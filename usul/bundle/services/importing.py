"""``bundle_import`` and ``bundle_preview``: a school bundle (BUNDLE.md) into this installation.

``bundle_import`` is all or nothing: the bundle is validated first and nothing is written when
any error exists; otherwise one transaction brings the school to what the bundle says.

- Keyed records (years, subjects, staff, orders, council decisions, instructions, MAs,
  meetings, open lessons, register entries) are matched by the school's own ``key``: an existing
  one is updated in place, a new one created. A keyed record the installation has but the bundle
  does not is **kept** and reported: deleting a person or a meeting with its minutes because a
  file left it out would lose data the bundle does not carry (user accounts, minutes,
  notifications) and cannot be undone.
- Rows without keys (positions, employment, memberships, head terms, plan items, attendance,
  resolutions, observations, …) are matched so that the result equals the bundle: a row equal
  to one in the bundle is left untouched (its history stays quiet), a changed one is updated in
  place, a missing one created, a row the bundle no longer lists deleted.
- Writes go in bulk, a fixed number of queries per record kind however large the school; the
  change history of every created or changed record is written at the end with the actor.
- Orders and MAs refer to each other (an MA's creating order names the MA): keyed records are
  written first and the links that point forward are set after.

The bundle also carries what Usul records beyond BUNDLE.md — minutes, plan versions and steps,
participants and materials, observation forms and scores, visits… — as the project's own
**extension fields** (docs/bundle-extensions.md), so that moving a school loses nothing:

- the export adds an extension field to a BUNDLE.md record only when it holds something (a
  school without them exports exactly as BUNDLE.md says); records that are extensions through
  and through (a plan's versions, an observation form) are written whole;
- on import an extension field the bundle leaves out is **not touched** (a new record gets the
  default), like keyed records the bundle lacks; one it gives is made equal to it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from usul.accounts.policy import Viewer, require
from usul.bundle.services.analyses import import_analyses
from usul.bundle.services.associations import (
    import_associations,
    import_heads,
    import_supervisors_and_members,
)
from usul.bundle.services.council_decisions import import_council_decisions
from usul.bundle.services.district_instructions import import_district_instructions
from usul.bundle.services.documents import import_documents
from usul.bundle.services.ktu import import_ktu
from usul.bundle.services.meetings import import_meetings, link_meeting_plan_items
from usul.bundle.services.observations import import_templates, import_visits
from usul.bundle.services.open_lessons import import_open_lessons
from usul.bundle.services.orders import import_orders
from usul.bundle.services.plans import import_plans
from usul.bundle.services.reconciler import Reconciler
from usul.bundle.services.school import import_school, import_years_and_subjects
from usul.bundle.services.staff import import_staff
from usul.bundle.services.summary import ImportSummary
from usul.bundle.services.values import _moment
from usul.bundle.validation import BundleInvalid, validate
from usul.schools.models import School


def _school_named(data) -> School | None:
    """The school ``data`` names, if this installation has it (before ``validate``: any input)."""
    school = data.get("school") if isinstance(data, dict) else None
    key = school.get("key") if isinstance(school, dict) else None
    return School.objects.filter(key=key).first() if isinstance(key, str) else None


def _history_user(actor: Viewer):
    """The log-in the change history names; none for Usul's own tools."""
    return actor.user if getattr(actor.user, "is_authenticated", False) else None


@transaction.atomic
def bundle_import(*, actor: Viewer, data: dict, delete_newer: bool = False) -> ImportSummary:
    """Bring the bundle's school to what ``data`` says, in one transaction (BUNDLE.md).

    Only an administrator imports (``import_bundle``): a bundle replaces a school's records.
    An invalid bundle raises ``BundleInvalid`` with every error before the database is touched.
    Rows recorded here after the bundle was exported are deleted only with ``delete_newer``
    (the ticked box of the preview, ``--delete-newer``); otherwise they stay and are reported.
    """
    require(actor, "import_bundle", _school_named(data))
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    return BundleImport(data, _history_user(actor), delete_newer=delete_newer).run()


class _Rollback(Exception):
    def __init__(self, summary: ImportSummary):
        self.summary = summary


def bundle_preview(*, actor: Viewer, data: dict) -> ImportSummary:
    """What ``bundle_import`` would create, update, delete or leave — computed, then rolled back.

    Running the real import and undoing it is the only way the preview cannot disagree with
    what confirming will do. Refuses and raises ``BundleInvalid`` like the import.
    """
    require(actor, "import_bundle", _school_named(data))
    errors = validate(data)
    if errors:
        raise BundleInvalid(errors)
    try:
        with transaction.atomic():
            raise _Rollback(BundleImport(data, _history_user(actor)).run())
    except _Rollback as done:
        return done.summary


class BundleImport(Reconciler):
    """One run of the import: the sections in the bundle's order, each made equal to it."""

    def __init__(self, data: dict, actor_user, *, delete_newer: bool = False):
        super().__init__(
            ImportSummary(school=data["school"]["key"]),
            actor_user,
            timezone.now(),
            exported_at=_moment(data["exported_at"]) if data.get("exported_at") else None,
            delete_newer=delete_newer,
        )
        self.data = data

    def run(self) -> ImportSummary:
        self.school = import_school(self)
        import_years_and_subjects(self)
        import_staff(self)
        # Orders and MAs point at each other: orders first, linked to the MAs that exist
        # already; then the MAs, and the orders of MAs new in this bundle are linked.
        import_orders(self)
        import_associations(self)
        import_council_decisions(self)
        import_district_instructions(self)
        import_templates(self)
        # The MAs' sections: meetings before head terms (a head is elected at a meeting,
        # ORG-1), plans before the open lessons and meetings scheduled from their items.
        import_supervisors_and_members(self)
        import_meetings(self)
        import_heads(self)
        import_plans(self)
        link_meeting_plan_items(self)
        import_open_lessons(self)
        import_analyses(self)
        import_ktu(self)
        import_documents(self)
        import_visits(self)
        self.write_history()
        return self.summary

    def school_rows(self, name: str) -> dict:
        """The school as the owner of a top-level extension list — only when the bundle gives
        the list: one it leaves out is not touched."""
        return {self.school.pk: self.school.key} if name in self.data else {}
