"""BUNDLE.md, top level: the district, the school and its settings, years and subjects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import _date, _iso, _text
from usul.schools.models import District, School, SchoolYear, Subject

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport

# BUNDLE.md: "settings may be omitted; the defaults are those above".
DEFAULT_SETTINGS = {
    "plan_deadline_days": 14,
    "young_specialist_years": 3,
    "newly_arrived_days": 365,
    "ktu_required": True,
}


# -- import


def import_school(run: BundleImport) -> School:
    data = run.data
    district = None
    if data["district"] is not None:
        district = run.keyed(
            "district",
            District,
            [
                Row(
                    ["district"],
                    data["district"]["key"],
                    None,
                    {
                        "key": data["district"]["key"],
                        "name": data["district"]["name"],
                    },
                )
            ],
            existing=District.objects.filter(key=data["district"]["key"]),
        )[data["district"]["key"]]
    settings = {**DEFAULT_SETTINGS, **data["school"].get("settings", {})}
    key = data["school"]["key"]
    school = run.keyed(
        "school",
        School,
        [
            Row(
                ["school"],
                key,
                None,
                {
                    "key": key,
                    "name": data["school"]["name"],
                    "district_id": district.pk if district else None,
                    **{name: settings[name] for name in DEFAULT_SETTINGS},
                },
            )
        ],
        # Two imports of one school wait for each other instead of mixing their rows.
        existing=School.objects.select_for_update().filter(key=key),
    )[key]
    run.summary.school_created = bool(run.summary.sections["school"].created)
    return school


def import_years_and_subjects(run: BundleImport) -> None:
    data = run.data
    run.years = run.keyed(
        "years",
        SchoolYear,
        run.records(
            ["years"],
            data["years"],
            lambda y: {
                "start": _date(y["start"]),
                "end": _date(y["end"]),
                "theme": y["theme"],
            },
        ),
    )
    run.subjects = run.keyed(
        "subjects",
        Subject,
        run.records(
            ["subjects"],
            data["subjects"],
            lambda s: {
                "name_ky": s["name"]["ky"],
                "name_ru": _text(s["name"]["ru"]),
                "name_en": _text(s["name"]["en"]),
                "area": s["area"],
            },
        ),
    )


# -- export


def write_school(school: School, years: list[SchoolYear], subjects: list[Subject]) -> dict:
    """The district, the school with its settings, its years and subjects, as BUNDLE.md
    writes them (``school`` comes with its district selected)."""
    district = school.district
    return {
        "district": {"key": district.key, "name": district.name} if district else None,
        "school": {
            "key": school.key,
            "name": school.name,
            "settings": {name: getattr(school, name) for name in DEFAULT_SETTINGS},
        },
        "years": [
            {"key": y.key, "start": _iso(y.start), "end": _iso(y.end), "theme": y.theme}
            for y in years
        ],
        "subjects": [
            {
                "key": s.key,
                "name": {"ky": s.name_ky, "ru": s.name_ru, "en": s.name_en},
                "area": s.area,
            }
            for s in subjects
        ],
    }
