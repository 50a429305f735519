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
  the head of their MA, the deputies and the director — not to other teachers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from usul.people.models import DEPUTY_ROLES, Role

# Application roles besides the positions of BUNDLE.md.
MA_HEAD = "ma_head"
DISTRICT_METHODOLOGIST = "district_methodologist"
ADMINISTRATOR = "administrator"

LEADERSHIP = frozenset({Role.DIRECTOR, *DEPUTY_ROLES})

# Models whose rows are personal data of one staff member (path to that staff member).
PERSONAL = {
    "people.employment": "staff",
    "people.category": "staff",
    "people.course": "staff",
}


@dataclass
class Viewer:
    user: object
    today: dt.date
    school_id: int | None = None
    district_id: int | None = None
    staff: object | None = None
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
    personal = PERSONAL.get(model._meta.label_lower)
    if personal and not _sees_all_personal(viewer):
        allowed = set(viewer.headed_member_ids)
        if viewer.staff is not None:
            allowed.add(viewer.staff.pk)
        queryset = queryset.filter(**{f"{personal}__in": allowed})
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


def _approves(viewer: Viewer, obj: Model) -> bool:
    # ORG-2: plans are approved by a deputy director (of the same school).
    return viewer.is_deputy and _own_school(viewer, obj)


def _is_self(viewer: Viewer, obj: Model) -> bool:
    return viewer.staff is not None and getattr(obj, "pk", None) == viewer.staff.pk


def _colleague_of_teacher(viewer: Viewer, lesson: Model) -> bool:
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


def _reads_observation(viewer: Viewer, observation: Model) -> bool:
    # SVC-D4: an observation evaluates a teacher; it is read by that teacher, its observer,
    # the head of the teacher's MA, the leadership and the district — not by every colleague.
    if not in_scope(viewer, observation):
        return False
    if _sees_all_personal(viewer):
        return True
    if viewer.staff is None:
        return False
    return (
        viewer.staff.pk in (observation.teacher_id, observation.observer_id)
        or observation.teacher_id in viewer.headed_member_ids
    )


def _sets_resolution_status(viewer: Viewer, resolution: Model) -> bool:
    # ORG-4: the MA's head (or leadership) keeps the resolutions; the responsible person may
    # report their own one done.
    if _manages_association(viewer, resolution.meeting):
        return True
    return (
        viewer.staff is not None
        and _own_school(viewer, resolution)
        and resolution.responsible_id == viewer.staff.pk
    )


def _records_plan_item(viewer: Viewer, item: Model) -> bool:
    # FUNC-3, FUNC-4: how a planned seminar or event went is recorded by whoever manages the
    # MA's plan, or by the person responsible for the item.
    if _manages_association(viewer, item.plan):
        return True
    return (
        viewer.staff is not None
        and item.responsible_id == viewer.staff.pk
        and _own_school(viewer, item)
    )


def _exports_bundle(viewer: Viewer, school: Model) -> bool:
    # BUNDLE.md: the school's leadership sends its bundle; the district office reads the schools
    # of its district; the administrator moves schools between installations.
    return (
        viewer.is_administrator
        or (viewer.is_leadership and _own_school(viewer, school))
        or (viewer.district_id is not None and school_of(school).district_id == viewer.district_id)
    )


# action -> who may do it on an object. Later issues add their actions here, nowhere else.
ACTIONS = {
    "view": in_scope,
    "view_personal": sees_personal_data,
    "manage_school": _manages_school,  # staff cards, MAs, orders, memberships, elections
    "manage_association": _manages_association,  # the MA's plan, meetings, lessons
    "approve_plan": _approves,
    "write_analysis": lambda v, o: v.is_deputy and _own_school(v, o),
    "record_plan_item": _records_plan_item,  # a plan item's status, result, participants
    "import_bundle": lambda v, o: v.is_administrator,
    "export_bundle": _exports_bundle,
    "edit_own_card": lambda v, o: _is_self(v, o) or _manages_school(v, o),
    "view_compliance": lambda v, o: (
        in_scope(v, o)
        and (
            v.is_leadership
            or v.is_administrator
            or v.is_district
            or (_association_of(o) is not None and v.heads(_association_of(o)))
        )
    ),
    "set_resolution_status": _sets_resolution_status,
    "attend_open_lesson": _colleague_of_teacher,
    "observe_open_lesson": _colleague_of_teacher,
    "visit_lesson": _visits_lessons_of,
    "view_observation": _reads_observation,
    "configure_observation_template": _manages_school,
}


def can(viewer: Viewer, action: str, obj: Model) -> bool:
    try:
        rule = ACTIONS[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}") from None
    return bool(rule(viewer, obj))


def require(viewer: Viewer, action: str, obj: Model) -> None:
    """Raise PermissionDenied unless ``can``; views turn it into a 403 page."""
    if not can(viewer, action, obj):
        raise PermissionDenied(action)


def get_visible(viewer: Viewer, queryset: QuerySet, **lookup):
    """One record the viewer may see, or 404 — never "exists but forbidden" across schools."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(visible(viewer, queryset), **lookup)


def visible_observations(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The lesson observations this viewer may read: the list form of ``view_observation``."""
    queryset = visible(viewer, queryset)
    if _sees_all_personal(viewer):
        return queryset
    if viewer.staff is None:
        return queryset.none()
    me = viewer.staff.pk
    return queryset.filter(
        Q(teacher_id=me) | Q(observer_id=me) | Q(teacher_id__in=viewer.headed_member_ids)
    )
