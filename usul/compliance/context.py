"""A check in progress: one snapshot read at one as-of date D.

Holds what several rules need and would otherwise compute again: which MAs are active at D
(RULES.md: rules on MAs apply to active MAs only), who their members are at D, and the year's
deadlines. Builds findings with the clauses of their rule, so no rule can cite the wrong ones.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from usul.associations.selectors import is_active, members_at
from usul.compliance.findings import Finding
from usul.compliance.registry import RULES_BY_ID
from usul.compliance.snapshot import Snapshot
from usul.lib.dates import format_date


class Joined:
    """Texts (lazy ones too) joined in the language active when the message is rendered."""

    def __init__(self, parts, separator="; "):
        self.parts = list(parts)
        self.separator = separator

    def __str__(self) -> str:
        return self.separator.join(str(p) for p in self.parts)


class Context:
    def __init__(self, snapshot: Snapshot, as_of: dt.date):
        self.snapshot = snapshot
        self.as_of = as_of
        self.school = snapshot.school
        self.year = snapshot.year

    @property
    def year_end_passed(self) -> bool:
        """RULES.md: the year's end has passed when D > ``end``."""
        return self.as_of > self.year.end

    @property
    def plan_deadline(self) -> dt.date:
        return self.year.plan_deadline

    @cached_property
    def active_associations(self) -> list:
        return [a for a in self.snapshot.associations if is_active(a, self.as_of, self.year)]

    @cached_property
    def members(self) -> dict[int, list]:
        """Members at D of each active MA, by MA id."""
        return {a.pk: members_at(a, self.as_of) for a in self.active_associations}

    @cached_property
    def associations_of_staff(self) -> dict[int, list]:
        """The active MAs each staff member belongs to at D, by staff id."""
        result: dict[int, list] = {}
        for association in self.active_associations:
            for person in self.members[association.pk]:
                result.setdefault(person.pk, []).append(association)
        return result

    @cached_property
    def checked_staff(self) -> list:
        """Staff rules: the members of active MAs at D, each checked once."""
        return [s for s in self.snapshot.staff if s.pk in self.associations_of_staff]

    def finding(
        self,
        rule_id: str,
        *,
        severity: str | None = None,
        subject: tuple[str, str],
        detail: dict | None = None,
        variant: str = "",
        associations=(),
        **params,
    ) -> Finding:
        rule = RULES_BY_ID[rule_id]
        return Finding(
            rule=rule_id,
            clauses=rule.clauses,
            severity=severity or rule.severity,
            subject_type=subject[0],
            subject_key=subject[1],
            detail=detail if detail is not None else {},
            as_of=self.as_of,
            message_id=f"{rule_id}:{variant}" if variant else rule_id,
            params={"year": self.year.key, "date": format_date(self.as_of), **params},
            associations=tuple(a.key for a in associations),
        )
