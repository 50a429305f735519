"""BUNDLE.md, associations → open_lessons: the MA's open lessons (ORG-3) and the observations
made at them (HEAD-D1, SVC-D4), with the extensions ``visitors`` (colleagues signed up to
attend), ``class_label``, ``cycle_topic`` and ``plan_item``. Observations outside open lessons
are the top-level extension ``observations`` (``observations.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from django.db.models import OuterRef

from usul.associations.models import Association
from usul.bundle.services.associations import ma_sources
from usul.bundle.services.observations import observation_extension, observation_values
from usul.bundle.services.plans import plan_item
from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import (
    _date,
    _extension,
    _given,
    _grouped,
    _iso,
    _key,
    _nonempty,
    _text,
)
from usul.lessons.models import Observation, OpenLesson, OpenLessonVisitor

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def _lesson_values(run: BundleImport, o: dict, *, ma: Association) -> dict:
    return {
        "year_id": run.years[o["year"]].pk,
        "teacher_id": run.staff[o["teacher"]].pk,
        "subject_id": run.pk(run.subjects, o["subject"]),
        "grade": o["grade"],
        "topic": o["topic"],
        "date": _date(o["date"]),
        "status": o["status"],
        **_given(
            o,
            {
                "class_label": ("class_label", _text),
                "cycle_topic": ("cycle_topic", _text),
                "plan_item": ("plan_item_id", lambda n: plan_item(run, ma, o["year"], n)),
            },
        ),
    }


def import_open_lessons(run: BundleImport) -> None:
    """The open lessons by key (after the plans: one may be scheduled from a plan item), their
    visitors (once per person) and their observations."""
    school = run.school
    mas = ma_sources(run)
    run.lessons = run.keyed(
        "associations.open_lessons",
        OpenLesson,
        [
            row
            for i, a, ma in mas
            for row in run.records(
                ["associations", i, "open_lessons"],
                a["open_lessons"],
                partial(_lesson_values, run, ma=ma),
                association_id=ma.pk,
            )
        ],
        existing=OpenLesson.objects.filter(school=school),
    )
    lessons = [
        (["associations", i, "open_lessons", n], o, run.lessons[o["key"]])
        for i, a, _ma in mas
        for n, o in enumerate(a["open_lessons"])
    ]
    # Colleagues signed up to attend (extension ``visitors``; ORG-3): once per person.
    run.rows(
        "associations.open_lessons.visitors",
        OpenLessonVisitor,
        "open_lesson_id",
        {"open_lesson__school": school},
        [
            Row(
                [*at, "visitors", n],
                o["key"],
                lesson.pk,
                {"staff_id": run.staff[key].pk},
                identity=run.staff[key].pk,
            )
            for at, o, lesson in lessons
            for n, key in enumerate(o.get("visitors", []))
        ],
        {lesson.pk: o["key"] for _at, o, lesson in lessons if "visitors" in o},
        identity=lambda obj: obj.staff_id,
    )
    run.rows(
        "associations.open_lessons.observations",
        Observation,
        "open_lesson_id",
        {"school": school, "open_lesson__isnull": False},
        [
            Row(
                [*at, "observations", r],
                o["key"],
                lesson.pk,
                {
                    "school_id": school.pk,
                    "teacher_id": lesson.teacher_id,
                    "observer_id": run.staff[row["observer"]].pk,
                    "date": _date(row["date"]),
                    "summary": _text(row["summary"]),
                    "recommendations": _text(row["recommendations"]),
                    **observation_values(run, row),
                },
            )
            for at, o, lesson in lessons
            for r, row in enumerate(o["observations"])
        ],
        {lesson.pk: o["key"] for _at, o, lesson in lessons},
    )


# -- export

# Extension records of the open lessons: read only where the school has one.
EXTENSIONS = {
    "visitors": OpenLessonVisitor.objects.filter(open_lesson__school=OuterRef("pk")),
}


def write_open_lessons(
    school,
    year: dict,
    person: dict,
    subject: dict,
    place: Callable[[OpenLesson], int | None],
    observations: dict,
    templates: dict,
) -> dict[int, list[dict]]:
    """Each MA's ``open_lessons`` by the MA's pk; the dicts give keys by pk, ``place`` a
    lesson's plan item, ``observations`` the school's observations by open lesson and
    ``templates`` its observation forms by pk. ``school`` carries ``has_visitors``."""
    lessons = _grouped(OpenLesson.objects.filter(school=school), "association_id")
    visitors = _extension(
        school,
        "visitors",
        lambda: _grouped(
            OpenLessonVisitor.objects.filter(open_lesson__school=school), "open_lesson_id"
        ),
    )
    written: dict[int, list[dict]] = defaultdict(list)
    for ma, group in lessons.items():
        written[ma] = [
            {
                "key": o.key,
                "year": year[o.year_id],
                "teacher": person[o.teacher_id],
                "subject": _key(subject, o.subject_id),
                "grade": o.grade,
                "topic": o.topic,
                "date": _iso(o.date),
                "status": o.status,
                **_nonempty(
                    class_label=o.class_label,
                    cycle_topic=o.cycle_topic,
                    plan_item=place(o),
                    visitors=[person[r.staff_id] for r in visitors.get(o.pk, [])],
                ),
                "observations": [
                    {
                        "observer": person[v.observer_id],
                        "date": _iso(v.date),
                        "summary": v.summary,
                        "recommendations": v.recommendations,
                        **_nonempty(**observation_extension(v, templates)),
                    }
                    for v in observations[o.pk]
                ],
            }
            for o in group
        ]
    return written
