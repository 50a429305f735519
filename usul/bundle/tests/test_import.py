"""bundle_import: a new school from a bundle, the same school updated in place by keys."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator, viewer_for
from usul.associations.models import Association, HeadTerm, Membership
from usul.bundle.services import bundle_import, bundle_preview
from usul.bundle.validation import BundleInvalid
from usul.documents.models import DocumentEntry
from usul.lessons.models import Observation
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.people.models import Staff, Teaching
from usul.planning.models import PlanItem, WorkPlan
from usul.schools.models import DistrictInstruction, School, SchoolYear

pytestmark = pytest.mark.django_db


def _seconds_from_now(seconds: int) -> str:
    """An ``exported_at`` stamp as the export writes it."""
    moment = timezone.now() + dt.timedelta(seconds=seconds)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()


@pytest.fixture
def admin():
    # No password: hashing one costs more than the import under test.
    return User.objects.create(username="admin", is_administrator=True)


def test_a_new_school_comes_with_every_record_linked_and_its_history(example, admin):
    summary = bundle_import(actor=viewer_for(admin), data=example)

    school = School.objects.get(key="sch-17")
    assert summary.school_created
    assert (school.name, school.district.key, school.plan_deadline_days) == (
        "№17 орто мектеби", "osh-city", 14,
    )  # fmt: skip
    assert Staff.objects.filter(school=school).count() == 8
    assert Membership.objects.filter(association__school=school).count() == 7
    assert Meeting.objects.filter(school=school).count() == 5
    assert Resolution.objects.filter(meeting__school=school).count() == 6
    assert Attendance.objects.filter(meeting__school=school).count() == 9
    assert Observation.objects.filter(school=school).count() == 3
    assert PlanItem.objects.filter(plan__association__school=school).count() == 12
    assert DocumentEntry.objects.filter(school=school).count() == 7
    # Orders and MAs point at each other; a head term at the meeting that elected it.
    stem = Association.objects.get(school=school, key="ma-stem")
    assert stem.created_by.key == "o-2023-012"
    assert stem.created_by.association == stem
    head = HeadTerm.objects.get(association=stem, staff__key="t-asanova")
    assert (head.elected_at.key, head.order.key) == ("m-stem-2025-1", "o-2025-044")
    links = Association.subjects.through.objects.filter(association=stem).order_by("pk")
    assert list(links.values_list("subject__key", flat=True)) == ["math", "physics", "informatics"]
    instructions = {i.key: i for i in DistrictInstruction.objects.filter(school=school)}
    assert instructions["di-2025-07"].targets_all
    assert {s.key for s in instructions["di-2025-09"].target_subjects.all()} == {"math", "physics"}
    # Every record written says who wrote it.
    assert Staff.history.filter(history_user=admin, history_type="+").count() == 8
    assert Membership.history.filter(history_user=admin, history_type="+").count() == 7
    assert Association.history.get(key="ma-stem").subjects.count() == 3


def test_an_existing_school_is_updated_in_place_without_duplicates(school, example, admin):
    year = SchoolYear.objects.get(school=school, key="2025-2026")

    bundle_import(actor=viewer_for(admin), data=example)

    assert School.objects.filter(key="sch-17").count() == 1
    assert SchoolYear.objects.filter(school=school).count() == 2
    year.refresh_from_db()  # the same row, its theme now the bundle's
    assert year.theme == "Окуучулардын функционалдык сабаттуулугун өнүктүрүү"


def test_re_importing_changes_only_what_changed_and_keeps_the_rest_quiet(example, admin):
    bundle_import(actor=ADMINISTRATOR, data=example)
    staff_ids = dict(Staff.objects.values_list("key", "pk"))
    kept_memberships = set(
        Membership.objects.exclude(association__key="ma-stem", staff__key="t-bekova")
        .values_list("pk", flat=True)
    )  # fmt: skip
    resolution = Resolution.objects.get(meeting__key="m-stem-2025-1", number=2)
    plan = WorkPlan.objects.get(association__key="ma-stem", year__key="2025-2026")
    membership_history = Membership.history.count()

    example["exported_at"] = _seconds_from_now(1)  # a bundle exported after the first import
    example["staff"][2]["last_name"] = "Асанова-Бекова"
    del example["associations"][0]["members"][1]  # t-bekova leaves ma-stem
    example["associations"][0]["meetings"][1]["resolutions"][1]["status"] = "open"
    example["associations"][0]["plans"][1]["status"] = "returned"
    summary = bundle_import(actor=viewer_for(admin), data=example)

    assert dict(Staff.objects.values_list("key", "pk")) == staff_ids
    assert Staff.objects.get(key="t-asanova").last_name == "Асанова-Бекова"
    assert set(Membership.objects.values_list("pk", flat=True)) == kept_memberships
    resolution_after = Resolution.objects.get(pk=resolution.pk)
    assert resolution_after.status == "open"
    plan_after = WorkPlan.objects.get(pk=plan.pk)
    assert (plan_after.status, plan_after.revision) == ("returned", plan.revision + 1)
    # Only the changed rows got a history row, with the actor; the removal is recorded too.
    assert list(Staff.history.filter(history_type="~").values_list("key", "history_user")) == [
        ("t-asanova", admin.pk)
    ]
    assert Membership.history.count() == membership_history + 1
    assert Membership.history.latest("history_id").history_type == "-"
    assert summary.sections["staff"].updated == ["t-asanova"]
    assert summary.sections["associations.members"].deleted == ["ma-stem"]
    assert summary.sections["associations.meetings.resolutions"].updated == ["m-stem-2025-1"]
    assert summary.sections["associations.plans"].updated == ["ma-stem"]
    assert (summary.total("created"), summary.total("updated"), summary.total("deleted")) == (
        0, 3, 1,
    )  # fmt: skip


def test_importing_the_same_bundle_twice_changes_nothing_and_writes_no_history(example):
    bundle_import(actor=ADMINISTRATOR, data=example)
    before = (Staff.history.count(), Membership.history.count(), Meeting.history.count())

    summary = bundle_import(actor=ADMINISTRATOR, data=example)

    assert not summary.changed
    assert summary.total("unchanged") == 155
    assert (Staff.history.count(), Membership.history.count(), Meeting.history.count()) == before


def test_keyed_records_left_out_of_the_bundle_are_kept_and_reported(example):
    bundle_import(actor=ADMINISTRATOR, data=example)
    del example["associations"][0]["meetings"][3]  # m-stem-2025-3

    summary = bundle_import(actor=ADMINISTRATOR, data=example)

    assert Meeting.objects.filter(key="m-stem-2025-3").exists()
    assert summary.sections["associations.meetings"].kept == ["m-stem-2025-3"]
    assert summary.total("kept") == 1


def test_rows_follow_their_owner_records(example):
    """An observation names the lesson's teacher; a changed teaching row is updated in place."""
    bundle_import(actor=ADMINISTRATOR, data=example)
    teaching = Teaching.objects.get(staff__key="t-bekova")
    example["associations"][0]["open_lessons"][0]["teacher"] = "t-bekova"
    example["staff"][3]["teaching"][0]["grades"] = [7, 8]

    bundle_import(actor=ADMINISTRATOR, data=example)

    assert set(
        Observation.objects.filter(open_lesson__key="ol-1").values_list("teacher__key", flat=True)
    ) == {"t-bekova"}  # fmt: skip
    teaching_after = Teaching.objects.get(staff__key="t-bekova")
    assert (teaching_after.pk, teaching_after.grades) == (teaching.pk, [7, 8])


def test_the_preview_tells_what_would_change_and_writes_nothing(example):
    preview = bundle_preview(actor=ADMINISTRATOR, data=example)
    assert preview.school_created
    assert preview.sections["staff"].created[:2] == ["t-director", "t-deputy"]
    assert School.objects.count() == 0

    bundle_import(actor=ADMINISTRATOR, data=example)
    example["staff"][0]["first_name"] = "Бакытбек"
    preview = bundle_preview(actor=ADMINISTRATOR, data=example)
    assert preview.sections["staff"].updated == ["t-director"]
    assert Staff.objects.get(key="t-director").first_name == "Бакыт"


def test_an_invalid_bundle_raises_before_the_preview_or_the_import(example):
    example["staff"][0]["gender"] = "x"
    with pytest.raises(BundleInvalid):
        bundle_preview(actor=ADMINISTRATOR, data=example)
    with pytest.raises(BundleInvalid):
        bundle_import(actor=ADMINISTRATOR, data=example)
    assert School.objects.count() == 0


def _school_of(staff_count: int, key: str, example: dict) -> dict:
    """The example with ``staff_count`` more teachers, each with a full record and membership."""
    data = copy.deepcopy(example)
    data["school"]["key"] = key
    model = data["staff"][2]
    for n in range(staff_count):
        data["staff"].append({**copy.deepcopy(model), "key": f"t-{n}", "last_name": f"Мугалим {n}"})
        data["associations"][n % 2]["members"].append(
            {"staff": f"t-{n}", "from": "2025-08-28", "to": None}
        )
    return data


def test_a_bigger_school_costs_a_bounded_number_of_queries_per_record_kind(example):
    with CaptureQueriesContext(connection) as small:
        bundle_import(actor=ADMINISTRATOR, data=_school_of(0, "sch-small", example))
    with CaptureQueriesContext(connection) as large:
        bundle_import(actor=ADMINISTRATOR, data=_school_of(60, "sch-large", example))

    assert Staff.objects.filter(school__key="sch-large").count() == 68
    # Bulk writes: a few more batches for sixty more people, never a query per person.
    assert len(large) <= len(small) + 15
