"""Checking a school costs a fixed number of SQL queries, whatever its size."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from usul.compliance.services import check_school
from usul.compliance.tests.builders import AFTER_YEAR, DURING_YEAR, compliant_association
from usul.people.models import SelfDevelopmentTopic

D = dt.date


def _queries(world, as_of) -> tuple[int, list]:
    with CaptureQueriesContext(connection) as captured:
        result = check_school(school=world.school, year=world.year, as_of=as_of)
    return len(captured), result


def test_a_small_and_a_large_school_cost_the_same_number_of_queries(world):
    small, found = _queries(world, DURING_YEAR)
    assert found == []
    # Five times the MAs, five teachers each, and findings to report on every one of them.
    for n in range(4):
        compliant_association(
            world, key=f"ma-big-{n}", name=f"МБ {n}", subject=world.subject, teachers=5
        )
    SelfDevelopmentTopic.objects.all().delete()
    large, found = _queries(world, DURING_YEAR)
    assert sorted({f.rule for f in found}) == ["MA-COUNCIL", "STAFF-SELFDEV"]
    assert sum(f.rule == "STAFF-SELFDEV" for f in found) == 3 + 4 * 5
    assert large == small
    assert _queries(world, AFTER_YEAR)[0] == small
