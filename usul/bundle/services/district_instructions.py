"""BUNDLE.md, district_instructions: what the district methodological office asks of the
school (FUNC-1: the MA plans reflect them), for all subjects or for some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from usul.bundle.services.values import _date, _iso, _m2m_lists, _text
from usul.schools.models import DistrictInstruction

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_district_instructions(run: BundleImport) -> None:
    data = run.data
    run.instructions = run.keyed(
        "district_instructions",
        DistrictInstruction,
        run.records(
            ["district_instructions"],
            data["district_instructions"],
            lambda d: {
                "year_id": run.years[d["year"]].pk,
                "number": _text(d["number"]),
                "date": _date(d["date"]),
                "title": d["title"],
                "targets_all": d["targets"] == ["all"],
            },
        ),
    )
    run.key_lists(
        "district_instructions",
        DistrictInstruction,
        "target_subjects",
        run.instructions,
        {
            d["key"]: [run.subjects[k].pk for k in d["targets"] if k != "all"]
            for d in data["district_instructions"]
        },
    )


# -- export


def write_district_instructions(
    school, instructions: list[DistrictInstruction], year: dict, subject: dict
) -> list[dict]:
    """The school's ``district_instructions``; ``year`` and ``subject`` give keys by pk."""
    target_subjects = _m2m_lists(DistrictInstruction, "target_subjects", school=school)
    return [
        {
            "key": i.key,
            "year": year[i.year_id],
            "number": i.number,
            "date": _iso(i.date),
            "title": i.title,
            "targets": ["all"] if i.targets_all else [subject[pk] for pk in target_subjects[i.pk]],
        }
        for i in instructions
    ]
