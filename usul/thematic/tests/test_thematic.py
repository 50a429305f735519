"""Calendar-thematic plans (DOC-11) as a teacher keeps them: a plan per subject, grade and kind,
lessons entered on the page or imported from her own file (all or nothing, every bad cell named
by row and column), each lesson marked taught in two taps; nobody else's plan is hers to edit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from usul.accounts.policy import viewer_for
from usul.people.models import ThematicPlan, ThematicPlanItem
from usul.thematic import services as s
from usul.thematic.importing import Refused, read_lessons

D = dt.date


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_file_with_kyrgyz_headers_and_excel_dates_is_read():
    lessons, numbered = read_lessons(
        xlsx([["№", "Темасы", "Саат", "Күнү"], [1, "Кыймыл", 1, D(2025, 9, 3)]])
    )
    assert numbered
    assert (lessons[0].topic, lessons[0].planned, str(lessons[0].hours)) == (
        "Кыймыл",
        D(2025, 9, 3),
        "1",
    )


def test_a_csv_in_windows_cyrillic_with_russian_headers_is_read():
    data = "Тема;Часы;Дата\nДвижение;1,5;04.09.2025\nСила;1;2025-09-11\n".encode("cp1251")
    lessons, numbered = read_lessons(data)
    assert not numbered
    assert [(lesson.n, lesson.topic) for lesson in lessons] == [(1, "Движение"), (2, "Сила")]
    assert lessons[1].planned == D(2025, 9, 11)


def test_a_file_with_bad_rows_is_refused_whole_with_every_error_by_row_and_column():
    data = xlsx(
        [
            ["№", "Темасы", "Саат", "Күнү"],
            [1, "Кыймыл", 1, "03.09.2025"],
            [2, "", 1, None],  # no topic
            [2, "Күч", "көп", None],  # number taken, hours not a number
            [4, "Масса", 1, "31.02.2025"],  # no such date
        ]
    )
    with translation.override("ky"), pytest.raises(Refused) as refused:
        read_lessons(data)
    found = {(e.row, e.column) for e in refused.value.errors}
    assert found == {(3, "Темасы"), (4, "№"), (4, "Саат"), (5, "Күнү")}
    assert any("сан болушу керек" in e.message for e in refused.value.errors)


def test_a_file_without_a_topic_column_says_so():
    with pytest.raises(Refused) as refused:
        read_lessons(xlsx([["Сабак", "Саат"], ["Кыймыл", 1]]))
    columns = {e.column for e in refused.value.errors}
    assert "Сабак" in columns  # unknown column named


@pytest.fixture
def plan(scene):
    return scene.ours.thematic_plan  # Бекова's Физика 7, one lesson


def as_(scene, role):
    return viewer_for(scene.users[role], timezone.localdate())


def test_the_teacher_creates_her_plan_once(scene):
    year = scene.ours.year
    subject = scene.ours.thematic_plan.subject
    made = s.thematic_plan_create(
        actor=as_(scene, "teacher"),
        staff=scene.teacher,
        year=year,
        subject=subject,
        grade=8,
        kind="subject",
    )
    assert made.grade == 8
    with translation.override("ky"), pytest.raises(ValidationError) as refused:
        s.thematic_plan_create(
            actor=as_(scene, "teacher"),
            staff=scene.teacher,
            year=year,
            subject=subject,
            grade=8,
            kind="subject",
        )
    assert "мындай план бар" in refused.value.message_dict["subject"][0]


@pytest.mark.parametrize("role", ["colleague", "head", "district", "outsider"])
def test_nobody_else_but_the_leadership_keeps_her_plan(scene, plan, role):
    before = list(ThematicPlanItem.objects.filter(plan=plan).values())
    with pytest.raises(PermissionDenied):
        s.thematic_item_add(actor=as_(scene, role), plan=plan, topic="Күч")
    assert list(ThematicPlanItem.objects.filter(plan=plan).values()) == before
    s.thematic_item_add(actor=as_(scene, "deputy"), plan=plan, topic="Күч")


def test_an_import_continues_the_numbers_or_refuses_a_taken_one(scene, plan):
    teacher = as_(scene, "teacher")
    lessons, numbered = read_lessons(xlsx([["Темасы"], ["Күч"], ["Масса"]]))
    s.thematic_plan_import(actor=teacher, plan=plan, lessons=lessons, numbered=numbered)
    assert list(plan.items.values_list("n", "topic")) == [(1, "Кыймыл"), (2, "Күч"), (3, "Масса")]
    lessons, numbered = read_lessons(xlsx([["№", "Темасы"], [3, "Басым"], [4, "Энергия"]]))
    with pytest.raises(ValidationError):
        s.thematic_plan_import(actor=teacher, plan=plan, lessons=lessons, numbered=numbered)
    assert plan.items.count() == 3  # nothing half-written


def test_two_taps_mark_a_lesson_taught_today_and_back(as_user, scene, plan):
    client = as_user("teacher")
    url = reverse(
        "thematic:mark",
        args=[
            scene.school.key,
            scene.teacher.key,
            plan.year.key,
            plan.subject.key,
            7,
            "subject",
            1,
        ],
    )
    assert client.post(url, {"taught": "1"}).status_code == 302
    assert plan.items.get(n=1).done == timezone.localdate()
    client.post(url, {"taught": "0"})
    assert plan.items.get(n=1).done is None


def test_the_import_page_lists_every_error_and_imports_nothing(as_user, scene, plan):
    client = as_user("teacher")
    url = reverse(
        "thematic:import",
        args=[scene.school.key, scene.teacher.key, plan.year.key, plan.subject.key, 7, "subject"],
    )
    data = xlsx([["№", "Темасы"], [2, "Күч"], [3, ""]])
    response = client.post(url, {"file": SimpleUploadedFile("ktp.xlsx", data)})
    assert response.status_code == 400
    text = response.content.decode()
    assert "3-сап" in text and "Темасы жазылган эмес." in text
    assert plan.items.count() == 1
    refused = client.post(url, {"file": SimpleUploadedFile("ktp.pdf", b"%PDF-1.4\x00 binary")})
    # not a CSV table: the one check of every upload says what it is and what is accepted
    assert "PDF" in refused.content.decode() and "XLSX" in refused.content.decode()


def test_the_staff_ctp_finding_leads_the_teacher_to_her_plans(scene):
    from usul.compliance.findings import STAFF, Finding
    from usul.compliance.links import fix_url

    finding = Finding(
        rule="STAFF-CTP",
        clauses=("DOC-11",),
        severity="warning",
        subject_type=STAFF,
        subject_key=scene.teacher.key,
        detail={"subject": "ctp-physics", "grade": 8},
        as_of=timezone.localdate(),
    )
    url = fix_url(finding, viewer=as_(scene, "teacher"), school=scene.school, year=scene.ours.year)
    assert url == reverse("thematic:plans", args=[scene.school.key, scene.teacher.key])
    assert (
        fix_url(finding, viewer=as_(scene, "colleague"), school=scene.school, year=scene.ours.year)
        == ""
    )
    assert ThematicPlan.objects.filter(staff=scene.teacher).exists()
