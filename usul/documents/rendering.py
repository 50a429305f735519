"""A document's content laid out by its template: DOCX (docxtpl) to edit, PDF (WeasyPrint) to print.

Templates are files. The defaults are in ``default_templates/``: one DOCX and one HTML file
per document type (``DOC-7.docx``, ``DOC-7.html``), the HTML ones extending ``base.html`` and
its ``documents.css``. The DOCX defaults are made by ``default_templates/build.py`` (run it
again after changing it); a school adjusts a copy and uploads it as its own template
(``DocumentTemplate``), which then overrides the default for that type and format.

Both formats are Jinja templates rendered in Jinja's sandbox with undefined names refused: a
template sees the document's content (``usul.documents.contents``) and nothing else, and a
misspelt field is named, with its line, instead of printing an empty gap. WeasyPrint fetches
nothing from outside: the fonts are the installed DejaVu ones, named in the CSS, and embedded
in the PDF.
"""

from __future__ import annotations

import io
import re
import traceback
from pathlib import Path

from django.utils.translation import gettext as _
from jinja2 import (
    ChoiceLoader,
    DictLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from usul.documents.contents import Refusal

DEFAULTS = Path(__file__).parent / "default_templates"
SCHOOL_TEMPLATE = "school template"


class TemplateProblem(Refusal):
    """A school's template cannot make the document: the message names the field or the
    fault, and the template's line."""


def _environment(loader=None, *, autoescape: bool = True) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=loader, undefined=StrictUndefined, autoescape=autoescape, keep_trailing_newline=True
    )


def _field_of(exc: UndefinedError) -> str:
    message = str(exc)
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(
        r"'([^']+)' is undefined", message
    )
    return match.group(1) if match else message


def _line_of(exc: BaseException, name: str) -> int | None:
    """The line of template ``name`` where ``exc`` was raised (Jinja maps its frames)."""
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == name]
    return lines[-1] if lines else None


def _problem(exc: TemplateError, name: str, label: str) -> TemplateProblem:
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(
            _("The template %(template)s cannot be read at line %(line)s: %(error)s")
            % {"template": label, "line": exc.lineno, "error": exc.message}
        )
    if isinstance(exc, UndefinedError):
        line = _line_of(exc, name)
        field = _field_of(exc)
        if line is None:
            return TemplateProblem(
                _(
                    "The template %(template)s uses the field “%(field)s”, which this "
                    "document does not have."
                )
                % {"template": label, "field": field}
            )
        return TemplateProblem(
            _(
                "The template %(template)s uses the field “%(field)s” at line %(line)s, "
                "which this document does not have."
            )
            % {"template": label, "field": field, "line": line}
        )
    return TemplateProblem(
        _("The template %(template)s cannot make the document: %(error)s")
        % {"template": label, "error": str(exc)}
    )


# --- PDF ------------------------------------------------------------------------------------


def _no_fetching(url: str, *args, **kwargs):
    """WeasyPrint's resources: inline data only. A template can make it fetch nothing, from
    this machine's files or from the network."""
    from weasyprint.urls import default_url_fetcher

    if url.startswith("data:"):
        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"resources are not fetched: {url[:80]}")


def render_html(content: dict, *, school_template: str | None = None, label: str = "") -> str:
    """The document as HTML from its template (the school's own when given, else the default)."""
    name = f"{content['type']}.html"
    loaders = [FileSystemLoader(DEFAULTS / "html")]
    if school_template is not None:
        loaders.insert(0, DictLoader({name: school_template}))
    environment = _environment(ChoiceLoader(loaders))
    html_content = dict(content)
    html_content["sections"] = [
        {**s, "chart": Markup(s["chart"]) if s["chart"] else None}  # noqa: S704 (our own SVG)
        for s in content["sections"]
    ]
    try:
        return environment.get_template(name).render(html_content)
    except TemplateError as exc:
        if school_template is None:
            raise
        # Jinja names the frames of a template given as text "<template>".
        raise _problem(exc, "<template>", label or SCHOOL_TEMPLATE) from None


def render_pdf(content: dict, *, school_template: str | None = None, label: str = "") -> bytes:
    from weasyprint import HTML

    html = render_html(content, school_template=school_template, label=label)
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()


# --- DOCX -----------------------------------------------------------------------------------


def _chart_image(template, svg: str):
    import cairosvg
    from docx.shared import Mm

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)
    return _inline_image(template, io.BytesIO(png), Mm(150))


def _inline_image(template, stream, width):
    from docxtpl import InlineImage

    return InlineImage(template, stream, width=width)


def _even_columns(document) -> None:
    """Tables whose columns come from the data (``{%tc %}`` loops) get a grid of as many
    columns as their widest row, the first (the number) narrow, so Word lays them out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        rows = table._tbl.tr_lst
        count = max((len(r.tc_lst) for r in rows), default=0)
        if count == 0:
            continue
        first = "".join(t.text or "" for t in rows[0].tc_lst[0].iter(qn("w:t")))
        narrow = count > 2 and len(first.strip()) <= 3  # the "№" column
        shares = [0.4] + [1.0] * (count - 1) if narrow else [1.0] * count
        twips = [int(usable / 635 * share / sum(shares)) for share in shares]  # EMU → twips
        grid = table._tbl.tblGrid
        for column in list(grid):
            grid.remove(column)
        for width in twips:
            column = OxmlElement("w:gridCol")
            column.set(qn("w:w"), str(width))
            grid.append(column)
        for row in rows:
            for cell, width in zip(row.tc_lst, twips, strict=False):
                properties = cell.get_or_add_tcPr()
                for old in properties.findall(qn("w:tcW")):
                    properties.remove(old)
                measure = OxmlElement("w:tcW")
                measure.set(qn("w:w"), str(width))
                measure.set(qn("w:type"), "dxa")
                properties.insert(0, measure)


def render_docx(content: dict, *, school_template: bytes | None = None, label: str = "") -> bytes:
    from docx import Document
    from docxtpl import DocxTemplate

    source = (
        io.BytesIO(school_template)
        if school_template is not None
        else DEFAULTS / "docx" / f"{content['type']}.docx"
    )
    try:
        template = DocxTemplate(source)
    except Exception as exc:  # a file that is not a DOCX at all
        raise TemplateProblem(
            _("The template %(template)s is not a DOCX file that can be read.")
            % {"template": label or SCHOOL_TEMPLATE}
        ) from exc
    docx_content = dict(content)
    docx_content["sections"] = [
        {**s, "chart": _chart_image(template, s["chart"]) if s["chart"] else None}
        for s in content["sections"]
    ]
    try:
        template.render(docx_content, jinja_env=_environment())
    except TemplateError as exc:
        if school_template is None:
            raise
        raise _problem(exc, "<template>", label or SCHOOL_TEMPLATE) from None
    rendered = io.BytesIO()
    template.save(rendered)
    document = Document(io.BytesIO(rendered.getvalue()))
    _even_columns(document)
    result = io.BytesIO()
    document.save(result)
    return result.getvalue()


def render(content: dict, *, format: str, school_template: bytes | None = None, label="") -> bytes:
    if format == "pdf":
        text = school_template.decode("utf-8") if school_template is not None else None
        return render_pdf(content, school_template=text, label=label)
    return render_docx(content, school_template=school_template, label=label)
