"""Roster pages: the leadership uploads, previews every change (or every error) and confirms;
the template and the roster are downloaded from the staff list."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from usul.people.models import Staff
from usul.roster.tests.helpers import sheet_rows, xlsx
from usul.roster.views import XLSX
from usul.testing import factories as f

pytestmark = pytest.mark.django_db

UPLOAD = "/roster/sch-17/"


def as_file(data: bytes, name: str = "roster.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=XLSX)


@pytest.fixture
def uploads(settings, tmp_path):
    settings.USUL_HOME = tmp_path
    return tmp_path / "files" / "roster"


@pytest.fixture
def deputy_client(client, deputy):
    client.force_login(f.make_user(deputy, username="deputy", language="en"))
    return client


GOOD = xlsx(
    ["Last name", "First name", "Birth date", "Position", "In the position since"],
    [["Асанова", "Айгүл", "12.03.1980", "teacher", "01.09.2010"],
     ["Осмонова", "Гүлнара", "", "", ""]],
)  # fmt: skip


def test_a_deputy_sees_what_will_change_then_confirms(deputy_client, deputy, uploads):
    client = deputy_client
    staff_list = client.get("/staff/sch-17/")
    assert f'href="{UPLOAD}"' in staff_list.text
    assert 'href="/roster/sch-17/export/" download' in staff_list.text

    page = client.get(UPLOAD)
    assert page.status_code == 200
    assert 'type="file" name="roster"' in page.text
    assert 'href="/roster/sch-17/template/" download' in page.text

    preview = client.post(UPLOAD, {"roster": as_file(GOOD)})
    assert preview.status_code == 200
    assert [p.key for p in preview.context["created"]] == ["t-asanova-aygul"]
    # The deputy herself (Осмонова Гүлнара) is found by her name; nothing changes for her.
    assert preview.context["result"].unchanged == 1
    assert not Staff.objects.filter(key="t-asanova-aygul").exists()  # nothing written yet
    assert [p.stem for p in uploads.glob("*.xlsx")] == [preview.context["token"]]

    done = client.post(UPLOAD, {"token": preview.context["token"], "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == "/staff/sch-17/"
    assert Staff.history.filter(key="t-asanova-aygul", history_user=deputy.user).count() == 1
    assert list(uploads.glob("*.xlsx")) == []
    shown = client.get("/staff/sch-17/")
    assert "sch-17: 1 created, 0 updated, 1 unchanged" in shown.text
    # The same confirmation sent twice creates nothing twice.
    again = client.post(UPLOAD, {"token": preview.context["token"], "confirm": "1"})
    assert again.status_code == 302
    assert Staff.objects.filter(key="t-asanova-aygul").count() == 1


def test_a_roster_with_errors_lists_every_one_and_keeps_nothing(deputy_client, uploads):
    bad = xlsx(
        ["Last name", "First name", "Birth date", "Qualification category"],
        [["Асанова", "Айгүл", "12.03.2099", ""], ["", "Нуриза", "", "best"]],
    )
    page = deputy_client.post(UPLOAD, {"roster": as_file(bad)})
    assert page.status_code == 400
    assert "The roster has 3 errors; nothing was imported." in page.text
    errors = [(e.row, e.column) for e in page.context["errors"]]
    assert errors == [(2, "Birth date"), (3, "Last name"), (3, "Qualification category")]
    assert (
        '<td class="where"><strong>row 2</strong><br>Birth date</td>'
        "<td>A birth date cannot be in the future.</td>"
    ) in page.text
    assert list(uploads.glob("*.xlsx")) == []
    assert not Staff.objects.filter(first_name="Нуриза").exists()


def test_the_errors_in_russian(deputy_client, deputy, uploads):
    deputy.user.language = "ru"
    deputy.user.save()
    bad = xlsx(["Фамилия", "Имя", "Дата рождения"], [["Асанова", "Айгүл", "12.13.1980"]])
    page = deputy_client.post(UPLOAD, {"roster": as_file(bad)})
    assert "В списке 1 ошибка; ничего не загружено." in page.text
    assert (
        "<strong>строка 2</strong><br>Дата рождения</td><td>Такой даты нет: 12.13.1980.</td>"
    ) in page.text


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_that_is_no_workbook_is_refused(deputy_client, uploads, content):
    page = deputy_client.post(UPLOAD, {"roster": as_file(content)})
    assert page.status_code == 400
    assert page.context["form"].errors["roster"]  # the one check of every upload says why
    assert "roster.xlsx" in page.text


def test_a_confirmation_needs_an_upload_of_this_session(deputy_client, uploads):
    page = deputy_client.post(UPLOAD, {"token": "x" * 43, "confirm": "1"}, follow=True)
    assert "This upload is no longer waiting; please upload the file again." in page.text
    preview = deputy_client.post(UPLOAD, {"roster": as_file(GOOD)})
    cancelled = deputy_client.post(
        UPLOAD, {"token": preview.context["token"], "cancel": "1"}, follow=True
    )
    assert "The import was cancelled; nothing was changed." in cancelled.text
    assert not Staff.objects.filter(key="t-asanova-aygul").exists()


def test_the_downloads_are_workbooks_in_the_readers_language(deputy_client, deputy, school):
    f.make_subject(school, key="math", name="Математика")
    template = deputy_client.get("/roster/sch-17/template/")
    assert template["Content-Type"] == XLSX
    assert sheet_rows(template.content)[0][:3] == ("Key", "Last name", "First name")
    explanation = sheet_rows(template.content, sheet=1)
    assert any("Математика (math)" in (line[3] or "") for line in explanation)
    export = deputy_client.get("/roster/sch-17/export/")
    assert export["Content-Type"] == XLSX
    assert "sch-17-roster-" in export["Content-Disposition"]
    rows = sheet_rows(export.content)
    assert ("Осмонова", "Гүлнара") in [(r[1], r[2]) for r in rows[1:]]


def test_a_teacher_sees_no_roster_buttons(client, school):
    teacher = f.make_staff(school, last_name="Бекова", first_name="Нуриза")
    client.force_login(f.make_user(teacher, language="en"))
    staff_list = client.get("/staff/sch-17/")
    assert UPLOAD not in staff_list.text and "/roster/sch-17/export/" not in staff_list.text
    assert client.get(UPLOAD).status_code == 403
    assert client.get("/roster/sch-17/export/").status_code == 403
