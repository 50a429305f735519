"""The compliance pages lead with what a rule asks in words; its ID and clauses follow as a
small reference (a teacher reads "Кеминде үч мугалим", not "MA-MEMBERS")."""

import re

from django.urls import reverse

from usul.compliance.registry import RULES
from usul.testing import factories as f


def rule_cells(html: str) -> dict[str, str]:
    """rule ID -> the text of the rule's cell, tags stripped, in the order of the page."""
    cells = re.findall(r'data-rule="([A-Z-]+)".*?<td class="rule">(.*?)</td>', html, re.S)
    return {rule: re.sub(r"<[^>]+>", "", cell).strip() for rule, cell in cells}


def test_every_rule_has_a_title_in_kyrgyz_and_russian():
    from django.utils import translation

    for language in ("ky", "ru"):
        with translation.override(language):
            titles = [str(rule.title) for rule in RULES]
        assert all(re.search(r"[а-яөүң]", t, re.I) for t in titles), titles
        assert len(set(titles)) == len(RULES)


def test_the_checklist_leads_with_the_title_and_keeps_the_code_as_a_reference(world, client):
    client.force_login(f.make_user(world.deputy, language="ky"))
    html = client.get(
        reverse("compliance:association", args=["sch-17", "ma-stem"]),
        {"year": "2025-2026", "as_of": "2025-10-01"},
    ).content.decode()
    cells = rule_cells(html)
    assert cells["MA-MEMBERS"] == "Кеминде үч мугалим MA-MEMBERS · GEN-2"
    assert cells["MEET-COUNT"].startswith("Жылына төрт отурум")
    for rule, cell in cells.items():
        assert not cell.startswith(rule)  # words first, never the code
    assert '<small class="ref">MA-MEMBERS · <abbr' in html


def test_the_russian_checklist_says_the_same_in_russian(world, client):
    client.force_login(f.make_user(world.deputy, language="ru"))
    html = client.get(
        reverse("compliance:school", args=["sch-17"]),
        {"year": "2025-2026", "as_of": "2025-10-01"},
    ).content.decode()
    cells = rule_cells(html)
    assert cells["MA-MEMBERS"] == "Не менее трёх учителей MA-MEMBERS · GEN-2"
    assert cells["SCHOOL-THEME"].startswith("Методическая тема школы")
