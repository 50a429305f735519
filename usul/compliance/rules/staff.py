"""Rules on each member of an active MA at D, each person checked once (DOC-9…DOC-11, DUTY-1).

A finding about a person belongs to the checklist of every active MA they are a member of.
"""

from __future__ import annotations

from usul.compliance.context import Context, Joined
from usul.compliance.findings import STAFF, Finding
from usul.compliance.registry import DATABANK_FIELDS, implements
from usul.people.models import TEACHING_ROLES
from usul.people.selectors import roles_at


def _finding(ctx: Context, rule_id: str, person, **kwargs) -> Finding:
    return ctx.finding(
        rule_id,
        subject=(STAFF, person.key),
        associations=ctx.associations_of_staff[person.pk],
        staff=person.full_name,
        **kwargs,
    )


@implements("STAFF-SELFDEV")
def self_development(ctx: Context) -> list[Finding]:
    # DOC-10, DUTY-1: a self-development topic for the year.
    return [
        _finding(ctx, "STAFF-SELFDEV", person)
        for person in ctx.checked_staff
        if not person.year_self_development
    ]


def databank_gaps(ctx: Context, person) -> list[str]:
    """DOC-9: what the data bank lacks, in RULES.md's order. Teaching is asked only of those who
    teach by post (teacher or class teacher at D): a deputy in an MA may teach nothing."""
    missing = []
    if person.birth_date is None:
        missing.append("birth_date")
    if not person.education_level:
        missing.append("education.level")
    if not person.education_specialty:
        missing.append("education.specialty")
    if not person.year_teaching and roles_at(person, ctx.as_of) & TEACHING_ROLES:
        missing.append("teaching")
    if not person.employment.all():
        missing.append("employment")
    return missing


@implements("STAFF-DATABANK")
def databank(ctx: Context) -> list[Finding]:
    findings = []
    for person in ctx.checked_staff:
        missing = databank_gaps(ctx, person)
        if missing:
            findings.append(
                _finding(
                    ctx,
                    "STAFF-DATABANK",
                    person,
                    detail={"missing": missing},
                    missing=Joined([DATABANK_FIELDS[m] for m in missing], ", "),
                )
            )
    return findings


@implements("STAFF-CTP")
def thematic_plans(ctx: Context) -> list[Finding]:
    # DOC-11: a calendar-thematic plan of the year (of any kind) per subject and grade taught.
    findings = []
    subjects = ctx.snapshot.subjects
    for person in ctx.checked_staff:
        planned = {(p.subject_id, p.grade) for p in person.year_thematic_plans}
        taught = sorted(
            {(t.subject_id, int(g)) for t in person.year_teaching for g in t.grades or []},
            key=lambda pair: (subjects[pair[0]].key, pair[1]),
        )
        for subject_id, grade in taught:
            if (subject_id, grade) in planned:
                continue
            subject = subjects[subject_id]
            findings.append(
                _finding(
                    ctx,
                    "STAFF-CTP",
                    person,
                    detail={"subject": subject.key, "grade": grade},
                    subject_name=_SubjectName(subject),
                    grade=grade,
                )
            )
    return findings


class _SubjectName:
    """The subject's name in the language active when the message is rendered."""

    def __init__(self, subject):
        self.subject = subject

    def __str__(self) -> str:
        return self.subject.name
