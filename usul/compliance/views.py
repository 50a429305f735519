"""The compliance pages: the school's checklist per MA, and one MA's checklist.

Views only translate the request into a check and the report into a page; the check is
``usul.compliance.services``, the permission is the policy's ``view_compliance``. Findings are
computed on every request — no cache that could disagree with the data.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.models import Association
from usul.compliance.chart import BAR_WIDTH, bars
from usul.compliance.forms import AsOfForm
from usul.compliance.links import fix_url
from usul.compliance.registry import CLAUSE_RANGES, CLAUSES, SEVERITY_NAMES
from usul.compliance.services import build_report, default_as_of, monthly_counts
from usul.schools.models import School, SchoolYear
from usul.schools.selectors import current_year, visible_school


def _choose(request, school):
    """The year and as-of date asked for, or the defaults; with the form and its errors."""
    prefetch_related_objects(
        [school], Prefetch("years", queryset=SchoolYear.objects.order_by("start"))
    )
    years = list(school.years.all())
    form = AsOfForm(request.GET or None, years=years)
    year, as_of = None, None
    if form.is_bound and form.is_valid():
        year = form.years.get(form.cleaned_data["year"])
        as_of = form.cleaned_data["as_of"]
    if year is None:
        year = current_year(school, request.viewer.today)
    if year is not None and as_of is None:
        as_of = default_as_of(year, request.viewer.today)
    return form, year, as_of


def _clauses(rule) -> list[tuple[str, object]]:
    """The clause IDs with their text; a range of clauses (DOC-1…DOC-12) as one."""
    if rule.id in CLAUSE_RANGES:
        return [(f"{rule.clauses[0]}…{rule.clauses[-1]}", rule.requirement)]
    return [(c, CLAUSES.get(c, "")) for c in rule.clauses]


def _rows(request, report, association):
    year = report.year
    rows = []
    for row in report.checklist(association):
        rows.append(
            {
                "row": row,
                "clauses": _clauses(row.rule),
                "status_name": SEVERITY_NAMES[row.status],
                "findings": [
                    (
                        f,
                        fix_url(
                            f,
                            viewer=request.viewer,
                            school=report.school,
                            year=year,
                            association=association,
                        ),
                    )
                    for f in row.findings
                ],
            }
        )
    return rows


def _context(request, school, form, year, as_of):
    return {
        "school": school,
        "form": form,
        "year": year,
        "as_of": as_of,
        "years": list(school.years.all()),
        "raw_as_of": request.GET.get("as_of", as_of.isoformat() if as_of else ""),
    }


def _section(request, report, association) -> dict:
    findings = report.findings_of(association)
    return {
        "association": association,
        "violations": sum(1 for f in findings if f.is_violation),
        "warnings": sum(1 for f in findings if not f.is_violation),
        "rows": _rows(request, report, association),
        "page": reverse("compliance:association", args=[report.school.key, association.key]),
    }


@login_required
def school_page(request, school):
    school = visible_school(request.viewer, school)
    require(request.viewer, "view_compliance", school)
    form, year, as_of = _choose(request, school)
    context = _context(request, school, form, year, as_of)
    if form.errors or year is None:
        return render(
            request, "compliance/school.html", context, status=400 if form.errors else 200
        )
    report = build_report(school=school, year=year, as_of=as_of)
    by_key = {association.key: association for association in report.active_associations}

    def fix(finding):
        return fix_url(
            finding, viewer=request.viewer, school=school, year=year, associations=by_key
        )

    chart, width, height = bars(monthly_counts(report.snapshot, as_of))
    context.update(
        {
            "report": report,
            "sections": [
                _section(request, report, association) for association in report.active_associations
            ],
            "school_rows": [
                {
                    "row": row,
                    "clauses": _clauses(row.rule),
                    "status_name": SEVERITY_NAMES[row.status],
                    "findings": [
                        (
                            f,
                            fix_url(
                                f,
                                viewer=request.viewer,
                                school=school,
                                year=year,
                                associations=by_key,
                            ),
                        )
                        for f in row.findings
                    ],
                }
                for row in report.school_checklist()
            ],
            "other_findings": [
                (
                    f,
                    fix_url(
                        f, viewer=request.viewer, school=school, year=year, associations=by_key
                    ),
                )
                for f in report.school_findings
                if f.rule.startswith("RET-")
            ],
            "chart": chart,
            "chart_width": width,
            "chart_height": height,
            "bar_width": BAR_WIDTH,
        }
    )
    return render(request, "compliance/school.html", context)


@login_required
def association_page(request, school, ma):
    school = visible_school(request.viewer, school)
    association = get_visible(request.viewer, Association.objects.filter(school=school), key=ma)
    association.school = school
    require(request.viewer, "view_compliance", association)
    form, year, as_of = _choose(request, school)
    context = _context(request, school, form, year, as_of)
    context["association"] = association
    if form.errors or year is None:
        return render(
            request, "compliance/association.html", context, status=400 if form.errors else 200
        )
    report = build_report(school=school, year=year, as_of=as_of)
    active = next((a for a in report.active_associations if a.pk == association.pk), None)
    context.update(
        {
            "report": report,
            "active": active is not None,
            "rows": _rows(request, report, active) if active else [],
            "findings": report.findings_of(association),
            "violations": sum(1 for f in report.findings_of(association) if f.is_violation),
            "warnings": sum(1 for f in report.findings_of(association) if not f.is_violation),
            "ma_page": reverse("associations:detail", args=[school.key, association.key]),
            "school_page": reverse("compliance:school", args=[school.key])
            if can(request.viewer, "view_compliance", school)
            else "",
        }
    )
    return render(request, "compliance/association.html", context)


@login_required
def index(request):
    """The menu's "Compliance" link: the school page for leadership, the MA page for a head,
    the schools of the district for a district methodologist."""
    viewer = request.viewer
    if viewer.is_district or viewer.is_administrator:
        # The district office and the administrator read the compliance of every school they
        # see: one school opens at once, several are listed to choose from.
        schools = list(visible(viewer, School.objects.order_by("name", "key")))
        if len(schools) == 1:
            return redirect("compliance:school", schools[0].key)
        return render(request, "compliance/schools.html", {"schools": schools})
    if viewer.school_id is not None and viewer.staff is not None:
        school = viewer.staff.school
        if can(viewer, "view_compliance", school):
            return redirect("compliance:school", school.key)
        headed = Association.objects.filter(pk__in=viewer.headed_association_ids).first()
        if headed is not None:
            return redirect("compliance:association", school.key, headed.key)
    return render(
        request,
        "compliance/none.html",
        {
            "message": _(
                "The compliance check is shown to the director, the deputy directors and MA heads."
            )
        },
        status=403,
    )
