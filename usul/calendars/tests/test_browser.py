"""On a phone (360 px): my notifications, read with one tap, and my month as a list of days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.meetings.models import MeetingStatus
from usul.notifications.models import NotificationKind
from usul.notifications.services import notify
from usul.testing import factories as f


@pytest.mark.browser
def test_a_teacher_reads_a_notification_and_takes_the_calendar_to_the_phone(
    page, transactional_db, ma_year
):
    y = ma_year
    f.make_user(y.member, username="taalai")
    today = timezone.localdate()
    meeting_day = today.replace(day=1) + dt.timedelta(days=14)
    meeting = f.make_meeting(y.ma, date=meeting_day, number=4, status=MeetingStatus.SCHEDULED)
    for day in ("2025-10-14", "2025-11-11"):
        notify(
            kind=NotificationKind.MEETING_SCHEDULED,
            recipients=[y.member],
            url="/calendar/",
            params={"association": "Табигый цикл", "date": day},
        )

    browser_login(page, "taalai")
    badge = page.locator("#unread-badge")
    assert badge.inner_text() == "2"

    page.click("nav.main a[href='/notifications/']")
    page.wait_for_url("**/notifications/")
    assert page.locator("li.notification.unread").count() == 2
    page.locator("li.notification.unread").first.get_by_role("button").click()
    expect(badge).to_have_text("1")  # updated in place, no reload
    expect(page.locator("#unread-summary")).to_have_text("1 окулган эмес")
    # The row and the badge are separate swaps: wait for the row too, do not race it.
    expect(page.locator("li.notification.unread")).to_have_count(1)

    page.click("nav.main a[href='/calendar/']")
    page.wait_for_url("**/calendar/")
    assert page.locator(".calendar-weekdays").is_hidden()  # no 7-column grid on a phone
    day = page.locator(f"li.day[data-date='{meeting_day:%Y-%m-%d}']")
    assert day.is_visible() and "Усулдук бирикменин №4 отуруму" in day.inner_text()
    empty = page.locator("li.day.empty:not(.today)")
    assert empty.count() > 0 and all(not empty.nth(i).is_visible() for i in range(3))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sideways

    page.get_by_role("button", name="Дарегимди түзүү").click()
    address = page.locator("input.feed-url")
    address.wait_for()
    feed = page.request.get(address.input_value())
    assert feed.status == 200
    assert f"UID:meeting-sch-17-{meeting.key}@usul" in feed.text()
