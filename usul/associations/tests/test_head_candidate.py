"""What the head-election page warns about (GEN-3, HEAD-1, ORG-1), at each boundary."""

from __future__ import annotations

import datetime as dt

from usul.associations.models import Association
from usul.associations.selectors import head_candidate_problems
from usul.people.selectors import staff_with_history
from usul.testing import factories as f

D = dt.date
DAY = D(2026, 1, 16)


def problems(ma, staff, day=DAY) -> list:
    ma = Association.objects.prefetch_related("members").get(pk=ma.pk)
    return head_candidate_problems(ma, staff_with_history().get(pk=staff.pk), day)


def qualified(school, ma, *, days_in_education: int):
    staff = f.make_staff(school, education_level="higher")
    f.make_category(staff, category="highest", awarded=D(2020, 1, 1))
    # Both ends included: a period of N days ends N - 1 days after it starts.
    f.make_employment(staff, start=DAY - dt.timedelta(days=days_in_education - 1), end=DAY)
    f.add_member(ma, staff)
    return staff


def test_five_years_means_1827_days_and_1826_is_short(school):
    ma = f.make_association(school)
    assert problems(ma, qualified(school, ma, days_in_education=1827)) == []
    [problem] = problems(ma, qualified(school, ma, days_in_education=1826))
    assert problem.clause == "HEAD-1" and "4.99" in problem.text


def test_a_category_that_expired_the_day_before_does_not_count(school):
    ma = f.make_association(school)
    staff = qualified(school, ma, days_in_education=4000)
    staff.categories.all().delete()
    f.make_category(staff, category="first", awarded=D(2021, 1, 1), valid_until=DAY)
    assert problems(ma, staff) == []
    [problem] = problems(ma, staff, DAY + dt.timedelta(days=1))
    assert problem.clause == "GEN-3"


def test_every_problem_is_named_with_its_clause(school):
    ma = f.make_association(school)
    staff = f.make_staff(school, education_level="secondary_professional")
    f.make_category(staff, category="second", awarded=D(2022, 1, 1))
    found = problems(ma, staff)
    assert [p.clause for p in found] == ["GEN-3", "HEAD-1", "HEAD-1", "ORG-1"]
    # The words lead; the clause is a reference beside them, not the start of the sentence.
    assert not any(p.text.startswith(p.clause) for p in found)
