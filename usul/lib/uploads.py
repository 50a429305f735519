"""Files that users send: the one check every upload passes, and the private storage it goes to.

This is where hostile files arrive (signed scans, certificates, plan materials, rosters). A file
is accepted only as one of five kinds — PDF, JPEG, PNG, DOCX, XLSX — recognised by its content,
never by its name or the browser's declared type: the first bytes, and for office files the
archive's structure (``[Content_Types].xml``, the ``word/`` or ``xl/`` main part). Office files
are refused when they could unpack into a bomb or carry macros, ActiveX, OLE objects or remote
templates; PDFs when they carry scripts, launch actions, embedded files or encryption; any kind
when another format hides in it (HTML, an archive). The user reads why, in their language.

The API, for every app that takes a file::

    from usul.lib import uploads

    checked = uploads.check(request_file, accept=uploads.SCANS, field="scan")
        # -> uploads.Checked(kind, name, size, sha256, file); raises ValidationError
        #    {field: [why]} (a translated message naming the file; ``code`` is the reason)
    stored = uploads.store(checked, folder="signed-scans")
        # -> the storage name, e.g. "signed-scans/2026/12/<uuid>.pdf"; assign it to a
        #    FileField declared with ``storage=uploads.private_storage``
    return uploads.attachment(stored, filename=checked.name)
        # -> the download response (attachment, nosniff); call it only after the policy
        #    allowed the viewer to read the record that holds the file
    uploads.discard(stored)
        # -> the file is gone (a disposal act only: nothing else deletes files)

``accept`` is a set of kinds: ``ANY`` (the default), ``SCANS`` (PDF, JPEG, PNG), ``OFFICE``
(DOCX, XLSX) or any ``frozenset`` of ``PDF``, ``JPEG``, ``PNG``, ``DOCX``, ``XLSX``.

Size: ``USUL_MAX_UPLOAD_MB`` (default 20) is enforced while the request streams, by
``SizeLimitUploadHandler`` (first in ``FILE_UPLOAD_HANDLERS``): bytes past the limit are counted
but never kept, and the form receives an ``OversizedUpload`` that ``check`` refuses. Files are
stored under ``USUL_HOME/files`` (outside the web root, never given a URL) with modes 0600 and
folders 0700, under a random name; the user's name, made safe by ``safe_name``, is only ever the
download name.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import uuid
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import FileResponse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    extension: str
    content_type: str


PDF = Kind("pdf", "PDF", ".pdf", "application/pdf")
JPEG = Kind("jpeg", "JPEG", ".jpg", "image/jpeg")
PNG = Kind("png", "PNG", ".png", "image/png")
DOCX = Kind(
    "docx",
    "DOCX",
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = Kind(
    "xlsx", "XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
KINDS = (PDF, JPEG, PNG, DOCX, XLSX)
ANY = frozenset(KINDS)
SCANS = frozenset({PDF, JPEG, PNG})
OFFICE = frozenset({DOCX, XLSX})
BY_EXTENSION = {k.extension: k for k in KINDS}

# Limits an honest file stays far below. A 600 dpi A4 scan is about 35 megapixels; a school's
# DOCX or XLSX has tens of parts that unpack to a few megabytes (text compresses ten to
# twenty times, a spreadsheet of repeated rows up to a hundred).
MAX_PIXELS = 80_000_000
MAX_ENTRIES = 2_000
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 200  # per part, for parts that unpack past RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_XML_PART = 2 * 1024 * 1024  # content types and relationships, which the check reads
MAX_PDF_OBJECT_STREAMS = 64 * 1024 * 1024  # unpacked, in total, to look inside them
NAME_LIMIT = 120  # characters of a download name, before the extension

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class Checked:
    """A file that passed ``check``: what it is, its safe name, and the upload itself."""

    kind: Kind
    name: str
    size: int
    sha256: str
    file: UploadedFile


class Refused(Exception):
    """Raised inside the check with the reason's code and its translated message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------------------------
# Names


_EXTENSIONS = re.compile(r"(\.[A-Za-z0-9]{1,5})+$")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)


def safe_name(name: str, kind: Kind | None = None) -> str:
    """A download name that can do no harm: the last path component only, no control or
    direction-changing characters (U+202E turns ``gpj.exe`` into ``exe.jpg`` on screen), no
    characters a file system reserves, at most ``NAME_LIMIT`` characters, and the extension of
    the kind found in the content (``report.pdf.exe`` holding a PDF becomes ``report.pdf``)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    # Cc: controls; Cf: format characters (bidirectional overrides, zero-width joiners…);
    # Cs/Co/Cn: surrogates, private use, unassigned.
    name = "".join(
        " " if unicodedata.category(ch) in ("Zl", "Zp") else ch
        for ch in name
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    name = _UNSAFE.sub("_", name)
    name = " ".join(name.split())
    stem = _EXTENSIONS.sub("", name) if kind else name
    stem = stem.strip(" .")
    if _RESERVED.match(stem):
        stem = "_" + stem
    stem = stem[:NAME_LIMIT].strip(" .") or _("file")
    return stem + (kind.extension if kind else "")


# ---------------------------------------------------------------------------------------------
# The check


def max_upload_bytes() -> int:
    return settings.USUL_MAX_UPLOAD_BYTES


def check(
    upload: UploadedFile,
    *,
    accept: frozenset[Kind] = ANY,
    max_bytes: int | None = None,
    field: str = "file",
) -> Checked:
    """The upload as a ``Checked`` file, or ValidationError ``{field: [why]}`` saying why not.

    ``max_bytes`` may lower the setting's limit for one kind of upload, never raise it."""
    shown = safe_name(getattr(upload, "name", "") or "")
    try:
        kind, data = _inspect(upload, shown, accept, max_bytes)
    except Refused as refused:
        raise ValidationError(
            {field: ValidationError(refused.message, code=refused.code)}
        ) from None
    upload.seek(0)
    return Checked(
        kind=kind,
        name=safe_name(getattr(upload, "name", "") or "", kind),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        file=upload,
    )


def _inspect(upload, shown: str, accept, max_bytes) -> tuple[Kind, bytes]:
    limit = min(max_bytes or max_upload_bytes(), max_upload_bytes())
    mb = max(1, limit // (1024 * 1024))
    if getattr(upload, "oversized", False) or (upload.size or 0) > limit:
        raise Refused(
            "too_large",
            _("The file «%(name)s» is larger than %(limit)s MB; send a smaller one.")
            % {"name": shown, "limit": mb},
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise Refused(
            "too_large",
            _("The file «%(name)s» is larger than %(limit)s MB; send a smaller one.")
            % {"name": shown, "limit": mb},
        )
    if not data:
        raise Refused("empty", _("The file «%(name)s» is empty.") % {"name": shown})
    kind = _recognise(data, shown)
    if kind not in accept:
        raise Refused(
            "not_accepted",
            _("«%(name)s» is a file of type %(kind)s; here only %(accepted)s are accepted.")
            % {"name": shown, "kind": kind.label, "accepted": _labels(accept)},
        )
    _no_hidden_content(data, kind, shown)
    if kind is PDF:
        _check_pdf(data, shown)
    elif kind in (JPEG, PNG):
        _check_image(data, kind, shown)
    return kind, data


def _labels(kinds) -> str:
    return ", ".join(k.label for k in KINDS if k in kinds)


def _recognise(data: bytes, shown: str) -> Kind:
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE compound files: .doc, .xls, and DOCX/XLSX saved with a password.
        raise Refused(
            "ole",
            _(
                "«%(name)s» is an old Word or Excel file (.doc, .xls) or a password-protected "
                "one; save it as DOCX or XLSX without a password."
            )
            % {"name": shown},
        )
    if data.startswith(b"PK\x03\x04"):
        return _check_office(data, shown)
    raise Refused(
        "unknown_type",
        _(
            "«%(name)s» is not a PDF, JPEG, PNG, DOCX or XLSX file by its content, whatever its "
            "name says; save it in one of these formats."
        )
        % {"name": shown},
    )


def _damaged(shown: str, kind: Kind) -> Refused:
    return Refused(
        "damaged",
        _("«%(name)s» is damaged or is not a real %(kind)s file.")
        % {"name": shown, "kind": kind.label},
    )


# What a browser would take for a page or a script (it sniffs the first bytes), and the
# anti-virus test signature: neither belongs in a scan or a document.
_MARKUP = re.compile(
    rb"<\s*(?:html|script|body|head|iframe|svg|object|embed|meta|!doctype)\b|javascript:",
    re.IGNORECASE,
)
EICAR = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE"


def _no_hidden_content(data: bytes, kind: Kind, shown: str) -> None:
    """Polyglots: a file that is also a page (markup at its start or end, where browsers and
    viewers look) or also an archive (a zip directory at its end)."""
    if EICAR in data:
        raise Refused(
            "virus_signature",
            _("«%(name)s» carries an anti-virus test signature; it is not accepted.")
            % {"name": shown},
        )
    hidden = bool(_MARKUP.search(data[:2048]) or _MARKUP.search(data[-2048:]))
    if kind not in OFFICE and not hidden:
        hidden = zipfile.is_zipfile(io.BytesIO(data))
    if hidden:
        raise Refused(
            "hidden_content",
            _(
                "«%(name)s» is a %(kind)s file with another kind of content hidden in it (a web "
                "page, a script or an archive); it is not accepted."
            )
            % {"name": shown, "kind": kind.label},
        )


# --- PDF -------------------------------------------------------------------------------------

# Names that make a PDF act rather than show: scripts, launching programs, files inside it,
# Flash/media players, XML forms; and encryption, behind which nothing can be checked.
_PDF_ACTIVE = frozenset(
    {b"JavaScript", b"JS", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia", b"XFA"}
)
_PDF_NAME = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|Encrypt)(?![\w#])")
_PDF_ESCAPED_NAME = re.compile(rb"/[A-Za-z0-9]*#[0-9A-Fa-f]{2}[A-Za-z0-9#]*")
_PDF_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm")


def _pdf_names(data: bytes) -> set[bytes]:
    found = {m.group(1) for m in _PDF_NAME.finditer(data)}
    for m in _PDF_ESCAPED_NAME.finditer(data):
        # "/J#61vaScript" is "/JavaScript": PDF names may spell any byte as #xx.
        plain = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), m.group()[1:])
        found.add(plain)
    return found & (_PDF_ACTIVE | {b"Encrypt"})


def _check_pdf(data: bytes, shown: str) -> None:
    if b"%%EOF" not in data[-2048:]:
        raise _damaged(shown, PDF)
    names = _pdf_names(data)
    budget = MAX_PDF_OBJECT_STREAMS
    # Objects packed into compressed object streams hide their names: look inside them too.
    for match in _PDF_OBJECT_STREAM.finditer(data):
        start = data.find(b"stream", match.end())
        if start < 0:
            raise _damaged(shown, PDF)
        start += len(b"stream")
        if data[start : start + 1] == b"\r":
            start += 1
        if data[start : start + 1] == b"\n":
            start += 1
        inflater = zlib.decompressobj()
        try:
            inside = inflater.decompress(data[start:], budget + 1)
        except zlib.error:
            raise _damaged(shown, PDF) from None
        budget -= len(inside)
        if budget < 0:
            raise Refused(
                "bomb",
                _("«%(name)s» unpacks to far more than its size; it is not accepted.")
                % {"name": shown},
            )
        names |= _pdf_names(inside)
    if b"Encrypt" in names:
        raise Refused(
            "encrypted",
            _("«%(name)s» is password-protected or encrypted; save a copy without a password.")
            % {"name": shown},
        )
    if names:
        raise Refused(
            "active_content",
            _(
                "«%(name)s» contains scripts, actions or files embedded in it; print it to a "
                "plain PDF and send that."
            )
            % {"name": shown},
        )


# --- Images ----------------------------------------------------------------------------------


def _check_image(data: bytes, kind: Kind, shown: str) -> None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Past MAX_PIXELS the picture is refused below; Pillow's own warning adds nothing.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind.label])
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Refused(
                    "bomb",
                    _(
                        "The image «%(name)s» is %(width)s × %(height)s pixels, more than a scan "
                        "needs; send it at a lower resolution."
                    )
                    % {"name": shown, "width": width, "height": height},
                )
            if kind is PNG:
                image.verify()  # every chunk's checksum, up to IEND
            else:
                # Decode the whole picture, at an eighth of its size: a truncated or broken
                # JPEG fails here.
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except Refused:
        raise
    except Image.DecompressionBombError:
        raise Refused(
            "bomb",
            _("«%(name)s» unpacks to far more than its size; it is not accepted.")
            % {"name": shown},
        ) from None
    except Exception:  # noqa: BLE001 - Pillow signals a broken image with many exceptions
        raise _damaged(shown, kind) from None
    if kind is PNG and not data.endswith(b"IEND\xaeB`\x82"):
        # Anything after the last chunk is not part of the picture.
        raise Refused(
            "hidden_content",
            _(
                "«%(name)s» is a %(kind)s file with another kind of content hidden in it (a web "
                "page, a script or an archive); it is not accepted."
            )
            % {"name": shown, "kind": kind.label},
        )


# --- DOCX and XLSX ---------------------------------------------------------------------------

_MACRO_PARTS = re.compile(
    r"(vbaproject\.bin|vbadata\.xml|/activex/|/macrosheets/|/embeddings/[^/]*\.(bin|docm|xlsm|"
    r"pptm|dotm|xltm|xlsb|exe|js|vbs|ps1|bat|cmd|scr|hta))",
    re.IGNORECASE,
)
_MACRO_TYPES = re.compile(r"macroenabled|vbaproject|activex|vbadata|binary\.macro", re.I)
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# External relationships that make Word or Excel fetch and run something.
_FETCHING_RELATIONS = ("attachedtemplate", "oleobject", "frame", "subdocument", "package")


def _macros(shown: str) -> Refused:
    return Refused(
        "macros",
        _(
            "«%(name)s» contains macros or active content (VBA, ActiveX, embedded programs or "
            "remote templates); save it as a plain DOCX or XLSX without them."
        )
        % {"name": shown},
    )


def _bomb(shown: str) -> Refused:
    return Refused(
        "bomb",
        _("«%(name)s» unpacks to far more than its size; it is not accepted.") % {"name": shown},
    )


def _xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str, kind: Kind):
    if info.file_size > MAX_XML_PART:
        raise _damaged(shown, kind)
    try:
        text = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _damaged(shown, kind) from None
    # OOXML never declares a DTD: a DOCTYPE or an ENTITY is an entity-expansion bomb.
    if b"<!DOCTYPE" in text.upper() or b"<!ENTITY" in text.upper():
        raise _bomb(shown)
    try:
        return ElementTree.fromstring(text)  # noqa: S314 - no DTD, so no entities to expand
    except ElementTree.ParseError:
        raise _damaged(shown, kind) from None


def _check_office(data: bytes, shown: str) -> Kind:
    office = Kind("office", "DOCX/XLSX", "", "")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _damaged(shown, office) from None
    if len(infos) > MAX_ENTRIES:
        raise _bomb(shown)
    names = [i.filename for i in infos]
    if len(set(names)) != len(names) or min(i.header_offset for i in infos) != 0:
        raise _damaged(shown, office)
    unpacked = packed = 0
    for info in infos:
        parts = info.filename.replace("\\", "/").split("/")
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in info.filename:
            raise _damaged(shown, office)
        if info.flag_bits & 0x1:
            raise Refused(
                "encrypted",
                _("«%(name)s» is password-protected or encrypted; save a copy without a password.")
                % {"name": shown},
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(shown, office)
        unpacked += info.file_size
        packed += info.compress_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise _bomb(shown)
    # Parts that overlap (one compressed stream counted by many entries) add up to more than
    # the archive holds.
    if unpacked > MAX_UNPACKED or packed > len(data):
        raise _bomb(shown)
    if any(_MACRO_PARTS.search("/" + name) for name in names):
        raise _macros(shown)
    by_name = {i.filename: i for i in infos}
    if "[Content_Types].xml" not in by_name:
        raise Refused(
            "unknown_type",
            _(
                "«%(name)s» is not a PDF, JPEG, PNG, DOCX or XLSX file by its content, whatever "
                "its name says; save it in one of these formats."
            )
            % {"name": shown},
        )
    types = _xml(archive, by_name["[Content_Types].xml"], shown, office)
    declared = {
        (e.get("PartName") or "").lstrip("/"): e.get("ContentType") or ""
        for e in types.iter(_CT_NS + "Override")
    }
    every_type = list(declared.values()) + [
        e.get("ContentType") or "" for e in types.iter(_CT_NS + "Default")
    ]
    if any(_MACRO_TYPES.search(t) for t in every_type):
        raise _macros(shown)
    mains = {part for part, t in declared.items() if t in (WORD_MAIN, EXCEL_MAIN)}
    if mains == {"word/document.xml"} and declared["word/document.xml"] == WORD_MAIN:
        kind = DOCX
    elif mains == {"xl/workbook.xml"} and declared["xl/workbook.xml"] == EXCEL_MAIN:
        kind = XLSX
    else:
        # A presentation, a template, an OpenDocument file, or a zip that only looks like one.
        raise Refused(
            "unknown_type",
            _(
                "«%(name)s» is not a PDF, JPEG, PNG, DOCX or XLSX file by its content, whatever "
                "its name says; save it in one of these formats."
            )
            % {"name": shown},
        )
    if next(iter(mains)) not in by_name:
        raise _damaged(shown, kind)
    for info in infos:
        if not info.filename.endswith(".rels"):
            continue
        for relation in _xml(archive, info, shown, kind).iter(_REL_NS + "Relationship"):
            relation_type = (relation.get("Type") or "").lower()
            if _MACRO_TYPES.search(relation_type):
                raise _macros(shown)
            if (relation.get("TargetMode") or "").lower() != "external":
                continue
            target = (relation.get("Target") or "").strip().lower()
            if relation_type.endswith(_FETCHING_RELATIONS) or not target.startswith(
                ("http://", "https://", "mailto:")
            ):
                raise _macros(shown)
    return kind


def form_field(*, label, accept: frozenset[Kind] = ANY, required: bool = False) -> forms.FileField:
    """The form field for an upload: the browser's file picker offers the accepted kinds and
    the help text says them and the limit (the check itself is ``check``, in the service)."""
    return forms.FileField(
        label=label,
        required=required,
        allow_empty_file=True,  # ``check`` refuses it, naming the file
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted({k.extension for k in accept} | _aliases(accept)))}
        ),
        help_text=format_lazy(
            gettext_lazy("{kinds}; at most {limit} MB."),
            kinds=_labels(accept),
            limit=max(1, max_upload_bytes() // (1024 * 1024)),
        ),
    )


def _aliases(accept) -> set[str]:
    return {".jpeg"} if JPEG in accept else set()


# ---------------------------------------------------------------------------------------------
# Streaming size limit


class OversizedUpload(UploadedFile):
    """What the form receives for a file past the limit: its name and the bytes seen, no
    content (nothing past the limit was kept)."""

    oversized = True

    def __init__(self, name: str, size: int, content_type: str | None):
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts each file's bytes as they arrive and stops passing them on at the limit, so a
    large file is never written to memory or disk past ``USUL_MAX_UPLOAD_MB``. The rest of the
    request is still read (and dropped) so that the page can answer with the reason."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.seen = 0
        self.over = False

    def receive_data_chunk(self, raw_data, start):
        self.seen += len(raw_data)
        if self.seen > max_upload_bytes():
            self.over = True
            return None  # the handlers after this one never see it
        return raw_data

    def file_complete(self, file_size):
        if self.over:
            return OversizedUpload(self.file_name or "", self.seen, self.content_type)
        return None  # the next handler (memory or temporary file) returns the file


# ---------------------------------------------------------------------------------------------
# Storage and serving


class PrivateStorage(FileSystemStorage):
    """``USUL_HOME/files`` (``MEDIA_ROOT``): files 0600, folders 0700, and no URL — files
    leave only through a view that asked the policy first (``attachment``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o600)
        kwargs.setdefault("directory_permissions_mode", 0o700)
        super().__init__(**kwargs)

    def url(self, name):
        raise ValueError("Uploaded files have no URL; serve them with uploads.attachment().")


def private_storage() -> FileSystemStorage:
    """The storage of uploaded files, for ``FileField(storage=uploads.private_storage)``."""
    storage = storages["uploads"]
    assert isinstance(storage, FileSystemStorage)  # noqa: S101 - configured in settings
    return storage


def store(checked: Checked, *, folder: str) -> str:
    """Save a checked file under ``folder`` with a random name; returns the storage name."""
    now = timezone.localdate()
    name = f"{folder.strip('/')}/{now:%Y}/{now:%m}/{uuid.uuid4().hex}{checked.kind.extension}"
    checked.file.seek(0)
    return private_storage().save(name, checked.file)


def attachment(name: str, *, filename: str) -> FileResponse:
    """The stored file as a download. The caller has already asked the policy."""
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = BY_EXTENSION.get(extension)
    response = FileResponse(
        private_storage().open(name, "rb"),
        as_attachment=True,
        filename=safe_name(filename, kind) if kind else safe_name(filename),
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def discard(name: str) -> None:
    """Delete a stored file. Only a disposal act calls this (ORG-6): nothing else deletes."""
    if name:
        private_storage().delete(name)
