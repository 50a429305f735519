"""The home page of each demo role: the compliance items cost a teacher and an MA head only
the part of the check they are shown, and say exactly what the whole school's check says."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from usul.accounts.models import User
from usul.accounts.policy import viewer_for
from usul.compliance import attention
from usul.compliance.services import Part, build_report, check_part, default_as_of
from usul.demo.tests.conftest import TODAY
from usul.home.attention import attention_for
from usul.schools.models import SchoolYear

# Queries of the compliance items: the whole school for the leadership (the school, its years,
# the snapshot, the plans' approved versions among them), the MA's part for its head, one
# person's part for a teacher.
QUERIES = {
    "direktor": 32,
    "zam-uvr": 32,
    "zam-nmr": 32,
    "jetekchi": 34,
    "mugalim": 16,
    "klass-jetekchi": 16,
}


def viewer(username):
    return viewer_for(User.objects.select_related("staff").get(username=username), TODAY)


def said(findings) -> list[tuple]:
    return [(f, f.message) for f in findings]


@pytest.mark.parametrize("username", list(QUERIES))
def test_each_role_pays_for_what_it_is_shown(demo, username, django_assert_num_queries):
    asking = viewer(username)
    with django_assert_num_queries(QUERIES[username]):
        attention.for_viewer(asking)


@pytest.mark.parametrize("username", ["jetekchi", "mugalim", "klass-jetekchi", "zam-nmr"])
def test_the_part_checked_says_what_the_whole_school_check_says(demo, username):
    asking = viewer(username)
    year = SchoolYear.objects.select_related("school").get(
        school_id=asking.school_id, key="2026-2027"
    )
    scope = dict(people={asking.staff.pk}, associations=set(asking.headed_association_ids))
    as_of = default_as_of(year, TODAY)

    part = check_part(school=year.school, year=year, as_of=as_of, **scope)
    whole = Part.of(build_report(school=year.school, year=year, as_of=as_of), **scope)

    assert [a.key for a in part.associations] == [a.key for a in whole.associations]
    assert {pk: said(f) for pk, f in part.on_checklist.items()} == {
        pk: said(f) for pk, f in whole.on_checklist.items()
    }
    assert said(part.about[asking.staff.pk]) == said(whole.about[asking.staff.pk])


def test_a_teachers_home_page_costs_far_less_than_the_directors(demo):
    def cost(username):
        with CaptureQueriesContext(connection) as queries:
            attention_for(viewer(username))
        return len(queries)

    assert cost("mugalim") <= cost("direktor") - 15
