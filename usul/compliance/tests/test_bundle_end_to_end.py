"""End to end: a bundle written by hand from BUNDLE.md is imported, and ``usul compliance``
reports exactly what RULES.md prescribes for it.

``data/sch-42.json`` describes a school with one sound MA (ma-stem) and one that breaks much of
the regulation (ma-lang: two members, an unelected head of the second category with three years
of experience, a draft plan, one meeting without resolutions or attendance, four documents).
"""

import json
from pathlib import Path

import pytest

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_import
from usul.compliance.tests.test_command import run

BUNDLE = Path(__file__).parent / "data" / "sch-42.json"

DURING_YEAR = [
    ("MA-MEMBERS", "violation", "association", "ma-lang", {}),
    ("MA-ORDER", "violation", "association", "ma-lang", {}),
    ("MA-COUNCIL", "warning", "association", "ma-lang", {}),
    ("HEAD-ASSIGNED", "violation", "association", "ma-lang", {"staff": "t-kasymova"}),
    ("HEAD-CATEGORY", "violation", "association", "ma-lang", {"staff": "t-kasymova"}),
    ("HEAD-EXPERIENCE", "violation", "association", "ma-lang", {"staff": "t-kasymova"}),
    ("PLAN-APPROVED", "violation", "association", "ma-lang", {}),
    (
        "PLAN-REFLECTS",
        "warning",
        "association",
        "ma-lang",
        {"missing": ["school_theme", "di-07", "di-08"]},
    ),
    (
        "PLAN-MONTHS",
        "warning",
        "association",
        "ma-lang",
        {"missing": ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]},
    ),
    ("PLAN-OPEN-LESSONS", "warning", "association", "ma-lang", {}),
    ("MEET-COUNT", "warning", "association", "ma-lang", {"held": 1, "planned": 1}),
    ("MEET-RESOLUTIONS", "violation", "meeting", "m-lang-1", {}),
    ("MEET-ATTENDANCE", "warning", "meeting", "m-lang-1", {}),
    ("KTU", "warning", "association", "ma-lang", {"missing": []}),
    *[
        ("DOCS", "violation", "association", "ma-lang", {"document": f"DOC-{n}"})
        for n in range(5, 13)
    ],
    ("STAFF-SELFDEV", "warning", "staff", "t-duishenov", {}),
    ("STAFF-DATABANK", "warning", "staff", "t-osmonov", {"missing": ["birth_date"]}),
    ("STAFF-CTP", "warning", "staff", "t-osmonov", {"subject": "kyrgyz", "grade": 4}),
    ("SCHOOL-UNASSIGNED", "warning", "staff", "t-usenova", {}),
    # A 2021-2022 resolution register: E + 3 years was 31 May 2025.
    ("RET-TRANSFER", "warning", "document", "d-stem-2021-12", {}),
]

# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()


def _findings(out: str) -> list[tuple]:
    return [
        (f["rule"], f["severity"], f["subject"]["type"], f["subject"]["key"], f["detail"])
        for f in json.loads(out)["findings"]
    ]


@pytest.mark.django_db(transaction=True)  # the command closes connections (test_command.py)
def test_a_hand_written_bundle_gives_exactly_the_prescribed_findings(capsys):
    bundle_import(actor=ADMINISTRATOR, data=json.loads(BUNDLE.read_text(encoding="utf-8")))
    status, out, err = run(
        capsys,
        "--school",
        "sch-42",
        "--year",
        "2025-2026",
        "--as-of",
        "2025-10-01",
        "--format",
        "json",
        "--lang",
        "ky",
    )
    assert (status, err) == (1, "")
    assert _findings(out) == DURING_YEAR
    report = json.loads(out)
    assert (report["school"], report["year"], report["as_of"]) == (
        "sch-42",
        "2025-2026",
        "2025-10-01",
    )
    assert {f["as_of"] for f in report["findings"]} == {"2025-10-01"}

    # After the year: the sound MA now owes its analysis, its four meetings and its KTU, and
    # its head's first category expired on 10 April 2026.
    status, out, _ = run(
        capsys,
        "--school",
        "sch-42",
        "--year",
        "2025-2026",
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    )
    assert status == 1
    assert [f for f in _findings(out) if f[3] in ("ma-stem", "m-stem-1", "m-stem-2")] == [
        ("HEAD-CATEGORY", "violation", "association", "ma-stem", {"staff": "t-asanova"}),
        ("MEET-COUNT", "violation", "association", "ma-stem", {"held": 2, "planned": 4}),
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
        (
            "KTU",
            "violation",
            "association",
            "ma-stem",
            {"missing": ["t-asanova", "t-bekova", "t-duishenov"]},
        ),
    ]


def test_the_demo_schools_deliberate_gaps_are_exactly_what_the_check_finds(db):
    # The demo generator, written apart from the rules, lists the findings it plants.
    import datetime as dt

    from usul.compliance.services import check_school
    from usul.demo.generator import build
    from usul.schools.models import School, SchoolYear

    today = dt.date(2026, 2, 10)
    demo = build(seed=2025, today=today)
    bundle_import(actor=ADMINISTRATOR, data=demo.bundle)
    school = School.objects.get(key=demo.bundle["school"]["key"])
    year = SchoolYear.objects.get(school=school, key="2025-2026")
    found = check_school(school=school, year=year, as_of=today)
    assert sorted((f.rule, f.subject_type, f.subject_key) for f in found) == sorted(demo.gaps)
