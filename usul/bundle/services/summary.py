"""What an import does, section by section: the preview's table and the command's line."""

from __future__ import annotations

from dataclasses import dataclass, field

# The sections of a summary, in the bundle's order (paths of BUNDLE.md).
SECTIONS = (
    "district",
    "school",
    "years",
    "subjects",
    "staff",
    "staff.positions",
    "staff.employment",
    "staff.categories",
    "staff.teaching",
    "staff.self_development",
    "staff.courses",
    "staff.thematic_plans",
    "staff.thematic_plans.items",
    "orders",
    "council_decisions",
    "district_instructions",
    "observation_templates",
    "associations",
    "associations.supervisors",
    "associations.members",
    "associations.heads",
    "associations.plans",
    "associations.plans.versions",
    "associations.plans.events",
    "associations.plans.items",
    "associations.plans.items.materials",
    "associations.meetings",
    "associations.meetings.attendance",
    "associations.meetings.resolutions",
    "associations.open_lessons",
    "associations.open_lessons.visitors",
    "associations.open_lessons.observations",
    "associations.analyses",
    "associations.ktu",
    "associations.ktu.values",
    "associations.documents",
    "observations",
)


@dataclass
class SectionChanges:
    """What an import does to one section. Keyed sections name records by key; rows by owner."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    # Keyed records the installation has and the bundle does not: kept as they are.
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class ImportSummary:
    school: str
    school_created: bool = False
    sections: dict[str, SectionChanges] = field(
        default_factory=lambda: {name: SectionChanges() for name in SECTIONS}
    )

    def total(self, what: str) -> int:
        if what == "unchanged":
            return sum(s.unchanged for s in self.sections.values())
        return sum(len(getattr(s, what)) for s in self.sections.values())

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.sections.values())


# --- Import -------------------------------------------------------------------------------------
