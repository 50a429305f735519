"""The page of the year-end analysis (ORG-5, DOC-5): the year's figures, the deputy's text and
proposals. Thin: records are found through the policy (another school's MA is a 404), the
form reads input, the service decides.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from usul.accounts.policy import can, get_visible, require
from usul.analysis import services
from usul.analysis.forms import AnalysisForm
from usul.analysis.models import YearAnalysis
from usul.analysis.selectors import analysis_last_day, draft_analysis, year_summary
from usul.associations.models import Association
from usul.lib.forms import add_service_errors
from usul.meetings.models import Meeting, MeetingStatus
from usul.planning.models import PlanItemKind
from usul.schools.models import SchoolYear
from usul.schools.selectors import visible_school


def _clamp(day: dt.date, start: dt.date, end: dt.date) -> dt.date:
    return max(start, min(day, end))


@login_required
def analysis(request, school, ma, year):
    viewer = request.viewer
    school = visible_school(viewer, school)
    year = get_visible(viewer, SchoolYear.objects.filter(school=school), key=year)
    association = get_visible(viewer, Association.objects.filter(school=school), key=ma)
    year.school = association.school = school
    may_write = can(viewer, "write_analysis", association)
    existing = (
        YearAnalysis.objects.filter(association=association, year=year)
        .select_related("author", "presented_at")
        .order_by("date", "id")
        .first()
    )
    summary = year_summary(viewer, association, year, viewer.today)
    meetings = Meeting.objects.filter(association=association, year=year).exclude(
        status=MeetingStatus.CANCELLED
    )

    def fresh_form():
        if existing is not None:
            initial = {
                "revision": existing.revision,
                "date": existing.date,
                "text": existing.text,
                "proposals": "\n".join(existing.proposals),
                "presented_at": existing.presented_at_id,
            }
        else:
            text, proposals = draft_analysis(summary, year)
            initial = {
                "date": _clamp(viewer.today, year.start, analysis_last_day(year)),
                "text": text,
                "proposals": "\n".join(proposals),
                "presented_at": summary.last_meeting.pk if summary.last_meeting else None,
            }
        return AnalysisForm(meetings=meetings, initial=initial)

    form = fresh_form() if may_write else None
    unsaved = None
    if request.method == "POST":
        require(viewer, "write_analysis", association)
        form = AnalysisForm(request.POST, meetings=meetings)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.analysis_save(
                    actor=viewer,
                    association=association,
                    year=year,
                    revision=data["revision"],
                    date=data["date"],
                    text=data["text"],
                    proposals=data["proposals"],
                    presented_at=data["presented_at"],
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "stale":  # a dict of field errors has none
                    messages.error(request, error.messages[0])
                    existing = (
                        YearAnalysis.objects.filter(association=association, year=year)
                        .select_related("author", "presented_at")
                        .order_by("date", "id")
                        .first()
                    )
                    unsaved = [
                        (form[name].label, data[name])
                        for name in ("text", "proposals")
                        if data[name]
                    ]
                    form = fresh_form()
                else:
                    add_service_errors(form, error)
            else:
                messages.success(request, _("The analysis is saved."))
                return redirect(request.path)
    return render(
        request,
        "analysis/year_analysis.html",
        {
            "school": school,
            "association": association,
            "year": year,
            "analysis": existing,
            "summary": summary,
            "done_by_kind": [
                (PlanItemKind(kind).label, count)
                for kind, count in summary.items_done_by_kind.items()
            ],
            "form": form,
            "may_write": may_write,
            "unsaved": unsaved,
        },
    )
