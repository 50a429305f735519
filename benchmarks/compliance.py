"""How much the compliance check costs next to merely loading the rows it reads.

A school of 60 staff and 8 MAs with a full school year of data (the demo generator's school on
the year's last day: plans, meetings, resolutions, open lessons, analyses, KTU, registers) is
imported once; then, in the same run, we time

- **load**: fetching every row the check reads, table by table, as plain model instances;
- **check**: ``check_school`` — loading the snapshot, wiring it, and running every rule.

Target: the check costs at most 3× the load. Each figure is the median of several
runs, after a warm-up, so that a cold cache or one slow run does not decide.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

SCHOOL_DAY = dt.date(2026, 5, 31)  # the last day of 2025-2026: the whole year has happened
STAFF = 60
ASSOCIATIONS = 8
RUNS = 7
TARGET = 3.0


def prepare():
    """The benchmark school, imported through the bundle importer (updated in place if there)."""
    from usul.accounts.policy import command_line_administrator
    from usul.bundle.services import bundle_import
    from usul.demo.generator import build
    from usul.schools.models import School, SchoolYear

    bundle = build(seed=60, today=SCHOOL_DAY, staff_count=STAFF, associations=ASSOCIATIONS).bundle
    bundle["school"]["key"] = "bench-60"
    bundle["district"]["key"] = "bench-district"
    bundle_import(actor=command_line_administrator(), data=bundle)
    school = School.objects.get(key="bench-60")
    year = SchoolYear.objects.get(school=school, key="2025-2026")
    return school, year


def timed(function, runs: int = RUNS) -> float:
    function()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run() -> bool:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from usul.compliance.services import check_school
    from usul.compliance.snapshot import load_rows

    school, year = prepare()
    as_of = SCHOOL_DAY + dt.timedelta(days=1)  # the year's end has passed: every rule applies
    rows = load_rows(school=school, year=year)
    with CaptureQueriesContext(connection) as queries:
        findings = check_school(school=school, year=year, as_of=as_of)
    load = timed(lambda: load_rows(school=school, year=year))
    check = timed(lambda: check_school(school=school, year=year, as_of=as_of))
    ratio = check / load
    print(
        f"school: {STAFF} staff, {ASSOCIATIONS} MAs, {rows} rows, {len(findings)} findings, "
        f"{len(queries)} queries ({connection.vendor})"
    )
    print(f"load the rows:  {load * 1000:8.1f} ms")
    print(f"check:          {check * 1000:8.1f} ms")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio:          {ratio:8.2f}×  ({verdict} the target of ≤ {TARGET:.0f}×)")
    return ratio <= TARGET
