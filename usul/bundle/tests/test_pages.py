"""Bundle pages: an administrator uploads, previews and confirms; who may download a bundle."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from usul.accounts.models import User
from usul.people.models import Role, Staff
from usul.schools.models import School
from usul.testing import factories as f

pytestmark = pytest.mark.django_db

UPLOAD = "/bundle/upload/"


def user(**fields) -> User:
    # force_login needs no password; hashing one would cost more than the page under test.
    fields.setdefault("username", f"u-{User.objects.count()}")
    return User.objects.create(language="en", **fields)


def as_file(data, name="sch-17.json") -> SimpleUploadedFile:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/json")


@pytest.fixture
def uploads(settings, tmp_path):
    settings.USUL_HOME = tmp_path
    return tmp_path / "files" / "bundles"


def test_an_administrator_sees_what_will_change_then_confirms(client, uploads, example):
    admin = user(is_administrator=True)
    client.force_login(admin)
    assert reverse("bundle:upload") == UPLOAD

    page = client.get(UPLOAD)
    assert page.status_code == 200
    assert f'href="{UPLOAD}"' in page.text  # the menu link, for administrators
    assert 'type="file" name="bundle"' in page.text
    assert 'href="/bundle/sch-17/export/" download' not in page.text  # no school yet

    preview = client.post(UPLOAD, {"bundle": as_file(example)})
    assert preview.status_code == 200
    assert "What will change" in preview.text
    assert "A new school will be created: <strong>№17 орто мектеби</strong> (sch-17)." in (
        preview.text
    )
    assert "t-director, t-deputy, t-asanova" in preview.text
    assert not School.objects.exists()  # nothing written before the confirmation
    waiting = list(uploads.glob("*.json"))
    assert [p.stem for p in waiting] == [preview.context["token"]]

    done = client.post(UPLOAD, {"token": preview.context["token"], "confirm": "1"})

    assert done.status_code == 302
    assert done["Location"] == "/school/sch-17/"  # the school's overview
    school = School.objects.get(key="sch-17")
    assert Staff.objects.filter(school=school).count() == 8
    assert Staff.history.filter(history_user=admin).count() == 8
    assert list(uploads.glob("*.json")) == []
    # The same file again: nothing would change, and the page says so.
    again = client.post(UPLOAD, {"bundle": as_file(example)})
    assert "The school <strong>№17 орто мектеби</strong> (sch-17) will be updated in place." in (
        again.text
    )
    assert "nothing will change" in again.text
    assert 'href="/bundle/sch-17/export/" download' in client.get(UPLOAD).text


def test_an_invalid_upload_lists_every_error_and_keeps_nothing(client, uploads, example):
    admin = user(is_administrator=True)
    client.force_login(admin)
    example["staff"][3]["birth_date"] = "1980-02-30"
    example["associations"][1]["members"][0]["staff"] = "t-x"

    page = client.post(UPLOAD, {"bundle": as_file(example)})

    assert page.status_code == 400
    assert "The bundle has 2 errors; nothing was imported." in page.text
    assert "<code>staff[3].birth_date</code>: &quot;1980-02-30&quot; is not a date" in page.text
    assert (
        "<code>associations[1].members[0].staff</code>: unknown staff key &quot;t-x&quot;"
        in page.text
    )
    assert not School.objects.exists()
    assert not uploads.exists() or list(uploads.glob("*.json")) == []

    page = client.post(UPLOAD, {"bundle": as_file('{"format": ')})
    assert page.status_code == 200
    assert "The file is not valid JSON: line 1, column 12: a value is missing" in page.text

    page = client.post(UPLOAD, {"bundle": as_file("[" * 100_000 + "]" * 100_000)})
    assert page.status_code == 200
    assert "The file is nested more than 32 levels deep" in page.text

    admin.language = "ru"
    admin.save(update_fields=["language"])
    page = client.post(UPLOAD, {"bundle": as_file(example)})
    assert "В пакете 2 ошибки; ничего не импортировано." in page.text
    assert "<code>staff[3].birth_date</code>: &quot;1980-02-30&quot; — не дата" in page.text

    page = client.post(UPLOAD, {"bundle": as_file('{"format": ')})
    assert "строка 1, позиция 12" in page.text
    assert "Expecting" not in page.text  # the parser's English stays out of the Russian page


def test_a_confirmation_needs_an_upload_of_this_session(client, uploads, example):
    client.force_login(user(is_administrator=True))
    preview = client.post(UPLOAD, {"bundle": as_file(example)})
    token = preview.context["token"]

    for forged in ("../../../etc/passwd", "x" * 43):
        page = client.post(UPLOAD, {"token": forged, "confirm": "1"}, follow=True)
        assert "This upload is no longer waiting; please upload the file again." in page.text
    other = client.__class__()
    other.force_login(user(is_administrator=True))
    page = other.post(UPLOAD, {"token": token, "confirm": "1"}, follow=True)
    assert "no longer waiting" in page.text
    assert not School.objects.exists()

    page = client.post(UPLOAD, {"token": token, "cancel": "1"}, follow=True)
    assert "The import was cancelled; nothing was changed." in page.text
    assert list(uploads.glob("*.json")) == []
    assert not School.objects.exists()


def test_only_administrators_may_import(client, uploads, school, deputy, example):
    client.force_login(user(staff=deputy))

    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"bundle": as_file(example)}).status_code == 403
    assert not uploads.exists() or list(uploads.glob("*.json")) == []
    home = client.get(reverse("home:home"))
    assert home.status_code == 200
    assert UPLOAD not in home.text
    client.logout()
    assert client.get(UPLOAD).status_code == 302  # to the log-in page


def test_who_may_download_the_school_bundle(client, school, director, outsider_school):
    url = reverse("bundle:export", args=["sch-17"])
    assert url == "/bundle/sch-17/export/"
    teacher = f.make_staff(school, roles=(Role.TEACHER,))
    stranger = f.make_staff(outsider_school, roles=(Role.DIRECTOR,))
    allowed = {
        "director": user(staff=director),
        "district methodologist": user(district=school.district),
        "administrator": user(is_administrator=True),
    }
    refused = {
        "teacher": (user(staff=teacher), 403),
        "director of another school": (user(staff=stranger), 404),
        "methodologist of another district": (user(district=outsider_school.district), 404),
    }
    client.force_login(allowed["director"])
    assert f'href="{url}" download' in client.get(reverse("home:home")).text  # the menu
    for who, account in allowed.items():
        client.force_login(account)
        response = client.get(url)
        assert response.status_code == 200, who
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="sch-17-')
        bundle = json.loads(response.content.decode("utf-8"))
        assert bundle["school"]["key"] == "sch-17"
        assert [s["key"] for s in bundle["staff"]] == [director.key, teacher.key]
    for who, (account, status) in refused.items():
        client.force_login(account)
        assert client.get(url).status_code == status, who


def test_a_missing_overview_page_fails_loudly_instead_of_dropping_the_link(
    client, uploads, example, settings
):
    """Without the school's overview the confirmation cannot send the administrator there: the
    page must fail (and a test with it), not quietly send them elsewhere."""
    client.force_login(user(is_administrator=True))
    preview = client.post(UPLOAD, {"bundle": as_file(example)})
    settings.ROOT_URLCONF = "usul.bundle.tests.urls_without_schools"

    with pytest.raises(NoReverseMatch):
        client.post("/bundle/upload/", {"token": preview.context["token"], "confirm": "1"})
