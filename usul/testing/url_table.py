"""Every URL of Usul and what it answers to each role: the permission table.

``usul/accounts/tests/test_url_table.py`` walks ``django.urls.get_resolver()`` and fails on a URL
pattern that has no row here, then asks every pattern as every role of the cast
(``usul/testing/scene.py``) and compares the answer with the row.

A row names the pattern, the records its URL is built from (``ARGS``) and the answers, one per
role in the order of ``ROLES``:

    200  the page
    400  to a POST: the form shown again, saying what is wrong
    302  to a GET by an anonymous visitor: to the log-in page; otherwise: done, and sent on
    403  the viewer is of the school but may not do this (the page says why)
    404  not found — always the answer for a record of a school the viewer does not read, so
         that nobody learns another school's keys exist
    405  the URL takes only a POST (a button), or only a GET

``get`` is checked with GET; ``post`` (for forms and buttons) with a POST of an empty form,
undone after each request. The answers are for the records of the cast's school ``sch-17``.

The same URL built from the outsider school's records (``sch-99``) answers 404 to every member
of ``sch-17`` and to the methodologist of ``osh-city`` — except 405 where the URL does not take
the method at all, which is decided before any record is sought. The anonymous visitor is sent
to log in; the administrator gets the same answer as for ``sch-17``, and the methodologist of
``naryn`` (the district of ``sch-99``) the one the methodologist of ``osh-city`` gets there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


# Records of the owner that the cast does not hold for every test (a course, a category, a
# self-development topic with a report): found, or made the first time a URL names them.
def _course(records):
    from usul.people.models import Course

    owner = records.owner
    found = Course.objects.filter(staff=owner).order_by("id").first() or Course.objects.create(
        staff=owner, title="Санариптик сабат", start=dt.date(2024, 1, 8), end=dt.date(2024, 1, 12)
    )
    if not found.scan:  # the certificate's scan, which its own address serves
        from django.core.files.base import ContentFile

        from usul.lib.uploads import private_storage

        found.scan = private_storage().save(
            "certificate-scans/test/scan.png", ContentFile(b"\x89PNG\r\n\x1a\n")
        )
        found.scan_name = "scan.png"
        found.save(update_fields=["scan", "scan_name"])
    return found


def _category(records):
    from usul.people.models import Category

    owner = records.owner
    found = Category.objects.filter(staff=owner).order_by("id").first()
    return found or Category.objects.create(
        staff=owner, category="first", awarded=dt.date(2021, 4, 10)
    )


def _topic(records):
    """The owner's self-development topic of the year the pages show today (the latest)."""
    from django.utils import timezone

    from usul.people.models import SelfDevelopmentTopic
    from usul.schools.selectors import current_year

    year = current_year(records.school, timezone.localdate())
    topic, _made = SelfDevelopmentTopic.objects.get_or_create(
        staff=records.owner, year=year, defaults={"topic": "Функционалдык сабаттуулук"}
    )
    return topic


def _report(records):
    from usul.people.models import CreativeReport

    topic = _topic(records)
    found = topic.reports.order_by("id").first()
    return found or CreativeReport.objects.create(
        topic=topic, date=max(topic.year.start, dt.date(2025, 10, 1)), form="Ачык сабак"
    )


ROLES = (
    "anonymous",
    "teacher",  # Бекова, a member of the STEM MA who owns the records
    "class_teacher",  # a class teacher of the language MA
    "head",  # the head of the STEM MA
    "deputy_uvr",  # the deputy for teaching and upbringing, supervising the STEM MA
    "deputy_nmr",  # the deputy for scientific-methodological work, supervising the other MA
    "director",
    "district",  # the methodologist of sch-17's district
    "other_district",  # the methodologist of another district
    "admin",
)

# Role of the table -> the cast's log-in (None: nobody logged in).
USERS = {
    "anonymous": None,
    "teacher": "teacher",
    "class_teacher": "class_teacher",
    "head": "head",
    "deputy_uvr": "deputy",
    "deputy_nmr": "deputy_nmr",
    "director": "director",
    "district": "district",
    "other_district": "other_district",
    "admin": "admin",
}

# What a URL argument is, for a school's records (usul.testing.scene.Records).
ARGS = {
    "school": lambda r: r.school.key,
    "ma": lambda r: r.association.key,
    "year": lambda r: r.year.key,
    "owner": lambda r: r.owner.key,
    "meeting": lambda r: r.meeting.key,
    "number": lambda r: r.resolution.number,
    "lesson": lambda r: r.lesson.key,
    "item": lambda r: r.item.uuid,
    "material": lambda r: r.material.uuid,
    "notification": lambda r: r.notification.public_id,
    "appeal": lambda r: r.appeal.key,
    "nomination": lambda r: r.nomination.key,
    "mentorship": lambda r: r.mentorship.key,
    "ctp_subject": lambda r: r.thematic_plan.subject.key,
    "subject": lambda r: r.thematic_plan.subject.key,
    "ctp_grade": lambda r: r.thematic_plan.grade,
    "ctp_kind": lambda r: r.thematic_plan.kind,
    "token": lambda r: r.feed_token,
    "order": lambda r: r.association.created_by.key,
    "decision": lambda r: r.decision.key,
    "instruction": lambda r: r.instruction.key,
    "idea": lambda r: r.idea.key,
    "district": lambda r: r.school.district.key,
    "course": lambda r: _course(r).uuid,
    "category": lambda r: _category(r).uuid,
    "report": lambda r: _report(r).uuid,
    # the owner's key, once she has a topic for the year (a page that removes it)
    "topic_owner": lambda r: _topic(r).staff.key,
}


@dataclass(frozen=True)
class Row:
    name: str  # the URL pattern's name, namespace included
    args: tuple[str, ...]  # keys of ARGS, or "=text" for a literal argument
    get: str  # one answer per role of ROLES
    post: str = ""  # the same for a POST; empty: the URL is not posted to

    def answers(self, method: str) -> dict[str, int]:
        text = self.get if method == "GET" else self.post
        codes = [int(code) for code in text.split()]
        if len(codes) != len(ROLES):
            raise ValueError(f"{self.name}: {len(codes)} answers for {len(ROLES)} roles")
        return dict(zip(ROLES, codes, strict=True))

    def url(self, records) -> str:
        """The URL of this row for a school's records (usul.testing.scene.Records)."""
        from django.urls import reverse

        name = "admin:index" if self.name == "admin:*" else self.name
        args = [arg[1:] if arg.startswith("=") else ARGS[arg](records) for arg in self.args]
        return reverse(name, args=args)

    @property
    def of_a_school(self) -> bool:
        return "school" in self.args


# Django's admin site is one row: its pages are Django's, behind one log-in check.
WHOLE_NAMESPACES = ("admin",)

# Columns: anonymous, teacher (owner), class teacher, MA head, deputy УВР, deputy НМР, director,
#          district, other district, administrator.
#
# A page every colleague of the school and its district reads (a form's or button's address
# shows the page it belongs to, so that a reload or a language switch never lands on an error):
READ = "302 200 200 200 200 200 200 200 404 200"
# A button that takes only a POST: a GET is not allowed:
POST_ONLY = "302 405 405 405 405 405 405 405 405 405"
# Changed by the school's leadership (manage_school):
LEADERSHIP = "302 403 403 403 200 200 200 403 404 200"
LEADERSHIP_FORM_EMPTY = "302 403 403 403 400 400 400 403 404 400"
# A button of the school's leadership, done and sent back to its page:
LEADERSHIP_BUTTON = "302 403 403 403 302 302 302 403 404 302"
# A staff card, edited by its person and the leadership (edit_own_card):
OWN_CARD = "302 200 403 403 200 200 200 403 404 200"
OWN_CARD_FORM_EMPTY = "302 400 403 403 400 400 400 403 404 400"
# A form of the MA's head and the leadership (manage_association), shown; sent empty; a button:
MA_FORM = "302 403 403 200 200 200 200 403 404 200"
MA_FORM_EMPTY = "302 403 403 400 400 400 400 403 404 400"
MA_BUTTON = "302 403 403 302 302 302 302 403 404 302"
# A colleague's button on an open lesson, never its teacher's (attend_open_lesson):
COLLEAGUE_BUTTON = "302 403 302 302 302 302 302 403 404 403"
# Read by the leadership, the district and the administrator (view_compliance, export_bundle):
OVERSIGHT = "302 403 403 403 200 200 200 200 404 200"
# The recipient's own notification: nobody else finds it:
RECIPIENT = "302 302 404 404 404 404 404 404 404 404"
# A mentorship of the teacher (SVC-D5): read as her personal data; its forms, sent empty, by the
# leadership (the mentor, not a role of this table, keeps the log too):
MENTORSHIP = "302 200 404 200 200 200 200 200 404 200"
MENTORING_FORM_EMPTY = "302 403 404 403 400 400 400 403 404 400"
# A teacher's own form (edit_own_card), sent empty:
OWN_FORM_EMPTY = "302 400 403 403 400 400 400 403 404 400"
# The address of a calendar-thematic plan: its teacher, year, subject, grade and kind.
CTP = ("school", "owner", "year", "ctp_subject", "ctp_grade", "ctp_kind")
# A material of the bank sent to its MA's head (BankRule): its author, the MA, the leadership.
IDEA = "302 200 404 200 200 200 200 404 404 200"
TABLE = [
    # the home page; accounts: logging in and out, the language
    Row("home:home", (), "302 200 200 200 200 200 200 200 200 200"),
    Row(
        "accounts:login",
        (),
        "200 302 302 302 302 302 302 302 302 302",
        post="200 302 302 302 302 302 302 302 302 302",
    ),
    Row(
        "accounts:logout",
        (),
        "405 405 405 405 405 405 405 405 405 405",
        post="302 302 302 302 302 302 302 302 302 302",
    ),
    Row(
        "accounts:language",
        (),
        "405 405 405 405 405 405 405 405 405 405",
        post="302 302 302 302 302 302 302 302 302 302",
    ),
    Row(
        "set_language",
        (),
        "302 302 302 302 302 302 302 302 302 302",
        post="302 302 302 302 302 302 302 302 302 302",
    ),
    # each person's own account (their password); the administrator's log of log-ins
    Row(
        "accounts:account",
        (),
        "302 200 200 200 200 200 200 200 200 200",
        post="302 400 400 400 400 400 400 400 400 400",
    ),
    Row("accounts:log", (), "302 403 403 403 403 403 403 403 403 200"),
    # two-factor log-in: each person's own; the code page only for an enrolled log-in
    Row(
        "accounts:two_factor",
        (),
        "302 200 200 200 200 200 200 200 200 200",
        post="302 400 400 400 400 400 400 400 400 400",
    ),
    Row(
        "accounts:two_factor_verify",
        (),
        "302 302 302 302 302 302 302 302 302 302",
        post="302 302 302 302 302 302 302 302 302 302",
    ),
    # a school's log-ins: created, reset and switched off by its leadership (manage_accounts);
    # a button's address shown with GET leads back to the list
    Row("accounts:school", ("school",), LEADERSHIP),
    Row("accounts:create", ("school",), LEADERSHIP_BUTTON, post=LEADERSHIP_BUTTON),
    Row("accounts:slips_pdf", ("school",), LEADERSHIP_BUTTON, post=LEADERSHIP_BUTTON),
    Row("accounts:reset", ("school", "owner"), LEADERSHIP_BUTTON, post=LEADERSHIP),
    Row("accounts:switch_off", ("school", "owner"), LEADERSHIP_BUTTON, post=LEADERSHIP_BUTTON),
    Row(
        "accounts:remove_second_factor",
        ("school", "owner"),
        LEADERSHIP_BUTTON,
        post=LEADERSHIP_BUTTON,
    ),
    Row("accounts:switch_on", ("school", "owner"), LEADERSHIP_BUTTON, post=LEADERSHIP_BUTTON),
    Row("admin:*", (), "302 302 302 302 302 302 302 302 302 302"),  # Django's admin: staff only
    # schools and people: readable by the school and its district; changed by its leadership
    Row("schools:overview", ("school",), READ),
    # the school's set-up: read by the school and its district, changed by its leadership
    # (configure_school)
    Row("schools:settings", ("school",), READ),
    Row("schools:settings_edit", ("school",), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("schools:years", ("school",), READ),
    Row("schools:year_create", ("school",), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("schools:year_edit", ("school", "year"), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    # the roll-over's preview; confirmed with nothing to carry (the cast's terms run on): done
    Row("schools:year_rollover", ("school", "year"), LEADERSHIP, post=LEADERSHIP_BUTTON),
    Row("schools:subjects", ("school",), READ),
    Row("schools:subject_create", ("school",), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("schools:subjects_framework", ("school",), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("schools:subject_edit", ("school", "subject"), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("people:list", ("school",), READ),
    Row("people:create", ("school",), LEADERSHIP, post=LEADERSHIP),
    Row("people:detail", ("school", "owner"), READ),
    # her own card is edited by the teacher herself (edit_own_card)
    Row("people:edit", ("school", "owner"), OWN_CARD, post=OWN_CARD),
    # self-development (DOC-10, DUTY-1): read by every colleague, like the topic on the card;
    # written by the teacher and the leadership (edit_own_card)
    Row("people:self_development", ("school", "owner"), READ),
    Row("people:self_development_save", ("school", "owner"), READ, post=OWN_CARD_FORM_EMPTY),
    Row("people:creative_report_add", ("school", "owner"), READ, post=OWN_CARD_FORM_EMPTY),
    # qualification upgrading and certification (HEAD-D3, SVC-D2): personal data — the person,
    # the head of their MA, the leadership and the district read it, a colleague gets 404; the
    # person and the leadership record courses. The summary lists only whom the viewer may read.
    Row("qualification:summary", ("school",), READ),
    Row("qualification:person", ("school", "owner"), MENTORSHIP),
    Row(
        "qualification:course_add",
        ("school", "owner"),
        MENTORSHIP,
        post="302 400 404 403 400 400 400 403 404 400",
    ),
    # the data bank (DOC-9): colleagues' personal data at once — the leadership, the district,
    # the administrator and an MA head (their members' rows); a plain teacher is refused
    Row("databank:bank", ("school",), "302 403 403 200 200 200 200 200 404 200"),
    # what was recorded is corrected, or removed after a question, by whoever records it: a
    # course by the person and the leadership, a category by the leadership; the person's
    # colleagues do not learn the record exists (404)
    Row(
        "qualification:course_edit",
        ("school", "owner", "course"),
        "302 200 404 403 200 200 200 403 404 200",
        post="302 400 404 403 400 400 400 403 404 400",
    ),
    # the certificate's scan: downloaded by whoever reads the person's courses
    Row("qualification:course_scan", ("school", "owner", "course"), MENTORSHIP),
    Row(
        "qualification:course_remove",
        ("school", "owner", "course"),
        "302 200 404 403 200 200 200 403 404 200",
        post="302 302 404 403 302 302 302 403 404 302",
    ),
    Row(
        "qualification:category_edit",
        ("school", "owner", "category"),
        "302 403 404 403 200 200 200 403 404 200",
        post="302 403 404 403 400 400 400 403 404 400",
    ),
    Row(
        "qualification:category_remove",
        ("school", "owner", "category"),
        "302 403 404 403 200 200 200 403 404 200",
        post="302 403 404 403 302 302 302 403 404 302",
    ),
    # self-development is read by every colleague; corrected and removed as it is written
    Row(
        "people:creative_report_edit",
        ("school", "owner", "report"),
        OWN_CARD,
        post=OWN_CARD_FORM_EMPTY,
    ),
    Row(
        "people:creative_report_remove",
        ("school", "owner", "report"),
        OWN_CARD,
        post="302 302 403 403 302 302 302 403 404 302",
    ),
    Row(
        "people:self_development_remove",
        ("school", "topic_owner"),
        OWN_CARD,
        post="302 302 403 403 302 302 302 403 404 302",
    ),
    # associations: the MA's composition, head and orders are the leadership's (manage_school)
    Row("associations:list", ("school",), READ),
    Row("associations:create", ("school",), LEADERSHIP, post=LEADERSHIP),
    Row("associations:detail", ("school", "ma"), READ),
    Row("associations:edit", ("school", "ma"), LEADERSHIP, post=LEADERSHIP),
    Row("associations:members", ("school", "ma"), LEADERSHIP, post=LEADERSHIP),
    # a destructive action asks on a page of its own (GET), and its form does it (POST); what
    # it ended is reopened with a button by whoever may end it
    Row("associations:liquidate", ("school", "ma"), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("associations:reopen", ("school", "ma"), READ, post=LEADERSHIP_BUTTON),
    Row(
        "associations:membership_end",
        ("school", "ma", "owner"),
        LEADERSHIP,
        post=LEADERSHIP_FORM_EMPTY,
    ),
    Row(
        "associations:membership_reopen",
        ("school", "ma", "owner"),
        LEADERSHIP,
        post=LEADERSHIP_BUTTON,
    ),
    Row("associations:elect_head", ("school", "ma"), LEADERSHIP, post=LEADERSHIP),
    # planning: the MA's plan is written by its head, approved by a deputy (ORG-2)
    Row("planning:index", (), "302 302 302 302 302 302 302 302 302 200"),
    Row("planning:grid", ("school", "year"), READ),
    Row("planning:plan", ("school", "ma", "year"), READ),
    Row("planning:plan_start", ("school", "ma", "year"), READ, post=MA_BUTTON),
    Row(
        "planning:plan_edit",
        ("school", "ma", "year"),
        "302 403 403 200 200 200 200 403 404 200",
        post=MA_BUTTON,
    ),
    Row("planning:plan_workflow", ("school", "ma", "year", "=submit"), READ, post=MA_BUTTON),
    Row("planning:item_add", ("school", "ma", "year"), MA_FORM, post=MA_FORM),
    # an item's result is recorded by its responsible teacher too (record_plan_item)
    Row(
        "planning:item_edit",
        ("school", "ma", "year", "item"),
        READ,
        post="302 400 403 400 400 400 400 403 404 400",
    ),
    Row("planning:item_remove", ("school", "ma", "year", "item"), MA_FORM, post=MA_BUTTON),
    Row("planning:material_file", ("school", "ma", "year", "item", "material"), READ),
    Row(
        "planning:material_remove",
        ("school", "ma", "year", "item", "material"),
        "302 200 403 200 200 200 200 403 404 200",
        post="302 302 403 302 302 302 302 403 404 302",
    ),
    # analysis: the MA's year-end analysis is written by a deputy (ORG-5, write_analysis)
    Row(
        "analysis:analysis",
        ("school", "ma", "year"),
        READ,
        post="302 403 403 403 200 200 403 403 404 403",
    ),
    # meetings: held and minuted by the MA's head or the leadership (ORG-4, manage_association)
    Row("meetings:index", (), "302 200 200 200 200 200 200 200 200 200"),
    Row("meetings:list", ("school", "ma"), READ),
    Row("meetings:schedule", ("school", "ma"), READ, post=MA_FORM_EMPTY),
    Row("meetings:detail", ("school", "meeting"), READ),
    Row("meetings:print", ("school", "meeting"), READ),
    Row("meetings:minutes", ("school", "meeting"), READ, post=MA_FORM_EMPTY),
    # an attendance row names its person: a form naming nobody finds nobody
    Row(
        "meetings:attendance",
        ("school", "meeting"),
        READ,
        post="302 403 403 404 404 404 404 403 404 404",
    ),
    Row("meetings:attendance_all_present", ("school", "meeting"), READ, post=MA_BUTTON),
    Row("meetings:hold", ("school", "meeting"), READ, post=MA_BUTTON),
    Row("meetings:cancel", ("school", "meeting"), MA_FORM, post=MA_BUTTON),
    Row("meetings:reopen", ("school", "meeting"), READ, post=MA_BUTTON),
    Row("meetings:resolution_add", ("school", "meeting"), READ, post=MA_FORM_EMPTY),
    # the teacher responsible for the resolution reports it done herself
    Row(
        "meetings:resolution_status",
        ("school", "meeting", "number"),
        READ,
        post="302 302 403 302 302 302 302 403 404 302",
    ),
    # lessons: open lessons (ORG-3) and observations (SVC-D4)
    Row("lessons:index", (), "302 302 302 302 302 302 302 200 200 200"),
    Row("lessons:list", ("school",), READ),
    Row("lessons:schedule", ("school",), READ, post=MA_FORM_EMPTY),
    Row(
        "lessons:template", ("school",), LEADERSHIP, post="302 403 403 403 400 400 400 403 404 400"
    ),
    Row("lessons:teacher", ("school", "owner"), READ),
    # lessons outside the schedule are visited by the head and the leadership, never by the
    # teacher herself (HEAD-D1); the administrator is nobody's colleague
    Row(
        "lessons:visit",
        ("school", "owner"),
        READ,
        post="302 403 403 400 400 400 400 403 404 403",
    ),
    Row("lessons:detail", ("school", "lesson"), READ),
    Row("lessons:edit", ("school", "lesson"), READ, post=MA_FORM_EMPTY),
    Row("lessons:hold", ("school", "lesson"), READ, post=MA_BUTTON),
    Row("lessons:cancel", ("school", "lesson"), MA_FORM, post=MA_BUTTON),
    Row("lessons:reopen", ("school", "lesson"), READ, post=MA_BUTTON),
    # any colleague but the teacher who gives the lesson attends and observes it
    Row("lessons:sign_up", ("school", "lesson"), READ, post=COLLEAGUE_BUTTON),
    Row("lessons:withdraw", ("school", "lesson"), READ, post=COLLEAGUE_BUTTON),
    Row(
        "lessons:observe",
        ("school", "lesson"),
        READ,
        post="302 403 400 400 400 400 400 403 404 403",
    ),
    # the first-run set-up: open only on an installation with no school — here, with schools,
    # it is not found by anyone (usul/setup/tests walk it on an empty one)
    Row("setup:start", (), "404 404 404 404 404 404 404 404 404 404"),
    Row(
        "setup:step",
        ("=school",),
        "404 404 404 404 404 404 404 404 404 404",
        post="404 404 404 404 404 404 404 404 404 404",
    ),
    # the installation's administrator adds another school
    Row(
        "installation:school_new",
        (),
        "302 403 403 403 403 403 403 403 403 200",
        post="302 403 403 403 403 403 403 403 403 400",
    ),
    # the papers that govern MAs — the director's orders, the methodological council's
    # decisions, the district's instructions: read by the school and its district; recorded,
    # corrected and removed (after a confirmation page) by the leadership
    Row("orders:orders", ("school",), READ),
    Row("orders:order_create", ("school",), READ, post=LEADERSHIP_FORM_EMPTY),
    Row("orders:order_edit", ("school", "order"), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("orders:order_remove", ("school", "order"), LEADERSHIP, post=LEADERSHIP_BUTTON),
    Row("orders:council", ("school",), READ),
    Row("orders:council_create", ("school",), READ, post=LEADERSHIP_FORM_EMPTY),
    Row("orders:council_edit", ("school", "decision"), LEADERSHIP, post=LEADERSHIP_FORM_EMPTY),
    Row("orders:council_remove", ("school", "decision"), LEADERSHIP, post=LEADERSHIP_BUTTON),
    Row("orders:instructions", ("school",), READ),
    Row("orders:instruction_create", ("school",), READ, post=LEADERSHIP_FORM_EMPTY),
    Row(
        "orders:instruction_edit",
        ("school", "instruction"),
        LEADERSHIP,
        post=LEADERSHIP_FORM_EMPTY,
    ),
    Row(
        "orders:instruction_remove",
        ("school", "instruction"),
        LEADERSHIP,
        post=LEADERSHIP_BUTTON,
    ),
    # rights: proposals and consultation requests (RIGHT-1…3), read by the author, the
    # leadership who answer and, for proposals, the head of the author's MA — not by other
    # colleagues (404) nor the district; nominations (RIGHT-4), read by every colleague
    Row("rights:appeals_index", (), "302 302 302 302 302 302 302 200 200 200"),
    Row("rights:appeals", ("school",), READ),
    Row("rights:appeal_submit", ("school",), READ, post="302 400 400 400 400 400 400 403 404 403"),
    Row("rights:appeal", ("school", "appeal"), "302 200 404 200 200 200 200 404 404 200"),
    Row(
        "rights:appeal_answer",
        ("school", "appeal"),
        "302 200 404 200 200 200 200 404 404 200",
        post="302 403 404 403 400 400 400 404 404 403",
    ),
    # a confirm step before the author withdraws (no JavaScript needed)
    Row(
        "rights:appeal_withdraw",
        ("school", "appeal"),
        "302 200 404 403 403 403 403 404 404 403",
        post="302 302 404 403 403 403 403 404 404 403",
    ),
    Row("rights:nominations_index", (), "302 302 302 302 302 302 302 200 200 200"),
    Row("rights:nominations", ("school",), READ),
    Row("rights:nomination_create", ("school",), READ, post=MA_FORM_EMPTY),
    Row("rights:nomination", ("school", "nomination"), READ),
    Row("rights:nomination_update", ("school", "nomination"), READ, post=MA_FORM_EMPTY),
    # mentoring (SVC-D5, SVC-D6): who needs a mentor is the leadership's list; a mentorship is
    # read like personal data of its mentee (and by the mentor), kept by the mentor and the
    # leadership
    Row("mentoring:index", (), "302 302 302 302 302 302 302 200 200 200"),
    Row("mentoring:list", ("school",), READ),
    Row("mentoring:assign", ("school",), READ, post="302 403 403 403 400 400 400 403 404 400"),
    Row("mentoring:detail", ("school", "mentorship"), MENTORSHIP),
    Row("mentoring:edit", ("school", "mentorship"), MENTORSHIP, post=MENTORING_FORM_EMPTY),
    Row("mentoring:meeting_add", ("school", "mentorship"), MENTORSHIP, post=MENTORING_FORM_EMPTY),
    Row("mentoring:conclude", ("school", "mentorship"), MENTORSHIP, post=MENTORING_FORM_EMPTY),
    # calendar-thematic plans (DOC-11): read by the school, kept by the teacher and the
    # leadership (edit_own_card); a form sent empty is shown again
    Row("thematic:index", (), "302 302 302 302 302 302 302 200 200 200"),
    Row("thematic:plans", ("school", "owner"), READ),
    Row("thematic:plan_create", ("school", "owner"), READ, post=OWN_FORM_EMPTY),
    Row("thematic:plan", CTP, READ),
    Row("thematic:item_add", CTP, READ, post=OWN_FORM_EMPTY),
    Row("thematic:import", CTP, READ, post=OWN_FORM_EMPTY),
    Row("thematic:mark", (*CTP, "=1"), POST_ONLY, post="302 302 403 403 302 302 302 403 404 302"),
    # the bank of methodological ideas (SVC-T2, HEAD-D9, HEAD-D10): the scene's material is sent
    # to the STEM MA's head, so read by its author, the MA, the leadership and the administrator
    # (not by the language MA's class teacher nor the district until published); members upload;
    # the head (and the leadership) evaluate and publish; the district reads its schools'
    # published materials on a page of its own
    Row("ideas:index", (), "302 302 302 302 302 302 302 302 302 200"),
    Row("ideas:district", ("district",), "302 404 404 404 404 404 404 200 404 200"),
    Row("ideas:bank", ("school",), READ),
    Row(
        "ideas:upload",
        ("school",),
        "302 200 200 200 403 403 403 403 404 403",
        post="302 400 400 400 403 403 403 403 404 403",
    ),
    Row("ideas:material", ("school", "idea"), IDEA),
    Row("ideas:file", ("school", "idea"), IDEA),
    # the author changes it only while a draft or returned: sent, it leads back to its page
    Row(
        "ideas:edit",
        ("school", "idea"),
        "302 302 404 403 403 403 403 404 404 403",
        post="302 302 404 403 403 403 403 404 404 403",
    ),
    Row("ideas:send", ("school", "idea"), IDEA, post="302 302 404 403 403 403 403 404 404 403"),
    Row(
        "ideas:evaluate",
        ("school", "idea"),
        IDEA,
        post="302 403 404 400 400 400 400 404 404 400",
    ),
    # only a material marked ready is published: this one is told so on its page
    Row("ideas:publish", ("school", "idea"), IDEA, post="302 403 404 302 302 302 302 404 404 302"),
    Row(
        "ideas:unpublish",
        ("school", "idea"),
        "302 403 404 302 302 302 302 404 404 302",
        post="302 403 404 302 302 302 302 404 404 302",
    ),
    # compliance: the leadership, MA heads (their MA), the district and the administrator
    Row("compliance:index", (), "302 403 403 302 302 302 302 302 302 200"),
    Row("compliance:school", ("school",), OVERSIGHT),
    Row("compliance:association", ("school", "ma"), "302 403 403 200 200 200 200 200 404 200"),
    # documents: the register is read by the school and its district; its documents are made
    # and uploaded by the MA's head and the leadership (generate_document, upload_document);
    # the school's own templates are its leadership's (configure_document_template)
    Row("documents:register", ("school", "ma", "year"), READ),
    Row("documents:generate", ("school", "ma", "year", "=DOC-3"), READ, post=MA_FORM_EMPTY),
    Row("documents:upload", ("school", "ma", "year", "=DOC-3"), READ, post=MA_FORM_EMPTY),
    # a version that does not exist is not found, whoever asks
    Row(
        "documents:file",
        ("school", "ma", "year", "=DOC-3", "=1"),
        "302 404 404 404 404 404 404 404 404 404",
    ),
    Row(
        "documents:templates",
        ("school",),
        LEADERSHIP,
        post="302 403 403 403 400 400 400 403 404 400",
    ),
    Row(
        "documents:template_file",
        ("school", "=DOC-3", "=docx", "=1"),
        "302 404 404 404 404 404 404 404 404 404",
    ),
    # the archive (ORG-6): read like the register; the leadership hands entries over
    Row("documents:archive", ("school",), READ),
    Row("documents:transfer", ("school",), READ, post=LEADERSHIP_FORM_EMPTY),
    # a disposal act is proposed by a deputy and signed by the director only; the cast has no
    # act, so one that does not exist is not found, whoever asks
    Row("documents:propose", ("school",), READ, post="302 403 403 403 400 400 403 403 404 403"),
    Row("documents:act", ("school", "=1"), "302 404 404 404 404 404 404 404 404 404"),
    Row(
        "documents:act_sign",
        ("school", "=1"),
        "302 404 404 404 404 404 404 404 404 404",
        post="302 404 404 404 404 404 404 404 404 404",
    ),
    Row(
        "documents:act_file",
        ("school", "=1", "=ky", "=pdf"),
        "302 404 404 404 404 404 404 404 404 404",
    ),
    # bundle: the administrator imports; the leadership and the district export
    Row(
        "bundle:upload",
        (),
        "302 403 403 403 403 403 403 403 403 200",
        post="302 403 403 403 403 403 403 403 403 200",
    ),
    Row("bundle:export", ("school",), OVERSIGHT),
    # the staff roster from Excel: the leadership imports; whoever exports bundles exports it
    Row(
        "roster:upload",
        ("school",),
        LEADERSHIP,
        post="302 403 403 403 400 400 400 403 404 400",
    ),
    Row("roster:template", ("school",), LEADERSHIP),
    Row("roster:export", ("school",), OVERSIGHT),
    # notifications: each person's own; nobody else's is even found
    Row("notifications:list", (), "302 200 200 200 200 200 200 200 200 200"),
    Row("notifications:read_all", (), POST_ONLY, post="302 302 302 302 302 302 302 302 302 302"),
    Row("notifications:open", ("notification",), RECIPIENT),
    Row("notifications:read", ("notification",), POST_ONLY, post=RECIPIENT),
    # calendars: the person's calendar, and the feed whose secret address is its key
    Row("calendars:mine", (), "302 200 200 200 200 200 200 200 200 200"),
    Row(
        "calendars:feed_new",
        (),
        "302 200 200 200 200 200 200 200 200 200",
        post="302 200 200 200 200 200 200 200 200 200",
    ),
    # asks first (GET) when there is an address to turn off (the teacher's); else back to the
    # calendar page
    Row(
        "calendars:feed_revoke",
        (),
        "302 200 302 302 302 302 302 302 302 302",
        post="302 302 302 302 302 302 302 302 302 302",
    ),
    Row("calendars:feed", ("token",), "200 200 200 200 200 200 200 200 200 200"),
]
