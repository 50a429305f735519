"""The one permission policy of Usul.

Every page, export, command and (later) API asks this module, and only this module:

- ``viewer_for(user, today)`` resolves who asks: their school, staff record and roles today.
- ``visible(viewer, queryset)`` narrows any queryset of school data to what the viewer may
  list. Each model declares the path to its school in ``school_field`` (``""`` for School).
- ``can(viewer, action, obj)`` answers "may this viewer do ``action`` on ``obj``?". The actions
  and who holds them are declared in ``ACTIONS`` below.

Rules of the policy:
- Nobody ever sees another school's data; a district methodologist reads the schools of their
  district; the administrator sees everything.
- Personal data (birth date, employment history, courses, categories) is visible to the person,
  the head of their MA, the deputies and the director — not to other teachers. A lesson
  observation is read the same way, and by its observer too.

A rule that both answers for one object and filters a list is declared once and yields both
(Kolibri's ``readable_by_user_filter``): ``PersonalRule.q(viewer)`` is the list filter that
``visible`` applies, ``PersonalRule.allows(viewer, obj)`` the object check behind ``can``,
both read from the same fields. A test walks every model on a two-school scene and every role
and asserts that the two agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from usul.people.models import DEPUTY_ROLES, Role, Staff

if TYPE_CHECKING:  # for the types of the rules' objects only: no import at run time
    from django.contrib.auth.models import AnonymousUser

    from usul.accounts.models import User
    from usul.lessons.models import OpenLesson
    from usul.meetings.models import Resolution
    from usul.planning.models import PlanItem, WorkPlan

# Application roles besides the positions of BUNDLE.md.
MA_HEAD = "ma_head"
DISTRICT_METHODOLOGIST = "district_methodologist"
ADMINISTRATOR = "administrator"

LEADERSHIP = frozenset({Role.DIRECTOR, *DEPUTY_ROLES})


@dataclass(frozen=True)
class PersonalRule:
    """Rows about one staff member (``person``, a foreign key to Staff), read by that person,
    by the staff named in ``also`` (an observation's observer), by the head of an MA the person
    belongs to, and by those who see all personal data (leadership, district, administrator).
    Within the viewer's school(s) only: ``visible`` and ``can`` add the school scope."""

    person: str
    also: tuple[str, ...] = ()
    # The rows the head of the person's MA reads, when not all of them: (field, values).
    head_reads: tuple[str, frozenset[str]] | None = None
    # Whether the district office reads these rows (a request to one's own deputy it does not).
    district_reads: bool = True

    def _sees_all(self, viewer: Viewer) -> bool:
        if viewer.is_administrator or viewer.is_leadership:
            return True
        return self.district_reads and viewer.is_district

    def q(self, viewer: Viewer) -> Q | None:
        """The list filter; None when the viewer reads every row in scope."""
        if self._sees_all(viewer):
            return None
        if viewer.staff is None:
            return Q(pk__in=[])
        me = viewer.staff.pk
        condition = Q(**{f"{self.person}_id": me})
        by_head = Q(**{f"{self.person}_id__in": viewer.headed_member_ids})
        if self.head_reads is not None:
            field_name, values = self.head_reads
            by_head &= Q(**{f"{field_name}__in": values})
        condition |= by_head
        for other in self.also:
            condition |= Q(**{f"{other}_id": me})
        return condition

    def allows(self, viewer: Viewer, obj: Model) -> bool:
        """The object check, read from the same fields as ``q``."""
        if self._sees_all(viewer):
            return True
        if viewer.staff is None:
            return False
        me = viewer.staff.pk
        person = _id_at(obj, self.person)
        if person == me:
            return True
        if person in viewer.headed_member_ids and (
            self.head_reads is None or getattr(obj, self.head_reads[0]) in self.head_reads[1]
        ):
            return True
        return any(_id_at(obj, other) == me for other in self.also)


def _id_at(obj: Model, path: str) -> int | None:
    """The id a foreign-key path names on ``obj``: "mentee", or "mentorship__mentee" through
    a parent record (the same path the list filter uses as ``mentorship__mentee_id``)."""
    *parents, last = path.split("__")
    for part in parents:
        obj = getattr(obj, part)
    return getattr(obj, f"{last}_id")


# Models whose rows are personal data of one staff member (GEN-3; SVC-D4 for observations,
# which evaluate a teacher: not read by every colleague).
PERSONAL = {
    "people.employment": PersonalRule("staff"),
    "people.category": PersonalRule("staff"),
    "people.course": PersonalRule("staff"),
    "lessons.observation": PersonalRule("teacher", also=("observer",)),
    # SVC-D5, SVC-D6: a mentorship and its log are about the mentee's growth; the mentor
    # reads them too.
    "mentoring.mentorship": PersonalRule("mentee", also=("mentor",)),
    "mentoring.mentoringmeeting": PersonalRule("mentorship__mentee", also=("mentorship__mentor",)),
    # RIGHT-1…3: a proposal or a request for a consultation is read by its author and the
    # leadership who answer it; the head of the author's MA reads proposals (HEAD-D6), not
    # consultations; the district reads neither (usul.rights.models.READ_BY_HEAD).
    "rights.appeal": PersonalRule(
        "author",
        head_reads=("kind", frozenset({"teaching", "qualification"})),
        district_reads=False,
    ),
}


@dataclass(frozen=True)
class BankRule:
    """SVC-T2, HEAD-D9, HEAD-D10: a material of the bank of methodological ideas. Its author
    reads it at every stage; once sent, the members and the head of its MA and the school's
    leadership read it too; published, the whole school and its district. A draft is the
    author's alone. Within the viewer's school(s) only, like ``PersonalRule``."""

    def q(self, viewer: Viewer) -> Q | None:
        if viewer.is_administrator:
            return None
        condition = Q(status="published")
        if viewer.staff is not None:
            condition |= Q(author_id=viewer.staff.pk)
            sent = ~Q(status="draft")
            if viewer.is_leadership:
                condition |= sent
            mine = viewer.member_association_ids | viewer.headed_association_ids
            if mine:
                condition |= sent & Q(association_id__in=mine)
        return condition

    def allows(self, viewer: Viewer, obj: Model) -> bool:
        if viewer.is_administrator or getattr(obj, "status", "") == "published":
            return True
        if viewer.staff is None:
            return False
        if getattr(obj, "author_id", None) == viewer.staff.pk:
            return True
        if getattr(obj, "status", "") == "draft":
            return False
        association = getattr(obj, "association_id", None)
        return viewer.is_leadership or association in (
            viewer.member_association_ids | viewer.headed_association_ids
        )


# Models whose rows are read by a rule of their own, not by everyone in the school's scope.
SHARED = {"ideas.material": BankRule()}


@dataclass
class Viewer:
    user: User | AnonymousUser | None
    today: dt.date
    school_id: int | None = None
    district_id: int | None = None
    staff: Staff | None = None
    roles: set[str] = field(default_factory=set)
    headed_association_ids: set[int] = field(default_factory=set)
    # Staff ids of the members of the MAs this viewer heads (their personal data is visible).
    headed_member_ids: set[int] = field(default_factory=set)

    @property
    def is_administrator(self) -> bool:
        return ADMINISTRATOR in self.roles

    @property
    def is_district(self) -> bool:
        return DISTRICT_METHODOLOGIST in self.roles

    @property
    def is_leadership(self) -> bool:
        """Director or a deputy director at ``today``."""
        return bool(self.roles & LEADERSHIP)

    @property
    def is_deputy(self) -> bool:
        return bool(self.roles & DEPUTY_ROLES)

    @cached_property
    def member_association_ids(self) -> set[int]:
        """The MAs this viewer is a member of at ``today`` (they read the MA's bank materials).
        Asked only by the pages that need it, so that no other page pays for the query."""
        if self.staff is None:
            return set()
        from usul.associations.models import Membership
        from usul.lib.dates import covers

        rows = Membership.objects.filter(staff=self.staff).values_list(
            "association_id", "start", "end"
        )
        return {association for association, start, end in rows if covers(start, end, self.today)}

    def heads(self, association) -> bool:
        return association.pk in self.headed_association_ids


def viewer_for(user, today: dt.date | None = None) -> Viewer:
    """Who asks, with roles at ``today`` (default: the school's calendar day now)."""
    from usul.associations.selectors import headed_associations_at, members_at
    from usul.people.selectors import roles_at

    today = today or timezone.localdate()
    viewer = Viewer(user=user, today=today)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return viewer
    if user.is_superuser or user.is_administrator:
        viewer.roles.add(ADMINISTRATOR)
    if user.district_id:
        viewer.roles.add(DISTRICT_METHODOLOGIST)
        viewer.district_id = user.district_id
    staff = user.staff
    if staff is not None:
        viewer.staff = staff
        viewer.school_id = staff.school_id
        viewer.roles |= roles_at(staff, today)
        headed = headed_associations_at(staff, today)
        if headed:
            viewer.roles.add(MA_HEAD)
            viewer.headed_association_ids = {a.pk for a in headed}
            for association in headed:
                viewer.headed_member_ids |= {s.pk for s in members_at(association, today)}
    return viewer


def command_line_administrator(today: dt.date | None = None) -> Viewer:
    """The viewer of Usul's own command-line tools: ``usul import``, ``usul export``, the demo
    loader. Whoever runs them holds the installation's files and database already, so they act
    as its administrator — explicitly, through this one viewer, never by a service skipping its
    check. It has no log-in: the change history records such changes as made by no user."""
    return Viewer(user=None, today=today or timezone.localdate(), roles={ADMINISTRATOR})


def first_run_installer(today: dt.date | None = None) -> Viewer:
    """The viewer of the first-run set-up (``usul.setup``) on an installation with no school:
    whoever sets it up becomes its administrator, and creates that log-in as one. Only the
    set-up uses it, and only after checking, in the same transaction, that no school exists —
    from the first school on, the set-up answers 404 and this viewer is never made."""
    return Viewer(user=None, today=today or timezone.localdate(), roles={ADMINISTRATOR})


def _school_q(viewer: Viewer, path: str) -> Q | None:
    """The filter that keeps a model's rows to the viewer's school(s); None means no filter."""
    prefix = f"{path}__" if path else ""
    if viewer.is_administrator:
        return None
    conditions = Q(pk__in=[])
    if viewer.school_id is not None:
        conditions |= Q(**{f"{prefix}id" if not path else path: viewer.school_id})
    if viewer.district_id is not None:
        conditions |= Q(**{f"{prefix}district_id": viewer.district_id})
    return conditions


def visible(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` this viewer may list."""
    model = queryset.model
    path = getattr(model, "school_field", None)
    if path is None:
        raise TypeError(f"{model.__name__} declares no school_field: it is not school data")
    school_q = _school_q(viewer, path)
    if school_q is not None:
        queryset = queryset.filter(school_q)
    label = model._meta.label_lower
    rule: PersonalRule | BankRule | None = PERSONAL.get(label) or SHARED.get(label)
    personal_q = rule.q(viewer) if rule is not None else None
    if personal_q is not None:
        queryset = queryset.filter(personal_q)
    return queryset


def _sees_all_personal(viewer: Viewer) -> bool:
    return viewer.is_administrator or viewer.is_leadership or viewer.is_district


def school_of(obj: Model):
    """The school an object belongs to, following its declared ``school_field``."""
    path = getattr(type(obj), "school_field", None)
    if path is None:
        raise TypeError(f"{type(obj).__name__} declares no school_field")
    target = obj
    for part in path.split("__") if path else []:
        target = getattr(target, part)
    return target


def _views(viewer: Viewer, obj: Model) -> bool:
    """The object form of ``visible``: in the viewer's school(s), and if the row is personal
    data, allowed by its ``PersonalRule``."""
    if not in_scope(viewer, obj):
        return False
    label = obj._meta.label_lower
    rule: PersonalRule | BankRule | None = PERSONAL.get(label) or SHARED.get(label)
    return rule is None or rule.allows(viewer, obj)


def in_scope(viewer: Viewer, obj: Model) -> bool:
    """May the viewer see anything of this object's school?"""
    if viewer.is_administrator:
        return True
    school = school_of(obj)
    if viewer.school_id is not None and school.pk == viewer.school_id:
        return True
    return viewer.district_id is not None and school.district_id == viewer.district_id


def sees_personal_data(viewer: Viewer, staff) -> bool:
    """Birth date, employment, courses, categories: the person, their MA head, leadership."""
    if not in_scope(viewer, staff):
        return False
    if _sees_all_personal(viewer):
        return True
    if viewer.staff is not None and viewer.staff.pk == staff.pk:
        return True
    return staff.pk in viewer.headed_member_ids


def _own_school(viewer: Viewer, obj: Model) -> bool:
    return viewer.school_id is not None and school_of(obj).pk == viewer.school_id


def _association_of(obj: Model):
    if obj._meta.label_lower == "associations.association":
        return obj
    return getattr(obj, "association", None)


def _manages_school(viewer: Viewer, obj: Model) -> bool:
    return viewer.is_administrator or (viewer.is_leadership and _own_school(viewer, obj))


def _manages_association(viewer: Viewer, obj: Model) -> bool:
    if _manages_school(viewer, obj):
        return True
    association = _association_of(obj)
    return association is not None and _own_school(viewer, obj) and viewer.heads(association)


def owns_plan(viewer: Viewer, obj: Model) -> bool:
    """ORG-2, GEN-9: a plan is the viewer's own when they head its MA or submitted it last —
    approval is a deputy's check on the MA's work, which nobody performs on themselves. On an
    MA (before there is a plan to ask about), only heading it counts."""
    association = _association_of(obj)
    if association is not None and viewer.heads(association):
        return True
    if obj._meta.label_lower != "planning.workplan" or viewer.user is None:
        return False
    from usul.planning.models import PlanEventKind

    plan = cast("WorkPlan", obj)
    me = getattr(viewer.user, "pk", None)
    submitted = (
        plan.events.filter(kind=PlanEventKind.SUBMITTED)
        .order_by("-at", "-id")
        .only("actor")
        .first()
    )
    if submitted is not None and submitted.actor_id == me:
        return True
    # Whoever wrote part of the version under approval is one of its authors too: a deputy
    # who rewrote a draft does not then approve what the head submitted.
    started = (
        plan.events.filter(kind=PlanEventKind.REVISED)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    written = plan.events.filter(kind__in=PlanEventKind.WRITING, actor_id=me)
    if started is not None:
        written = written.filter(at__gte=started)
    return written.exists()


def _approves(viewer: Viewer, obj: Model) -> bool:
    # ORG-2: plans are approved (or returned) by a deputy director of the same school, never
    # on a plan of their own.
    return viewer.is_deputy and _own_school(viewer, obj) and not owns_plan(viewer, obj)


def _writes_plan(viewer: Viewer, obj: Model) -> bool:
    """ORG-2, GEN-9: a plan is written by its MA and checked by a deputy director. Once a
    version has gone to a deputy (submitted, or returned with a comment), a deputy who may
    approve it no longer writes it: they return it saying what to change. Otherwise one deputy
    could rewrite, submit and approve the same plan alone. ``obj``: a plan or one of its items."""
    if not _manages_association(viewer, obj):
        return False
    from usul.planning.models import PlanStatus

    plan: Any = obj if obj._meta.label_lower == "planning.workplan" else getattr(obj, "plan", None)
    if plan is None or plan.status not in (PlanStatus.SUBMITTED, PlanStatus.RETURNED):
        return True
    return not _approves(viewer, plan)


def _views_compliance(viewer: Viewer, obj: Model) -> bool:
    # GEN-9: the check against the regulation is the leadership's tool; the district reads its
    # schools'; an MA head reads their MA's part. Teachers are not shown it.
    if not in_scope(viewer, obj):
        return False
    if viewer.is_leadership or viewer.is_administrator or viewer.is_district:
        return True
    association = _association_of(obj)
    return association is not None and viewer.heads(association)


def _is_self(viewer: Viewer, obj: Model) -> bool:
    return viewer.staff is not None and getattr(obj, "pk", None) == viewer.staff.pk


def _colleague_of_teacher(viewer: Viewer, lesson: OpenLesson) -> bool:
    # ORG-3, HEAD-D1: any colleague of the school may attend and analyse an open lesson,
    # except the teacher who gives it.
    return (
        viewer.staff is not None
        and _own_school(viewer, lesson)
        and lesson.teacher_id != viewer.staff.pk
    )


def _visits_lessons_of(viewer: Viewer, teacher: Model) -> bool:
    # HEAD-D1, SVC-D4: lessons outside the open-lesson schedule are visited by the head of the
    # teacher's MA or by the school's leadership — never by the teacher themselves.
    if _is_self(viewer, teacher) or not _own_school(viewer, teacher):
        return False
    return viewer.is_leadership or teacher.pk in viewer.headed_member_ids


def _sets_resolution_status(viewer: Viewer, resolution: Resolution) -> bool:
    # ORG-4: the MA's head (or leadership) keeps the resolutions; the responsible person may
    # report their own one done.
    if _manages_association(viewer, resolution.meeting):
        return True
    return (
        viewer.staff is not None
        and _own_school(viewer, resolution)
        and resolution.responsible_id == viewer.staff.pk
    )


def _records_plan_item(viewer: Viewer, item: PlanItem) -> bool:
    # FUNC-3, FUNC-4: how a planned seminar or event went is recorded by whoever manages the
    # MA's plan, or by the person responsible for the item.
    if _manages_association(viewer, item.plan):
        return True
    return (
        viewer.staff is not None
        and item.responsible_id == viewer.staff.pk
        and _own_school(viewer, item)
    )


def _acts_for_self(viewer: Viewer, obj: Any) -> bool:
    # A person's own settings and messages — their language, their calendar feed address, their
    # notifications — are changed by that person alone. The administrator may close a feed
    # address that leaked.
    user = viewer.user
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    label = obj._meta.label_lower
    if label == "accounts.user":
        return obj.pk == user.pk or viewer.is_administrator
    if label == "notifications.notification":
        return viewer.staff is not None and obj.recipient_id == viewer.staff.pk
    if label == "people.staff":
        return _is_self(viewer, obj)
    return False


def _submits_appeal(viewer: Viewer, school: Model) -> bool:
    # RIGHT-1…3: every member of the school's staff may propose or ask.
    return viewer.staff is not None and _own_school(viewer, school)


def _answers_appeal(viewer: Viewer, appeal: Model) -> bool:
    # RIGHT-1…3: the deputy director (or the director) answers — never their own request.
    return (
        viewer.is_leadership
        and _own_school(viewer, appeal)
        and getattr(appeal, "author_id", None) != getattr(viewer.staff, "pk", None)
    )


def _withdraws_appeal(viewer: Viewer, appeal: Model) -> bool:
    return viewer.staff is not None and getattr(appeal, "author_id", None) == viewer.staff.pk


def _keeps_mentoring_log(viewer: Viewer, mentorship: Model) -> bool:
    # SVC-D5: the mentor keeps the log of their meetings; the leadership may too.
    if _manages_school(viewer, mentorship):
        return True
    return viewer.staff is not None and getattr(mentorship, "mentor_id", None) == viewer.staff.pk


def _uploads_material(viewer: Viewer, school: Model) -> bool:
    # SVC-T2: the members of the school's MAs (heads included) build up its bank.
    return (
        viewer.staff is not None
        and _own_school(viewer, school)
        and bool(viewer.member_association_ids | viewer.headed_association_ids)
    )


def _is_author(viewer: Viewer, material: Model) -> bool:
    return viewer.staff is not None and getattr(material, "author_id", None) == viewer.staff.pk


def _evaluates_material(viewer: Viewer, material: Model) -> bool:
    # HEAD-D9: the MA's head evaluates its teachers' materials (the leadership, who supervise
    # the MA, may too) — never their own: the head's own material is evaluated by the deputy.
    return _manages_association(viewer, material) and not _is_author(viewer, material)


# DOC-9 carries the teachers' birth dates, education and experience: personal data.
PERSONAL_DOCUMENTS = frozenset({"DOC-9"})


def _downloads_document(viewer: Viewer, version: Any) -> bool:
    # The register's files are read by the school and its district, except those that hold
    # personal data (the data bank, DOC-9): those only by whoever reads the members' personal
    # data — the leadership, the MA's head, the district, the administrator.
    if not in_scope(viewer, version):
        return False
    entry = version.entry
    if entry.type not in PERSONAL_DOCUMENTS:
        return True
    return _sees_all_personal(viewer) or viewer.heads(entry.association)


def _views_databank(viewer: Viewer, school: Model) -> bool:
    # DOC-9: the data bank lists colleagues' birth dates, experience and categories. Its page
    # is for those who read the personal data of more people than themselves — the leadership,
    # the district, the administrator, an MA head (their members' rows only). A plain teacher
    # would see just her own row, which her card already shows: the page is not hers.
    if not in_scope(viewer, school):
        return False
    if _sees_all_personal(viewer):
        return True
    return _own_school(viewer, school) and bool(viewer.headed_association_ids)


def _exports_bundle(viewer: Viewer, school: Model) -> bool:
    # BUNDLE.md: the school's leadership sends its bundle; the district office reads the schools
    # of its district; the administrator moves schools between installations.
    return (
        viewer.is_administrator
        or (viewer.is_leadership and _own_school(viewer, school))
        or (viewer.district_id is not None and school_of(school).district_id == viewer.district_id)
    )


def _manages_accounts(viewer: Viewer, obj: Any) -> bool:
    # Log-ins of a school's staff are created, reset and switched off by its deputies and
    # director (or the administrator). An account that is not a school's — a district
    # methodologist's, an administrator's — and the installation itself are the
    # administrator's alone; nobody of a school resets an administrator's password.
    if viewer.is_administrator:
        return True
    if obj is None or not viewer.is_leadership:
        return False
    label = obj._meta.label_lower
    if label == "accounts.user":
        if obj.is_superuser or obj.is_administrator or obj.staff_id is None:
            return False
        return _own_school(viewer, obj.staff)
    if label in ("schools.school", "people.staff"):
        return _own_school(viewer, obj)
    return False


# action -> who may do it on an object. A new action is declared here, nowhere else.
ACTIONS: dict[str, Callable[[Viewer, Any], bool]] = {
    "view": _views,
    "view_personal": sees_personal_data,
    # Whoever may end something may reopen it: the same action answers for both.
    # staff cards, MAs (liquidating and reopening), orders, memberships (ending, reopening),
    # elections, supervisors
    "manage_school": _manages_school,
    # the MA's plan, meetings and open lessons (cancelling, reopening), plan items (removing)
    "manage_association": _manages_association,
    # the school's own set-up: its school years and their themes, its subjects, its settings
    # (BUNDLE.md ``settings``) and carrying the MAs into the next year; the staff read them
    "configure_school": _manages_school,
    # a new school or district of the installation (its first one at set-up, usul.setup)
    "create_school": lambda v, o: v.is_administrator,
    "approve_plan": _approves,
    "write_plan": _writes_plan,  # the plan's text and items, and submitting it
    "write_analysis": lambda v, o: v.is_deputy and _own_school(v, o),
    "record_plan_item": _records_plan_item,  # a plan item's status, result, participants
    "import_bundle": lambda v, o: v.is_administrator,
    "export_bundle": _exports_bundle,
    # The staff roster from Excel (DOC-9): the leadership fills its data bank; the roster's
    # export holds the same personal data as the bundle and goes to the same people.
    "import_roster": _manages_school,
    "export_roster": _exports_bundle,
    "view_databank": _views_databank,  # DOC-9: the school's data bank page (obj: the school)
    "edit_own_card": lambda v, o: _is_self(v, o) or _manages_school(v, o),
    "view_compliance": _views_compliance,
    "set_resolution_status": _sets_resolution_status,
    "attend_open_lesson": _colleague_of_teacher,
    "observe_open_lesson": _colleague_of_teacher,
    "visit_lesson": _visits_lessons_of,
    "view_observation": _views,  # PERSONAL["lessons.observation"]
    "configure_observation_template": _manages_school,
    "act_for_self": _acts_for_self,  # own language, calendar feed, notifications, password
    "submit_appeal": _submits_appeal,  # a proposal or a consultation request (RIGHT-1…3)
    "answer_appeal": _answers_appeal,
    "withdraw_appeal": _withdraws_appeal,
    "keep_mentoring_log": _keeps_mentoring_log,  # SVC-D5: the mentor's log of meetings
    # log-ins: create, reset to a one-time password, switch off (obj: a school, staff or user)
    "manage_accounts": _manages_accounts,
    "read_login_log": lambda v, o: v.is_administrator,  # log-ins, failures and lock-outs
    # the documentation register (DOC-1…DOC-12): the MA's head and the leadership make and
    # upload its documents; the school's leadership sets the school's own templates
    "generate_document": _manages_association,
    "upload_document": _manages_association,
    "download_document": _downloads_document,
    "configure_document_template": _manages_school,
    # the bank of methodological ideas (SVC-T2): members upload (obj: the school) and change
    # their own material until it is sent; the head evaluates (HEAD-D9); the head or the
    # leadership publish what is ready (HEAD-D10). Reading and downloading: "view" (BankRule).
    "upload_material": _uploads_material,
    "edit_material": _is_author,
    "evaluate_material": _evaluates_material,
    "publish_material": _manages_association,
    # ORG-6, the archive (obj: the school): the leadership hands entries over to the archive;
    # a deputy proposes a disposal act and only the director signs it (the signature is what
    # disposes of the files)
    "transfer_to_archive": _manages_school,
    "propose_disposal": lambda v, o: v.is_deputy and _own_school(v, o),
    "sign_disposal": lambda v, o: Role.DIRECTOR in v.roles and _own_school(v, o),
}


def can(viewer: Viewer, action: str, obj: Model | None) -> bool:
    try:
        rule = ACTIONS[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}") from None
    return bool(rule(viewer, obj))


def require(viewer: Viewer, action: str, obj: Model | None) -> None:
    """Raise PermissionDenied unless ``can``; views turn it into a 403 page."""
    if not can(viewer, action, obj):
        raise PermissionDenied(action)


def get_visible(viewer: Viewer, queryset: QuerySet, **lookup):
    """One record the viewer may see, or 404 — never "exists but forbidden" across schools."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(visible(viewer, queryset), **lookup)
