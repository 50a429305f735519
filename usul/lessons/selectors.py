"""Reads about open lessons and lesson observations (ORG-3, HEAD-D1, SVC-D4).

Every function costs a fixed number of queries whatever the number of lessons; observations
are always narrowed by ``usul.accounts.policy.visible`` (its rule for observations).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet, Value
from django.utils.translation import get_language

from usul.accounts.policy import Viewer, visible
from usul.lessons.default_observation_template import (
    DEFAULT_CRITERIA,
    DEFAULT_JUDGEMENTS,
    DEFAULT_NAME,
    DEFAULT_SCALE,
)
from usul.lessons.models import (
    Observation,
    ObservationTemplate,
    OpenLesson,
    OpenLessonStatus,
    OpenLessonVisitor,
)
from usul.people.models import Staff
from usul.schools.models import School, SchoolYear


def label(entry: dict) -> str:
    """A criterion's or judgement's name in the reader's language; Kyrgyz when missing."""
    language = (get_language() or "ky")[:2]
    order = {"ky": ("ky", "ru", "en"), "ru": ("ru", "ky", "en"), "en": ("en", "ru", "ky")}
    for code in order.get(language, ("ky", "ru", "en")):
        if entry.get(code):
            return entry[code]
    return entry.get("key", "")


def current_template(school: School) -> ObservationTemplate | None:
    """The school's observation form in force: its latest version (one query)."""
    return ObservationTemplate.objects.filter(school=school).order_by("-version").first()


def template_in_force(school: School) -> ObservationTemplate:
    """The form observers fill in now: the school's latest version, or — before the school has
    one — the default, unsaved (version 0); ``observation_record`` saves it with the first
    observation."""
    template = current_template(school)
    if template is not None:
        return template
    return ObservationTemplate(
        school=school,
        version=0,
        name=DEFAULT_NAME,
        scale_min=DEFAULT_SCALE[0],
        scale_max=DEFAULT_SCALE[1],
        criteria=DEFAULT_CRITERIA,
        judgements=DEFAULT_JUDGEMENTS,
    )


def lessons_of(
    viewer: Viewer, school: School, year: SchoolYear, association_id: int | None = None
) -> QuerySet[OpenLesson]:
    """The open-lesson schedule of a school's year (DOC-7), optionally of one MA, with the
    counts and the viewer's own sign-up that the list shows (one query)."""
    lessons = visible(viewer, OpenLesson.objects.filter(school=school, year=year))
    if association_id is not None:
        lessons = lessons.filter(association_id=association_id)
    me = viewer.staff.pk if viewer.staff is not None else None
    signed_up = (
        Exists(OpenLessonVisitor.objects.filter(open_lesson=OuterRef("pk"), staff_id=me))
        if me
        else Value(False)
    )
    return (
        lessons.select_related("teacher", "subject", "association")
        .annotate(
            visitor_count=Count("visitors", distinct=True),
            observation_count=Count("observations", distinct=True),
            signed_up=signed_up,
        )
        .order_by("date", "association__name", "key")
    )


def visitors_of(lesson: OpenLesson) -> list[Staff]:
    return [
        v.staff
        for v in OpenLessonVisitor.objects.filter(open_lesson=lesson)
        .select_related("staff")
        .order_by("staff__last_name", "staff__first_name", "staff__key")
    ]


def observations_for(viewer: Viewer, queryset: QuerySet[Observation]) -> list[Observation]:
    """The observations of ``queryset`` the viewer may read, ready to show (one query)."""
    return list(
        visible(viewer, queryset)
        .select_related("observer", "teacher", "template", "open_lesson")
        .order_by("date", "created_at", "id")
    )


@dataclass
class ScoreLine:
    criterion: str
    score: int | None


def score_lines(observation: Observation) -> list[ScoreLine]:
    """The observation's scores against the criteria of the form it was filled in with."""
    if observation.template is None:
        return [ScoreLine(key, value) for key, value in (observation.scores or {}).items()]
    scores = observation.scores or {}
    return [ScoreLine(label(c), scores.get(c["key"])) for c in observation.template.criteria]


def judgement_label(observation: Observation) -> str:
    if observation.template is not None:
        for entry in observation.template.judgements:
            if entry.get("key") == observation.judgement:
                return label(entry)
    return observation.judgement


def mean_score(observation: Observation) -> float | None:
    values = [v for v in (observation.scores or {}).values() if isinstance(v, int | float)]
    return round(sum(values) / len(values), 2) if values else None


@dataclass
class TeacherSummary:
    """One teacher's observed lessons across a year (SVC-D4): how many, by whom, and the
    average score per criterion."""

    observations: list[Observation]
    lessons_given: int
    criterion_means: list[tuple[str, float, int]] = field(default_factory=list)
    judgements: list[tuple[str, int]] = field(default_factory=list)
    scale: tuple[int, int] | None = None


def teacher_summary(viewer: Viewer, teacher: Staff, year: SchoolYear) -> TeacherSummary:
    """Three queries, whatever the number of observations."""
    observations = observations_for(
        viewer,
        Observation.objects.filter(
            school_id=teacher.school_id,
            teacher=teacher,
            date__gte=year.start,
            date__lte=year.end,
        ),
    )
    lessons_given = (
        OpenLesson.objects.filter(teacher=teacher, year=year)
        .exclude(status=OpenLessonStatus.CANCELLED)
        .count()
    )
    # Criteria are matched by their name as the reader sees it: a school that renames nothing
    # between versions keeps one line per criterion across the year.
    totals: dict[str, list[int]] = defaultdict(list)
    order: list[str] = []
    judgements: dict[str, int] = defaultdict(int)
    scale = None
    for observation in observations:
        for line in score_lines(observation):
            if line.criterion not in totals:
                order.append(line.criterion)
            if isinstance(line.score, int):
                totals[line.criterion].append(line.score)
            else:
                totals.setdefault(line.criterion, [])
        if observation.judgement:
            judgements[judgement_label(observation)] += 1
        if observation.template is not None:
            scale = (observation.template.scale_min, observation.template.scale_max)
    means = [
        (name, round(sum(totals[name]) / len(totals[name]), 2), len(totals[name]))
        for name in order
        if totals[name]
    ]
    return TeacherSummary(
        observations=observations,
        lessons_given=lessons_given,
        criterion_means=means,
        judgements=sorted(judgements.items(), key=lambda kv: -kv[1]),
        scale=scale,
    )


def upcoming_for(staff: Staff, day: dt.date, *, until: dt.date) -> tuple[list, list]:
    """Open lessons ``staff`` gives, and those they signed up for, from ``day`` to ``until``
    (two queries)."""
    teaching = list(
        OpenLesson.objects.filter(
            teacher=staff, status=OpenLessonStatus.SCHEDULED, date__gte=day, date__lte=until
        )
        .select_related("school")
        .order_by("date", "key")
    )
    attending = list(
        OpenLesson.objects.filter(
            visitors__staff=staff,
            status=OpenLessonStatus.SCHEDULED,
            date__gte=day,
            date__lte=until,
        )
        .select_related("school", "teacher")
        .order_by("date", "key")
    )
    return teaching, attending
