"""Every rule's "fix" link opens a page on which its viewer can act, or no link is offered.

For each rule of the registry, a finding of that rule about the cast's STEM MA (and, for the
rules about a person, about the teacher) is shown to the deputy, the MA head, the teacher and
the district methodologist. Whenever a link is offered, the page answers 200 and holds a form
that sends something (a form or an action button for that viewer) — not a refusal, and not a
read-only page. A rule whose fixing page Usul does not have yet says who records it instead.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from usul.accounts.policy import viewer_for
from usul.compliance.findings import ASSOCIATION, MEETING, STAFF, Finding
from usul.compliance.links import fix_url
from usul.compliance.registry import ABOUT_A_PERSON, RULES

ROLES = ("deputy", "head", "teacher", "district")
# A form of the page's own (the menu's language and log-out forms are in <header>).
ACTION_FORM = re.compile(r'<form[^>]*method="post"', re.I)


def _finding(rule, scene) -> Finding:
    if rule.id in ABOUT_A_PERSON or rule.id.startswith("STAFF-") or rule.id.startswith("HEAD-"):
        subject_type, key = STAFF, scene.teacher.key
    elif rule.id.startswith("MEET-") and rule.id != "MEET-COUNT":
        subject_type, key = MEETING, scene.ours.meeting.key
    else:
        subject_type, key = ASSOCIATION, scene.stem.key
    return Finding(
        rule=rule.id,
        clauses=rule.clauses,
        severity="violation",
        subject_type=subject_type,
        subject_key=key,
        detail={"staff": scene.teacher.key},
        as_of=dt.date(2025, 10, 1),
        associations=(scene.stem.key,),
    )


def _main(html: str) -> str:
    return html.split('<main id="main">', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_a_fix_link_opens_a_page_where_its_viewer_can_act(rule, module_scene, db):
    scene = module_scene
    finding = _finding(rule, scene)
    offered = 0
    for role in ROLES:
        user = scene.users[role]
        url = fix_url(
            finding,
            viewer=viewer_for(user),
            school=scene.school,
            year=scene.ours.year,
            associations={scene.stem.key: scene.stem},
        )
        if not url:
            continue
        offered += 1
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, (
            f"{rule.id} as {role}: {url} answers {response.status_code}"
        )
        assert ACTION_FORM.search(_main(response.content.decode())), (
            f"{rule.id} as {role}: {url} offers nothing to do"
        )
    if not rule.fix:
        assert offered == 0 and str(rule.recorded_by), f"{rule.id} must say who records it"
    else:
        assert offered, f"{rule.id}: nobody of the cast is offered its fix"


def test_the_district_methodologist_is_offered_no_fix_link(module_scene, db):
    scene = module_scene
    district = viewer_for(scene.users["district"])
    for rule in RULES:
        assert not fix_url(
            _finding(rule, scene), viewer=district, school=scene.school, year=scene.ours.year
        ), rule.id
