"""Home-page items about proposals and consultation requests (RIGHT-1…3): for the school's
leadership, those waiting for an answer; for their author, answers of the last two weeks.
Two queries, whatever the number of requests."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from usul.lib.attention import Attention
from usul.rights.models import Appeal, AppealKind, AppealStatus

NEW_ANSWER_DAYS = 14


def for_viewer(viewer) -> list[Attention]:
    staff = viewer.staff
    if staff is None:
        return []
    items = []
    if viewer.is_leadership:
        waiting = (
            Appeal.objects.filter(school_id=staff.school_id, status=AppealStatus.SUBMITTED)
            .exclude(author=staff)
            .select_related("school", "author")
            .order_by("created_at", "id")
        )
        for appeal in waiting:
            text = (
                _("%(name)s asks for a consultation: %(title)s")
                if appeal.kind == AppealKind.CONSULTATION
                else _("A proposal from %(name)s waits for your answer: %(title)s")
            )
            items.append(
                Attention(
                    text=text
                    % {
                        "name": appeal.author.short_name,
                        "title": Truncator(appeal.title).chars(80),
                    },
                    url=reverse("rights:appeal", args=[appeal.school.key, appeal.key]),
                    severity="warning",
                )
            )
    answered = Appeal.objects.filter(
        author=staff,
        answered_on__gte=viewer.today - dt.timedelta(days=NEW_ANSWER_DAYS),
        status__in=[AppealStatus.ANSWERED, AppealStatus.ACCEPTED, AppealStatus.DECLINED],
    ).select_related("school")
    for appeal in answered:
        items.append(
            Attention(
                text=_("Your “%(title)s” is %(status)s: read the answer")
                % {
                    "title": Truncator(appeal.title).chars(80),
                    "status": appeal.get_status_display(),
                },
                url=reverse("rights:appeal", args=[appeal.school.key, appeal.key]),
                date=appeal.answered_on,
            )
        )
    return items
