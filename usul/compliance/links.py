"""Where each finding is fixed: the page named for its rule in the registry.

Pages of other apps may not exist yet; every link then falls back to the MA's page, and from
there to the school's overview, so a checklist never breaks on a missing page.
"""

from __future__ import annotations

from usul.accounts.links import link_or
from usul.compliance.findings import MEETING, STAFF, Finding
from usul.compliance.registry import RULES_BY_ID


def _staff_key(finding: Finding) -> str | None:
    if finding.subject_type == STAFF:
        return finding.subject_key
    return finding.detail.get("staff") if isinstance(finding.detail, dict) else None


def fix_url(finding: Finding, *, school, year, association=None) -> str:
    """The page where ``finding`` is fixed, for a checklist shown under ``association``."""
    name = RULES_BY_ID[finding.rule].fix
    ma_key = (
        association.key
        if association is not None
        else (finding.associations[0] if finding.associations else None)
    )
    school_page = link_or("schools:overview", school.key)
    fallback = (
        link_or("associations:detail", school.key, ma_key, fallback=school_page)
        if ma_key
        else school_page
    )
    if name in ("schools:overview", "associations:list"):
        args = (school.key,)
    elif name == "people:edit":
        staff_key = _staff_key(finding)
        if not staff_key:
            return fallback
        args = (school.key, staff_key)
    elif name == "meetings:detail":
        if finding.subject_type != MEETING:
            return fallback
        args = (school.key, finding.subject_key)
    elif not ma_key:
        return fallback
    elif name in ("planning:plan", "analysis:analysis"):
        args = (school.key, ma_key, year.key)
    else:
        args = (school.key, ma_key)
    return link_or(name, *args, fallback=fallback)
