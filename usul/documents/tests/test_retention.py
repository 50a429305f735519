"""What is due for the archive and what may be disposed of (ORG-6), at both sides of each
boundary; the compliance rules RET-TRANSFER and RET-EXPIRED ask the same function."""

from __future__ import annotations

import datetime as dt

from usul.compliance.tests.builders import add_document
from usul.documents.retention import DISPOSE, TRANSFER, retention_of
from usul.orders.models import OrderKind
from usul.testing import factories as f

D = dt.date


def _year(school, end):
    return f.make_year(school, key=f"y-{end.isoformat()}", start=D(end.year - 1, 9, 1), end=end)


def _keys(items):
    return [(i.entry.key, i.action, i.limit) for i in items]


def test_an_archival_paper_is_due_for_the_archive_the_day_after_e_plus_3_years(scene):
    year = _year(scene.school, D(2024, 2, 29))  # E + 3 years: 28 February 2027
    add_document(scene.stem, year, "DOC-12", key="d-res")
    assert retention_of(scene.school, D(2027, 2, 28)).transfer == []
    due = retention_of(scene.school, D(2027, 3, 1))
    assert _keys(due.transfer) == [("d-res", TRANSFER, D(2027, 2, 28))]
    assert due.dispose == []


def test_an_archived_paper_may_be_disposed_of_the_day_after_e_plus_13_years(scene):
    year = _year(scene.school, D(2021, 5, 31))
    add_document(scene.stem, year, "DOC-7", key="d-plan", location="archive")
    assert retention_of(scene.school, D(2034, 5, 31)).dispose == []
    assert _keys(retention_of(scene.school, D(2034, 6, 1)).dispose) == [
        ("d-plan", DISPOSE, D(2034, 5, 31))
    ]


def test_an_archival_paper_still_at_school_is_first_handed_over_never_disposed_of(scene):
    year = _year(scene.school, D(2010, 5, 31))
    add_document(scene.stem, year, "DOC-5", key="d-analysis")
    due = retention_of(scene.school, D(2026, 12, 3))
    assert _keys(due.transfer) == [("d-analysis", TRANSFER, D(2013, 5, 31))]
    assert due.dispose == []


def test_another_paper_may_be_disposed_of_the_day_after_e_plus_3_years(scene):
    year = _year(scene.school, D(2021, 5, 31))
    add_document(scene.stem, year, "DOC-9", key="d-bank")
    assert retention_of(scene.school, D(2024, 5, 31)).dispose == []
    due = retention_of(scene.school, D(2024, 6, 1))
    assert _keys(due.dispose) == [("d-bank", DISPOSE, D(2024, 5, 31))]
    assert due.transfer == []


def test_standing_papers_are_kept_while_the_ma_works_and_three_years_after_its_liquidation(scene):
    year = _year(scene.school, D(2016, 5, 31))
    ma = f.make_association(scene.school, key="ma-old", created_on=D(2015, 8, 28))
    add_document(ma, year, "DOC-3", key="d-reg")
    assert retention_of(scene.school, D(2030, 1, 1)).dispose == []  # the MA still works
    ma.liquidated_by = f.make_order(
        scene.school, kind=OrderKind.MA_LIQUIDATE, date=D(2016, 6, 10), association=ma
    )
    ma.save()
    # The latest year starting by the liquidation ends 31 May 2016: kept until 31 May 2019.
    assert retention_of(scene.school, D(2019, 5, 31)).dispose == []
    assert _keys(retention_of(scene.school, D(2019, 6, 1)).dispose) == [
        ("d-reg", DISPOSE, D(2019, 5, 31))
    ]


def test_a_disposed_entry_is_never_due_again_and_is_listed_as_disposed(scene):
    year = _year(scene.school, D(2001, 5, 31))
    add_document(scene.stem, year, "DOC-9", key="d-gone", location="disposed")
    due = retention_of(scene.school, D(2026, 12, 3))
    assert due.empty
    assert [e.key for e in due.disposed] == ["d-gone"]


def test_another_schools_register_is_not_in_the_list(scene):
    year = _year(scene.outsider, D(2021, 5, 31))
    add_document(scene.outsider_ma, year, "DOC-9", key="d-far")
    assert retention_of(scene.school, D(2026, 12, 3)).empty


def test_the_compliance_check_reports_what_the_archive_lists(scene):
    from usul.compliance.services import check_school

    old = _year(scene.school, D(2021, 5, 31))
    add_document(scene.stem, old, "DOC-12", key="d-res")
    add_document(scene.stem, old, "DOC-9", key="d-bank")
    as_of = D(2026, 12, 3)
    findings = check_school(school=scene.school, year=scene.ours.year, as_of=as_of)
    reported = sorted((x.rule, x.subject_key) for x in findings if x.rule.startswith("RET-"))
    listed = retention_of(scene.school, as_of)
    assert reported == [("RET-EXPIRED", "d-bank"), ("RET-TRANSFER", "d-res")]
    assert [i.entry.key for i in listed.transfer] == ["d-res"]
    assert [i.entry.key for i in listed.dispose] == ["d-bank"]
