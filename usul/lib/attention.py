"""One item that needs a person's attention, as every app's home-page provider returns it.

Each app that has something to say offers ``usul/<app>/attention.py`` with a function
``for_viewer(viewer) -> list[Attention]``; ``usul.home.attention`` asks them and folds long
lists. Providers must cost a fixed number of queries, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass

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
