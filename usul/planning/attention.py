"""Home-page items of the planning app (``usul.lib.attention``).

- A deputy director sees the plans waiting for their approval (ORG-2) — those of the MAs
  they supervise (of every MA without a supervisor), never the plan of an MA they head.
- An MA head sees their returned plans with the deputy's comment, and the plan items of
  their MAs due this week (Monday to Sunday); anyone responsible for an item sees it too.

Three queries at most, whatever the number of plans and items.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from usul.accounts.policy import visible
from usul.associations.models import Supervision
from usul.lib.attention import Attention
from usul.planning.models import (
    PlanEvent,
    PlanEventKind,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    WorkPlan,
)


def _plan_url(plan: WorkPlan) -> str:
    association = plan.association
    return reverse("planning:plan", args=[association.school.key, association.key, plan.year.key])


def for_viewer(viewer) -> list[Attention]:
    if viewer.school_id is None or viewer.staff is None:
        return []
    items: list[Attention] = []
    plans = visible(viewer, WorkPlan.objects.filter(association__school_id=viewer.school_id))
    plans = plans.select_related("association__school", "year")

    if viewer.is_deputy:
        # ORG-2, GEN-9: a plan waits for the deputy the MA is subordinate to today; for every
        # deputy only when the MA has no supervisor (the same people ``plan_submit`` tells).
        today = viewer.today
        on_duty = Supervision.objects.filter(
            Q(end__isnull=True) | Q(end__gte=today),
            association=OuterRef("association"),
            start__lte=today,
        )
        waiting = (
            plans.filter(status=PlanStatus.SUBMITTED)
            .exclude(association_id__in=viewer.headed_association_ids)
            .annotate(supervised=Exists(on_duty), mine=Exists(on_duty.filter(staff=viewer.staff)))
            .filter(Q(mine=True) | Q(supervised=False))
        )
        for plan in waiting.order_by("updated_at"):
            items.append(
                Attention(
                    text=_("The work plan of %(ma)s for %(year)s waits for your approval.")
                    % {"ma": plan.association.name, "year": plan.year.key},
                    url=_plan_url(plan),
                    severity="warning",
                )
            )

    if viewer.headed_association_ids:
        returned = list(
            plans.filter(
                status=PlanStatus.RETURNED, association_id__in=viewer.headed_association_ids
            )
        )
        comments: dict[int, str] = {}
        for event in PlanEvent.objects.filter(
            plan__in=returned, kind=PlanEventKind.RETURNED
        ).order_by("at", "id"):
            comments[event.plan_id] = event.comment  # the latest wins
        for plan in returned:
            items.append(
                Attention(
                    text=_(
                        "The work plan of %(ma)s for %(year)s was returned for revision: "
                        "%(comment)s"
                    )
                    % {
                        "ma": plan.association.name,
                        "year": plan.year.key,
                        "comment": comments.get(plan.pk, ""),
                    },
                    url=_plan_url(plan),
                    severity="warning",
                )
            )

    monday = viewer.today - dt.timedelta(days=viewer.today.weekday())
    sunday = monday + dt.timedelta(days=6)
    due = visible(
        viewer,
        PlanItem.objects.filter(
            plan__association__school_id=viewer.school_id,
            status=PlanItemStatus.PLANNED,
            date__range=(monday, sunday),
        ),
    ).filter(
        Q(plan__association_id__in=viewer.headed_association_ids)
        | Q(responsible_id=viewer.staff.pk)
    )
    for item in due.select_related("plan__association__school", "plan__year").order_by(
        "date", "id"
    ):
        items.append(
            Attention(
                text=_("%(kind)s this week in %(ma)s: %(title)s")
                % {
                    "kind": capfirst(item.get_kind_display()),
                    "ma": item.plan.association.name,
                    "title": item.title,
                },
                url=_plan_url(item.plan) + f"#m-{item.month}",
                date=item.date,
            )
        )
    return items
