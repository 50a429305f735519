"""The notifications page, its mark-read actions, the nav badge and the home-page items."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from usul.accounts.policy import viewer_for
from usul.notifications import attention
from usul.notifications.models import Notification, NotificationKind
from usul.notifications.services import notify
from usul.testing import factories as f

LIST = reverse("notifications:list")


@pytest.fixture
def reader(school):
    staff = f.make_staff(school, last_name="Асанов", first_name="Таалай")
    return f.make_user(staff, language="ky")


@pytest.fixture
def colleague(school):
    return f.make_user(f.make_staff(school, last_name="Бекова", first_name="Айзада"))


def tell(staff, count, *, kind=NotificationKind.MEETING_SCHEDULED, start=1):
    for number in range(start, start + count):
        notify(
            kind=kind,
            recipients=[staff],
            url="/calendar/",
            params={"association": f"УБ-{number}", "date": f"2025-10-{number % 28 + 1:02d}"},
        )


def shown_associations(html: str) -> list[str]:
    return re.findall(r"«(УБ-\d+)»", html)


def badge(html: str) -> str:
    return re.search(r'<span id="unread-badge"[^>]*>(\d+)</span>', html).group(1)


def test_i_see_only_mine_newest_first_with_the_unread_marked(
    client, reader, colleague, outsider_school
):
    tell(reader.staff, 2)
    notify(  # the one who acted is named; a policy viewer may be passed as the actor
        kind=NotificationKind.MEETING_SCHEDULED,
        recipients=[reader.staff],
        url="/calendar/",
        params={"association": "УБ-3", "date": "2025-10-04"},
        actor=viewer_for(colleague),
    )
    tell(colleague.staff, 1, start=90)
    tell(f.make_staff(outsider_school), 1, start=99)
    Notification.objects.filter(params__association="УБ-1").update(read_at="2025-10-02T10:00Z")

    client.force_login(reader)
    html = client.get(LIST).content.decode()

    assert shown_associations(html) == ["УБ-3", "УБ-2", "УБ-1"]
    assert html.count('class="notification unread"') == 2
    assert html.count('class="notification read"') == 1
    assert "2 окулган эмес" in html
    assert badge(html) == "2"  # the nav badge, on every page
    assert html.count("Бекова Айзада") == 1


def test_opening_one_marks_it_read_and_follows_its_link(client, reader, colleague):
    tell(reader.staff, 1)
    tell(colleague.staff, 1, start=50)
    mine = Notification.objects.get(recipient=reader.staff)
    theirs = Notification.objects.get(recipient=colleague.staff)
    client.force_login(reader)

    response = client.get(reverse("notifications:open", args=[mine.public_id]))
    assert response.status_code == 302 and response["Location"] == "/calendar/"
    mine.refresh_from_db()
    assert mine.read_at is not None

    # Someone else's notification does not exist for me, to open or to mark.
    assert client.get(reverse("notifications:open", args=[theirs.public_id])).status_code == 404
    assert client.post(reverse("notifications:read", args=[theirs.public_id])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_an_outside_link_is_never_followed(client, reader):
    notify(
        kind=NotificationKind.PLAN_APPROVED,
        recipients=[reader.staff],
        url="https://evil.example/phish",
        params={},
    )
    client.force_login(reader)
    notification = Notification.objects.get()
    response = client.get(reverse("notifications:open", args=[notification.public_id]))
    assert response["Location"] == LIST


def test_marking_read_with_htmx_answers_the_item_and_the_new_counts(client, reader):
    tell(reader.staff, 2)
    first = Notification.objects.get(params__association="УБ-1")
    client.force_login(reader)

    answer = client.post(
        reverse("notifications:read", args=[first.public_id]), headers={"HX-Request": "true"}
    ).content.decode()

    assert 'class="notification read"' in answer and "<html" not in answer
    assert re.search(r'id="unread-badge"[^>]*hx-swap-oob="true"[^>]*>1<', answer)
    assert 'id="unread-summary" hx-swap-oob="true">1 окулган эмес' in answer
    first.refresh_from_db()
    assert first.read_at is not None

    answer = client.post(
        reverse("notifications:read_all"), headers={"HX-Request": "true"}
    ).content.decode()
    assert 'class="notification unread"' not in answer and answer.count("notification read") == 2
    assert not Notification.objects.filter(read_at=None).exists()

    # Without htmx the same actions come back to the page.
    assert client.post(reverse("notifications:read_all"))["Location"] == LIST


def test_the_page_costs_the_same_queries_for_5_and_for_50(
    client, reader, django_assert_num_queries
):
    tell(reader.staff, 5)
    client.force_login(reader)
    with CaptureQueriesContext(connection) as few:
        response = client.get(LIST)
    assert len(shown_associations(response.content.decode())) == 5

    tell(reader.staff, 45, start=6)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(shown_associations(response.content.decode())) == 50
    # One COUNT for the unread, shared by the page and the nav badge.
    unread_counts = [q for q in few.captured_queries if 'read_at" IS NULL' in q["sql"]]
    assert len(unread_counts) == 1


def test_the_home_page_lists_my_five_newest_unread_and_says_how_many_more(
    reader, colleague, django_assert_max_num_queries
):
    tell(reader.staff, 7)
    notify(
        kind=NotificationKind.RESOLUTION_OVERDUE,
        recipients=[reader.staff],
        url="/x/",
        params={"association": "Табигый цикл", "resolution": "Өткөрүү", "due": "2025-10-01"},
    )
    Notification.objects.filter(params__association="УБ-7").update(read_at="2025-10-02T10:00Z")
    tell(colleague.staff, 3, start=60)

    viewer = viewer_for(reader)
    with translation.override("ru"), django_assert_max_num_queries(2):
        items = attention.for_viewer(viewer)

    assert len(items) == 6
    assert items[0].severity == "warning" and "истёк 01.10.2025" in items[0].text
    assert [i.text.split("«")[1].split("»")[0] for i in items[1:5]] == [
        "УБ-6",
        "УБ-5",
        "УБ-4",
        "УБ-3",
    ]
    assert items[5].text == "Ещё 2 непрочитанных уведомления" and items[5].url == LIST
    assert attention.for_viewer(viewer_for(colleague.__class__())) == []


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/login/" in response["Location"]
