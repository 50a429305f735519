"""A year of the STEM MA with something recorded for every document (DOC-1…DOC-12).

On top of the cast (``usul/testing/scene.py``): the plan approved by the deputy with items in
three months, two held meetings with attendance and resolutions, an open lesson held, teaching
assignments, self-development topics, a calendar-thematic plan of Бекова, and the previous
year 2024-2025 with its analysis. Names carry ң ө ү (Жаңыл, Өмүрбеков Үсөн, Айгүл).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from usul.testing import factories as f

D = dt.date
AS_OF = D(2026, 1, 15)


@pytest.fixture
def documented(scene):
    from usul.analysis.models import YearAnalysis
    from usul.meetings.models import Attendance
    from usul.people.models import SelfDevelopmentTopic, Teaching, ThematicPlan, ThematicPlanItem
    from usul.planning.models import WorkPlan

    school, year, stem = scene.school, scene.ours.year, scene.stem
    math = school.subjects.get(key="math")
    plan = WorkPlan.objects.get(association=stem, year=year)
    plan.status, plan.approved_by, plan.approved_at = "approved", scene.deputy, D(2025, 9, 10)
    plan.directions = ["Жаңы технологияларды киргизүү"]
    plan.tasks = ["Ачык сабактардын циклин өткөрүү", "Жаш адистерге насаатчылык"]
    plan.save()
    f.add_plan_item(plan, date=D(2025, 11, 12), kind="meeting", title="Экинчи отурум")
    f.add_plan_item(plan, date=D(2026, 1, 20), kind="open_lesson", title="Өмүрбековдун ачык сабагы")
    first = f.make_meeting(stem, year=year, number=2, date=D(2025, 8, 29), key="m-0")
    second = f.make_meeting(stem, year=year, number=3, date=D(2025, 11, 12), key="m-2")
    first.agenda = ["Иш планын талкуулоо", "Жетекчини шайлоо"]
    first.minutes = "Асанова Айгүл иш планын сунуштады."
    first.save()
    for meeting in (first, second):
        for person in (scene.head, scene.teacher):
            Attendance.objects.create(meeting=meeting, staff=person, status="present")
        Attendance.objects.create(meeting=meeting, staff=scene.colleague, status="absent")
    f.make_resolution(first, text="Иш планы бекитилсин", responsible=scene.head)
    f.make_resolution(
        first,
        text="Өмүрбеков Үсөн ачык сабак өткөрсүн",
        responsible=scene.colleague,
        due=D(2026, 1, 20),
    )
    f.make_resolution(second, text="Жаңыл Бекованын тажрыйбасы жайылтылсын")
    f.make_open_lesson(
        stem,
        teacher=scene.colleague,
        year=year,
        key="ol-held",
        status="held",
        topic="Теңдемелер системасы",
        date=D(2025, 11, 20),
        subject=math,
        grade=8,
    )
    Teaching.objects.create(staff=scene.head, year=year, subject=math, grades=[9, 10])
    Teaching.objects.create(staff=scene.teacher, year=year, subject=math, grades=[5])
    SelfDevelopmentTopic.objects.create(staff=scene.teacher, year=year, topic="Оюн аркылуу үйрөтүү")
    ctp = ThematicPlan.objects.create(
        staff=scene.teacher, year=year, subject=math, grade=5, kind="subject"
    )
    for n in (1, 2):
        ThematicPlanItem.objects.create(
            plan=ctp,
            n=n,
            topic=f"Натуралдык сандар, {n}-сабак",
            hours=1,
            planned=D(2025, 9, n + 1),
        )
    before = f.make_year(school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    YearAnalysis.objects.create(
        association=stem,
        year=before,
        author=scene.deputy,
        date=D(2025, 5, 28),
        text="Бирикме төрт отурум өткөрдү.",
        proposals=["Ачык сабактарды көбөйтүү"],
    )
    return scene


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    result = subprocess.run(  # noqa: S603 (our own file)
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return result.stdout


def pdf_fonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    result = subprocess.run(  # noqa: S603 (our own file)
        [shutil.which("pdffonts") or "pdffonts", str(path)],
        capture_output=True,
        check=True,
        text=True,
    )
    return result.stdout


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a DOCX, and its footer, one per line."""
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)
