"""Where each finding is fixed, for the viewer who reads it.

A finding links to the page of its rule (``Rule.fix``) only when that page exists and the
viewer can act there (the policy says so): a read-only viewer — a district methodologist, a
teacher reading their MA — is offered no link that would end on a refusal. A rule whose fixing
page Usul does not have yet names, instead, what is missing and who records it
(``Rule.recorded_by``).
"""

from __future__ import annotations

from django.urls import reverse

from usul.accounts.policy import Viewer, can
from usul.compliance.findings import MEETING, STAFF, Finding
from usul.compliance.registry import RULES_BY_ID

# The page of a fix -> the action the viewer needs on the MA (or the school) to act on it.
ACTION_OF_PAGE = {
    "associations:members": "manage_school",
    "associations:edit": "manage_school",
    "associations:elect_head": "manage_school",
    "associations:list": "manage_school",
    "orders:council": "manage_school",
    "planning:plan": "manage_association",
    "meetings:list": "manage_association",
    "meetings:detail": "manage_association",
    "analysis:analysis": "write_analysis",
    "documents:register": "generate_document",
    "schools:year_edit": "configure_school",
    # ORG-6: handing over to the archive and proposing a disposal act
    "documents:archive": "transfer_to_archive",
}

# Pages about one person, fixed by that person or the leadership (edit_own_card).
STAFF_PAGES = ("people:edit", "people:self_development", "thematic:plans")


def _staff_key(finding: Finding) -> str | None:
    if finding.subject_type == STAFF:
        return finding.subject_key
    return finding.detail.get("staff") if isinstance(finding.detail, dict) else None


def fix_url(
    finding: Finding, *, viewer: Viewer, school, year, association=None, associations=None
) -> str:
    """The page where ``viewer`` fixes ``finding`` ("" when there is none for them), for a
    checklist shown under ``association``; ``associations`` maps the school's MA keys to MAs."""
    name = RULES_BY_ID[finding.rule].fix
    if not name:
        return ""
    if association is None and finding.associations:
        association = (associations or {}).get(finding.associations[0])
    if name in STAFF_PAGES:
        staff_key = _staff_key(finding)
        own = viewer.staff is not None and viewer.staff.key == staff_key
        if not staff_key or not (own or can(viewer, "manage_school", school)):
            return ""
        url = reverse(name, args=[school.key, staff_key])
        # DOC-10: the topic is the year's — the page opens on the year checked.
        return f"{url}?year={year.key}" if name == "people:self_development" else url
    target = association if association is not None else school
    if not can(viewer, ACTION_OF_PAGE[name], target):
        return ""
    if name in ("associations:list", "documents:archive"):
        return reverse(name, args=[school.key])
    if name == "orders:council":
        # GEN-4, GEN-6: the council's decisions of the year checked, with the form to record one.
        return f"{reverse(name, args=[school.key])}?year={year.key}#new"
    if name == "schools:year_edit":  # FUNC-1, DOC-6: the year's theme
        return reverse(name, args=[school.key, year.key])
    if association is None:
        return ""
    if name == "meetings:detail":
        if finding.subject_type != MEETING:
            return reverse("meetings:list", args=[school.key, association.key])
        return reverse(name, args=[school.key, finding.subject_key])
    if name in ("planning:plan", "analysis:analysis", "documents:register"):
        return reverse(name, args=[school.key, association.key, year.key])
    return reverse(name, args=[school.key, association.key])
