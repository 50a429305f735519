"""The project's extension fields (docs/bundle-extensions.md): a school recorded in Usul moves
to another installation with nothing lost, and a bundle written from BUNDLE.md alone still
imports exactly as before, leaving what it does not describe as it is."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator
from usul.bundle.models import PlanEventAuthor
from usul.bundle.services import bundle_export, bundle_import
from usul.bundle.tests.recorded import record_school
from usul.bundle.validation import BundleInvalid, validate
from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonVisitor
from usul.meetings.models import Meeting
from usul.people.models import Staff
from usul.planning.models import PlanEvent, PlanItem, PlanItemMaterial, PlanVersion, WorkPlan
from usul.schools.models import School
from usul.testing import factories as f

pytestmark = pytest.mark.django_db

# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()

D = dt.date

# Where each extension field lives, to strip a bundle down to BUNDLE.md.
EXTENSIONS = {
    "top": ("observation_templates", "observations"),
    "plan": ("directions", "version", "versions", "events"),
    "item": ("expected_result", "result_note", "audience", "participants", "materials"),
    "meeting": ("minutes", "plan_item"),
    "lesson": ("class_label", "cycle_topic", "plan_item", "visitors"),
    "observation": ("strengths", "scores", "judgement", "template"),
}


def without_stamp(bundle: dict) -> dict:
    return {k: v for k, v in bundle.items() if k != "exported_at"}


def as_bundle_md(bundle: dict) -> dict:
    """The same school as BUNDLE.md alone describes it: every extension field removed."""
    data = copy.deepcopy(bundle)

    def drop(record: dict, kind: str) -> None:
        for name in EXTENSIONS[kind]:
            record.pop(name, None)

    drop(data, "top")
    for a in data["associations"]:
        for plan in a["plans"]:
            drop(plan, "plan")
            for item in plan["items"]:
                drop(item, "item")
        for meeting in a["meetings"]:
            drop(meeting, "meeting")
        for lesson in a["open_lessons"]:
            drop(lesson, "lesson")
            for observation in lesson["observations"]:
                drop(observation, "observation")
    return data


@pytest.fixture
def recorded(school, deputy, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return record_school(school, deputy)


def empty_the_database() -> None:
    """Another installation: nothing of the school, its people, log-ins or history remains."""
    # PostgreSQL truncates no table with foreign-key checks still pending in the transaction.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True,
                 reset_sequences=False)  # fmt: skip
    project = [m for m in apps.get_models() if m.__module__.startswith("usul.")]
    assert len(project) > 40  # the history tables included
    assert not [m.__name__ for m in project if m.objects.exists()]


def test_a_school_recorded_in_usul_moves_to_an_empty_installation_with_nothing_lost(recorded):
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    sent = copy.deepcopy(exported)
    deputy_key = recorded.deputy.key

    empty_the_database()
    bundle_import(actor=ADMINISTRATOR, data=sent)
    arrived = bundle_export(actor=ADMINISTRATOR, school=School.objects.get(key="sch-17"))

    assert without_stamp(arrived) == without_stamp(exported)
    assert validate(exported) == []
    # What a user would look for, present in the bundle (not merely equal on both sides).
    stem = exported["associations"][0]
    plan = stem["plans"][0]
    assert plan["directions"] == ["Ачык сабактар", "Насаатчылык"]
    assert plan["version"] == 2
    assert [(v["number"], v["approved_by"], v["approved_at"]) for v in plan["versions"]] == [
        (1, deputy_key, "2025-09-10")
    ]
    assert [i["title"] for i in plan["versions"][0]["content"]["items"]] == [
        "№1 отурум", "Ачык сабак: бөлчөктөр", "Семинар: PISA тапшырмалары",
    ]  # fmt: skip
    assert [(e["kind"], e["by"]) for e in plan["events"]] == [
        ("created", "t-head"), ("item_added", "t-head"), ("item_added", "t-head"),
        ("item_added", "t-head"), ("submitted", "t-head"), ("returned", deputy_key),
        ("submitted", "t-head"), ("approved", deputy_key), ("revised", "t-head"),
        ("item_added", "t-head"), ("item_recorded", "t-head"), ("item_recorded", "t-head"),
        ("item_recorded", "t-head"),
        # Holding the meeting and giving the lesson mark their plan items done (FUNC-1).
        ("item_recorded", "t-head"), ("item_recorded", "t-head"),
    ]  # fmt: skip
    assert plan["events"][5]["comment"] == "Семинардын күнүн тактагыла"
    meeting_item, lesson_item, seminar, training = plan["items"]
    assert meeting_item["expected_result"] == "Пландын аткарылышы талкууланат"
    assert seminar == {
        "month": "2025-11", "date": "2025-11-05", "kind": "seminar",
        "title": "Семинар: PISA тапшырмалары", "responsible": "t-bekova", "status": "done",
        "expected_result": "Тапшырмалар банкы", "result_note": "12 тапшырма даярдалды",
        "audience": "6-А, 6-Б", "participants": ["t-asanova", "t-bekova"],
        "materials": [
            {"title": "Слайддар", "link": "https://example.kg/seminar-slides",
             "added_by": "t-head"},
            {"title": "Таркатма", "link": "", "added_by": "t-head"},
        ],
    }  # fmt: skip
    assert "expected_result" not in training  # an empty extension field is left out
    meeting = stem["meetings"][0]
    assert (meeting["minutes"], meeting["plan_item"]) == (
        "Угулду: пландын аткарылышы.\nТоктом кабыл алынды.", 0,
    )  # fmt: skip
    lesson = stem["open_lessons"][0]
    assert (lesson["class_label"], lesson["cycle_topic"], lesson["plan_item"]) == (
        "Б", "Турмуштук маселелер", 1,
    )  # fmt: skip
    assert lesson["visitors"] == ["t-bekova"]
    assert lesson["observations"] == [
        {"observer": "t-bekova", "date": "2025-10-21", "summary": "Максатка жетти",
         "recommendations": "Топтук иш", "strengths": "Диалог жакшы",
         "scores": {"goal": 9, "dialogue": 7}, "judgement": "good", "template": 2},
    ]  # fmt: skip
    assert [(t["version"], t["scale_max"], len(t["criteria"])) for t in exported[
        "observation_templates"]] == [(1, 5, 8), (2, 10, 2)]  # fmt: skip
    assert exported["observations"] == [
        {"teacher": "t-bekova", "observer": "t-head", "date": "2025-11-12", "summary": "",
         "recommendations": "", "strengths": "", "scores": {"goal": 4, "time": 3},
         "judgement": "satisfactory", "template": 1},
    ]  # fmt: skip

    # In the new installation: the records themselves, linked as they were.
    school = School.objects.get(key="sch-17")
    stored = WorkPlan.objects.get(association__school=school)
    assert (stored.version, stored.status, stored.directions) == (2, "draft", plan["directions"])
    assert Meeting.objects.get(school=school).plan_item.title == "№1 отурум"
    assert OpenLesson.objects.get(school=school).plan_item.title == "Ачык сабак: бөлчөктөр"
    visit = Observation.objects.get(school=school, open_lesson=None)
    assert (visit.teacher.key, visit.template.version) == ("t-bekova", 1)
    # No log-in came along: the steps remember their authors as staff; the file stayed behind.
    assert PlanEvent.objects.filter(plan=stored, actor=None).count() == 15
    authors = PlanEventAuthor.objects.values_list("staff__key", flat=True)
    assert sorted(authors) == sorted(["t-head"] * 13 + [deputy_key] * 2)
    assert not PlanItemMaterial.objects.get(title="Таркатма").file
    # A step brought in never counts as "changed while you were editing" here.
    assert set(PlanEvent.objects.values_list("revision", flat=True)) == {0}


def test_importing_a_school_s_own_export_again_changes_nothing(recorded):
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    watched = (Meeting, PlanItem, Observation, ObservationTemplate, OpenLessonVisitor,
               PlanItemMaterial, PlanVersion, WorkPlan, OpenLesson)  # fmt: skip
    history = [model.history.count() for model in watched]
    steps = list(PlanEvent.objects.order_by("pk").values_list("pk", "actor_id", "revision"))

    summary = bundle_import(actor=ADMINISTRATOR, data=exported)

    assert [name for name, section in summary.sections.items() if section.changed] == []
    assert [model.history.count() for model in watched] == history
    # The steps keep their log-ins and revisions; the material keeps its file.
    assert list(PlanEvent.objects.order_by("pk").values_list("pk", "actor_id", "revision")) == (
        steps
    )
    assert not PlanEventAuthor.objects.exists()
    assert PlanItemMaterial.objects.get(title="Таркатма").file.name.endswith(".pdf")


def test_after_the_move_a_step_goes_to_the_log_in_of_the_person_it_names(recorded):
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    deputy_key = recorded.deputy.key
    empty_the_database()
    bundle_import(actor=ADMINISTRATOR, data=copy.deepcopy(exported))
    # The administrator gives the head a log-in in the new installation, then imports again.
    head_here = f.make_user(Staff.objects.get(key="t-head"), username="jumabaeva")

    summary = bundle_import(actor=ADMINISTRATOR, data=copy.deepcopy(exported))

    assert PlanEvent.objects.filter(actor=head_here).count() == 13
    assert list(PlanEventAuthor.objects.values_list("staff__key", flat=True)) == [deputy_key] * 2
    assert summary.sections["associations.plans.events"].updated == ["ma-stem"] * 13
    assert without_stamp(
        bundle_export(actor=ADMINISTRATOR, school=head_here.staff.school)
    ) == without_stamp(exported)


def test_a_bundle_md_bundle_leaves_what_it_does_not_describe_as_it_is(recorded):
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    plain = as_bundle_md(exported)
    # The plan's theme changes in the plain bundle: the plan is updated, its extras stay.
    plain["associations"][0]["plans"][0]["theme"] = "Жаңы тема"

    summary = bundle_import(actor=ADMINISTRATOR, data=plain)

    plan = WorkPlan.objects.get(pk=recorded.plan.pk)
    assert (plan.theme, plan.directions, plan.version) == (
        "Жаңы тема", ["Ачык сабактар", "Насаатчылык"], 2,
    )  # fmt: skip
    assert summary.total("created") == summary.total("deleted") == 0
    assert summary.sections["associations.plans"].updated == ["ma-stem"]
    again = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    again["associations"][0]["plans"][0]["theme"] = exported["associations"][0]["plans"][0]["theme"]
    assert without_stamp(again) == without_stamp(exported)


def test_an_extension_list_given_empty_is_emptied_but_history_is_kept(recorded):
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    stem = exported["associations"][0]
    seminar = stem["plans"][0]["items"][2]
    seminar["participants"], seminar["materials"] = [], []
    stem["open_lessons"][0]["visitors"] = []
    stem["meetings"][0]["minutes"], stem["meetings"][0]["plan_item"] = "", None
    exported["observations"] = []
    # Steps, approved versions and forms are history: a bundle lacking them removes nothing.
    stem["plans"][0]["events"], stem["plans"][0]["versions"] = [], []
    exported["observation_templates"] = exported["observation_templates"][1:]

    summary = bundle_import(actor=ADMINISTRATOR, data=exported)

    assert not PlanItem.participants.through.objects.exists()
    assert not PlanItemMaterial.objects.exists()
    assert not OpenLessonVisitor.objects.exists()
    assert not Observation.objects.filter(open_lesson=None).exists()
    meeting = Meeting.objects.get(pk=recorded.meeting.pk)
    assert (meeting.minutes, meeting.plan_item) == ("", None)
    assert PlanEvent.objects.count() == 15
    assert PlanVersion.objects.count() == 1
    assert ObservationTemplate.objects.count() == 2
    assert summary.sections["associations.plans.events"].kept == ["ma-stem"]
    assert summary.sections["observation_templates"].kept == ["sch-17"]
    assert summary.sections["observations"].deleted == ["sch-17"]
    assert summary.sections["associations.plans.items.materials"].deleted == ["ma-stem"] * 2


FORM = {
    "version": 1, "name": "Сабакты талдоо", "scale_min": 1, "scale_max": 5,
    "criteria": [{"key": "goal", "ky": "Максат"}, {"key": "time", "ky": "Убакыт"}],
    "judgements": [{"key": "good", "ky": "Жакшы"}],
}  # fmt: skip


def test_every_extension_field_is_checked_with_its_path_and_nothing_is_written(example):
    stem, lang = example["associations"]
    second_form = {**copy.deepcopy(FORM), "scale_max": 1}
    second_form["criteria"].append({"key": "goal"})
    example["observation_templates"] = [FORM, second_form]
    example["observations"] = [
        {"teacher": "t-x", "observer": "t-bekova", "date": "2025-11-12", "summary": "",
         "recommendations": "", "template": 7},
        {"teacher": "t-asanova", "observer": "t-bekova", "date": "2025-11-13", "summary": "",
         "recommendations": "", "scores": {"goal": 4}},
    ]  # fmt: skip
    plan = stem["plans"][1]
    plan["versions"] = [
        {"number": 1, "approved_by": "t-x", "approved_at": "2025-09-10", "content": {}},
        {"number": 1, "approved_by": None, "approved_at": None, "content": {}},
    ]
    step = {"kind": "approved", "by": "t-deputy", "at": "2025-09-10T10:00:00Z", "version": 1}
    plan["events"] = [
        {**step, "by": "t-x"}, {**step, "kind": "approve"}, {**step, "at": "2025-09-10 10:00"},
        {**step, "at": "2025-09-10T16:00:00+06:00"},  # the first step's moment, in Bishkek time
    ]  # fmt: skip
    plan["items"][2]["participants"] = ["t-x", "t-asanova", "t-asanova"]
    plan["items"][2]["materials"] = [{"title": "", "added_by": "t-x", "link": "slides.pptx"}]
    stem["meetings"][1]["plan_item"] = 99
    stem["meetings"][2]["plan_item"] = 1  # an open-lesson item
    stem["meetings"][3]["minutes"] = 5
    lesson = stem["open_lessons"][0]
    lesson["plan_item"] = 0  # a meeting item
    lesson["visitors"] = ["t-x", "t-bekova", "t-bekova"]
    lesson["class_label"] = "Б" * 21
    lesson["observations"][0].update(
        {"template": 1, "scores": {"goal": 9, "nope": 3}, "judgement": "great"}
    )
    lang["plans"] = []
    lang["meetings"][0]["plan_item"] = 0

    with pytest.raises(BundleInvalid) as invalid:
        bundle_import(actor=ADMINISTRATOR, data=example)

    # In the order they appear in the document (fields added by hand come after the others).
    assert [str(e) for e in invalid.value.errors] == [
        'associations[0].plans[1].items[2].participants[0]: unknown staff key "t-x"',
        'associations[0].plans[1].items[2].participants[2]: "t-asanova" is listed more than once',
        "associations[0].plans[1].items[2].materials[0].title: must not be empty",
        'associations[0].plans[1].items[2].materials[0].added_by: unknown staff key "t-x"',
        'associations[0].plans[1].items[2].materials[0].link: "slides.pptx" is not a web address',
        'associations[0].plans[1].versions[0].approved_by: unknown staff key "t-x"',
        "associations[0].plans[1].versions[1].number: a second version 1 of this plan "
        "(first at associations[0].plans[1].versions[0])",
        'associations[0].plans[1].events[0].by: unknown staff key "t-x"',
        'associations[0].plans[1].events[1].kind: "approve" is not one of: created, edited, '
        "item_added, item_changed, item_removed, item_recorded, submitted, returned, approved, "
        "revised",
        'associations[0].plans[1].events[2].at: "2025-09-10 10:00" is not a date and time',
        "associations[0].plans[1].events[3].at: a second step of this kind at the same moment "
        "(first at associations[0].plans[1].events[0])",
        'associations[0].meetings[1].plan_item: the plan of this MA for year "2025-2026" has '
        "no item 99",
        'associations[0].meetings[2].plan_item: item 1 of the plan is of kind "open_lesson", '
        'not "meeting"',
        "associations[0].meetings[3].minutes: expected text, not 5",
        "associations[0].open_lessons[0].observations[0].scores.goal: 9 is outside the form's "
        "scale 1–5",
        'associations[0].open_lessons[0].observations[0].scores.nope: unknown criterion "nope" '
        "of observation form version 1",
        'associations[0].open_lessons[0].observations[0].judgement: "great" is not an overall '
        "judgement of observation form version 1",
        'associations[0].open_lessons[0].plan_item: item 0 of the plan is of kind "meeting", '
        'not "open_lesson"',
        'associations[0].open_lessons[0].visitors[0]: unknown staff key "t-x"',
        'associations[0].open_lessons[0].visitors[2]: "t-bekova" is listed more than once',
        "associations[0].open_lessons[0].class_label: is longer than 20 characters",
        'associations[1].meetings[0].plan_item: this MA has no plan for year "2025-2026" to '
        "take item 0 from",
        "observation_templates[1].version: duplicate observation form version 1 "
        "(first at observation_templates[0])",
        'observation_templates[1].scale_max: 1 is not above "scale_min" (1)',
        'observation_templates[1].criteria[2].key: "goal" is listed more than once',
        'observations[0].teacher: unknown staff key "t-x"',
        "observations[0].template: unknown observation form version 7",
        "observations[1].template: scores and a judgement need the observation form they were "
        "given on",
    ]  # fmt: skip
    assert School.objects.count() == Staff.objects.count() == 0


def test_a_bigger_school_costs_the_same_queries_to_export_and_to_import(
    recorded, deputy, django_assert_num_queries
):
    large = f.make_school(key="sch-large", district=recorded.school.district)
    f.make_year(large)
    others = [f.make_staff(large, key=f"t-{n}", last_name=f"Мугалим {n}") for n in range(6)]
    record_school(large, f.make_staff(large, roles=("deputy_academic",)),
                  extra_items=6, extra_visitors=others)  # fmt: skip
    small = recorded.school

    # 35 queries for what BUNDLE.md describes, one more per kind of extension record (6).
    with django_assert_num_queries(41):
        sent_small = bundle_export(actor=ADMINISTRATOR, school=small)
    with django_assert_num_queries(41):
        sent_large = bundle_export(actor=ADMINISTRATOR, school=large)
    assert len(sent_large["associations"][0]["open_lessons"][0]["visitors"]) == 7

    sent_small["school"]["key"], sent_large["school"]["key"] = "copy-small", "copy-large"
    with CaptureQueriesContext(connection) as small_import:
        bundle_import(actor=ADMINISTRATOR, data=sent_small)
    with CaptureQueriesContext(connection) as large_import:
        bundle_import(actor=ADMINISTRATOR, data=sent_large)
    assert len(large_import) == len(small_import)


def test_the_upload_preview_names_the_extension_sections(recorded, client, settings, tmp_path):
    settings.USUL_HOME = tmp_path  # the upload waits there for the confirmation
    exported = bundle_export(actor=ADMINISTRATOR, school=recorded.school)
    exported["associations"][0]["open_lessons"][0]["visitors"] = []
    client.force_login(User.objects.create(username="admin", is_administrator=True, language="ru"))
    upload = SimpleUploadedFile(
        "sch-17.json", json.dumps(exported, ensure_ascii=False).encode(), "application/json"
    )

    preview = client.post("/bundle/upload/", {"bundle": upload})

    assert preview.status_code == 200
    lines = {str(line["label"]): line for line in preview.context["lines"]}
    assert lines["Посетители открытых уроков"]["deleted"] == ["ol-stem-2025-1"]
    for label in (
        "Формы анализа урока",
        "Шаги планов (кто, когда)",
        "Материалы пунктов плана",
        "Утверждённые версии планов",
        "Посещения уроков вне открытых уроков",
    ):
        assert lines[label]["unchanged"] > 0, label  # fmt: skip
