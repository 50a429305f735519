"""Writes about open lessons, their visitors, observation forms and lesson observations.

ORG-3, FUNC-3: MAs organise cycles of open lessons that colleagues attend; HEAD-D1, SVC-D4:
lessons are observed and analysed, inside the schedule or on a head's visit. Every function
is one transaction, begins by asking the policy whether ``actor`` (a ``Viewer``) may act — a
page, a command and an API get the same refusal — answers bad input with a translated message
naming the field, and records who made the change (``save_with_history``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.associations.selectors import is_active, members_at
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
from usul.lessons.selectors import current_template
from usul.lib import text_limits
from usul.lib.dates import format_date
from usul.lib.history import delete_with_history, save_with_history
from usul.notifications.services import notify
from usul.people.models import Staff
from usul.planning.models import PlanItem, PlanItemKind
from usul.planning.services import plan_item_carried_out
from usul.schools.models import School, SchoolYear, Subject

GRADES = range(1, 12)  # grades 1–11 of a Kyrgyz general-education school


def _notify(**kwargs) -> None:
    notify(**kwargs)


def lesson_url(lesson: OpenLesson) -> str:
    return reverse("lessons:detail", args=[lesson.school.key, lesson.key])


def teacher_url(teacher: Staff) -> str:
    return reverse("lessons:teacher", args=[teacher.school.key, teacher.key])


def _check_in_year(year: SchoolYear, date: dt.date | None, field: str = "date") -> None:
    if date is None:
        raise ValidationError({field: _("Date: enter the date.")})
    if not year.contains(date):
        raise ValidationError(
            {
                field: _("Date: %(date)s is outside the school year %(year)s (%(first)s–%(last)s).")
                % {
                    "date": format_date(date),
                    "year": year.key,
                    "first": format_date(year.start),
                    "last": format_date(year.end),
                }
            }
        )


def _lesson_key(association: Association, year: SchoolYear) -> str:
    """ "ol-stem-2025-3": the MA's short key, the year, the MA's running number."""
    short = association.key.removeprefix("ma-")
    prefix = f"ol-{short}-{year.start.year}-"
    taken = set(
        OpenLesson.objects.filter(
            school_id=association.school_id, key__startswith=prefix
        ).values_list("key", flat=True)
    )
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _validate_lesson(
    lesson: OpenLesson, *, teacher: Staff | None, topic: str, subject, grade, as_new: bool
) -> None:
    year = lesson.year
    association = lesson.association
    if not (topic or "").strip():
        raise ValidationError({"topic": _("Topic: write the topic of the lesson.")})
    text_limits.require_within("topic", _("Topic"), topic.strip(), text_limits.SENTENCE)
    if teacher is None:
        raise ValidationError({"teacher": _("Teacher: choose who gives the lesson.")})
    _check_in_year(year, lesson.date)
    if as_new and not is_active(association, lesson.date, year):
        raise ValidationError(
            {
                "date": _("Date: the MA is not active on %(date)s.")
                % {"date": format_date(lesson.date)}
            }
        )
    # ORG-3: the MA's open lessons are given by its own members.
    if teacher.pk not in {s.pk for s in members_at(association, lesson.date)}:
        raise ValidationError(
            {
                "teacher": _("Teacher: %(name)s is not a member of the MA on %(date)s.")
                % {"name": teacher.short_name, "date": format_date(lesson.date)}
            }
        )
    if subject is not None and subject.school_id != lesson.school_id:
        raise ValidationError({"subject": _("Subject: choose a subject of this school.")})
    if grade is not None and grade not in GRADES:
        raise ValidationError({"grade": _("Grade: enter a grade from 1 to 11.")})


@transaction.atomic
def open_lesson_schedule(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    teacher: Staff | None,
    topic: str,
    date: dt.date | None,
    subject: Subject | None = None,
    grade: int | None = None,
    class_label: str = "",
    cycle_topic: str = "",
    plan_item: PlanItem | None = None,
) -> OpenLesson:
    """Put an open lesson on the MA's schedule (ORG-3, DOC-7), directly or from an item of kind
    "open lesson" of the MA's work plan, whose date, title (as the topic) and responsible person
    (as the teacher) fill what is left blank; holding the lesson then marks the item done."""
    require(actor, "manage_association", association)
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("School year: it belongs to another school.")})
    if plan_item is not None:
        if plan_item.kind != PlanItemKind.OPEN_LESSON:
            raise ValidationError(
                {"plan_item": _("Plan item: only an item of kind “open lesson” fits here.")}
            )
        if plan_item.plan.association_id != association.id or plan_item.plan.year_id != year.id:
            raise ValidationError(
                {"plan_item": _("Plan item: it belongs to another MA or another year.")}
            )
        # One lesson carries out one item: holding it marks the item done (FUNC-1, ORG-3).
        already = (
            plan_item.open_lessons.exclude(status=OpenLessonStatus.CANCELLED)
            .order_by("date")
            .first()
        )
        if already is not None:
            raise ValidationError(
                {
                    "plan_item": _(
                        "Plan item: an open lesson is already scheduled for it (%(date)s, "
                        "%(topic)s)."
                    )
                    % {"date": format_date(already.date), "topic": already.topic}
                }
            )
        # What the plan already says need not be typed again (as for meetings' agendas).
        date = date or plan_item.date
        topic = (topic or "").strip() or plan_item.title
        teacher = teacher or plan_item.responsible
    if date is None:
        raise ValidationError({"date": _("Date: enter the date of the lesson.")})
    # Lock the MA so that two lessons scheduled at once never get the same key.
    Association.objects.select_for_update().filter(pk=association.pk).first()
    lesson = OpenLesson(
        school_id=association.school_id,
        association=association,
        year=year,
        teacher=teacher,
        subject=subject,
        grade=grade,
        class_label=(class_label or "").strip(),
        topic=(topic or "").strip(),
        cycle_topic=(cycle_topic or "").strip(),
        date=date,
        plan_item=plan_item,
    )
    _validate_lesson(
        lesson, teacher=teacher, topic=topic, subject=subject, grade=grade, as_new=True
    )
    lesson.key = _lesson_key(association, year)
    save_with_history(lesson, actor)
    return lesson


def _locked(lesson: OpenLesson) -> OpenLesson:
    return (
        OpenLesson.objects.select_for_update()
        .select_related("school", "year", "association", "teacher")
        .get(pk=lesson.pk)
    )


def _require_scheduled(lesson: OpenLesson) -> None:
    if lesson.status != OpenLessonStatus.SCHEDULED:
        raise ValidationError(
            {
                "status": _("Status: the lesson is %(status)s; it can no longer be changed.")
                % {"status": lesson.get_status_display()}
            }
        )


UPDATABLE = ("teacher", "topic", "date", "subject", "grade", "class_label", "cycle_topic")


@transaction.atomic
def open_lesson_update(*, actor: Viewer, open_lesson: OpenLesson, **changes) -> OpenLesson:
    """Change a scheduled lesson's teacher, topic, date, subject, grade, class or cycle."""
    require(actor, "manage_association", open_lesson)
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"open_lesson_update: unknown fields {sorted(unknown)}")
    lesson = _locked(open_lesson)
    _require_scheduled(lesson)
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        setattr(lesson, name, value)
    _validate_lesson(
        lesson,
        # A form sent with the teacher left empty: say so rather than fail on the empty link.
        teacher=lesson.teacher if lesson.teacher_id else None,
        topic=lesson.topic,
        subject=lesson.subject,
        grade=lesson.grade,
        as_new=False,
    )
    save_with_history(lesson, actor, list(changes))
    return lesson


@transaction.atomic
def open_lesson_cancel(*, actor: Viewer, open_lesson: OpenLesson) -> OpenLesson:
    require(actor, "manage_association", open_lesson)
    lesson = _locked(open_lesson)
    _require_scheduled(lesson)
    lesson.status = OpenLessonStatus.CANCELLED
    save_with_history(lesson, actor, ["status"])
    return lesson


@transaction.atomic
def open_lesson_reopen(*, actor: Viewer, open_lesson: OpenLesson) -> OpenLesson:
    """Undo a cancellation: the lesson is scheduled again, its colleagues still signed up.
    Whoever may cancel it may reopen it (ORG-3)."""
    require(actor, "manage_association", open_lesson)
    lesson = _locked(open_lesson)
    if lesson.status != OpenLessonStatus.CANCELLED:
        raise ValidationError(
            {"status": _("Status: only a cancelled open lesson can be reopened.")}
        )
    lesson.status = OpenLessonStatus.SCHEDULED
    save_with_history(lesson, actor, ["status"])
    return lesson


@transaction.atomic
def open_lesson_hold(*, actor: Viewer, open_lesson: OpenLesson, as_of: dt.date) -> OpenLesson:
    """Record that the lesson was given; not before its date."""
    require(actor, "manage_association", open_lesson)
    lesson = _locked(open_lesson)
    _require_scheduled(lesson)
    if lesson.date > as_of:
        raise ValidationError(
            {
                "date": _("Date: a lesson dated %(date)s cannot be marked as given before then.")
                % {"date": format_date(lesson.date)}
            }
        )
    lesson.status = OpenLessonStatus.HELD
    save_with_history(lesson, actor, ["status"])
    if lesson.plan_item is not None:
        # FUNC-1, ORG-3: the plan's open-lesson item is carried out. Recorded in this
        # transaction, so a given lesson never leaves its item "planned".
        plan_item_carried_out(
            actor=actor, item=lesson.plan_item, happened_on=lesson.date, as_of=as_of
        )
    return lesson


def _require_signs_up(actor: Viewer, lesson: OpenLesson, staff: Staff) -> None:
    # ORG-3: a colleague signs themselves up; whoever manages the MA signs up others.
    if actor.staff is not None and staff.pk == actor.staff.pk:
        require(actor, "attend_open_lesson", lesson)
    else:
        require(actor, "manage_association", lesson)


@transaction.atomic
def open_lesson_sign_up(
    *, actor: Viewer, open_lesson: OpenLesson, staff: Staff
) -> OpenLessonVisitor:
    """A colleague signs up to attend (ORG-3). Signing up twice changes nothing."""
    _require_signs_up(actor, open_lesson, staff)
    lesson = _locked(open_lesson)
    _require_scheduled(lesson)
    if staff.school_id != lesson.school_id:
        raise ValidationError({"staff": _("Visitor: only staff of this school can sign up.")})
    if staff.pk == lesson.teacher_id:
        raise ValidationError(
            {"staff": _("Visitor: the teacher who gives the lesson cannot sign up to it.")}
        )
    existing = OpenLessonVisitor.objects.filter(open_lesson=lesson, staff=staff).first()
    if existing is not None:
        return existing
    visitor = OpenLessonVisitor(open_lesson=lesson, staff=staff)
    save_with_history(visitor, actor)
    return visitor


@transaction.atomic
def open_lesson_withdraw(*, actor: Viewer, open_lesson: OpenLesson, staff: Staff) -> None:
    _require_signs_up(actor, open_lesson, staff)
    lesson = _locked(open_lesson)
    _require_scheduled(lesson)
    for visitor in OpenLessonVisitor.objects.filter(open_lesson=lesson, staff=staff):
        delete_with_history(visitor, actor)


# --- Observation forms ------------------------------------------------------------------------


def _clean_entries(entries, *, field: str, prefix: str, required: bool) -> list[dict]:
    """Criteria or judgements as ``{"key", "ky", "ru", "en"}``; a Kyrgyz or Russian name is
    required for each, and keys are given in order when missing."""
    cleaned = []
    for n, entry in enumerate(entries or [], start=1):
        names = {code: (entry.get(code) or "").strip() for code in ("ky", "ru", "en")}
        if not any(names.values()):
            continue
        if not (names["ky"] or names["ru"]):
            raise ValidationError(
                {field: _("Line %(n)s: give a name in Kyrgyz or Russian.") % {"n": n}}
            )
        cleaned.append({"key": entry.get("key") or f"{prefix}{n}", **names})
    if required and not cleaned:
        raise ValidationError({field: _("Criteria: list at least one criterion.")})
    keys = [e["key"] for e in cleaned]
    if len(set(keys)) != len(keys):
        raise ValidationError({field: _("Criteria: two lines have the same key.")})
    return cleaned


@transaction.atomic
def observation_template_save(
    *,
    actor: Viewer,
    school: School,
    name: str,
    scale_min: int,
    scale_max: int,
    criteria: list[dict],
    judgements: list[dict],
) -> ObservationTemplate:
    """Save the school's observation form as a new version; earlier observations keep theirs."""
    require(actor, "configure_observation_template", school)
    return _template_saved(
        actor=actor,
        school=school,
        name=name,
        scale_min=scale_min,
        scale_max=scale_max,
        criteria=criteria,
        judgements=judgements,
    )


def _template_saved(
    *,
    actor: Viewer,
    school: School,
    name: str,
    scale_min: int,
    scale_max: int,
    criteria: list[dict],
    judgements: list[dict],
) -> ObservationTemplate:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name: give the form a name.")})
    if scale_min is None or scale_max is None or scale_min >= scale_max:
        raise ValidationError(
            {"scale_max": _("Score scale: the highest score must be above the lowest.")}
        )
    if scale_min < 0 or scale_max > 100:
        raise ValidationError({"scale_max": _("Score scale: use scores from 0 to 100.")})
    criteria = _clean_entries(criteria, field="criteria", prefix="c", required=True)
    judgements = _clean_entries(judgements, field="judgements", prefix="j", required=False)
    # Lock the school's forms so that two saves never claim the same version number.
    School.objects.select_for_update().filter(pk=school.pk).first()
    latest = ObservationTemplate.objects.filter(school=school).aggregate(v=Max("version"))
    template = ObservationTemplate(
        school=school,
        version=(latest["v"] or 0) + 1,
        name=name,
        scale_min=scale_min,
        scale_max=scale_max,
        criteria=criteria,
        judgements=judgements,
    )
    save_with_history(template, actor)
    return template


@transaction.atomic
def observation_template_ensure(*, actor: Viewer, school: School) -> ObservationTemplate:
    """The school's form in force; a school that has none gets the default one (version 1)."""
    require(actor, "configure_observation_template", school)
    return _default_template_saved(actor=actor, school=school)


def _default_template_saved(*, actor: Viewer, school: School) -> ObservationTemplate:
    """The school's form, saving the default first if it has none. Called by the services that
    have asked the policy already (an observer records with the default form)."""
    template = current_template(school)
    if template is not None:
        return template
    return _template_saved(
        actor=actor,
        school=school,
        name=DEFAULT_NAME,
        scale_min=DEFAULT_SCALE[0],
        scale_max=DEFAULT_SCALE[1],
        criteria=DEFAULT_CRITERIA,
        judgements=DEFAULT_JUDGEMENTS,
    )


# --- Observations -------------------------------------------------------------------------


def _year_of(school_id: int, date: dt.date) -> SchoolYear | None:
    return SchoolYear.objects.filter(school_id=school_id, start__lte=date, end__gte=date).first()


def _clean_scores(template: ObservationTemplate, scores: dict | None) -> dict:
    keys = {c["key"] for c in template.criteria}
    cleaned = {}
    for key, value in (scores or {}).items():
        if value in (None, ""):
            continue  # a criterion the observer could not judge stays empty
        if key not in keys:
            raise ValidationError(
                {"scores": _("Scores: unknown criterion “%(key)s”.") % {"key": key}}
            )
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not template.scale_min <= number <= template.scale_max:
            raise ValidationError(
                {
                    "scores": _(
                        "Scores: each score must be a whole number from %(min)s to %(max)s."
                    )
                    % {"min": template.scale_min, "max": template.scale_max}
                }
            )
        cleaned[key] = number
    return cleaned


@transaction.atomic
def observation_record(
    *,
    actor: Viewer,
    observer: Staff,
    date: dt.date | None,
    template: ObservationTemplate,
    open_lesson: OpenLesson | None = None,
    teacher: Staff | None = None,
    scores: dict | None = None,
    strengths: str = "",
    recommendations: str = "",
    summary: str = "",
    judgement: str = "",
    as_of: dt.date | None = None,
) -> Observation:
    """Record the analysis of a lesson (HEAD-D1, SVC-D4): of an open lesson, or — with
    ``teacher`` and no lesson — of a head's visit outside the open-lesson schedule.

    The observer is the actor: nobody records an analysis in a colleague's name."""
    if actor.staff is None or observer.pk != actor.staff.pk:
        raise PermissionDenied("observe_as_another")
    text_limits.require_all_within(
        ("strengths", _("Strengths"), strengths, text_limits.PARAGRAPH),
        ("recommendations", _("Recommendations"), recommendations, text_limits.PARAGRAPH),
        ("summary", pgettext("observation", "Summary"), summary, text_limits.PARAGRAPH),
    )
    if open_lesson is not None:
        require(actor, "observe_open_lesson", open_lesson)
    elif teacher is not None:
        require(actor, "visit_lesson", teacher)
    if open_lesson is not None:
        lesson = _locked(open_lesson)
        if teacher is not None and teacher.pk != lesson.teacher_id:
            raise ValidationError(
                {"teacher": _("Teacher: the open lesson is given by someone else.")}
            )
        teacher = lesson.teacher
        school_id = lesson.school_id
        if lesson.status == OpenLessonStatus.CANCELLED:
            raise ValidationError(
                {"open_lesson": _("Open lesson: it was cancelled; there is nothing to observe.")}
            )
        date = date or lesson.date
        _check_in_year(lesson.year, date)
        if date < lesson.date:
            raise ValidationError(
                {
                    "date": _("Date: the observation cannot be before the lesson (%(date)s).")
                    % {"date": format_date(lesson.date)}
                }
            )
    else:
        lesson = None
        if teacher is None:
            raise ValidationError({"teacher": _("Teacher: choose whose lesson was observed.")})
        school_id = teacher.school_id
        if date is None:
            raise ValidationError({"date": _("Date: enter the date of the lesson.")})
        if _year_of(school_id, date) is None:
            raise ValidationError(
                {
                    "date": _("Date: %(date)s is outside every school year of the school.")
                    % {"date": format_date(date)}
                }
            )
    if as_of is not None and date > as_of:
        raise ValidationError(
            {
                "date": _("Date: %(date)s has not come yet; record the observation after it.")
                % {"date": format_date(date)}
            }
        )
    if observer.school_id != school_id or teacher.school_id != school_id:
        raise ValidationError({"observer": _("Observer: only staff of this school observe.")})
    if observer.pk == teacher.pk:
        raise ValidationError(
            {"observer": _("Observer: a teacher does not observe their own lesson.")}
        )
    if template.school_id != school_id:
        raise ValidationError({"template": _("Form: it belongs to another school.")})
    if template.pk is None:
        # The default form, shown before the school had one, becomes the school's own now —
        # in this same transaction, so a refused observation leaves nothing behind.
        template = _default_template_saved(actor=actor, school=template.school)
    cleaned = _clean_scores(template, scores)
    judgement = (judgement or "").strip()
    if judgement and judgement not in {j["key"] for j in template.judgements}:
        raise ValidationError({"judgement": _("Overall judgement: choose one from the list.")})
    texts = {
        "strengths": (strengths or "").strip(),
        "recommendations": (recommendations or "").strip(),
        "summary": (summary or "").strip(),
    }
    if not cleaned and not any(texts.values()) and not judgement:
        raise ValidationError(
            {"summary": _("Summary: give at least one score, a judgement or a few words.")}
        )
    observation = Observation(
        school_id=school_id,
        open_lesson=lesson,
        teacher=teacher,
        observer=observer,
        date=date,
        scores=cleaned,
        judgement=judgement,
        template=template,
        **texts,
    )
    save_with_history(observation, actor)
    _notify(
        kind="observation_recorded",
        recipients=[teacher],
        url=lesson_url(lesson) if lesson is not None else teacher_url(teacher),
        params={"observer": observer.short_name, "date": date},
        actor=actor,
    )
    return observation
