"""How much a printed document costs next to showing the same data as a plain HTML page.

An MA with a year of six held meetings and thirty resolutions (DOC-12) and sixty teachers with
their education, categories and employment (DOC-9) is made once; then, in the same run, we
time for each document

- **content**: reading the records into the document's content (``document_content``);
- **html**: that content laid out as a plain HTML page (the template, no PDF);
- **pdf** and **docx**: the content made into the printed and the editable file.

Figures are medians after a warm-up. Target (issue: documents): a 10-page PDF in under two
seconds on this machine; ratios are printed against the HTML page.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

RUNS = 3
TARGET_SECONDS = 2.0
AS_OF = dt.date(2026, 5, 31)
D = dt.date


def prepare():
    """The benchmark school, made anew on each run under a key of its own (the bench database
    is disposable: ``make clean`` removes it)."""
    from usul.meetings.models import Attendance
    from usul.people.models import Role, Teaching
    from usul.schools.models import School
    from usul.testing import factories as f

    key = f"bench-documents-{School.objects.filter(key__startswith='bench-documents').count()}"
    school = f.make_school(key=key, name="№60 орто мектеби")
    year = f.make_year(school)
    math = f.make_subject(school, key="math", name="Математика")
    director = f.make_staff(school, roles=(Role.DIRECTOR,), last_name="Токтогулов")
    association = f.make_association(school, key="ma-bench", name="Табигый-математикалык цикл")
    association.created_by.signed_by = director
    association.created_by.save(update_fields=["signed_by"])
    staff = []
    for n in range(60):
        person = f.make_staff(
            school,
            key=f"bench-{n}",
            last_name=f"Өмүрбекова{n}",
            first_name="Жаңыл",
            patronymic="Үсөновна",
            birth_date=D(1960 + n % 35, 1 + n % 12, 1 + n % 27),
            education_level="higher",
            education_institution="Ош мамлекеттик университети",
            education_graduated=1985 + n % 30,
            education_specialty="Математика мугалими",
        )
        f.make_employment(person, start=D(1985 + n % 35, 9, 1))
        f.make_category(person, category=("highest", "first", "second")[n % 3])
        Teaching.objects.create(staff=person, year=year, subject=math, grades=[5, 6, 7])
        f.add_member(association, person)
        staff.append(person)
    f.add_head(association, staff[0])
    for number in range(1, 7):
        meeting = f.make_meeting(
            association, year=year, number=number, date=D(2025, 9 + number % 4, 10 + number)
        )
        meeting.agenda = [f"Күн тартибинин {k}-маселеси" for k in range(1, 4)]
        meeting.minutes = "Отурумда мугалимдердин иш тажрыйбасы талкууланды. " * 4
        meeting.save()
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, staff=p, status="present") for p in staff[:20]
        )
        for k in range(5):
            f.make_resolution(
                meeting,
                text=f"{number}.{k + 1}. Ачык сабактардын циклин уюштуруу жана тажрыйбаны "
                "жайылтуу боюнча иш-чараларды өткөрүү.",
                responsible=staff[k],
                due=D(2026, 1, 20),
            )
    return association, year


def timed(function) -> float:
    function()
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def page_count(pdf: bytes) -> int:
    """Pages as poppler's pdfinfo reads them (pydyf packs the page objects in streams)."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        info = subprocess.run(  # noqa: S603 (our own file)
            [shutil.which("pdfinfo") or "pdfinfo", handle.name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def run() -> bool:
    from django.utils import translation

    from usul.documents.contents import document_content
    from usul.documents.rendering import render_docx, render_html, render_pdf

    association, year = prepare()
    within = True
    for doc_type, what in (("DOC-12", "6 meetings, 30 resolutions"), ("DOC-9", "60 teachers")):
        with translation.override("ky"):

            def content(doc_type=doc_type):
                return document_content(
                    doc_type=doc_type,
                    association=association,
                    year=year,
                    as_of=AS_OF,
                    language="ky",
                )

            made = content()
            reading = timed(content)
            html = timed(lambda made=made: render_html(made))
            pdf = timed(lambda made=made: render_pdf(made))
            docx = timed(lambda made=made: render_docx(made))
            count = page_count(render_pdf(made))
        print(f"{doc_type} ({what}), Kyrgyz: {count} PDF pages")
        print(f"  read the records: {reading * 1000:8.1f} ms")
        print(f"  plain HTML page:  {html * 1000:8.1f} ms")
        print(f"  PDF:              {pdf * 1000:8.1f} ms   {pdf / html:7.1f}× the HTML page")
        print(f"  DOCX:             {docx * 1000:8.1f} ms   {docx / html:7.1f}× the HTML page")
        # The target is per 10 pages: scale the time to a 10-page document.
        per_ten = (reading + pdf) * 10 / max(count, 1)
        verdict = "within" if per_ten <= TARGET_SECONDS else "OVER"
        print(
            f"  10 pages of PDF:  {per_ten:8.2f} s    ({verdict} the target of "
            f"< {TARGET_SECONDS:.0f} s)"
        )
        within &= per_ten <= TARGET_SECONDS
    return within
