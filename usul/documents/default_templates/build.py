"""Make the default DOCX templates of the twelve documents: ``python -m
usul.documents.default_templates.build``.

Each ``docx/DOC-N.docx`` is a docxtpl template laid out like ``html/base.html``: the school,
the approval block, the title, number and date, the sections (heading, paragraphs, numbered
list, table, chart) and the signature lines, with "page N of M" in the footer as Word fields.
Table headers repeat on every page and rows do not split. The files are committed; a school
opens one in Word or LibreOffice, changes the wording or the layout (keeping the ``{{ … }}``
fields it wants) and uploads it as its own template.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).parent
# The same as usul.documents.contents.LANDSCAPE (not imported: this script runs without Django).
LANDSCAPE = frozenset({"DOC-7", "DOC-8", "DOC-9", "DOC-11"})
# The twelve documents, and the disposal act (ORG-6), which names no MA or year of its own.
TYPES = [*(f"DOC-{n}" for n in range(1, 13)), "ACT"]
# Times New Roman has ң ө ү on every computer with Word; LibreOffice uses its metric twin.
FONT = "Times New Roman"


def _paragraph(document, text: str = "", *, bold=False, size=None, align=None, space_after=2):
    paragraph = document.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    return paragraph


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


def _row_property(row, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _table(document) -> None:
    """A table whose columns and rows come from the section: ``{%tc %}`` loops over the
    columns, ``{%tr %}`` over the rows; the header row repeats on each page."""
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, loop_start, body, loop_end = table.rows
    for row, cells in (
        (header, ("{%tc for c in s.table.columns %}", "{{ c }}", "{%tc endfor %}")),
        (body, ("{%tc for v in row %}", "{{ v }}", "{%tc endfor %}")),
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(10)
                    run.bold = row is header
    loop_start.cells[0].text = "{%tr for row in s.table.rows %}"
    loop_end.cells[0].text = "{%tr endfor %}"
    _row_property(header, "tblHeader")
    _row_property(body, "cantSplit")


def build(doc_type: str) -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if doc_type in LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(25), Mm(15)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)

    _paragraph(document, "{{ school }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=8)
    _paragraph(document, "{%p if approval %}")
    for text, bold in (
        ("{{ approval.label }}", True),
        ("{{ approval.role }}", False),
        ("____________ {{ approval.name }}", False),
        ("{{ approval.date }}", False),
    ):
        paragraph = _paragraph(document, text, bold=bold, space_after=0)
        paragraph.paragraph_format.left_indent = (
            int(section.page_width * 0.55) - section.left_margin
        )
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "{{ title }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "{%p if subtitle %}")
    _paragraph(document, "{{ subtitle }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "{%p endif %}")
    meta = _paragraph(document, "{{ labels.number }} {{ number }}\t{{ date }}", space_after=0)
    usable = section.page_width - section.left_margin - section.right_margin
    meta.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    if doc_type != "ACT":
        _paragraph(document, "{{ association }} · {{ labels.year }} {{ year }}", space_after=8)

    _paragraph(document, "{%p for s in sections %}")
    _paragraph(document, "{%p if s.heading %}")
    _paragraph(document, "{{ s.heading }}", bold=True, space_after=4)
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "{%p for p in s.paragraphs %}")
    _paragraph(document, "{{ p }}").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, "{%p endfor %}")
    _paragraph(document, "{%p for i in s.points %}")
    item = _paragraph(document, "{{ loop.index }}. {{ i }}")
    item.paragraph_format.left_indent = Mm(7)
    item.paragraph_format.first_line_indent = Mm(-7)
    _paragraph(document, "{%p endfor %}")
    _paragraph(document, "{%p if s.table %}")
    _table(document)
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "{%p if s.chart %}")
    _paragraph(document, "{{ s.chart }}")
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "{%p endfor %}")

    _paragraph(document, "", space_after=12)
    _paragraph(document, "{%p for sig in signatures %}")
    line = _paragraph(
        document, "{{ sig.role }}\t____________________\t{{ sig.name }}", space_after=14
    )
    line.paragraph_format.tab_stops.add_tab_stop(int(usable * 0.45))
    line.paragraph_format.tab_stops.add_tab_stop(int(usable * 0.78))
    _paragraph(document, "{%p endfor %}")

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("{{ labels.page_before }}")
    _field(footer, "PAGE")
    footer.add_run("{{ labels.page_between }}")
    _field(footer, "NUMPAGES")
    footer.add_run("{{ labels.page_after }}")
    for run in footer.runs:
        run.font.size = Pt(9)
    return document


def main(types=TYPES) -> None:
    folder = HERE / "docx"
    folder.mkdir(exist_ok=True)
    for doc_type in types:
        document = build(doc_type)
        document.core_properties.title = doc_type
        document.core_properties.author = "Usul"
        document.save(folder / f"{doc_type}.docx")
        print(folder / f"{doc_type}.docx")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:] or TYPES)
