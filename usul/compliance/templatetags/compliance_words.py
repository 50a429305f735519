"""A finding's rule named in words on the pages (the rule's ID is only a small reference)."""

from __future__ import annotations

from django import template

from usul.compliance.registry import RULES_BY_ID

register = template.Library()


@register.filter
def rule_title(rule_id: str) -> str:
    return str(RULES_BY_ID[rule_id].title)
