"""Home-page items about open lessons (ORG-3) and observations (HEAD-D1, SVC-D4): the open
lessons I give and those I signed up for in the next two weeks, and observations of my lessons
recorded in the last two weeks. Three queries, whatever the number of lessons.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from usul.lessons.models import Observation
from usul.lessons.selectors import judgement_label, upcoming_for
from usul.lib.attention import Attention
from usul.lib.dates import format_date

AHEAD_DAYS = 14
NEW_OBSERVATION_DAYS = 14


def for_viewer(viewer) -> list[Attention]:
    staff = viewer.staff
    if staff is None:
        return []
    today = viewer.today
    teaching, attending = upcoming_for(staff, today, until=today + dt.timedelta(days=AHEAD_DAYS))
    items = []
    for lesson in teaching:
        items.append(
            Attention(
                text=_("You give an open lesson on %(date)s: %(topic)s")
                % {"date": format_date(lesson.date), "topic": Truncator(lesson.topic).chars(80)},
                url=reverse("lessons:detail", args=[lesson.school.key, lesson.key]),
                date=lesson.date,
            )
        )
    for lesson in attending:
        items.append(
            Attention(
                text=_("You signed up for %(teacher)s's open lesson on %(date)s: %(topic)s")
                % {
                    "teacher": lesson.teacher.short_name,
                    "date": format_date(lesson.date),
                    "topic": Truncator(lesson.topic).chars(80),
                },
                url=reverse("lessons:detail", args=[lesson.school.key, lesson.key]),
                date=lesson.date,
            )
        )
    # "New" = recorded within the last two weeks of the viewer's day. The notification tells
    # the moment it happens; this item keeps the result (topic, judgement) in sight a while.
    since = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=NEW_OBSERVATION_DAYS), dt.time.min)
    )
    recent = (
        Observation.objects.filter(teacher=staff, created_at__gte=since)
        .select_related("observer", "open_lesson", "school", "template")
        .order_by("-created_at", "-id")
    )
    for observation in recent:
        judgement = judgement_label(observation)
        params = {
            "observer": observation.observer.short_name,
            "date": format_date(observation.date),
            "judgement": judgement,
        }
        # An observation may be recorded without an overall judgement: the sentence then ends
        # with the observation itself, not with a dash.
        if observation.open_lesson is not None:
            lesson = observation.open_lesson
            url = reverse("lessons:detail", args=[observation.school.key, lesson.key])
            params["topic"] = Truncator(lesson.topic).chars(60)
            if judgement:
                text = _(
                    "Observation of your open lesson “%(topic)s” (%(date)s) by %(observer)s: "
                    "%(judgement)s"
                )
            else:
                text = _(
                    "%(observer)s recorded an observation of your open lesson “%(topic)s” "
                    "(%(date)s)."
                )
        else:
            url = reverse("lessons:teacher", args=[observation.school.key, staff.key])
            if judgement:
                text = _("Observation of your lesson of %(date)s by %(observer)s: %(judgement)s")
            else:
                text = _("%(observer)s recorded an observation of your lesson of %(date)s.")
        items.append(
            Attention(text=text % params, url=url + "#observations", date=observation.date)
        )
    return items
