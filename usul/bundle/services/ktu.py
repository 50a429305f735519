"""BUNDLE.md, associations → ktu: one record per MA and year (FUNC-5), its commission and
each teacher's coefficient."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from usul.assessment.models import KtuRecord, KtuValue
from usul.bundle.services.associations import ma_owners, ma_rows, ma_sources
from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import _decimal, _grouped, _m2m_lists, _number

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_ktu(run: BundleImport) -> None:
    school = run.school
    # One KTU record per MA and year (FUNC-5): matched by its year.
    ktu_rows = ma_rows(
        run,
        "ktu",
        lambda k: {"year_id": run.years[k["year"]].pk},
        identity=lambda k: run.years[k["year"]].pk,
    )
    records = run.rows(
        "associations.ktu",
        KtuRecord,
        "association_id",
        {"association__school": school},
        ktu_rows,
        ma_owners(run),
        identity=lambda obj: obj.year_id,
    )
    ktu_sources = [k for _i, a, _ma in ma_sources(run) for k in a["ktu"]]
    record_owners = {r.pk: row.label for r, row in zip(records, ktu_rows, strict=True)}
    run.m2m(
        "associations.ktu",
        KtuRecord,
        "commission",
        {
            record.pk: [run.staff[k].pk for k in source["commission"]]
            for record, source in zip(records, ktu_sources, strict=True)
        },
        record_owners,
    )
    run.rows(
        "associations.ktu.values",
        KtuValue,
        "record_id",
        {"record__association__school": school},
        [
            Row(
                [*row.path, "values", n],
                row.label,
                record.pk,
                {
                    "staff_id": run.staff[v["staff"]].pk,
                    "value": _decimal(v["value"]),
                },
                identity=run.staff[v["staff"]].pk,
            )
            for row, record, source in zip(ktu_rows, records, ktu_sources, strict=True)
            for n, v in enumerate(source["values"])
        ],
        record_owners,
        identity=lambda obj: obj.staff_id,
    )


# -- export


def write_ktu(school, year: dict, person: dict) -> dict[int, list[dict]]:
    """Each MA's ``ktu`` by the MA's pk; ``year`` and ``person`` give keys by pk."""
    ktu = _grouped(KtuRecord.objects.filter(association__school=school), "association_id")
    commission = _m2m_lists(KtuRecord, "commission", association__school=school)
    ktu_values = _grouped(KtuValue.objects.filter(record__association__school=school), "record_id")
    written: dict[int, list[dict]] = defaultdict(list)
    for ma, group in ktu.items():
        written[ma] = [
            {
                "year": year[k.year_id],
                "commission": [person[pk] for pk in commission[k.pk]],
                "values": [
                    {"staff": person[v.staff_id], "value": _number(v.value)}
                    for v in ktu_values[k.pk]
                ],
            }
            for k in group
        ]
    return written
