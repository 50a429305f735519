"""A school whose year was recorded in Usul itself, through the apps' own services — everything
BUNDLE.md does not describe included: the plan's directions, steps and approved version,
expected results, participants and materials, minutes, open-lesson classes, cycles and
visitors, two observation forms, scored observations and a head's visit."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from usul.accounts.policy import viewer_for
from usul.lessons import services as lessons
from usul.lessons.default_observation_template import DEFAULT_CRITERIA, DEFAULT_JUDGEMENTS
from usul.lib.tests import hostile_files
from usul.meetings import services as meetings
from usul.planning import services as planning
from usul.planning.models import PlanItem, WorkPlan
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date

SECOND_FORM_CRITERIA = [
    {"key": "goal", "ky": "Максат", "ru": "Цель", "en": "Goal"},
    {"key": "dialogue", "ky": "Окуучулар менен диалог", "ru": "Диалог с учащимися", "en": ""},
]


def act(user, day: dt.date):
    return viewer_for(user, day)


def revision(record) -> int:
    return type(record).objects.values_list("revision", flat=True).get(pk=record.pk)


def record_school(school, deputy, *, extra_items: int = 0, extra_visitors=()):
    """Record a year of ma-stem through the services; ``extra_*`` make the same school bigger."""
    year = SchoolYear.objects.get(school=school, key="2025-2026")
    math = f.make_subject(school, key="math", name="Математика")
    head = f.make_staff(school, key="t-head", last_name="Жумабаева", first_name="Нургүл")
    teacher = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    colleague = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Үмүт")
    ma = f.make_association(school, key="ma-stem", name="Табигый-математикалык цикл",
                            subjects=[math], created_on=D(2024, 8, 28))  # fmt: skip
    for person in (head, teacher, colleague, *extra_visitors):
        f.add_member(ma, person)
    f.add_head(ma, head)
    f.add_supervisor(ma, deputy)
    head_user = f.make_user(head, username=f"head-{school.key}")
    colleague_user = f.make_user(colleague, username=f"bekova-{school.key}")
    deputy_user = f.make_user(deputy, username=f"deputy-{school.key}")

    # The work plan (ORG-2, DOC-6…8): drafted, returned with a comment, approved, revised.
    on = D(2025, 9, 2)
    plan = planning.plan_create(
        actor=act(head_user, on), association=ma, year=year,
        theme="Функционалдык сабаттуулук математика сабагында",
        goal="Билимди турмушта колдонуу", directions=["Ачык сабактар", "Насаатчылык"],
        tasks=["Ачык сабактардын циклин уюштуруу"], reflects_school_theme=True,
    )  # fmt: skip
    meeting_item = planning.plan_item_add(
        actor=act(head_user, on), plan=plan, kind="meeting", title="№1 отурум",
        date=D(2025, 10, 14), responsible=head, expected_result="Пландын аткарылышы талкууланат",
    )  # fmt: skip
    lesson_item = planning.plan_item_add(
        actor=act(head_user, on), plan=plan, kind="open_lesson", title="Ачык сабак: бөлчөктөр",
        date=D(2025, 10, 21), responsible=teacher,
    )  # fmt: skip
    seminar = planning.plan_item_add(
        actor=act(head_user, on), plan=plan, kind="seminar", title="Семинар: PISA тапшырмалары",
        date=D(2025, 11, 5), responsible=colleague, expected_result="Тапшырмалар банкы",
        audience="6-А, 6-Б",
    )  # fmt: skip
    for n in range(extra_items):
        planning.plan_item_add(
            actor=act(head_user, on), plan=plan, kind="extracurricular", month="2026-02",
            title=f"Математика жумалыгы {n}", audience="5–7 класстар",
        )  # fmt: skip
    planning.plan_submit(actor=act(head_user, on), plan=plan, revision=revision(plan))
    planning.plan_return(
        actor=act(deputy_user, D(2025, 9, 5)), plan=plan, revision=revision(plan),
        comment="Семинардын күнүн тактагыла",
    )  # fmt: skip
    planning.plan_submit(actor=act(head_user, D(2025, 9, 8)), plan=plan, revision=revision(plan))
    planning.plan_approve(
        actor=act(deputy_user, D(2025, 9, 10)), plan=plan, revision=revision(plan)
    )
    planning.plan_revise(actor=act(head_user, D(2025, 9, 20)), plan=plan, revision=revision(plan))
    planning.plan_item_add(
        actor=act(head_user, D(2025, 9, 20)), plan=plan, kind="training", month="2026-03",
        title="Тренинг: санариптик куралдар",
    )  # fmt: skip

    # The seminar went ahead (FUNC-3): who took part, the result, its materials.
    after = act(head_user, D(2025, 11, 6))
    planning.plan_item_set_status(
        actor=after, item=seminar, revision=revision(seminar), status="done",
        result_note="12 тапшырма даярдалды", participants=[teacher, colleague, *extra_visitors],
    )  # fmt: skip
    planning.plan_item_add_material(
        actor=after, item=seminar, title="Слайддар", link="https://example.kg/seminar-slides"
    )
    planning.plan_item_add_material(
        actor=after, item=seminar, title="Таркатма",
        file=SimpleUploadedFile("tarkatma.pdf", hostile_files.pdf(), "application/pdf"),
    )  # fmt: skip

    # A meeting scheduled from the plan, with minutes, attendance and a resolution (ORG-4).
    head_at_meeting = act(head_user, D(2025, 10, 14))
    meeting = meetings.meeting_schedule(
        actor=head_at_meeting, association=ma, year=year, plan_item=meeting_item
    )
    meetings.meeting_update(
        actor=head_at_meeting, meeting=meeting, revision=revision(meeting),
        minutes="Угулду: пландын аткарылышы.\nТоктом кабыл алынды.",
    )  # fmt: skip
    for person in (head, teacher, colleague):
        meetings.attendance_record(
            actor=head_at_meeting, meeting=meeting, staff=person, status="present"
        )
    meetings.meeting_hold(actor=head_at_meeting, meeting=meeting, as_of=D(2025, 10, 14))
    meetings.resolution_add(actor=head_at_meeting, meeting=meeting, text="Ачык сабакка даярдануу",
                            responsible=teacher, due=D(2025, 10, 21))  # fmt: skip

    # An open lesson from the plan, colleagues signed up, observed on the school's second form.
    head_then, deputy_then, colleague_then = (
        act(user, D(2025, 10, 21)) for user in (head_user, deputy_user, colleague_user)
    )
    lesson = lessons.open_lesson_schedule(
        actor=head_then, association=ma, year=year, teacher=teacher, topic="Бөлчөктөрдү кошуу",
        date=None, subject=math, grade=6, class_label="Б", cycle_topic="Турмуштук маселелер",
        plan_item=lesson_item,
    )  # fmt: skip
    for person in (colleague, *extra_visitors):
        lessons.open_lesson_sign_up(actor=head_then, open_lesson=lesson, staff=person)
    lessons.open_lesson_hold(actor=head_then, open_lesson=lesson, as_of=D(2025, 10, 21))
    first_form = lessons.observation_template_save(
        actor=deputy_then, school=school, name="Сабакты талдоо", scale_min=1, scale_max=5,
        criteria=DEFAULT_CRITERIA, judgements=DEFAULT_JUDGEMENTS,
    )  # fmt: skip
    second_form = lessons.observation_template_save(
        actor=deputy_then, school=school, name="Сабакты талдоо (10 балл)", scale_min=1,
        scale_max=10, criteria=SECOND_FORM_CRITERIA, judgements=DEFAULT_JUDGEMENTS[:2],
    )  # fmt: skip
    lessons.observation_record(
        actor=colleague_then, observer=colleague, date=D(2025, 10, 21), template=second_form,
        open_lesson=lesson, scores={"goal": 9, "dialogue": 7}, strengths="Диалог жакшы",
        recommendations="Топтук иш", summary="Максатка жетти", judgement="good",
        as_of=D(2025, 10, 21),
    )  # fmt: skip
    # A head's visit outside the schedule (HEAD-D1), on the first form.
    lessons.observation_record(
        actor=head_then, observer=head, teacher=colleague, date=D(2025, 11, 12),
        template=first_form, scores={"goal": 4, "time": 3}, judgement="satisfactory",
        as_of=D(2025, 11, 12),
    )  # fmt: skip

    return SimpleNamespace(
        school=school, association=ma, year=year, plan=WorkPlan.objects.get(pk=plan.pk),
        seminar=PlanItem.objects.get(pk=seminar.pk), meeting=meeting, lesson=lesson,
        head=head, teacher=teacher, colleague=colleague, deputy=deputy, head_user=head_user,
    )  # fmt: skip
