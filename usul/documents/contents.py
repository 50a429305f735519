"""What each of the twelve documents says, read from what was recorded (DOC-1…DOC-12).

``document_content`` returns a document's content as plain values — texts, lists, tables —
that a template lays out: the school's name, the title, the number and date, an approval
block, sections (a heading, paragraphs, a numbered list, a table, a chart) and the signature
lines the document needs. Templates (``usul.documents.rendering``) see nothing else: no model,
no query, so a school's own template cannot reach further than the document's own data.

It is called inside ``translation.override(language)``: every word of the document is in that
language (Kyrgyz or Russian). When the records hold nothing to make the document from — no
plan for the year, no meeting held — it raises ``Refusal`` with a message saying what is
missing.

The caller has checked the policy (``generate_document``): the data bank (DOC-9) carries
personal data that only those who manage the MA read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from usul.associations.models import Association
from usul.associations.selectors import creating_order, head_at, members_at, supervisors_at
from usul.documents.models import DocumentType
from usul.documents.register import head_order_term
from usul.lib.charts import bar_groups
from usul.lib.dates import format_date
from usul.meetings.models import AttendanceStatus, Meeting, MeetingStatus, ResolutionStatus
from usul.people.databank import composition, years_of
from usul.people.models import (
    CategoryLevel,
    Role,
    Staff,
    Teaching,
    ThematicPlan,
)
from usul.people.selectors import (
    age,
    category_level_at,
    experience_in_education_days,
    experience_total_days,
    roles_at,
)
from usul.schools.models import SchoolYear

TEXTS = Path(__file__).parent / "default_templates" / "texts"
# Documents whose tables are wide: printed on a landscape page.
LANDSCAPE = frozenset({"DOC-7", "DOC-8", "DOC-9", "DOC-11"})


class Refusal(Exception):
    """The records hold nothing to make this document from. The message says what is missing
    in the language active when it is read (the user's, not necessarily the document's)."""

    def __init__(self, message, params: dict | None = None):
        super().__init__(message)
        self.text = message
        self.params = params or {}

    @property
    def message(self) -> str:
        return str(self.text) % self.params if self.params else str(self.text)

    def __str__(self) -> str:
        return self.message


@dataclass
class Request:
    """What a document is asked for: the MA, the school year, the date the data is read at
    (DOC-9's experience; the document's date) and, for DOC-11, one teacher."""

    doc_type: str
    association: Association
    year: SchoolYear
    as_of: dt.date
    staff: Staff | None = None

    @property
    def day(self) -> dt.date:
        """The as-of date held inside the school year: who is a member, who heads the MA."""
        return min(max(self.as_of, self.year.start), self.year.end)


def section(heading="", *, paragraphs=(), points=(), table=None, chart=None) -> dict:
    """One part of a document; every key is always there (templates refuse unknown names)."""
    return {
        "heading": heading,
        "paragraphs": [p for p in paragraphs if p],
        "points": list(points),
        "table": table,
        "chart": chart,
    }


def table(columns: list[str], rows: list[list[str]]) -> dict:
    return {"columns": columns, "rows": [[str(v) for v in row] for row in rows]}


def signature(role: str, staff: Staff | None) -> dict:
    return {"role": role, "name": staff.short_name if staff else ""}


def page_words() -> dict:
    """ "Page N of M" split around its two numbers, which the PDF's page counters and the
    DOCX's fields fill in."""
    # Translators: keep both placeholders; the words around them may be in any order.
    text = _("Page %(page)s of %(pages)s")
    before, rest = text.split("%(page)s", 1)
    between, after = rest.split("%(pages)s", 1)
    return {"page_before": before, "page_between": between, "page_after": after}


def labels() -> dict:
    """The words every template uses, in the document's language."""
    return {
        "number": _("No."),
        "date": _("Date"),
        "year": _("School year"),
        "association": _("Methodological association"),
        **page_words(),
        "signature": _("(signature)"),
    }


def _people(request: Request) -> list[Staff]:
    association = request.association
    return sorted(
        members_at(association, request.day), key=lambda s: (s.last_name, s.first_name, s.key)
    )


def _director(request: Request) -> Staff | None:
    """The school's director at the document's date (the person who signs)."""
    school = request.association.school
    for person in Staff.objects.filter(school=school, positions__role=Role.DIRECTOR).distinct():
        person_roles = roles_at(person, request.day)
        if Role.DIRECTOR in person_roles:
            return person
    return None


def _deputy(request: Request) -> Staff | None:
    supervisors = supervisors_at(request.association, request.day)
    return supervisors[0] if supervisors else None


def _subjects_taught(staff_ids: list[int], year: SchoolYear) -> dict[int, list[str]]:
    taught: dict[int, list[str]] = {}
    for teaching in Teaching.objects.filter(staff_id__in=staff_ids, year=year).select_related(
        "subject"
    ):
        grades = ", ".join(str(g) for g in teaching.grades or [])
        text = f"{teaching.subject.name} ({grades})" if grades else teaching.subject.name
        taught.setdefault(teaching.staff_id, []).append(text)
    return taught


def _base(request: Request, *, number: str = "", date: dt.date | None = None) -> dict:
    association = request.association
    doc_type = request.doc_type
    return {
        "type": doc_type,
        "language": get_language(),
        "school": association.school.name,
        "association": association.name,
        "year": request.year.key,
        "title": str(DocumentType(doc_type).label),
        "subtitle": "",
        "number": number or f"{doc_type.split('-')[1]}/{request.year.key}",
        "date": format_date(date or request.as_of),
        "approval": None,
        "sections": [],
        "signatures": [],
        "labels": labels(),
        "landscape": doc_type in LANDSCAPE,
    }


def regulation_clauses(language: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The default text of the regulation (DOC-3): parts (ID, heading, [(clause, text)])."""
    parts: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in (TEXTS / f"regulation.{language}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("="):
            part, heading = (p.strip() for p in line[1:].split("|", 1))
            parts.append((part, heading, []))
        else:
            clause, text = (p.strip() for p in line.split("|", 1))
            parts[-1][2].append((clause, text))
    return parts


def _approval(role: str, staff: Staff | None, date: dt.date | None) -> dict:
    return {
        "label": _("APPROVED"),
        "role": role,
        "name": staff.short_name if staff else "",
        "date": format_date(date),
    }


# --- DOC-1, DOC-2: the director's orders --------------------------------------------------------


def doc_1(request: Request, language: str) -> dict:
    association = request.association
    order = creating_order(association)
    if order is None:
        raise Refusal(
            gettext_lazy("No director's order creating %(association)s is recorded in Usul."),
            {"association": association.name},
        )
    content = _base(request, number=order.number, date=order.date)
    content["title"] = _("ORDER")
    content["subtitle"] = _("On opening the methodological association “%(name)s”") % {
        "name": association.name
    }
    day = max(order.date, request.year.start) if order.date <= request.year.end else order.date
    people = sorted(members_at(association, day), key=lambda s: (s.last_name, s.key)) or _people(
        request
    )
    taught = _subjects_taught([p.pk for p in people], request.year)
    preamble = (
        _(
            "On the proposal of %(deputy)s, deputy director, and in accordance with the "
            "regulation on methodological associations (GEN-8), I ORDER:"
        )
        % {"deputy": order.proposed_by.short_name}
        if order.proposed_by
        else _("In accordance with the regulation on methodological associations (GEN-8), I ORDER:")
    )
    items = [
        _("To create the methodological association “%(name)s” from %(date)s.")
        % {"name": association.name, "date": format_date(order.date)},
        _("To include in the methodological association the teachers listed below."),
    ]
    supervisors = supervisors_at(association, day)
    if supervisors:
        items.append(
            _("To make the methodological association subordinate to %(deputy)s, deputy director.")
            % {"deputy": supervisors[0].short_name}
        )
    paragraphs = [order.text] if order.text else []
    content["sections"] = [
        section(paragraphs=[preamble, *paragraphs], points=items),
        section(
            _("Members of the methodological association"),
            table=table(
                [_("No."), _("Full name"), _("Subjects taught")],
                [
                    [n, p.full_name, "; ".join(taught.get(p.pk, [])) or "—"]
                    for n, p in enumerate(people, 1)
                ],
            ),
        ),
    ]
    content["signatures"] = [
        signature(_("Director"), order.signed_by),
        signature(_("Proposed by: deputy director"), order.proposed_by),
    ]
    return content


def doc_2(request: Request, language: str) -> dict:
    association = request.association
    term = head_order_term(association, request.year)
    if term is None:
        raise Refusal(
            gettext_lazy(
                "No director's order confirming the head of %(association)s is recorded "
                "for %(year)s."
            ),
            {"association": association.name, "year": request.year.key},
        )
    order = term.order
    content = _base(request, number=order.number, date=order.date)
    content["title"] = _("ORDER")
    content["subtitle"] = _(
        "On electing the chair (head) of the methodological association “%(name)s”"
    ) % {"name": association.name}
    grounds = (
        _(
            "On the basis of the decision of meeting No. %(number)s of %(date)s of the "
            "methodological association (ORG-1), I ORDER:"
        )
        % {"number": term.elected_at.number, "date": format_date(term.elected_at.date)}
        if term.elected_at
        else _("In accordance with the regulation on methodological associations (ORG-1), I ORDER:")
    )
    content["sections"] = [
        section(
            paragraphs=[grounds, order.text],
            points=[
                _(
                    "To confirm %(name)s as the head (chair) of the methodological association "
                    "“%(association)s” from %(date)s."
                )
                % {
                    "name": term.staff.full_name,
                    "association": association.name,
                    "date": format_date(term.start),
                },
            ],
        )
    ]
    content["signatures"] = [
        signature(_("Director"), order.signed_by),
        signature(_("Acquainted: head of the MA"), term.staff),
    ]
    return content


# --- DOC-3, DOC-4: the regulation and the duties -----------------------------------------------

REGULATION_PARTS = ("GEN", "HEAD", "FUNC", "ORG", "DOC", "RIGHT", "DUTY")


def doc_3(request: Request, language: str) -> dict:
    content = _base(request)
    director = _director(request)
    content["approval"] = _approval(_("Director"), director, request.as_of)
    content["subtitle"] = _("of the methodological association “%(name)s”, %(school)s") % {
        "name": request.association.name,
        "school": request.association.school.name,
    }
    content["sections"] = [
        section(heading, points=[text for _clause, text in clauses])
        for part, heading, clauses in regulation_clauses(language)
        if part in REGULATION_PARTS
    ]
    content["signatures"] = [
        signature(_("Head of the MA"), head_at(request.association, request.day)),
    ]
    return content


def doc_4(request: Request, language: str) -> dict:
    people = _people(request)
    if not people:
        raise Refusal(
            gettext_lazy("%(association)s has no members on %(date)s."),
            {"association": request.association.name, "date": format_date(request.day)},
        )
    head = head_at(request.association, request.day)
    clauses = {part: clauses for part, _heading, clauses in regulation_clauses(language)}
    content = _base(request)
    content["approval"] = _approval(_("Director"), _director(request), request.as_of)
    content["sections"] = [
        section(
            _("Head of the methodological association: %(name)s")
            % {"name": head.full_name if head else "—"},
            points=[t for c, t in clauses["HEAD"] if c.startswith(("HEAD-F", "HEAD-D"))],
        ),
        section(
            _("Members of the methodological association"), points=[t for _c, t in clauses["DUTY"]]
        ),
        section(_("Rights of the members"), points=[t for _c, t in clauses["RIGHT"]]),
        section(
            _("Acquainted with the duties"),
            table=table(
                [_("No."), _("Full name"), _("In the MA"), _("Signature")],
                [
                    [n, p.full_name, _("head") if head and p.pk == head.pk else _("member"), ""]
                    for n, p in enumerate(people, 1)
                ],
            ),
        ),
    ]
    content["signatures"] = [signature(_("Head of the MA"), head)]
    return content


# --- DOC-5…DOC-8: the analysis and the plan -----------------------------------------------------


def doc_5(request: Request, language: str) -> dict:
    from usul.analysis.selectors import last_year_analysis
    from usul.planning.selectors import previous_year

    analysis = last_year_analysis(request.association, request.year)
    if analysis is None:
        before = previous_year(request.year)
        raise Refusal(
            gettext_lazy(
                "No analysis of the work of %(association)s in %(year)s, the previous school "
                "year, is recorded."
            ),
            {
                "association": request.association.name,
                "year": before.key
                if before
                else _("the year before %(year)s") % {"year": request.year.key},
            },
        )
    content = _base(request, date=analysis.date)
    content["subtitle"] = _("School year %(year)s") % {"year": analysis.year.key}
    presented = (
        _("Presented at meeting No. %(number)s of %(date)s (ORG-5).")
        % {"number": analysis.presented_at.number, "date": format_date(analysis.presented_at.date)}
        if analysis.presented_at
        else ""
    )
    content["sections"] = [
        section(paragraphs=[*analysis.text.splitlines(), presented]),
        section(_("Proposals for the next year"), points=analysis.proposals or []),
    ]
    content["signatures"] = [signature(_("Deputy director"), analysis.author)]
    return content


def _plan(request: Request):
    from usul.planning.models import PlanItem, WorkPlan

    plan = (
        WorkPlan.objects.filter(association=request.association, year=request.year)
        .select_related("approved_by")
        .prefetch_related(
            Prefetch("items", queryset=PlanItem.objects.select_related("responsible"))
        )
        .first()
    )
    if plan is None:
        raise Refusal(
            gettext_lazy("No work plan of %(association)s for %(year)s is recorded."),
            {"association": request.association.name, "year": request.year.key},
        )
    return plan


def _plan_approval(plan) -> dict | None:
    from usul.planning.models import PlanStatus

    if plan.status != PlanStatus.APPROVED and not plan.approved_at:
        return {
            "label": _("NOT YET APPROVED"),
            "role": _("Deputy director"),
            "name": "",
            "date": "",
        }
    return _approval(_("Deputy director"), plan.approved_by, plan.approved_at)


def doc_6(request: Request, language: str) -> dict:
    plan = _plan(request)
    if not (plan.theme or plan.goal or plan.directions or plan.tasks):
        raise Refusal(
            gettext_lazy(
                "The work plan of %(association)s for %(year)s has no theme, goal, directions "
                "or tasks yet."
            ),
            {"association": request.association.name, "year": request.year.key},
        )
    content = _base(request)
    content["approval"] = _plan_approval(plan)
    content["sections"] = [
        section(_("Methodological theme of the school"), paragraphs=[request.year.theme or "—"]),
        section(_("Methodological theme of the MA"), paragraphs=[plan.theme or "—"]),
        section(_("Goal"), paragraphs=[plan.goal or "—"]),
        section(_("Main directions"), points=plan.directions or []),
        section(_("Tasks for the school year"), points=plan.tasks or []),
    ]
    content["signatures"] = [
        signature(_("Head of the MA"), head_at(request.association, request.day))
    ]
    return content


def _month(month: str) -> str:
    try:
        return date_format(dt.date(int(month[:4]), int(month[5:7]), 1), "F Y")
    except ValueError:
        return month


def _live_items(plan):
    from usul.planning.models import PlanItemStatus

    items = [i for i in plan.items.all() if i.status != PlanItemStatus.CANCELLED]
    return sorted(items, key=lambda i: (i.month, i.date or dt.date.max, i.position, i.pk))


def doc_7(request: Request, language: str) -> dict:
    from usul.lessons.models import OpenLesson, OpenLessonStatus

    plan = _plan(request)
    content = _base(request)
    content["approval"] = _plan_approval(plan)
    content["subtitle"] = plan.theme
    lessons = (
        OpenLesson.objects.filter(association=request.association, year=request.year)
        .exclude(status=OpenLessonStatus.CANCELLED)
        .select_related("teacher", "subject")
        .order_by("date", "key")
    )
    content["sections"] = [
        section(
            _("Work plan"),
            table=table(
                [
                    _("No."),
                    _("Month"),
                    _("Date"),
                    _("Kind"),
                    _("Event"),
                    _("Responsible"),
                    _("Expected result"),
                ],
                [
                    [
                        n,
                        _month(i.month),
                        format_date(i.date),
                        i.get_kind_display(),
                        i.title,
                        i.responsible.short_name if i.responsible else "",
                        i.expected_result,
                    ]
                    for n, i in enumerate(_live_items(plan), 1)
                ],
            ),
        ),
        section(
            _("Schedule of open lessons"),
            paragraphs=[] if lessons else [_("No open lesson is scheduled yet.")],
            table=table(
                [_("No."), _("Date"), _("Teacher"), _("Subject"), _("Class"), _("Topic")],
                [
                    [
                        n,
                        format_date(lesson.date),
                        lesson.teacher.full_name,
                        lesson.subject.name if lesson.subject else "",
                        lesson.class_label or (str(lesson.grade) if lesson.grade else ""),
                        lesson.topic,
                    ]
                    for n, lesson in enumerate(lessons, 1)
                ],
            )
            if lessons
            else None,
        ),
    ]
    content["signatures"] = [
        signature(_("Head of the MA"), head_at(request.association, request.day))
    ]
    return content


def doc_8(request: Request, language: str) -> dict:
    plan = _plan(request)
    items = _live_items(plan)
    if not items:
        raise Refusal(
            gettext_lazy("The work plan of %(association)s for %(year)s has no items yet."),
            {"association": request.association.name, "year": request.year.key},
        )
    by_month: dict[str, list] = {}
    for item in items:
        by_month.setdefault(item.month, []).append(item)
    # DOC-8: every month the plan must cover, and August too when something is planned in it
    # (an item of a month outside the year is still shown, not lost); in calendar order.
    months = sorted(set(request.year.teaching_months()) | set(by_month))
    content = _base(request)
    content["approval"] = _plan_approval(plan)
    content["sections"] = [
        section(
            _month(month),
            paragraphs=[] if by_month.get(month) else [_("Nothing is planned for this month.")],
            table=table(
                [
                    _("No."),
                    _("Date"),
                    _("Kind"),
                    _("Event"),
                    _("Responsible"),
                    pgettext("plan item", "Done"),
                ],
                [
                    [
                        n,
                        format_date(i.date),
                        i.get_kind_display(),
                        i.title,
                        i.responsible.short_name if i.responsible else "",
                        i.get_status_display(),
                    ]
                    for n, i in enumerate(by_month[month], 1)
                ],
            )
            if by_month.get(month)
            else None,
        )
        for month in months
    ]
    content["signatures"] = [
        signature(_("Head of the MA"), head_at(request.association, request.day))
    ]
    return content


# --- DOC-9, DOC-10: the teachers ----------------------------------------------------------------


def _education(person: Staff) -> str:
    parts = [
        person.get_education_level_display() if person.education_level else "",
        person.education_institution,
        str(person.education_graduated) if person.education_graduated else "",
    ]
    return ", ".join(p for p in parts if p) or "—"


def doc_9(request: Request, language: str) -> dict:
    association = request.association
    people = _people(request)
    if not people:
        raise Refusal(
            gettext_lazy("%(association)s has no members on %(date)s."),
            {"association": association.name, "date": format_date(request.day)},
        )
    day = request.as_of  # experience and age as of the chosen date (DOC-9)
    staff = {
        p.pk: p
        for p in Staff.objects.filter(pk__in=[p.pk for p in people]).prefetch_related(
            "positions", "categories", "employment"
        )
    }
    people = [staff[p.pk] for p in people]
    taught = _subjects_taught(list(staff), request.year)
    content = _base(request, date=day)
    content["subtitle"] = _("Experience and age as of %(date)s") % {"date": format_date(day)}
    rows = []
    for n, p in enumerate(people, 1):
        years = age(p, day)
        rows.append(
            [
                n,
                p.full_name,
                f"{format_date(p.birth_date)} ({years})" if p.birth_date else "—",
                _education(p),
                p.education_specialty or "—",
                "; ".join(taught.get(p.pk, [])) or "—",
                str(CategoryLevel(category_level_at(p, day)).label),
                years_of(experience_in_education_days(p, day)),
                years_of(experience_total_days(p, day)),
            ]
        )
    groups = composition(people, day)
    content["sections"] = [
        section(
            table=table(
                [
                    _("No."),
                    _("Full name"),
                    _("Birth date (age)"),
                    _("Education"),
                    _("Specialty"),
                    _("Subjects taught"),
                    _("Category"),
                    _("Pedagogical experience, years"),
                    _("Total experience, years"),
                ],
                rows,
            ),
        ),
        section(
            _("Composition of the MA: %(count)s teachers") % {"count": len(people)},
            table=table(
                [_("Group"), "", _("Teachers")],
                [
                    [g.title if n == 0 else "", label, count]
                    for g in groups
                    for n, (label, count) in enumerate(g.bars)
                ],
            ),
            chart=bar_groups(groups),
        ),
    ]
    content["signatures"] = [signature(_("Head of the MA"), head_at(association, request.day))]
    return content


def doc_10(request: Request, language: str) -> dict:
    from usul.lessons.models import OpenLesson, OpenLessonStatus
    from usul.people.models import CreativeReport, SelfDevelopmentTopic
    from usul.planning.models import PlanItem, PlanItemKind, PlanItemStatus

    association = request.association
    people = _people(request)
    if not people:
        raise Refusal(
            gettext_lazy("%(association)s has no members on %(date)s."),
            {"association": association.name, "date": format_date(request.day)},
        )
    ids = [p.pk for p in people]
    topics: dict[int, list[str]] = {}
    plans: dict[int, list[str]] = {}
    reports: dict[int, list[str]] = {}
    # What each teacher recorded: the year's topic, how it is worked on and what it should
    # give, and the creative reports on it (DOC-10, DUTY-1).
    recorded = (
        SelfDevelopmentTopic.objects.filter(staff_id__in=ids, year=request.year)
        .prefetch_related(Prefetch("reports", queryset=CreativeReport.objects.order_by("date")))
        .order_by("staff_id", "id")
    )
    for topic in recorded:
        topics.setdefault(topic.staff_id, []).append(topic.topic)
        worked = [
            text
            for text in (
                topic.plan.strip(),
                _("expected result: %(result)s") % {"result": topic.expected_result.strip()}
                if topic.expected_result.strip()
                else "",
            )
            if text
        ]
        if worked:
            plans.setdefault(topic.staff_id, []).append("; ".join(worked))
        for report in topic.reports.all():
            reports.setdefault(topic.staff_id, []).append(
                f"{report.form}, {format_date(report.date)}"
                + (f" ({report.materials.strip()})" if report.materials.strip() else "")
            )
    for lesson in OpenLesson.objects.filter(
        teacher_id__in=ids, year=request.year, status=OpenLessonStatus.HELD
    ).order_by("date"):
        reports.setdefault(lesson.teacher_id, []).append(
            _("open lesson “%(topic)s”, %(date)s")
            % {"topic": lesson.topic, "date": format_date(lesson.date)}
        )
    for item in PlanItem.objects.filter(
        plan__association=association,
        plan__year=request.year,
        responsible_id__in=ids,
        status=PlanItemStatus.DONE,
        kind__in=[PlanItemKind.SEMINAR, PlanItemKind.TRAINING, PlanItemKind.EXTRACURRICULAR],
    ).order_by("month", "date"):
        reports.setdefault(item.responsible_id, []).append(
            f"{item.get_kind_display()} “{item.title}”"
            + (f", {format_date(item.date)}" if item.date else "")
        )
    content = _base(request)
    content["sections"] = [
        section(
            table=table(
                [
                    _("No."),
                    _("Full name"),
                    _("Self-development topic"),
                    _("Work on the topic and its expected result"),
                    _("Creative reports"),
                ],
                [
                    [
                        n,
                        p.full_name,
                        "; ".join(topics.get(p.pk, [])) or "—",
                        "; ".join(plans.get(p.pk, [])) or "—",
                        "; ".join(reports.get(p.pk, [])) or "—",
                    ]
                    for n, p in enumerate(people, 1)
                ],
            ),
        )
    ]
    content["signatures"] = [signature(_("Head of the MA"), head_at(association, request.day))]
    return content


# --- DOC-11, DOC-12: the teachers' plans and the minutes ---------------------------------------


def doc_11(request: Request, language: str) -> dict:
    association = request.association
    people = [request.staff] if request.staff is not None else _people(request)
    plans = list(
        ThematicPlan.objects.filter(staff__in=people, year=request.year)
        .select_related("staff", "subject")
        .prefetch_related("items")
        .order_by("staff__last_name", "staff__key", "subject__name_ky", "grade", "id")
    )
    if not plans:
        if request.staff is not None:
            raise Refusal(
                gettext_lazy("%(staff)s has no calendar-thematic plan for %(year)s."),
                {"staff": request.staff.full_name, "year": request.year.key},
            )
        raise Refusal(
            gettext_lazy("No member of %(association)s has a calendar-thematic plan for %(year)s."),
            {"association": association.name, "year": request.year.key},
        )
    content = _base(request)
    if request.staff is not None:
        content["subtitle"] = request.staff.full_name
    content["sections"] = [
        section(
            _("%(subject)s, grade %(grade)s (%(kind)s) — %(teacher)s")
            % {
                "subject": plan.subject.name,
                "grade": plan.grade,
                "kind": plan.get_kind_display(),
                "teacher": plan.staff.full_name,
            },
            paragraphs=[] if plan.items.all() else [_("The plan has no lessons yet.")],
            table=table(
                [
                    _("No."),
                    _("Topic"),
                    _("Hours"),
                    pgettext("lesson date", "Planned"),
                    pgettext("lesson date", "Done"),
                ],
                [
                    [
                        item.n,
                        item.topic,
                        str(item.hours).replace(".", ",") if item.hours is not None else "",
                        format_date(item.planned),
                        format_date(item.done),
                    ]
                    for item in plan.items.all()
                ],
            )
            if plan.items.all()
            else None,
        )
        for plan in plans
    ]
    teachers = list(dict.fromkeys(plan.staff for plan in plans))
    content["signatures"] = [
        *(signature(_("Teacher"), teacher) for teacher in teachers),
        signature(_("Agreed: head of the MA"), head_at(association, request.day)),
    ]
    return content


def doc_12(request: Request, language: str) -> dict:
    association = request.association
    meetings = list(
        Meeting.objects.filter(
            association=association, year=request.year, status=MeetingStatus.HELD
        )
        .prefetch_related("attendance__staff", "resolutions__responsible")
        .order_by("date", "number", "key")
    )
    if not meetings:
        raise Refusal(
            gettext_lazy("%(association)s held no meetings in %(year)s."),
            {"association": association.name, "year": request.year.key},
        )
    content = _base(request)
    sections = []
    for meeting in meetings:
        attendance = list(meeting.attendance.all())

        def names(status, attendance=attendance):
            return ", ".join(sorted(a.staff.short_name for a in attendance if a.status == status))

        present = [a for a in attendance if a.status == AttendanceStatus.PRESENT]
        resolutions = sorted(
            (r for r in meeting.resolutions.all() if r.status != ResolutionStatus.CANCELLED),
            key=lambda r: (r.number, r.pk),
        )
        paragraphs = [
            _("Present: %(count)s — %(names)s")
            % {"count": len(present), "names": names(AttendanceStatus.PRESENT)}
            if present
            else "",
            _("Absent: %(names)s") % {"names": names(AttendanceStatus.ABSENT)}
            if any(a.status == AttendanceStatus.ABSENT for a in attendance)
            else "",
            _("Agenda:") if meeting.agenda else "",
        ]
        sections.append(
            section(
                _("Minutes No. %(number)s of %(date)s")
                % {"number": meeting.number, "date": format_date(meeting.date)},
                paragraphs=paragraphs,
                points=[str(point) for point in meeting.agenda or []],
            )
        )
        sections.append(
            section(
                paragraphs=[
                    *meeting.minutes.splitlines(),
                    _("RESOLVED:") if resolutions else _("No resolution was adopted."),
                ],
                table=table(
                    [_("No."), _("Resolution"), _("Responsible"), _("Due")],
                    [
                        [
                            r.number,
                            r.text,
                            r.responsible.short_name if r.responsible else "",
                            format_date(r.due),
                        ]
                        for r in resolutions
                    ],
                )
                if resolutions
                else None,
            )
        )
    content["sections"] = sections
    content["subtitle"] = _("Meetings held: %(count)s") % {"count": len(meetings)}
    content["signatures"] = [
        signature(_("Head of the MA"), head_at(association, request.day)),
        signature(_("Secretary"), None),
    ]
    return content


BUILDERS: dict[str, Callable[[Request, str], dict]] = {
    "DOC-1": doc_1,
    "DOC-2": doc_2,
    "DOC-3": doc_3,
    "DOC-4": doc_4,
    "DOC-5": doc_5,
    "DOC-6": doc_6,
    "DOC-7": doc_7,
    "DOC-8": doc_8,
    "DOC-9": doc_9,
    "DOC-10": doc_10,
    "DOC-11": doc_11,
    "DOC-12": doc_12,
}


def load_association(association: Association) -> Association:
    """The MA with what the builders read through ``.all()``: members, heads (with their
    orders and meetings), supervisors, the creating order."""
    from usul.associations.models import HeadTerm

    return (
        Association.objects.select_related(
            "school", "created_by__signed_by", "created_by__proposed_by"
        )
        .prefetch_related(
            "members__staff",
            Prefetch(
                "heads",
                queryset=HeadTerm.objects.select_related("staff", "order__signed_by", "elected_at"),
            ),
            "supervisors__staff",
        )
        .get(pk=association.pk)
    )


def document_content(
    *,
    doc_type: str,
    association: Association,
    year: SchoolYear,
    as_of: dt.date,
    language: str,
    staff: Staff | None = None,
) -> dict:
    """The content of ``doc_type`` for the MA and year, in the active language (``language``
    names it, for the texts kept per language). Raises ``Refusal``."""
    request = Request(
        doc_type=doc_type,
        association=load_association(association),
        year=year,
        as_of=as_of,
        staff=staff,
    )
    return BUILDERS[doc_type](request, language)
