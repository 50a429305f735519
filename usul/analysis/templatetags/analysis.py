"""ORG-5: next year's work plan takes up last year's proposals, so the plan pages show them.

A template tag rather than a call from ``planning``: the analysis sits above the plan, and the
plan's code does not import what is built on it.
"""

from __future__ import annotations

from django import template

from usul.analysis.selectors import last_year_analysis

register = template.Library()


@register.inclusion_tag("analysis/_proposals_from_last_year.html")
def proposals_from_last_year(association, year):
    return {"last_year": last_year_analysis(association, year)}
