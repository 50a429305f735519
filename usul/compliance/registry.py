"""The registry of compliance rules: every rule of RULES.md, in its order, with its clauses.

Each rule has a stable ID (the UI, the CLI and the tests use it), the clauses of
REGULATION.en.md it enforces, its severity as RULES.md states it, the scope it runs over, what
the regulation requires (shown on the checklist in the user's language), and the page where a
finding is fixed. The checks themselves live in ``usul.compliance.rules.*``, one module per
group, and attach themselves here with ``implements``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from usul.compliance.findings import VIOLATION, WARNING

# Scopes: what a rule's check runs over.
PER_ASSOCIATION = "association"  # each active MA at D: check(ctx, ma) -> list | None
PER_STAFF = "staff"  # the members of active MAs at D, each once: check(ctx) -> list
SCHOOL_WIDE = "school"  # check(ctx) -> list
RETENTION = "retention"  # every register entry of every year and MA: check(ctx) -> list

# Severity shown on the checklist when RULES.md makes it depend on the date.
BY_DATE = "by_date"


@dataclass
class Rule:
    id: str
    clauses: tuple[str, ...]
    severity: str  # VIOLATION, WARNING or BY_DATE
    scope: str
    requirement: object  # lazy text: what the regulation requires, in the user's language
    fix: str  # the URL name of the page where it is fixed; "" while Usul has no such page
    check: Callable | None = None
    # Until the page that fixes it exists: what is missing, and who records it (lazy text).
    recorded_by: object = None

    @property
    def title(self):
        """The rule in a few plain words, shown before its ID (which is only a reference)."""
        return TITLES[self.id]


RULES: list[Rule] = [
    # --- Association rules -------------------------------------------------------------------
    Rule(
        "MA-MEMBERS",
        ("GEN-2",),
        VIOLATION,
        PER_ASSOCIATION,
        _("An MA is formed from no fewer than three teachers."),
        "associations:members",
    ),
    Rule(
        "MA-SUBJECTS",
        ("GEN-2", "GEN-7"),
        WARNING,
        PER_ASSOCIATION,
        _("A subject MA names its subjects, and its teachers teach them."),
        "associations:edit",
    ),
    Rule(
        "MA-ORDER",
        ("GEN-8", "DOC-1"),
        VIOLATION,
        PER_ASSOCIATION,
        _("An MA is created by the director's order on the proposal of a deputy director."),
        "associations:edit",
    ),
    Rule(
        "MA-SUPERVISOR",
        ("GEN-9",),
        VIOLATION,
        PER_ASSOCIATION,
        _("An MA is directly subordinate to a deputy director."),
        "associations:edit",
    ),
    Rule(
        "MA-COUNCIL",
        ("GEN-4", "GEN-6"),
        WARNING,
        PER_ASSOCIATION,
        _("The MA's directions of work are approved by the methodological council."),
        "orders:council",
    ),
    Rule(
        "HEAD-ASSIGNED",
        ("GEN-3", "ORG-1", "DOC-2"),
        VIOLATION,
        PER_ASSOCIATION,
        _("The MA has a head, elected by its teachers at a meeting or confirmed by an order."),
        "associations:elect_head",
    ),
    Rule(
        "HEAD-MEMBER",
        ("ORG-1",),
        VIOLATION,
        PER_ASSOCIATION,
        _("The head is one of the MA's teachers."),
        "associations:members",
    ),
    Rule(
        "HEAD-CATEGORY",
        ("GEN-3",),
        VIOLATION,
        PER_ASSOCIATION,
        _("The head is a teacher of the highest or first qualification category."),
        "people:edit",
    ),
    Rule(
        "HEAD-EDUCATION",
        ("HEAD-1",),
        VIOLATION,
        PER_ASSOCIATION,
        _("The head has higher professional education."),
        "people:edit",
    ),
    Rule(
        "HEAD-EXPERIENCE",
        ("HEAD-1",),
        VIOLATION,
        PER_ASSOCIATION,
        _("The head has at least 5 years of work experience in the education system."),
        "people:edit",
    ),
    Rule(
        "PLAN-APPROVED",
        ("ORG-2", "DOC-7"),
        BY_DATE,
        PER_ASSOCIATION,
        _("The MA's work plan is approved by a deputy director at the beginning of the year."),
        "planning:plan",
    ),
    Rule(
        "PLAN-REFLECTS",
        ("FUNC-1",),
        WARNING,
        PER_ASSOCIATION,
        _(
            "The work plan reflects the school's methodological theme and the instructions of "
            "the district methodological office."
        ),
        "planning:plan",
    ),
    Rule(
        "PLAN-MONTHS",
        ("DOC-8",),
        WARNING,
        PER_ASSOCIATION,
        _("The MA has a plan grid for each month."),
        "planning:plan",
    ),
    Rule(
        "PLAN-OPEN-LESSONS",
        ("DOC-7", "ORG-3", "FUNC-3"),
        WARNING,
        PER_ASSOCIATION,
        _("The work plan includes the schedule of open lessons."),
        "planning:plan",
    ),
    Rule(
        "MEET-COUNT",
        ("ORG-4",),
        BY_DATE,
        PER_ASSOCIATION,
        _("At least four MA meetings are held in a school year."),
        "meetings:list",
    ),
    Rule(
        "MEET-RESOLUTIONS",
        ("ORG-4", "DOC-12"),
        VIOLATION,
        PER_ASSOCIATION,
        _("MA meetings adopt resolutions."),
        "meetings:detail",
    ),
    Rule(
        "MEET-ATTENDANCE",
        ("DUTY-2",),
        WARNING,
        PER_ASSOCIATION,
        _("Members attend the MA's meetings; attendance is recorded."),
        "meetings:detail",
    ),
    Rule(
        "YEAR-ANALYSIS",
        ("ORG-5", "DOC-5"),
        VIOLATION,
        PER_ASSOCIATION,
        _(
            "At the end of the year the deputy director analyses the MA's work and gives "
            "proposals for next year."
        ),
        "analysis:analysis",
    ),
    Rule(
        "KTU",
        ("FUNC-5",),
        BY_DATE,
        PER_ASSOCIATION,
        _("The MA forms a commission that determines the KTU of each member."),
        "",
        recorded_by=_(
            "Usul has no page for the KTU yet: the MA head records the coefficients in the "
            "school's bundle."
        ),
    ),
    Rule(
        "DOCS",
        # RULES.md cites "DOC-1…DOC-12"; its example finding writes that range as its two ends,
        # ["DOC-1", "DOC-12"], and the JSON follows the example (docs/rules.md).
        ("DOC-1", "DOC-12"),
        BY_DATE,
        PER_ASSOCIATION,
        _("The MA keeps its twelve documents."),
        "documents:register",
    ),
    # --- Staff rules -------------------------------------------------------------------------
    Rule(
        "STAFF-SELFDEV",
        ("DOC-10", "DUTY-1"),
        WARNING,
        PER_STAFF,
        _("Each teacher works on a self-development topic for the year."),
        "people:self_development",
    ),
    Rule(
        "STAFF-DATABANK",
        ("DOC-9",),
        WARNING,
        PER_STAFF,
        _(
            "The data bank holds each teacher's age, education, specialty, subjects taught and "
            "experience."
        ),
        "people:edit",
    ),
    Rule(
        "STAFF-CTP",
        ("DOC-11",),
        WARNING,
        PER_STAFF,
        _("Each teacher has a calendar-thematic plan for every subject and grade taught."),
        "thematic:plans",
    ),
    # --- School rules ------------------------------------------------------------------------
    Rule(
        "SCHOOL-THEME",
        ("FUNC-1", "DOC-6"),
        WARNING,
        SCHOOL_WIDE,
        _("The school has a methodological theme for the year."),
        "schools:year_edit",
    ),
    Rule(
        "SCHOOL-UNASSIGNED",
        ("GEN-1",),
        WARNING,
        SCHOOL_WIDE,
        _("Every teacher belongs to a methodological association."),
        # No one page adds a teacher to "an MA": it is done on the chosen MA's members page.
        "",
        recorded_by=_(
            "The deputy director or the director adds the teacher to an MA on that MA's page, "
            "under its members."
        ),
    ),
    # --- Retention (ORG-6) -------------------------------------------------------------------
    Rule(
        "RET-TRANSFER",
        ("ORG-6",),
        WARNING,
        RETENTION,
        _("After three years at school, resolutions, work plans and analyses go to the archive."),
        "documents:archive",
    ),
    Rule(
        "RET-EXPIRED",
        ("ORG-6",),
        WARNING,
        RETENTION,
        _(
            "Documentation is kept three years at school; resolutions, plans and analyses ten "
            "more years in the archive. Then it may be listed in a disposal act."
        ),
        "documents:archive",
    ),
]

RULES_BY_ID = {rule.id: rule for rule in RULES}

# What each rule is about, in a teacher's words: pages lead with these, and show the rule's ID
# and clauses only as a small reference after them.
TITLES = {
    "MA-MEMBERS": _("At least three teachers"),
    "MA-SUBJECTS": _("The MA's subjects"),
    "MA-ORDER": _("The order that creates the MA"),
    "MA-SUPERVISOR": _("A supervising deputy director"),
    "MA-COUNCIL": _("Approved by the methodological council"),
    "HEAD-ASSIGNED": _("The MA's head"),
    "HEAD-MEMBER": _("The head is a member"),
    "HEAD-CATEGORY": _("The head's category"),
    "HEAD-EDUCATION": _("The head's education"),
    "HEAD-EXPERIENCE": _("The head's experience"),
    "PLAN-APPROVED": _("An approved work plan"),
    "PLAN-REFLECTS": _("The school's theme and instructions in the plan"),
    "PLAN-MONTHS": _("A plan grid for every month"),
    "PLAN-OPEN-LESSONS": _("The open-lesson schedule"),
    "MEET-COUNT": _("Four meetings a year"),
    "MEET-RESOLUTIONS": _("Resolutions of the meetings"),
    "MEET-ATTENDANCE": _("Attendance at meetings"),
    "YEAR-ANALYSIS": _("The analysis of the year"),
    "KTU": _("The KTU commission"),
    "DOCS": _("The MA's twelve documents"),
    "STAFF-SELFDEV": _("A self-development topic"),
    "STAFF-DATABANK": _("The teacher data bank"),
    "STAFF-CTP": _("Calendar-thematic plans"),
    "SCHOOL-THEME": _("The school's methodological theme"),
    "SCHOOL-UNASSIGNED": _("Every teacher in an MA"),
    "RET-TRANSFER": _("Handing over to the archive"),
    "RET-EXPIRED": _("The end of the keeping time"),
}

# The rules whose findings can be about a staff member (subject "staff"): what a person's own
# findings come from (``usul.compliance.services.check_part``). A rule added later that names
# a person belongs here; the tests compare every person's findings with the whole school's.
ABOUT_A_PERSON = (
    "MA-SUBJECTS",
    "STAFF-SELFDEV",
    "STAFF-DATABANK",
    "STAFF-CTP",
    "SCHOOL-UNASSIGNED",
)

_POSITION = {rule.id: index for index, rule in enumerate(RULES)}


# Rules whose two clauses are the ends of a range of clauses (shown as "DOC-1…DOC-12").
CLAUSE_RANGES = frozenset({"DOCS"})


def rule_position(rule_id: str) -> int:
    return _POSITION[rule_id]


def implements(rule_id: str):
    """Attach a check function to its rule (raises on an unknown ID: IDs are stable)."""

    def attach(function):
        rule = RULES_BY_ID[rule_id]
        if rule.check is not None:
            raise RuntimeError(f"{rule_id} is implemented twice")
        rule.check = function
        return function

    return attach


# The regulation's clauses in short, shown on the checklist next to their IDs.
CLAUSES = {
    "GEN-1": _("MAs unite teachers by subject, educational area or kind of upbringing work."),
    "GEN-2": _("An MA is formed from no fewer than three teachers."),
    "GEN-3": _("An MA is headed by a teacher of the highest or first category."),
    "GEN-4": _("The MA's directions of work are approved by the methodological council."),
    "GEN-6": _(
        "The number of MAs is decided by the methodological council and confirmed by "
        "the director's order."
    ),
    "GEN-7": _("MA teachers prepare students in the subjects of the MA's area."),
    "GEN-8": _("MAs are created by the director's order on a deputy director's proposal."),
    "GEN-9": _("An MA is directly subordinate to a deputy director."),
    "HEAD-1": _(
        "The head has higher professional education and at least 5 years of "
        "experience in education."
    ),
    "FUNC-1": _(
        "The plan reflects the school's work plan, its methodological theme and the "
        "district office's instructions."
    ),
    "FUNC-3": _("Seminars, trainings and open lessons."),
    "FUNC-5": _("A commission determines the KTU of each member."),
    "ORG-1": _("The MA's teachers elect its head."),
    "ORG-2": _("The work plan is approved at the beginning of the year by the deputy director."),
    "ORG-3": _("Cycles of open lessons on set topics."),
    "ORG-4": _("At least four meetings a year; meetings adopt resolutions."),
    "ORG-5": _("At the year's end the deputy director analyses the MA's work and gives proposals."),
    "ORG-6": _(
        "Documentation is kept at school for three years; resolutions, plans and "
        "analyses then ten years in the archive."
    ),
    "DUTY-1": _("Members work on raising their professional skill."),
    "DUTY-2": _("Members attend the MA's meetings."),
    "DOC-1": _("Order on opening the MA"),
    "DOC-2": _("Order on electing the MA's chair"),
    "DOC-3": _("Regulation on the MA"),
    "DOC-4": _("Functional duties of the MA's teachers"),
    "DOC-5": _("Analysis of the MA's work in the previous year"),
    "DOC-6": _("Methodological theme, goal, main directions and tasks for the new year"),
    "DOC-7": _("Work plan for the current year and the schedule of open lessons"),
    "DOC-8": _("Plan grid for each month"),
    "DOC-9": _("Data bank on the MA's teachers"),
    "DOC-10": _("Teachers' self-development topics and creative reports"),
    "DOC-11": _("Calendar-thematic planning"),
    "DOC-12": _("Resolutions of the MA's meetings"),
    "other": _("Other document"),
}

# Names used inside messages.
CATEGORY_NAMES = {
    "highest": _("highest category"),
    "first": _("first category"),
    "second": _("second category"),
    "none": _("no category"),
}
DATABANK_FIELDS = {
    "birth_date": _("birth date"),
    "education.level": _("education level"),
    "education.specialty": _("specialty"),
    "teaching": _("subjects taught this year"),
    "employment": _("employment history"),
}
SCHOOL_THEME = _("the school's methodological theme")
INSTRUCTION = _("district instruction %(number)s")
ORDER_PROBLEMS = {
    "signed_by": _("it is not signed by the director"),
    "proposed_by": _("it was not proposed by a deputy director"),
}

# Message templates: by rule ID, or "RULE:variant" where a rule can fail in several ways.
MESSAGES = {
    "MA-MEMBERS": _(
        "%(association)s has %(count)s members on %(date)s; an MA needs at least three teachers."
    ),
    "MA-SUBJECTS": _("%(association)s is a subject MA but names no subject."),
    "MA-SUBJECTS:staff": _(
        "%(staff)s is a member of %(association)s but teaches none of its subjects in %(year)s."
    ),
    "MA-ORDER": _("%(association)s has no director's order that creates it."),
    "MA-ORDER:unsigned": _(
        "The order creating %(association)s (No. %(number)s of %(date)s) is "
        "incomplete: %(problems)s."
    ),
    "MA-SUPERVISOR": _("On %(date)s no deputy director supervises %(association)s."),
    "MA-COUNCIL": _(
        "No methodological council decision of %(year)s approves the work of %(association)s."
    ),
    "HEAD-ASSIGNED": _("%(association)s has no head on %(date)s."),
    "HEAD-ASSIGNED:unconfirmed": _(
        "The head of %(association)s, %(staff)s, was neither "
        "elected at a held meeting of the MA nor confirmed by an "
        "order."
    ),
    "HEAD-MEMBER": _(
        "The head of %(association)s, %(staff)s, is not a member of the MA on %(date)s."
    ),
    "HEAD-CATEGORY": _(
        "The head of %(association)s, %(staff)s, has %(category)s on %(date)s; "
        "the highest or first is required."
    ),
    "HEAD-EDUCATION": _(
        "The head of %(association)s, %(staff)s, has no higher professional education."
    ),
    "HEAD-EXPERIENCE": _(
        "The head of %(association)s, %(staff)s, has %(years)s years "
        "(%(days)s days) of experience in education on %(date)s; at least 5 "
        "are required."
    ),
    "PLAN-APPROVED": _(
        "%(association)s has no work plan for %(year)s; it must be approved by %(deadline)s."
    ),
    "PLAN-APPROVED:unapproved": _(
        "The work plan of %(association)s for %(year)s is not "
        "approved by a deputy director; the deadline is "
        "%(deadline)s."
    ),
    "PLAN-APPROVED:late": _(
        "The work plan of %(association)s was approved on %(approved)s, "
        "after the deadline of %(deadline)s."
    ),
    "PLAN-REFLECTS": _("The work plan of %(association)s does not reflect %(missing)s."),
    "PLAN-MONTHS": _("The monthly plan grid of %(association)s has nothing for %(months)s."),
    "PLAN-OPEN-LESSONS": _("The work plan of %(association)s schedules no open lesson."),
    "MEET-COUNT": _(
        "%(association)s held %(held)s meetings in %(year)s; at least four are required."
    ),
    "MEET-COUNT:planned": _(
        "%(association)s plans %(planned)s meetings in %(year)s (held so "
        "far: %(held)s); at least four are required."
    ),
    "MEET-RESOLUTIONS": _(
        "Meeting No. %(number)s of %(association)s on %(date)s adopted no resolution."
    ),
    "MEET-ATTENDANCE": _(
        "Attendance was not recorded at meeting No. %(number)s of %(association)s on %(date)s."
    ),
    "YEAR-ANALYSIS": _(
        "There is no deputy director's analysis of the work of %(association)s "
        "in %(year)s with proposals for next year."
    ),
    "KTU": _("%(association)s has no KTU commission for %(year)s."),
    "KTU:values": _("KTU is not determined for these members of %(association)s: %(staff)s."),
    "DOCS": _("The register of %(association)s lacks %(document)s (%(title)s) for %(year)s."),
    "STAFF-SELFDEV": _("%(staff)s has no self-development topic for %(year)s."),
    "STAFF-DATABANK": _("The data bank record of %(staff)s lacks: %(missing)s."),
    "STAFF-CTP": _(
        "%(staff)s has no calendar-thematic plan for %(subject_name)s, grade %(grade)s, "
        "in %(year)s."
    ),
    "SCHOOL-THEME": _("The school has no methodological theme for %(year)s."),
    "SCHOOL-UNASSIGNED": _(
        "%(staff)s teaches in %(year)s but belongs to no methodological association on %(date)s."
    ),
    "RET-TRANSFER": _(
        "%(document)s «%(title)s» of %(association)s (%(year)s) is still at "
        "school; it was due in the archive after %(limit)s."
    ),
    "RET-EXPIRED": _(
        "The keeping time of %(document)s «%(title)s» of %(association)s "
        "(%(year)s) ended on %(limit)s; it may now be listed in a disposal act."
    ),
}

SEVERITY_NAMES = {
    VIOLATION: _("violation"),
    WARNING: _("warning"),
    "passed": _("passed"),
    "not_applicable": pgettext_lazy("compliance status", "not checked"),
}
