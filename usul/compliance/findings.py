"""A finding: one place where the school departs from its regulation (RULES.md).

A finding names its rule, the clauses it enforces, how serious it is, what it is about (the
subject's natural key, as in the bundle) and the rule's machine-readable specifics (``detail``).
Its human message is rendered on demand in the active language, so the same finding reads in
Kyrgyz on a page and in Russian in a command's output.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.utils.functional import Promise

VIOLATION = "violation"
WARNING = "warning"
SEVERITIES = (VIOLATION, WARNING)

# RULES.md: the kinds of subject a finding may be about.
SCHOOL = "school"
ASSOCIATION = "association"
STAFF = "staff"
MEETING = "meeting"
PLAN = "plan"
DOCUMENT = "document"


@dataclass(frozen=True)
class Finding:
    rule: str
    clauses: tuple[str, ...]
    severity: str
    subject_type: str
    subject_key: str
    detail: dict
    as_of: dt.date
    # What the message says: a key of ``usul.compliance.registry.MESSAGES`` and its values.
    message_id: str = ""
    params: dict = field(default_factory=dict, compare=False)
    # The MAs (by key) whose checklist this finding belongs to; empty for school-wide findings.
    associations: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_violation(self) -> bool:
        return self.severity == VIOLATION

    @property
    def message(self) -> str:
        """The message in the active language."""
        from usul.compliance.registry import MESSAGES

        template = MESSAGES[self.message_id or self.rule]
        values = {k: str(v) if isinstance(v, Promise) else v for k, v in self.params.items()}
        return str(template) % values

    @property
    def recorded_by(self) -> str:
        """While Usul has no page that fixes it: what is missing and who records it."""
        from usul.compliance.registry import RULES_BY_ID

        text = RULES_BY_ID[self.rule].recorded_by
        return str(text) if text else ""

    def as_json(self) -> dict:
        """The finding exactly as RULES.md shows it, the message in the active language."""
        return {
            "rule": self.rule,
            "clauses": list(self.clauses),
            "severity": self.severity,
            "subject": {"type": self.subject_type, "key": self.subject_key},
            "detail": self.detail,
            "message": self.message,
            "as_of": self.as_of.isoformat(),
        }


def _natural(text: str) -> tuple:
    # "DOC-2" before "DOC-10", grade 5 before grade 10: numbers compare as numbers.
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def sort_key(finding: Finding) -> tuple:
    """A stable order: rules as RULES.md lists them, then subject, then detail."""
    from usul.compliance.registry import rule_position

    return (
        rule_position(finding.rule),
        finding.subject_type,
        _natural(finding.subject_key),
        _natural(json.dumps(finding.detail, ensure_ascii=False)),
    )
