"""The twelve documents (DOC-1…DOC-12) and their keeping (ORG-6)."""

import datetime as dt

from usul.compliance.services import check_school
from usul.compliance.tests.builders import DURING_YEAR, add_document
from usul.compliance.tests.conftest import findings
from usul.documents.models import DocumentEntry
from usul.orders.models import OrderKind
from usul.testing import factories as f

D = dt.date
DEADLINE = D(2025, 9, 15)


def _missing(world, *types):
    DocumentEntry.objects.filter(association=world.ma, type__in=types).delete()


def test_a_missing_document_is_a_warning_until_the_plan_deadline_then_a_violation(world):
    _missing(world, "DOC-10", "DOC-2")
    assert findings(world, DEADLINE) == [
        ("DOCS", "warning", "association", "ma-stem", {"document": "DOC-2"}),
        ("DOCS", "warning", "association", "ma-stem", {"document": "DOC-10"}),
    ]
    assert findings(world, DEADLINE + dt.timedelta(days=1)) == [
        ("DOCS", "violation", "association", "ma-stem", {"document": "DOC-2"}),
        ("DOCS", "violation", "association", "ma-stem", {"document": "DOC-10"}),
    ]


def test_standing_documents_of_an_earlier_year_count_and_others_do_not(world):
    earlier = f.make_year(world.school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    _missing(world, "DOC-1", "DOC-5")
    add_document(world.ma, earlier, "DOC-1")
    add_document(world.ma, earlier, "DOC-5")
    assert findings(world, DURING_YEAR) == [
        ("DOCS", "violation", "association", "ma-stem", {"document": "DOC-5"}),
    ]


def test_a_disposed_entry_does_not_count(world):
    DocumentEntry.objects.filter(association=world.ma, type="DOC-3").update(location="disposed")
    assert findings(world, DURING_YEAR) == [
        ("DOCS", "violation", "association", "ma-stem", {"document": "DOC-3"}),
    ]


def _register(school, *, end):
    """An MA liquidated in 2019 (so only retention speaks of it) with a year ending on ``end``."""
    year = f.make_year(school, key="old", start=D(end.year - 1, 9, 1), end=end)
    ma = f.make_association(school, key="ma-old", created_on=D(2015, 8, 28))
    ma.liquidated_by = f.make_order(
        school, kind=OrderKind.MA_LIQUIDATE, date=D(2019, 6, 1), association=ma
    )
    ma.save()
    return year, ma


def _check(school, as_of):
    from usul.compliance.tests.builders import year_of

    return [
        (x.rule, x.subject_key)
        for x in check_school(school=school, year=year_of(school), as_of=as_of)
    ]


def test_archival_papers_go_to_the_archive_after_e_plus_3_years_29_february_included(school):
    # E = 29 February 2024: E + 3 years is 28 February 2027; "after" is from 1 March.
    year, ma = _register(school, end=D(2024, 2, 29))
    add_document(ma, year, "DOC-12", key="d-res")
    add_document(ma, year, "DOC-9", key="d-bank")  # another type: kept until E + 3 years
    assert _check(school, D(2027, 2, 28)) == []
    assert _check(school, D(2027, 3, 1)) == [("RET-TRANSFER", "d-res"), ("RET-EXPIRED", "d-bank")]


def test_archival_papers_may_be_disposed_after_e_plus_13_years(school):
    year, ma = _register(school, end=D(2024, 2, 29))
    add_document(ma, year, "DOC-7", key="d-plan", location="archive")
    add_document(ma, year, "DOC-5", key="d-left", location="school")
    add_document(ma, year, "DOC-8", key="d-gone", location="disposed")
    assert _check(school, D(2037, 2, 28)) == [("RET-TRANSFER", "d-left")]
    assert _check(school, D(2037, 3, 1)) == [
        ("RET-TRANSFER", "d-left"),
        ("RET-EXPIRED", "d-plan"),
    ]


def test_retention_on_an_ordinary_year_end(school):
    year, ma = _register(school, end=D(2020, 5, 31))
    add_document(ma, year, "DOC-8", key="d-grid")
    add_document(ma, year, "other", key="d-other", location="archive")
    assert _check(school, D(2023, 5, 31)) == []
    assert _check(school, D(2023, 6, 1)) == [
        ("RET-TRANSFER", "d-grid"),
        ("RET-EXPIRED", "d-other"),
    ]


def test_standing_papers_are_kept_while_the_ma_is_active(world):
    # The active MA's order on opening (DOC-1) from long ago raises nothing.
    old = f.make_year(world.school, key="2015-2016", start=D(2015, 9, 1), end=D(2016, 5, 31))
    add_document(world.ma, old, "DOC-1", key="d-open-2015")
    assert findings(world, DURING_YEAR, rules="RET") == []


def test_standing_papers_of_a_liquidated_ma_count_from_its_last_year(school):
    # Liquidated on 1 June 2019: the latest year starting on or before it is 2018-2019, whose
    # end (31 May 2019) + 3 years is 31 May 2022.
    f.make_year(school, key="2018-2019", start=D(2018, 9, 1), end=D(2019, 5, 31))
    year, ma = _register(school, end=D(2016, 5, 31))
    add_document(ma, year, "DOC-3", key="d-reg")
    assert _check(school, D(2022, 5, 31)) == []
    assert _check(school, D(2022, 6, 1)) == [("RET-EXPIRED", "d-reg")]


def test_retention_finding_names_the_document_and_its_limit(school):
    from django.utils import translation

    year, ma = _register(school, end=D(2020, 5, 31))
    add_document(ma, year, "DOC-12", key="d-res", title="Токтомдор 2019-2020")
    [finding] = check_school(school=school, year=year, as_of=D(2023, 6, 1))
    assert (finding.rule, finding.subject_type, finding.detail) == ("RET-TRANSFER", "document", {})
    with translation.override("en"):
        assert "Токтомдор 2019-2020" in finding.message
        assert "31.05.2023" in finding.message
