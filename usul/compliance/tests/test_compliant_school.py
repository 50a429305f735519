"""A school that follows every rule gives no finding, during the year and after it."""

import datetime as dt

from usul.compliance.services import check_school
from usul.compliance.tests.builders import AFTER_YEAR, DURING_YEAR

D = dt.date


def test_a_fully_compliant_school_has_no_finding_during_and_after_the_year(world):
    for as_of in (D(2025, 9, 10), DURING_YEAR, world.year.end, AFTER_YEAR):
        assert check_school(school=world.school, year=world.year, as_of=as_of) == []


def test_a_finding_reads_exactly_as_rules_md_shows_it(world):
    from django.utils import translation

    world.ma.subjects.clear()
    [finding] = check_school(school=world.school, year=world.year, as_of=DURING_YEAR)
    with translation.override("en"):
        assert finding.as_json() == {
            "rule": "MA-SUBJECTS",
            "clauses": ["GEN-2", "GEN-7"],
            "severity": "warning",
            "subject": {"type": "association", "key": "ma-stem"},
            "detail": {},
            "message": "Табигый цикл 0 is a subject MA but names no subject.",
            "as_of": "2025-10-01",
        }
    with translation.override("ru"):
        assert "предметн" in finding.as_json()["message"]
    with translation.override("ky"):
        assert "предмет" in finding.as_json()["message"]
