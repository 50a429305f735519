"""Writes shared by every app that keeps records of a school."""

from __future__ import annotations

import itertools

from usul.schools.models import School


def unique_key(model, school: School, prefix: str) -> str:
    """A key not yet used in ``school`` for ``model``: ``prefix-1``, ``prefix-2``…"""
    taken = set(model.objects.filter(school=school).values_list("key", flat=True))
    for n in itertools.count(len(taken) + 1):
        key = f"{prefix}-{n}"
        if key not in taken:
            return key
    raise AssertionError("unreachable")
