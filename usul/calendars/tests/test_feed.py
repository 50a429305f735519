"""The private iCalendar feed: made and shown once, read without a log-in, revocable."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from usul.calendars.models import CalendarFeed
from usul.meetings.models import MeetingStatus
from usul.testing import factories as f

NEW = reverse("calendars:feed_new")
REVOKE = reverse("calendars:feed_revoke")


def make_address(client, user) -> str:
    """Log in, press "Make my address" (with htmx, as the page does), read the shown address."""
    client.force_login(user)
    answer = client.post(NEW, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in answer  # only the feed box is swapped
    url = re.search(r'value="(https?://[^/"]+)(/calendar/feed/[^"]+\.ics)"', answer)
    client.logout()
    return url.group(2)


def read_feed(client, path) -> icalendar.Calendar:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def month(ma_year):
    """Events around today (the feed reads at the real date)."""
    y = ma_year
    today = timezone.localdate()
    meeting = f.make_meeting(
        y.ma, date=today + dt.timedelta(days=7), number=3, status=MeetingStatus.SCHEDULED
    )
    called_off = f.make_meeting(
        y.ma, date=today + dt.timedelta(days=9), status=MeetingStatus.CANCELLED
    )
    lesson = f.make_open_lesson(y.ma, teacher=y.colleague, date=today, visitors=[y.member])
    theirs = f.make_open_lesson(y.ma, teacher=y.colleague, date=today)
    due = f.make_resolution(meeting, responsible=y.member, due=today + dt.timedelta(days=20))
    not_mine = f.make_resolution(meeting, responsible=y.head, due=today + dt.timedelta(days=20))
    return {
        "meeting": meeting,
        "called_off": called_off,
        "lesson": lesson,
        "theirs": theirs,
        "due": due,
        "not_mine": not_mine,
    }


def test_the_feed_holds_exactly_my_events_as_all_day_kyrgyz_entries(
    client, ma_year, month, outsider_school
):
    y = ma_year
    member = f.make_user(y.member)
    path = make_address(client, member)

    calendar = read_feed(client, path)  # no log-in needed
    events = events_of(calendar)

    m = month["meeting"]
    assert set(events) == {
        f"meeting-sch-17-{m.key}@usul",
        f"meeting-sch-17-{month['called_off'].key}@usul",
        f"open-lesson-sch-17-{month['lesson'].key}@usul",
        f"resolution-sch-17-{m.key}-{month['due'].number}@usul",
    }
    meeting = events[f"meeting-sch-17-{m.key}@usul"]
    assert meeting.decoded("DTSTART") == m.date and not isinstance(
        meeting.decoded("DTSTART"), dt.datetime
    )  # an all-day event: school dates are plain dates
    assert meeting.decoded("DTEND") == m.date + dt.timedelta(days=1)
    assert str(meeting["SUMMARY"]) == "Усулдук бирикменин №3 отуруму"
    assert str(meeting["LOCATION"]) == "Табигый цикл"
    assert str(events[f"meeting-sch-17-{month['called_off'].key}@usul"]["STATUS"]) == "CANCELLED"
    lesson = events[f"open-lesson-sch-17-{month['lesson'].key}@usul"]
    assert "Мен катышам" in str(lesson["DESCRIPTION"])
    assert str(calendar["X-WR-CALNAME"]) == "Usul: менин календарым"

    # The same feed read again names the same events the same way (a phone updates, not adds).
    assert set(events_of(read_feed(client, path))) == set(events)

    # Another person's feed never shows my events, nor mine theirs.
    head_events = events_of(read_feed(client, make_address(client, f.make_user(y.head))))
    assert f"resolution-sch-17-{m.key}-{month['not_mine'].number}@usul" in head_events
    assert f"resolution-sch-17-{m.key}-{month['due'].number}@usul" not in head_events
    assert f"open-lesson-sch-17-{month['lesson'].key}@usul" not in head_events
    outsider = f.make_user(f.make_staff(outsider_school))
    assert events_of(read_feed(client, make_address(client, outsider))) == {}


def test_it_speaks_the_owners_language(client, ma_year, month):
    path = make_address(client, f.make_user(ma_year.member, language="ru"))
    events = events_of(read_feed(client, path))
    summary = str(events[f"meeting-sch-17-{month['meeting'].key}@usul"]["SUMMARY"])
    assert summary == "Заседание МО №3"


def test_it_reaches_a_year_back_and_a_year_ahead(client, ma_year):
    y = ma_year
    today = timezone.localdate()
    inside = [today - dt.timedelta(days=366), today + dt.timedelta(days=366)]
    outside = [today - dt.timedelta(days=367), today + dt.timedelta(days=367)]
    keys = {
        day: f.make_meeting(y.ma, date=day, status=MeetingStatus.SCHEDULED).key
        for day in inside + outside
    }
    events = events_of(read_feed(client, make_address(client, f.make_user(y.member))))
    assert set(events) == {f"meeting-sch-17-{keys[day]}@usul" for day in inside}


def test_only_a_hash_is_kept_and_a_new_address_closes_the_old(client, ma_year, month):
    member = f.make_user(ma_year.member)
    old = make_address(client, member)
    token = old.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43
    stored = CalendarFeed.objects.get(user=member)
    assert token not in stored.token_hash and stored.revoked_at is None

    new = make_address(client, member)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.filter(user=member, revoked_at=None).count() == 1


def test_a_revoked_or_unknown_or_disabled_address_is_not_found(client, ma_year, month):
    member = f.make_user(ma_year.member)
    path = make_address(client, member)

    client.force_login(member)
    page = client.post(REVOKE, follow=True).content.decode()
    assert "Календарыңыздын дареги өчүрүлдү." in page
    assert "Дарегимди түзүү" in page  # the page offers to make one again
    client.logout()
    assert client.get(path).status_code == 404
    assert client.get(reverse("calendars:feed", args=["x" * 43])).status_code == 404

    path = make_address(client, member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert client.get(path).status_code == 404


def test_without_htmx_the_address_is_shown_on_the_whole_page_once(client, ma_year):
    member = f.make_user(ma_year.member)
    client.force_login(member)
    page = client.post(NEW).content.decode()
    shown = re.findall(r"/calendar/feed/[\w-]{43}\.ics", page)
    assert "<html" in page and shown and "webcal://testserver" + shown[0] in page
    # The calendar page read later does not show it again.
    later = client.get(reverse("calendars:mine")).content.decode()
    assert not re.findall(r"/calendar/feed/[\w-]{43}\.ics", later)
    assert "Жаңы дарек түзүү" in later and "Даректи өчүрүү" in later


def test_making_and_revoking_need_a_log_in_and_a_post(client):
    assert client.post(NEW).status_code == 302
    assert client.post(REVOKE).status_code == 302


def test_links_in_the_feed_use_the_configured_address_not_the_requests_host(
    client, ma_year, month, settings
):
    settings.USUL_BASE_URL = "https://usul.school17.kg"
    # Even on an installation told to answer any host name (USUL_ALLOWED_HOSTS=*).
    settings.ALLOWED_HOSTS = ["*"]
    path = make_address(client, f.make_user(ma_year.member))
    response = client.get(path, headers={"Host": "evil.example"})
    links = [str(e["URL"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]
    assert links and all(link.startswith("https://usul.school17.kg/") for link in links)
    assert "evil.example" not in response.content.decode()


def test_without_a_configured_address_the_feed_offers_no_links(client, ma_year, month, settings):
    settings.USUL_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["*"]
    path = make_address(client, f.make_user(ma_year.member))
    response = client.get(path, headers={"Host": "evil.example"})
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VEVENT")
    assert all("URL" not in e for e in calendar.walk("VEVENT"))
    assert "evil.example" not in response.content.decode()
