"""Checking a school against its regulation (RULES.md).

``check_school`` is the one entry point: the command, the pages and the home page all call it
(or ``build_report``, which adds what the checklist pages show). Findings are computed on
request from the data as it is — there is no stored result that could disagree with the data.
The as-of date is always a parameter; only ``default_as_of`` looks at the calendar, and only
when it is handed today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace

from usul.compliance import rules as _rules  # noqa: F401  (registers every check)
from usul.compliance.context import Context
from usul.compliance.findings import STAFF, VIOLATION, WARNING, Finding, sort_key
from usul.compliance.registry import (
    ABOUT_A_PERSON,
    PER_ASSOCIATION,
    RULES,
    SCHOOL_WIDE,
    Rule,
)
from usul.compliance.snapshot import Snapshot, load_snapshot
from usul.schools.models import School, SchoolYear

PASSED = "passed"
NOT_APPLICABLE = "not_applicable"


def default_as_of(year: SchoolYear, today: dt.date) -> dt.date:
    """RULES.md: today, or the year's start if today is earlier."""
    return max(today, year.start)


@dataclass
class Report:
    """The findings of one check, with what the checklist pages need around them."""

    snapshot: Snapshot
    as_of: dt.date
    findings: list[Finding]
    active_associations: list
    # Per MA key: the rules that did not run for it (no head, no plan, not a subject MA…).
    not_applicable: dict[str, set[str]] = field(default_factory=dict)

    @property
    def school(self) -> School:
        return self.snapshot.school

    @property
    def year(self) -> SchoolYear:
        return self.snapshot.year

    @property
    def violations(self) -> int:
        return sum(1 for f in self.findings if f.severity == VIOLATION)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    def findings_of(self, association) -> list[Finding]:
        return [f for f in self.findings if association.key in f.associations]

    @property
    def school_findings(self) -> list[Finding]:
        """Findings on no active MA's checklist: the school's, unassigned teachers, and the
        papers of MAs no longer active."""
        active = {a.key for a in self.active_associations}
        return [f for f in self.findings if not active.intersection(f.associations)]

    def checklist(self, association) -> list[ChecklistRow]:
        """Every rule an MA is checked against, passed or not (school-wide rules excluded)."""
        findings = self.findings_of(association)
        skipped = self.not_applicable.get(association.key, set())
        rows = []
        for rule in RULES:
            if rule.scope == SCHOOL_WIDE:
                continue
            mine = [f for f in findings if f.rule == rule.id]
            if mine:
                status = VIOLATION if any(f.is_violation for f in mine) else WARNING
            elif rule.id in skipped:
                status = NOT_APPLICABLE
            else:
                status = PASSED
            rows.append(ChecklistRow(rule=rule, status=status, findings=mine))
        return rows

    def school_checklist(self) -> list[ChecklistRow]:
        rows = []
        for rule in RULES:
            if rule.scope != SCHOOL_WIDE:
                continue
            mine = [f for f in self.findings if f.rule == rule.id]
            status = (
                (VIOLATION if any(f.is_violation for f in mine) else WARNING) if mine else PASSED
            )
            rows.append(ChecklistRow(rule=rule, status=status, findings=mine))
        return rows


@dataclass
class ChecklistRow:
    rule: Rule
    status: str
    findings: list[Finding]

    @property
    def violations(self) -> int:
        return sum(1 for f in self.findings if f.is_violation)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if not f.is_violation)


def evaluate(snapshot: Snapshot, as_of: dt.date, rules: list[Rule] | None = None) -> Report:
    """Run every rule of RULES.md (or only ``rules``) on a loaded snapshot at ``as_of``; no
    database access."""
    ctx = Context(snapshot, as_of)
    findings: list[Finding] = []
    not_applicable: dict[str, set[str]] = {}
    for rule in RULES if rules is None else rules:
        if rule.check is None:
            raise RuntimeError(f"rule {rule.id} has no check")
        if rule.scope == PER_ASSOCIATION:
            for association in ctx.active_associations:
                result = rule.check(ctx, association)
                if result is None:
                    not_applicable.setdefault(association.key, set()).add(rule.id)
                    continue
                # An MA's own findings sit on its checklist unless the rule says otherwise.
                findings.extend(
                    f if f.associations else _on_checklist(f, association) for f in result
                )
        else:
            findings.extend(rule.check(ctx))
    findings.sort(key=sort_key)
    return Report(
        snapshot=snapshot,
        as_of=as_of,
        findings=findings,
        active_associations=ctx.active_associations,
        not_applicable=not_applicable,
    )


def _on_checklist(finding: Finding, association) -> Finding:
    return replace(finding, associations=(association.key,))


def build_report(*, school: School, year: SchoolYear, as_of: dt.date) -> Report:
    return evaluate(load_snapshot(school=school, year=year), as_of)


@dataclass
class Part:
    """The findings about some people and some MAs, as the whole school's check gives them."""

    associations: list  # the MAs asked about that are active at the as-of date
    on_checklist: dict[int, list[Finding]]  # per MA id: the findings on its checklist
    about: dict[int, list[Finding]]  # per staff id: the findings about that person

    @classmethod
    def of(cls, report: Report, *, people, associations) -> Part:
        asked = [a for a in report.active_associations if a.pk in set(associations)]
        keys = {s.pk: s.key for s in report.snapshot.staff if s.pk in set(people)}
        return cls(
            associations=asked,
            on_checklist={a.pk: report.findings_of(a) for a in asked},
            about={
                pk: [f for f in report.findings if f.subject_type == STAFF and f.subject_key == key]
                for pk, key in keys.items()
            },
        )


def check_part(
    *,
    school: School,
    year: SchoolYear,
    as_of: dt.date,
    people: frozenset[int] | set[int] = frozenset(),
    associations: frozenset[int] | set[int] = frozenset(),
) -> Part:
    """The findings about ``people`` (staff ids) and on the checklists of ``associations`` (MA
    ids) — the same as ``check_school`` gives for them — from a snapshot of that part of the
    school only: what a teacher's or an MA head's home page shows, at a fraction of the whole
    check's cost. People alone need only the rules about a person."""
    snapshot = load_snapshot(
        school=school, year=year, people=set(people), associations=set(associations)
    )
    rules = None if associations else [rule for rule in RULES if rule.id in ABOUT_A_PERSON]
    return Part.of(evaluate(snapshot, as_of, rules), people=people, associations=associations)


def check_school(*, school: School, year: SchoolYear, as_of: dt.date) -> list[Finding]:
    """Every finding of RULES.md for ``school`` in ``year`` at ``as_of``, in a stable order;
    ``[]`` means the school complies."""
    return build_report(school=school, year=year, as_of=as_of).findings


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    as_of: dt.date
    violations: int
    warnings: int

    @property
    def total(self) -> int:
        return self.violations + self.warnings


def monthly_counts(snapshot: Snapshot, as_of: dt.date) -> list[MonthCount]:
    """The number of findings month by month over the year, each month checked at its last day
    (at ``as_of`` for the month that contains it); months after ``as_of`` are not shown.

    Reuses the loaded snapshot, so the chart costs no query.
    """
    year = snapshot.year
    counts = []
    for month in year.teaching_months():
        y, m = int(month[:4]), int(month[5:])
        first = dt.date(y, m, 1)
        if first > as_of:
            break
        last = dt.date(y, m, calendar.monthrange(y, m)[1])
        day = min(last, as_of)
        report = evaluate(snapshot, day)
        counts.append(MonthCount(month, day, report.violations, report.warnings))
    return counts
