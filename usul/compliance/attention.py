"""What the compliance check asks of a person, for their home page (``usul.lib.attention``).

- a teacher sees the findings about themselves (staff findings: data bank, self-development
  topic, calendar-thematic plans, subjects, belonging to an MA);
- an MA head sees how many findings their MA has, with a link to its checklist;
- the director and deputies see how many violations the school has, with a link.

The check runs on request, as of the viewer's today, over what the viewer is shown: the whole
school for the leadership; the MAs they head for a head; only themselves for a teacher (a
fraction of the whole check's queries and rows, and the same findings: ``check_part``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from usul.compliance.services import Part, build_report, check_part, default_as_of
from usul.lib.attention import Attention
from usul.schools.models import School
from usul.schools.selectors import current_year


def for_viewer(viewer) -> list[Attention]:
    if viewer.school_id is None or viewer.staff is None:
        return []
    school = School.objects.filter(pk=viewer.school_id).prefetch_related("years").first()
    if school is None:
        return []
    year = current_year(school, viewer.today)
    if year is None:
        return []
    as_of = default_as_of(year, viewer.today)
    me, headed = {viewer.staff.pk}, set(viewer.headed_association_ids)
    items: list[Attention] = []
    if viewer.is_leadership:
        report = build_report(school=school, year=year, as_of=as_of)
        part = Part.of(report, people=me, associations=headed)
        if report.violations or report.warnings:
            items.append(
                Attention(
                    text=_(
                        "Compliance with the regulation: %(violations)s violations, "
                        "%(warnings)s warnings."
                    )
                    % {"violations": report.violations, "warnings": report.warnings},
                    url=reverse("compliance:school", args=[school.key]),
                    severity="violation" if report.violations else "warning",
                )
            )
    else:
        part = check_part(school=school, year=year, as_of=as_of, people=me, associations=headed)
    for association in part.associations:
        findings = part.on_checklist[association.pk]
        if findings:
            violations = sum(1 for f in findings if f.is_violation)
            items.append(
                Attention(
                    text=_(
                        "%(association)s: %(violations)s violations, %(warnings)s warnings of "
                        "the regulation."
                    )
                    % {
                        "association": association.name,
                        "violations": violations,
                        "warnings": len(findings) - violations,
                    },
                    url=reverse("compliance:association", args=[school.key, association.key]),
                    severity="violation" if violations else "warning",
                )
            )
    own_card = reverse("people:edit", args=[school.key, viewer.staff.key])
    own_growth = reverse("people:self_development", args=[school.key, viewer.staff.key])
    for finding in part.about.get(viewer.staff.pk, []):
        # DOC-10: a missing self-development topic is written on its own page.
        url = own_growth if finding.rule == "STAFF-SELFDEV" else own_card
        items.append(Attention(text=finding.message, url=url, severity=finding.severity))
    return items
