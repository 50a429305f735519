"""A destructive action asks first, on a page of its own.

Ending a membership, cancelling a meeting or an open lesson, liquidating an MA, turning off a
calendar address, removing a plan item: the button that starts one is a link to the action's
own address. Asked with GET, that address answers this confirmation page — what will end, who
can reopen it — and its form sends POST to the same address, which does it. No JavaScript is
needed, a reload shows the question again, and a stray tap changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@dataclass
class Confirmation:
    question: str  # the page's heading: "Cancel meeting No. 3 of 14.10.2025?"
    button: str  # what the confirming button says: "Cancel the meeting"
    back: str  # where "keep it" returns: the page the action was started from
    ends: list[str] = field(default_factory=list)  # what will end, one line each
    keeps: list[str] = field(default_factory=list)  # what one might fear ends, but stays
    after: str = ""  # what can be done afterwards: who may reopen it, or make a new one
    form: Form | None = None  # the fields the action needs (a last day, an order)


def confirm_page(
    request: HttpRequest, confirmation: Confirmation, *, school=None, status: int = 200
) -> HttpResponse:
    """The confirmation page; ``status`` 400 when it comes back with the form's errors."""
    return render(
        request, "confirm.html", {"confirm": confirmation, "school": school}, status=status
    )
