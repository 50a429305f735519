"""What needs a person's attention, for their home page.

Each app that has something to say offers ``usul/<app>/attention.py`` with a function
``for_viewer(viewer) -> list[Attention]``; the home page lists the apps in ``PROVIDERS`` and
shows what they return. Providers must cost a fixed number of queries, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from django.urls import reverse

# Apps asked for attention items, in the order their items appear.
PROVIDERS = [
    "usul.compliance",
    "usul.planning",
    "usul.meetings",
    "usul.lessons",
    "usul.notifications",
]


# A phone shows a few items of each app; the rest fold into one "…and N more" line that opens
# them all on the same page (``?more=<app>``). A fold stands for two items at least: a list one
# longer than SHOWN is shown whole.
SHOWN = 5
SEVERITY_ORDER = ("info", "warning", "violation")


@dataclass(frozen=True)
class Attention:
    text: str  # already translated into the viewer's language
    url: str = ""
    severity: str = "info"  # info | warning | violation
    date: object = None  # a due date or event date, when there is one
    more: int = 0  # a fold: how many items it stands for (the home page words it)


def attention_for(viewer, *, expand: str = "") -> list[Attention]:
    """Every provider's items in ``PROVIDERS`` order, each app's folded after ``SHOWN`` unless
    ``expand`` names the app (its label, e.g. "lessons")."""
    items: list[Attention] = []
    for app in PROVIDERS:
        try:
            module = import_module(f"{app}.attention")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.attention":
                raise
            continue
        label = app.rsplit(".", 1)[-1]
        found = module.for_viewer(viewer)
        if label != expand and len(found) > SHOWN + 1:
            found = [*found[:SHOWN], _fold(found[SHOWN:], label)]
        items.extend(found)
    return items


def _fold(hidden: list[Attention], label: str) -> Attention:
    # The fold is as urgent as the most urgent item it hides: a late resolution still shows.
    severity = max((i.severity for i in hidden), key=SEVERITY_ORDER.index)
    url = f"{reverse('accounts:home')}?more={label}#attention-title"
    return Attention(text="", url=url, severity=severity, more=len(hidden))
