"""Pages of open lessons and lesson observations (ORG-3, HEAD-D1, SVC-D4, DOC-7). Thin: read
input, ask the policy, call a service, show the result. Fixed number of queries per page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.models import Association
from usul.associations.selectors import active_associations
from usul.lessons import services
from usul.lessons.forms import ObservationForm, OpenLessonForm, TemplateForm
from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonStatus
from usul.lessons.selectors import (
    judgement_label,
    lessons_of,
    mean_score,
    observations_for,
    score_lines,
    teacher_summary,
    template_in_force,
    visitors_of,
)
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.dates import format_date
from usul.lib.forms import add_service_errors, run_with_message
from usul.lib.views import form_post, own_school_entry
from usul.people.models import Staff
from usul.planning.models import PlanItemKind
from usul.planning.selectors import items_to_schedule
from usul.schools.models import School, Subject
from usul.schools.selectors import visible_school, year_asked


def _staff(school: School):
    return Staff.objects.filter(school=school).order_by("last_name", "first_name", "key")


def _subjects(school: School):
    return Subject.objects.filter(school=school).order_by("name_ky", "key")


def _decorate(observations):
    for observation in observations:
        observation.lines = score_lines(observation)
        observation.judgement_text = judgement_label(observation)
        observation.mean = mean_score(observation)
    return observations


@login_required
@require_GET
def index(request):
    """The menu's entry: the open-lesson schedule of the viewer's own school."""
    return own_school_entry(
        request,
        "lessons:list",
        title=_("Open lessons"),
        explanation=_("Open lessons are kept per school; open a school to see its schedule."),
    )


def _list_context(request, school: School, form=None) -> dict:
    viewer = request.viewer
    year, years = year_asked(school, request.viewer.today, request.GET, request.POST)
    associations = active_associations(school, viewer.today, year)
    chosen = next((a for a in associations if a.key == request.GET.get("ma")), None)
    lessons = list(lessons_of(viewer, school, year, chosen.pk if chosen else None)) if year else []
    for lesson in lessons:
        lesson.school = school
        lesson.can_attend = lesson.status == OpenLessonStatus.SCHEDULED and can(
            viewer, "attend_open_lesson", lesson
        )
    manageable = [a for a in associations if can(viewer, "manage_association", a)]
    if form is None and manageable and year is not None:
        form = OpenLessonForm(
            associations=Association.objects.filter(pk__in=[a.pk for a in manageable]),
            staff=_staff(school),
            subjects=_subjects(school),
            plan_items=items_to_schedule(manageable, year, PlanItemKind.OPEN_LESSON),
            initial={"association": chosen.key if chosen in manageable else None},
        )
    return {
        "school": school,
        "year": year,
        "years": years,
        "associations": associations,
        "chosen": chosen,
        "lessons": lessons,
        "form": form if manageable else None,
        "observation_template_editable": can(viewer, "configure_observation_template", school),
    }


@login_required
@require_GET
def lesson_list(request, school: str):
    """The school's open-lesson schedule (DOC-7), or one MA's (``?ma=KEY``)."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    return render(request, "lessons/list.html", _list_context(request, school_obj))


@login_required
@form_post
def schedule(request, school: str):
    school_obj = visible_school(request.viewer, school, with_years=True)
    viewer = request.viewer
    year, _years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    associations = visible(
        viewer, Association.objects.filter(school=school_obj).select_related("school")
    )
    manageable = [a for a in associations if can(viewer, "manage_association", a)]
    form = OpenLessonForm(
        request.POST,
        associations=associations,
        staff=_staff(school_obj),
        subjects=_subjects(school_obj),
        plan_items=items_to_schedule(manageable, year, PlanItemKind.OPEN_LESSON),
    )
    if year is None:
        form.add_error(None, _("School year: the school has no school year yet."))
    if form.is_valid():
        association = form.cleaned_data["association"]
        require(viewer, "manage_association", association)
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.open_lesson_schedule(
                    actor=request.viewer,
                    association=association,
                    year=year,
                    teacher=form.cleaned_data["teacher"],
                    topic=form.cleaned_data["topic"],
                    date=form.cleaned_data["date"],
                    subject=form.cleaned_data["subject"],
                    grade=form.cleaned_data["grade"],
                    class_label=form.cleaned_data["class_label"],
                    cycle_topic=form.cleaned_data["cycle_topic"],
                    plan_item=form.cleaned_data.get("plan_item"),
                ),
                lambda lesson: reverse("lessons:detail", args=[school_obj.key, lesson.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
                return redirect(created.address)
            lesson = created.record
            messages.success(request, _("The open lesson is on the schedule."))
            return redirect("lessons:detail", school_obj.key, lesson.key)
    elif not manageable:
        raise PermissionDenied("manage_association")
    context = _list_context(request, school_obj, form=form)
    return render(request, "lessons/list.html", context, status=400)


def _lesson(request, school: str, key: str) -> OpenLesson:
    return get_visible(
        request.viewer,
        OpenLesson.objects.select_related(
            "school", "association", "year", "teacher", "subject", "plan_item"
        ),
        school__key=school,
        key=key,
    )


def _detail_context(request, lesson: OpenLesson, **overrides) -> dict:
    viewer = request.viewer
    visitors = visitors_of(lesson)
    can_manage = can(viewer, "manage_association", lesson)
    # The form appears once the lesson has taken place (the service refuses earlier dates).
    can_observe = (
        lesson.status != OpenLessonStatus.CANCELLED
        and lesson.date <= viewer.today
        and can(viewer, "observe_open_lesson", lesson)
    )
    context = {
        "lesson": lesson,
        "school": lesson.school,
        "visitors": visitors,
        "signed_up": viewer.staff is not None and viewer.staff in visitors,
        "can_attend": lesson.status == OpenLessonStatus.SCHEDULED
        and can(viewer, "attend_open_lesson", lesson),
        "can_manage": can_manage,
        "observations": _decorate(
            observations_for(viewer, Observation.objects.filter(open_lesson=lesson))
        ),
        "can_observe": can_observe,
    }
    if can_manage and lesson.status == OpenLessonStatus.SCHEDULED:
        context["edit_form"] = OpenLessonForm(
            associations=Association.objects.none(),
            staff=_staff(lesson.school),
            subjects=_subjects(lesson.school),
            with_association=False,
            initial={
                "teacher": lesson.teacher.key,
                "date": lesson.date,
                "subject": lesson.subject.key if lesson.subject else None,
                "grade": lesson.grade,
                "class_label": lesson.class_label,
                "topic": lesson.topic,
                "cycle_topic": lesson.cycle_topic,
            },
        )
    if can_observe:
        context["observation_form"] = ObservationForm(
            template=template_in_force(lesson.school), initial={"date": lesson.date}
        )
    context.update(overrides)
    return context


@login_required
@require_GET
def detail(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    return render(request, "lessons/detail.html", _detail_context(request, lesson))


@login_required
@form_post
def edit(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    require(request.viewer, "manage_association", lesson)
    form = OpenLessonForm(
        request.POST,
        associations=Association.objects.none(),
        staff=_staff(lesson.school),
        subjects=_subjects(lesson.school),
        with_association=False,
    )
    if form.is_valid():
        try:
            services.open_lesson_update(
                actor=request.viewer, open_lesson=lesson, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The open lesson is saved."))
            return redirect("lessons:detail", lesson.school.key, lesson.key)
    context = _detail_context(request, lesson, edit_form=form)
    return render(request, "lessons/detail.html", context, status=400)


def _act(request, lesson: OpenLesson, action, success: str):
    run_with_message(request, action, success)
    return redirect("lessons:detail", lesson.school.key, lesson.key)


@login_required
@form_post
def hold(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    require(request.viewer, "manage_association", lesson)
    return _act(
        request,
        lesson,
        lambda: services.open_lesson_hold(
            actor=request.viewer, open_lesson=lesson, as_of=request.viewer.today
        ),
        _("The lesson is marked as given."),
    )


@login_required
def cancel(request, school: str, key: str):
    """Asks first (GET: what the cancellation ends), then cancels (POST)."""
    lesson = _lesson(request, school, key)
    require(request.viewer, "manage_association", lesson)
    if request.method == "POST":
        return _act(
            request,
            lesson,
            lambda: services.open_lesson_cancel(actor=request.viewer, open_lesson=lesson),
            _("The open lesson is cancelled."),
        )
    detail = reverse("lessons:detail", args=[lesson.school.key, lesson.key])
    if lesson.status != OpenLessonStatus.SCHEDULED:
        messages.error(request, _("Only a scheduled open lesson can be cancelled."))
        return redirect(detail)
    visitors = lesson.visitors.count()
    keeps = [
        _("The colleagues signed up (%(count)d) stay signed up, should it be reopened.")
        % {"count": visitors}
    ]
    if lesson.plan_item is not None:
        keeps.append(
            _("The plan item it was scheduled from stays in the plan: “%(title)s”.")
            % {"title": lesson.plan_item.title}
        )
    confirmation = Confirmation(
        question=_("Cancel %(teacher)s's open lesson of %(date)s?")
        % {"teacher": lesson.teacher, "date": format_date(lesson.date)},
        button=_("Cancel the lesson"),
        back=detail,
        ends=[
            _(
                "The open lesson “%(topic)s” will not take place: it leaves the calendars of "
                "the teacher and the colleagues signed up, and cannot be given or observed."
            )
            % {"topic": lesson.topic}
        ],
        keeps=keeps,
        after=_(
            "Whoever may cancel the lesson can reopen it afterwards on its page: it is then "
            "scheduled again."
        ),
    )
    return confirm_page(request, confirmation, school=lesson.school)


@login_required
@form_post
def reopen(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    require(request.viewer, "manage_association", lesson)
    return _act(
        request,
        lesson,
        lambda: services.open_lesson_reopen(actor=request.viewer, open_lesson=lesson),
        _("The open lesson is scheduled again."),
    )


@login_required
@form_post
def sign_up(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    require(request.viewer, "attend_open_lesson", lesson)
    staff = request.viewer.staff
    response = _act(
        request,
        lesson,
        lambda: services.open_lesson_sign_up(actor=request.viewer, open_lesson=lesson, staff=staff),
        _("You are signed up for the lesson."),
    )
    return _back_to_list(request, response)


@login_required
@form_post
def withdraw(request, school: str, key: str):
    lesson = _lesson(request, school, key)
    require(request.viewer, "attend_open_lesson", lesson)
    staff = request.viewer.staff
    response = _act(
        request,
        lesson,
        lambda: services.open_lesson_withdraw(
            actor=request.viewer, open_lesson=lesson, staff=staff
        ),
        _("You are no longer signed up."),
    )
    return _back_to_list(request, response)


def _back_to_list(request, response):
    """Sign-ups made from the schedule return to the schedule (same filters)."""
    back = request.POST.get("next", "")
    if back.startswith("/lessons/") and "//" not in back:
        return redirect(back)
    return response


@login_required
@form_post
def observe(request, school: str, key: str):
    """A colleague records the observation of an open lesson (HEAD-D1, SVC-D4)."""
    lesson = _lesson(request, school, key)
    viewer = request.viewer
    require(viewer, "observe_open_lesson", lesson)
    form = _observation_form(request, lesson.school)
    back = reverse("lessons:detail", args=[lesson.school.key, lesson.key])
    if form.is_valid() and _record_observation(request, form, back, open_lesson=lesson):
        return redirect(back)
    context = _detail_context(request, lesson, observation_form=form)
    return render(request, "lessons/detail.html", context, status=400)


def _observation_form(request, school: School) -> ObservationForm:
    """The posted observation, read against the form version the observer was shown: the
    school may have saved a newer one while they were in the lesson (``0``: none saved yet)."""
    version = _int(request.POST.get("template_version"))
    template = (
        template_in_force(school)
        if version == 0
        else get_object_or_404(ObservationTemplate, school=school, version=version)
    )
    return ObservationForm(request.POST, template=template)


def _record_observation(request, form: ObservationForm, back: str, **observed) -> bool:
    """Record the observation of an open lesson or of a visit (``observed``: ``open_lesson``
    or ``teacher``), once however often the form is sent (the observer then goes ``back``);
    on a refusal the service's messages go onto the form and this is False."""
    data = form.cleaned_data
    try:
        created = create_once(
            request.user,
            data["once"],
            lambda: services.observation_record(
                actor=request.viewer,
                observer=request.viewer.staff,
                date=data["date"],
                template=form.template,
                scores=form.scores(),
                strengths=data["strengths"],
                recommendations=data["recommendations"],
                summary=data["summary"],
                judgement=data["judgement"],
                as_of=request.viewer.today,
                **observed,
            ),
            lambda observation: back,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    if created.repeated:
        messages.info(request, ALREADY_SENT)
        return True
    messages.success(request, _("The observation is recorded; the teacher can read it."))
    return True


def _int(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def _teacher_context(request, school: School, teacher: Staff, year, years, **overrides):
    viewer = request.viewer
    summary = teacher_summary(viewer, teacher, year) if year else None
    if summary:
        _decorate(summary.observations)
    context = {
        "school": school,
        "teacher": teacher,
        "year": year,
        "years": years,
        "summary": summary,
        "can_visit": can(viewer, "visit_lesson", teacher),
        "is_self": viewer.staff is not None and viewer.staff.pk == teacher.pk,
    }
    if context["can_visit"] and "visit_form" not in overrides:
        context["visit_form"] = ObservationForm(template=template_in_force(school))
    context.update(overrides)
    return context


@login_required
@require_GET
def teacher(request, school: str, staff: str):
    """One teacher's observed lessons across the year, with average scores (SVC-D4)."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    teacher_obj = get_visible(request.viewer, Staff.objects.filter(school=school_obj), key=staff)
    year, years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    return render(
        request,
        "lessons/teacher.html",
        _teacher_context(request, school_obj, teacher_obj, year, years),
    )


@login_required
@form_post
def visit(request, school: str, staff: str):
    """The head's (or leadership's) visit to a lesson outside the open-lesson schedule."""
    school_obj = visible_school(request.viewer, school, with_years=True)
    viewer = request.viewer
    teacher_obj = get_visible(viewer, Staff.objects.filter(school=school_obj), key=staff)
    require(viewer, "visit_lesson", teacher_obj)
    year, years = year_asked(school_obj, request.viewer.today, request.GET, request.POST)
    form = _observation_form(request, school_obj)
    back = reverse("lessons:teacher", args=[school_obj.key, teacher_obj.key])
    if form.is_valid() and _record_observation(request, form, back, teacher=teacher_obj):
        return redirect(back)
    context = _teacher_context(request, school_obj, teacher_obj, year, years, visit_form=form)
    return render(request, "lessons/teacher.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def observation_template(request, school: str):
    """The school's observation form: criteria, score scale, judgements (HEAD-D1, SVC-D4)."""
    school_obj = visible_school(request.viewer, school)
    require(request.viewer, "configure_observation_template", school_obj)
    template = template_in_force(school_obj)
    form = TemplateForm(request.POST or None, initial=TemplateForm.initial_from(template))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.observation_template_save(
                    actor=request.viewer,
                    school=school_obj,
                    name=form.cleaned_data["name"],
                    scale_min=form.cleaned_data["scale_min"],
                    scale_max=form.cleaned_data["scale_max"],
                    criteria=form.criteria_entries(),
                    judgements=form.judgement_entries(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The observation form is saved as version %(version)s.")
                    % {"version": saved.version},
                )
                return redirect("lessons:template", school_obj.key)
        status = 400
    return render(
        request,
        "lessons/template.html",
        {"school": school_obj, "template": template, "form": form},
        status=status,
    )
