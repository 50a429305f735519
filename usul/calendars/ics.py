"""The private feed as an iCalendar document (RFC 5545), built with the ``icalendar`` package.

School dates are plain dates, so every event is an all-day event (``DTSTART;VALUE=DATE``, with
the exclusive ``DTEND`` the day after). UIDs come from the school's keys, so a phone that
refreshes the feed updates its events instead of adding copies. Texts are in the owner's
language (Kyrgyz unless they chose another).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from usul.calendars.selectors import CalendarEvent


def feed_document(
    events: Iterable[CalendarEvent], *, name: str, base_url: str, language: str
) -> bytes:
    document = icalendar.Calendar()
    document.add("prodid", "-//Usul//Methodological service//KY")
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("method", "PUBLISH")
    document.add("x-wr-calname", name)
    # Phones poll a subscription; twice a day is plenty for a school's plan and spares traffic.
    document.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    document.add("x-published-ttl", "PT12H")
    now = timezone.now()
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", event.uid)
        entry.add("dtstamp", event.changed or now)
        entry.add("dtstart", event.day)
        entry.add("dtend", event.day + dt.timedelta(days=1))
        entry.add("summary", _summary(event))
        entry.add("description", f"{event.association} · {event.note}")
        entry.add("location", event.association)
        entry.add("transp", "TRANSPARENT")  # all-day school events do not block the phone's time
        # Without a configured address there is no link a phone could open: leave it out.
        if event.url and base_url:
            entry.add("url", f"{base_url}{event.url}")
        entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
        if language:
            entry["summary"].params["LANGUAGE"] = language
        document.add_component(entry)
    return document.to_ical()


def _summary(event: CalendarEvent) -> str:
    status = event.status
    return f"{event.title} — {status}" if status else event.title
