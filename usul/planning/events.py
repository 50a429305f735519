"""How a plan event reads, in the reader's language (the plan's history and "what changed").

Events store codes (field names, the item's title), never sentences, so a Kyrgyz and a Russian
reader each read the same history in their own language.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from usul.planning.models import PlanEvent, PlanEventKind, PlanItem, WorkPlan

# The fields an editor can change, and the model that names them.
PLAN_FIELDS = (
    "theme",
    "goal",
    "directions",
    "tasks",
    "reflects_school_theme",
    "reflects_instructions",
)
ITEM_FIELDS = ("month", "date", "kind", "title", "responsible", "expected_result", "audience")


def field_labels(model, names) -> str:
    """The fields' names as the form shows them, joined: "goal, tasks"."""
    return ", ".join(str(model._meta.get_field(name).verbose_name) for name in names)


def who(event: PlanEvent) -> str:
    if event.actor is None:
        return _("someone")
    staff = event.actor.staff
    return staff.short_name if staff is not None else event.actor.username


def when(event: PlanEvent) -> str:
    return date_format(timezone.localtime(event.at), "d.m.Y H:i")


def describe(event: PlanEvent) -> str:
    """What the event did, as a short phrase: "changed goal, tasks"."""
    detail = event.detail or {}
    title = detail.get("title", "")
    kind = event.kind
    if kind == PlanEventKind.CREATED:
        return _("started the plan")
    if kind == PlanEventKind.EDITED:
        return _("changed %(fields)s") % {
            "fields": field_labels(WorkPlan, detail.get("fields", []))
        }
    if kind == PlanEventKind.ITEM_ADDED:
        return _("added the item «%(title)s»") % {"title": title}
    if kind == PlanEventKind.ITEM_CHANGED:
        return _("changed the item «%(title)s»: %(fields)s") % {
            "title": title,
            "fields": field_labels(PlanItem, detail.get("fields", [])),
        }
    if kind == PlanEventKind.ITEM_REMOVED:
        return _("removed the item «%(title)s»") % {"title": title}
    if kind == PlanEventKind.ITEM_RECORDED:
        return _("recorded the result of «%(title)s»") % {"title": title}
    if kind == PlanEventKind.SUBMITTED:
        return _("submitted version %(version)s for approval") % {"version": event.version}
    if kind == PlanEventKind.RETURNED:
        return _("returned version %(version)s for revision") % {"version": event.version}
    if kind == PlanEventKind.APPROVED:
        return _("approved version %(version)s") % {"version": event.version}
    if kind == PlanEventKind.REVISED:
        return _("started version %(version)s") % {"version": event.version}
    return event.get_kind_display()


def sentence(event: PlanEvent) -> str:
    """ "Асанова А. (14.10.2025 09:12) changed goal, tasks"."""
    return _("%(who)s (%(when)s) %(what)s") % {
        "who": who(event),
        "when": when(event),
        "what": describe(event),
    }
