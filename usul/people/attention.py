"""Home-page reminders of certification and qualification upgrading (HEAD-D3, SVC-D2): a
category expiring within the school's ``category_reminder_months``, no course in the last
``course_reminder_years`` — for the person, the head of their MA and the deputy directors.
A fixed number of queries."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from usul.lib.attention import Attention
from usul.lib.dates import format_date
from usul.people.selectors import growth_due_for


def for_viewer(viewer) -> list[Attention]:
    staff = viewer.staff
    if staff is None:
        return []
    school = staff.school
    oversees = viewer.is_deputy or bool(viewer.headed_member_ids)
    # A plain teacher reads only their own personal data: ask about nobody else.
    rows = growth_due_for(viewer, school, viewer.today, only=None if oversees else staff)
    items = []
    own_url = reverse("qualification:person", args=[school.key, staff.key])
    for row in rows:
        if row.staff.pk != staff.pk:
            continue
        if row.category is not None:
            items.append(
                Attention(
                    text=_("Your qualification category is valid until %(date)s: certification")
                    % {"date": format_date(row.category.valid_until)},
                    url=own_url,
                    severity="warning",
                    date=row.category.valid_until,
                )
            )
        if row.course_due:
            items.append(
                Attention(
                    text=ngettext(
                        "No course of qualification upgrading in the last %(years)s year",
                        "No course of qualification upgrading in the last %(years)s years",
                        school.course_reminder_years,
                    )
                    % {"years": school.course_reminder_years},
                    url=own_url,
                    severity="warning",
                )
            )
    others = [r for r in rows if r.staff.pk != staff.pk]
    if oversees and others:
        count = len(others)
        items.append(
            Attention(
                text=ngettext(
                    "%(count)s teacher is due for certification or a course",
                    "%(count)s teachers are due for certification or a course",
                    count,
                )
                % {"count": count},
                url=reverse("qualification:summary", args=[school.key]),
                severity="warning",
            )
        )
    return items
