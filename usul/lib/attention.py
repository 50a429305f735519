"""What needs a person's attention, for their home page.

Each app that has something to say offers ``usul/<app>/attention.py`` with a function
``for_viewer(viewer) -> list[Attention]``; the home page lists the apps in ``PROVIDERS`` and
shows what they return. Providers must cost a fixed number of queries, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

# Apps asked for attention items, in the order their items appear.
PROVIDERS = [
    "usul.compliance",
    "usul.planning",
    "usul.meetings",
    "usul.lessons",
    "usul.notifications",
]


@dataclass(frozen=True)
class Attention:
    text: str  # already translated into the viewer's language
    url: str = ""
    severity: str = "info"  # info | warning | violation
    date: object = None  # a due date or event date, when there is one


def attention_for(viewer) -> list[Attention]:
    items: list[Attention] = []
    for app in PROVIDERS:
        try:
            module = import_module(f"{app}.attention")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.attention":
                raise
            continue
        items.extend(module.for_viewer(viewer))
    return items
