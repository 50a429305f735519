"""What the compliance check asks of a person, for their home page (``usul.lib.attention``).

- a teacher sees the findings about themselves (staff findings: data bank, self-development
  topic, calendar-thematic plans, subjects, belonging to an MA);
- an MA head sees how many findings their MA has, with a link to its checklist;
- the director and deputies see how many violations the school has, with a link.

The check runs on request (one snapshot: a fixed number of queries), as of the viewer's today.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from usul.accounts.links import link_or
from usul.compliance.findings import STAFF
from usul.compliance.services import build_report, default_as_of
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
    report = build_report(school=school, year=year, as_of=default_as_of(year, viewer.today))
    items: list[Attention] = []
    if viewer.is_leadership and (report.violations or report.warnings):
        items.append(
            Attention(
                text=_(
                    "Compliance with the regulation: %(violations)s violations, %(warnings)s "
                    "warnings."
                )
                % {"violations": report.violations, "warnings": report.warnings},
                url=link_or("compliance:school", school.key),
                severity="violation" if report.violations else "warning",
            )
        )
    for association in report.active_associations:
        if not viewer.heads(association):
            continue
        findings = report.findings_of(association)
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
                    url=link_or("compliance:association", school.key, association.key),
                    severity="violation" if violations else "warning",
                )
            )
    own_card = link_or("people:edit", school.key, viewer.staff.key)
    for finding in report.findings:
        if finding.subject_type == STAFF and finding.subject_key == viewer.staff.key:
            items.append(Attention(text=finding.message, url=own_card, severity=finding.severity))
    return items
