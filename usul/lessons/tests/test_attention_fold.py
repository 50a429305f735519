"""The home page shows a few open-lesson items and folds the rest into "…and N more", which
opens them all on the same page (a phone's screen; usul.lib.attention.SHOWN)."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from usul.lessons.models import OpenLesson
from usul.lib.attention import SHOWN


def give_lessons(ma, count: int) -> None:
    """``count`` open lessons the teacher gives in the coming days (the home page reads the
    real day: its items look two weeks ahead of it)."""
    today = timezone.localdate()
    OpenLesson.objects.bulk_create(
        OpenLesson(
            school=ma.school,
            association=ma.association,
            year=ma.year,
            teacher=ma.teacher,
            key=f"ol-soon-{n}",
            topic=f"Сабак {n}",
            date=today + dt.timedelta(days=1 + n),
        )
        for n in range(count)
    )


def lesson_items(client, query: str = "") -> list[str]:
    page = client.get(reverse("home:home") + query).content.decode()
    attention = page[page.index('<ul class="plain attention">') :].split("</ul>")[0]
    items = re.findall(r"<li class=\"[^\"]*\">(.*?)</li>", attention, flags=re.S)
    # Other apps speak too (the teacher's own compliance gaps): keep the open-lesson lines.
    return [i for i in items if "/lessons/" in i or "more=lessons" in i]


def test_one_item_more_than_shown_is_shown_whole(client, ma):
    give_lessons(ma, SHOWN + 1)
    ma.teacher_user.language = "en"
    ma.teacher_user.save(update_fields=["language"])
    client.force_login(ma.teacher_user)

    items = lesson_items(client)

    assert len(items) == SHOWN + 1 and not any("more" in i for i in items)


def test_two_more_fold_into_a_link_that_opens_them_all(client, ma):
    give_lessons(ma, SHOWN + 2)
    ma.teacher_user.language = "en"
    ma.teacher_user.save(update_fields=["language"])
    client.force_login(ma.teacher_user)

    items = lesson_items(client)

    assert len(items) == SHOWN + 1
    assert [i for i in items if "Сабак" in i] == items[:SHOWN]
    assert items[-1] == '<a href="/?more=lessons#attention-title">…and 2 more</a>'
    expanded = lesson_items(client, "?more=lessons")
    assert len(expanded) == SHOWN + 2 and "Сабак 6" in expanded[-1]


def test_the_fold_reads_in_kyrgyz_and_russian(client, ma):
    give_lessons(ma, SHOWN + 3)
    client.force_login(ma.teacher_user)
    assert lesson_items(client)[-1].endswith("…жана дагы 3</a>")  # Kyrgyz unless chosen
    ma.teacher_user.language = "ru"
    ma.teacher_user.save(update_fields=["language"])
    assert lesson_items(client)[-1].endswith("…и ещё 3</a>")
