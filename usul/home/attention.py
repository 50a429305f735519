"""The home page's attention list: every provider's items, long lists folded.

The apps that have something to say are listed in ``PROVIDERS`` (each offers
``usul/<app>/attention.py`` with ``for_viewer(viewer) -> list[Attention]``); this module stands
above them all, so none of them imports it.
"""

from __future__ import annotations

from importlib import import_module

from django.urls import reverse

from usul.lib.attention import SEVERITY_ORDER, SHOWN, Attention

# Apps asked for attention items, in the order their items appear.
PROVIDERS = [
    "usul.compliance",
    "usul.planning",
    "usul.meetings",
    "usul.lessons",
    "usul.rights",
    "usul.mentoring",
    "usul.people",
    "usul.notifications",
]


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
    url = f"{reverse('home:home')}?more={label}#attention-title"
    return Attention(text="", url=url, severity=severity, more=len(hidden))
