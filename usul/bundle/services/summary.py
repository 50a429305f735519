"""What an import does, section by section: the preview's table and the command's line."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

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


# What each section is called on the preview page and in ``usul import``.
SECTION_LABELS = {
    "district": gettext_lazy("District methodological office"),
    "school": gettext_lazy("School and its settings"),
    "years": gettext_lazy("School years"),
    "subjects": gettext_lazy("Subjects"),
    "staff": gettext_lazy("Staff"),
    "staff.positions": gettext_lazy("Positions"),
    "staff.employment": gettext_lazy("Employment history"),
    "staff.categories": gettext_lazy("Qualification categories"),
    "staff.teaching": gettext_lazy("Teaching assignments"),
    "staff.self_development": gettext_lazy("Self-development topics"),
    "staff.courses": gettext_lazy("Qualification upgrading courses"),
    "staff.thematic_plans": gettext_lazy("Calendar-thematic plans"),
    "staff.thematic_plans.items": gettext_lazy("Lessons of calendar-thematic plans"),
    "orders": gettext_lazy("Director's orders"),
    "council_decisions": gettext_lazy("Methodological council decisions"),
    "district_instructions": gettext_lazy("District instructions"),
    "observation_templates": gettext_lazy("Observation forms"),
    "associations": gettext_lazy("Methodological associations"),
    "associations.supervisors": gettext_lazy("Supervisors"),
    "associations.members": gettext_lazy("Memberships"),
    "associations.heads": gettext_lazy("Head terms"),
    "associations.plans": gettext_lazy("Work plans"),
    "associations.plans.versions": gettext_lazy("Approved plan versions"),
    "associations.plans.events": gettext_lazy("Steps of the plans (who, when)"),
    "associations.plans.items": gettext_lazy("Plan items"),
    "associations.plans.items.materials": gettext_lazy("Materials of plan items"),
    "associations.meetings": gettext_lazy("Meetings"),
    "associations.meetings.attendance": gettext_lazy("Attendance"),
    "associations.meetings.resolutions": gettext_lazy("Resolutions"),
    "associations.open_lessons": gettext_lazy("Open lessons"),
    "associations.open_lessons.visitors": gettext_lazy("Open-lesson visitors"),
    "associations.open_lessons.observations": gettext_lazy("Lesson observations"),
    "associations.analyses": gettext_lazy("Year-end analyses"),
    "associations.ktu": gettext_lazy("KTU records"),
    "associations.ktu.values": gettext_lazy("KTU values"),
    "associations.documents": gettext_lazy("Documentation register"),
    "observations": gettext_lazy("Observations outside open lessons"),
}


@dataclass
class FieldChange:
    """One field an import changes: its name in the user's language, the value before and after."""

    field: str
    old: str
    new: str


@dataclass
class RecordChange:
    """A record an import changes or deletes, named as people know it (a person's full name, a
    resolution's text), so that the preview says who and what, not only a key."""

    owner: str  # the key of the record, or of the record whose list holds it
    record: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class SectionChanges:
    """What an import does to one section. Keyed sections name records by key; rows by owner."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    # Keyed records the installation has and the bundle does not: kept as they are.
    kept: list[str] = field(default_factory=list)
    # What ``updated`` and ``deleted`` count, record by record.
    changes: list[RecordChange] = field(default_factory=list)
    deletions: list[RecordChange] = field(default_factory=list)
    # Rows recorded here after the bundle was exported and missing from it: deleted only when
    # the import is told so (``delete_newer``), since the bundle cannot have known them.
    spared: list[RecordChange] = field(default_factory=list)

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

    @property
    def spared(self) -> list[RecordChange]:
        return [row for s in self.sections.values() for row in s.spared]

    def total(self, what: str) -> int:
        if what == "unchanged":
            return sum(s.unchanged for s in self.sections.values())
        return sum(len(getattr(s, what)) for s in self.sections.values())

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.sections.values())


# --- Import -------------------------------------------------------------------------------------
