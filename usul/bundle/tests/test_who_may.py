"""Who may import, preview and export a bundle: the services refuse by themselves, whoever calls
them (a page, a command, a future API)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator, viewer_for
from usul.bundle.services import bundle_export, bundle_import, bundle_preview
from usul.people.models import Role, Staff
from usul.schools.models import School
from usul.testing import factories as f

pytestmark = pytest.mark.django_db


def viewer_of(staff: Staff, today):
    user = User.objects.create(username=f"u-{staff.key}", staff=staff)
    return viewer_for(user, today)


@pytest.fixture
def plain_teacher(school, today):
    return viewer_of(f.make_staff(school, roles=(Role.TEACHER,)), today)


@pytest.fixture
def outsider(outsider_school, today):
    """The director of another school: leadership, but not of this one."""
    return viewer_of(f.make_staff(outsider_school, roles=(Role.DIRECTOR,)), today)


@pytest.mark.parametrize("who", ["plain_teacher", "outsider"])
def test_only_an_administrator_imports_or_previews_a_bundle(who, request, example, school):
    viewer = request.getfixturevalue(who)
    example["school"]["name"] = "Бөлөк ат"

    with pytest.raises(PermissionDenied):
        bundle_import(actor=viewer, data=example)
    with pytest.raises(PermissionDenied):
        bundle_preview(actor=viewer, data=example)
    assert School.objects.get(key="sch-17").name != "Бөлөк ат"


def test_a_refused_import_of_a_new_school_writes_nothing(plain_teacher, example):
    example["school"]["key"] = "sch-new"

    with pytest.raises(PermissionDenied):
        bundle_import(actor=plain_teacher, data=example)
    assert not School.objects.filter(key="sch-new").exists()


@pytest.mark.parametrize("who", ["plain_teacher", "outsider"])
def test_a_plain_teacher_and_another_schools_director_cannot_export_it(who, request, school):
    with pytest.raises(PermissionDenied):
        bundle_export(actor=request.getfixturevalue(who), school=school)


def test_the_schools_deputy_exports_it_and_the_command_line_administrator_imports(
    school, deputy, today, example
):
    exported = bundle_export(actor=viewer_of(deputy, today), school=school)
    assert exported["school"]["key"] == "sch-17"

    summary = bundle_import(actor=command_line_administrator(), data=example)
    assert summary.school == "sch-17"
