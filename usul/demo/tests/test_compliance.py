"""The demo school and the compliance check (RULES.md): the deliberate gaps are reported, and
nothing else — so the compliance page of the demo shows a few things to fix, not noise."""

from __future__ import annotations

import datetime as dt

from usul.compliance.services import check_school
from usul.demo.tests.conftest import TODAY
from usul.schools.models import School, SchoolYear


def findings(year_key: str, as_of: dt.date) -> list[tuple]:
    school = School.objects.get(key="demo-17")
    year = SchoolYear.objects.get(school=school, key=year_key)
    return [
        (f.rule, f.severity, f.subject_type, f.subject_key, f.detail)
        for f in check_school(school=school, year=year, as_of=as_of)
    ]


def test_the_current_year_shows_exactly_the_deliberate_gaps(demo):
    personas = demo.demo.personas
    newcomer = dict((rule, key) for rule, _type, key in demo.demo.gaps)["SCHOOL-UNASSIGNED"]
    associations = {a["key"]: a for a in demo.demo.bundle["associations"]}
    expired_head = associations["ma-arts-social"]["heads"][-1]["staff"]

    found = findings("2026-2027", TODAY)

    assert found == [
        # GEN-3: the head of the arts and social studies MA let her category run out.
        ("HEAD-CATEGORY", "violation", "association", "ma-arts-social",
         {"staff": expired_head}),
        # ORG-2: the primary teachers' plan still waits for approval, past 15 September.
        ("PLAN-APPROVED", "violation", "association", "ma-primary", {}),
        # DOC-11: the Kyrgyz language MA has not registered its calendar-thematic plans.
        ("DOCS", "violation", "association", "ma-kyrgyz", {"document": "DOC-11"}),
        # DOC-10: the young mathematics teacher (the demo's teacher log-in) has no topic yet.
        ("STAFF-SELFDEV", "warning", "staff", personas["teacher"], {}),
        # GEN-1: the English teacher who arrived three weeks ago is in no MA yet.
        ("SCHOOL-UNASSIGNED", "warning", "staff", newcomer, {}),
    ]  # fmt: skip
    # What the generator declares as its gaps is what the check finds.
    assert sorted((rule, kind, key) for rule, _s, kind, key, _d in found) == demo.demo.gaps


def test_the_previous_year_passes_every_rule_after_its_end(demo):
    # The day after 31 May: every year-end rule applies (analysis, KTU values, four meetings).
    assert findings("2025-2026", dt.date(2026, 6, 1)) == []
