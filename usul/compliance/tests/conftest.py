"""Fixtures of the compliance tests: a fully compliant school to break one thing at a time."""

from __future__ import annotations

import pytest

from usul.compliance.services import check_school
from usul.compliance.tests.builders import compliant_school


@pytest.fixture
def world(school):
    return compliant_school(school)


def findings(world, as_of, *, rules: str = "") -> list[tuple]:
    """(rule, severity, subject type, subject key, detail) of every finding, in the check's
    order; ``rules`` keeps those whose ID starts with it."""
    return [
        (f.rule, f.severity, f.subject_type, f.subject_key, f.detail)
        for f in check_school(school=world.school, year=world.year, as_of=as_of)
        if f.rule.startswith(rules)
    ]
