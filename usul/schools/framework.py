"""The National Framework Curriculum's subjects with their four groupings (GEN-2).

A school starts its list of subjects from this one (the set-up and the subjects page offer it)
and edits it; the list itself is data, ``framework_subjects.json``, in the bundle's shape of a
subject (BUNDLE.md ``subjects``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from usul.schools.models import Area

DATA = Path(__file__).with_name("framework_subjects.json")


@dataclass(frozen=True)
class FrameworkSubject:
    key: str
    name_ky: str
    name_ru: str
    name_en: str
    area: str

    @property
    def name(self) -> str:
        language = (get_language() or "ky")[:2]
        return getattr(self, f"name_{language}", "") or self.name_ky

    @property
    def area_label(self) -> str:
        return str(Area(self.area).label)


@cache
def framework_subjects() -> tuple[FrameworkSubject, ...]:
    """Every subject of the framework, grouped by area in the order of ``Area``."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    subjects = [
        FrameworkSubject(
            key=row["key"],
            name_ky=row["name"]["ky"],
            name_ru=row["name"]["ru"],
            name_en=row["name"]["en"],
            area=Area(row["area"]).value,
        )
        for row in rows
    ]
    order = {area.value: n for n, area in enumerate(Area)}
    return tuple(sorted(subjects, key=lambda s: order[s.area]))


def framework_subject(key: str) -> FrameworkSubject | None:
    return next((s for s in framework_subjects() if s.key == key), None)
