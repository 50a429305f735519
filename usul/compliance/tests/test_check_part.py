"""``check_part``: what a teacher's or an MA head's home page is told — the findings about a
person and on an MA's checklist — equals what the whole school's check says of them, read
from that part of the school only, at a cost that does not grow with the school."""

from __future__ import annotations

import datetime as dt

import pytest

from usul.compliance.services import Part, build_report, check_part
from usul.compliance.tests.builders import compliant_school, make_teacher, teach
from usul.documents.models import DocumentEntry
from usul.people.models import Role, SelfDevelopmentTopic, ThematicPlan
from usul.testing import factories as f

D = dt.date
AS_OF = D(2025, 12, 1)


def said(findings) -> list[tuple]:
    return [(f, f.message) for f in findings]


@pytest.fixture
def flawed(school):
    """Two MAs and a gap of every kind a person or an MA can have."""
    world = compliant_school(school, associations=2, teachers=3)
    second = world.school.associations.get(key="ma-1")
    a, b, c = world.teachers
    SelfDevelopmentTopic.objects.filter(staff=a).delete()  # STAFF-SELFDEV
    b.birth_date = None  # STAFF-DATABANK
    b.save(update_fields=["birth_date"])
    ThematicPlan.objects.filter(staff=b).delete()  # STAFF-CTP
    history = f.make_subject(school, key="history", name="Тарых")
    f.add_member(second, c)  # in two MAs, teaching nothing of the second's (MA-SUBJECTS)
    teach(c, world.year, history, grades=(7,))
    make_teacher(school, world.year, subject=world.subject, key="t-alone")  # SCHOOL-UNASSIGNED
    DocumentEntry.objects.filter(association=second, type="DOC-3").delete()  # DOCS
    # A supervisor who signs nothing and approves nothing: read only as the second's supervisor.
    f.add_supervisor(second, f.make_staff(school, roles=(Role.DEPUTY_METHODICAL,), key="t-dep2"))
    return world


def test_every_persons_findings_are_those_of_the_whole_check(flawed):
    world = flawed
    whole = build_report(school=world.school, year=world.year, as_of=AS_OF)
    everyone = list(world.school.staff.all())
    assert sum(1 for s in everyone if Part.of(whole, people={s.pk}, associations=()).about[s.pk])
    assert len({f.rule for f in whole.findings}) >= 5  # the gaps above are all found

    for person in everyone:
        part = check_part(school=world.school, year=world.year, as_of=AS_OF, people={person.pk})
        expected = Part.of(whole, people={person.pk}, associations=())
        assert said(part.about[person.pk]) == said(expected.about[person.pk]), person.key
        assert [f.associations for f in part.about[person.pk]] == [
            f.associations for f in expected.about[person.pk]
        ]


def test_every_mas_checklist_and_its_heads_own_findings_are_those_of_the_whole_check(flawed):
    world = flawed
    whole = build_report(school=world.school, year=world.year, as_of=AS_OF)
    for association in whole.active_associations:
        head = association.heads.get().staff
        part = check_part(
            school=world.school,
            year=world.year,
            as_of=AS_OF,
            people={head.pk},
            associations={association.pk},
        )
        assert [a.key for a in part.associations] == [association.key]
        assert said(part.on_checklist[association.pk]) == said(whole.findings_of(association))
        assert said(part.about[head.pk]) == said(
            Part.of(whole, people={head.pk}, associations=()).about[head.pk]
        )


def test_the_cost_of_a_part_does_not_grow_with_the_school(school, django_assert_num_queries):
    small = compliant_school(school, associations=1, teachers=3)
    teacher, head = small.teachers[1], small.head
    args = dict(school=small.school, year=small.year, as_of=AS_OF)
    with django_assert_num_queries(14) as personal:
        check_part(**args, people={teacher.pk})
    with django_assert_num_queries(32) as headed:
        check_part(**args, people={head.pk}, associations={small.ma.pk})

    for n in range(2, 5):  # three more MAs, each with its own people and papers
        from usul.compliance.tests.builders import compliant_association

        compliant_association(small, key=f"ma-x{n}", name=f"УБ {n}", subject=small.subject)
    with django_assert_num_queries(len(personal.captured_queries)):
        check_part(**args, people={teacher.pk})
    with django_assert_num_queries(len(headed.captured_queries)):
        check_part(**args, people={head.pk}, associations={small.ma.pk})
