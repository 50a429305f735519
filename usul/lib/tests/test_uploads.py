"""The upload check: the hostile corpus refused, each for its reason and in the user's language;
honest files accepted; names made safe; the size limit kept while the file streams; the private
storage and the download response."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation

from usul.lib import uploads
from usul.lib.tests import hostile_files

LIMIT = 1024 * 1024


@pytest.fixture(autouse=True)
def small_limit(settings, tmp_path):
    settings.USUL_MAX_UPLOAD_BYTES = LIMIT
    settings.MEDIA_ROOT = tmp_path / "files"


def refusal(sample, **options) -> ValidationError:
    upload = SimpleUploadedFile(sample.filename, sample.data, sample.content_type)
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload, **options)
    return refused.value


CORPUS = hostile_files.corpus(LIMIT)


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 50
    assert len({s.reason for s in CORPUS}) >= 10


@pytest.mark.parametrize("sample", CORPUS, ids=[s.label for s in CORPUS])
def test_every_hostile_file_is_refused_for_its_reason(sample):
    error = refusal(sample)
    [why] = error.error_dict["file"]
    assert why.code == sample.reason
    # The message names the file by its safe name, never with the path or the controls sent.
    text = why.messages[0]
    assert "«" in text and ".." not in text.replace("...", "")
    assert "\u202e" not in text and "\x00" not in text


@pytest.mark.parametrize(
    "sample", hostile_files.honest(), ids=[s.label for s in hostile_files.honest()]
)
def test_honest_files_of_every_kind_are_accepted(sample):
    checked = uploads.check(SimpleUploadedFile(sample.filename, sample.data))
    assert checked.size == len(sample.data)
    assert checked.name.endswith(checked.kind.extension)
    assert checked.file.read() == sample.data  # rewound for storing


def test_the_kind_comes_from_the_content_not_the_name():
    jpeg = hostile_files.image("JPEG")
    checked = uploads.check(SimpleUploadedFile("scan.pdf", jpeg, "application/pdf"))
    assert checked.kind is uploads.JPEG
    assert checked.name == "scan.jpg"
    xlsx = uploads.check(SimpleUploadedFile("план.docx", hostile_files.xlsx()))
    assert (xlsx.kind, xlsx.name) == (uploads.XLSX, "план.xlsx")


def test_a_place_that_takes_scans_refuses_a_spreadsheet_naming_what_it_takes():
    sample = hostile_files.Sample("xlsx", "Мугалимдер.xlsx", hostile_files.xlsx())
    with translation.override("en"):
        error = refusal(sample, accept=uploads.SCANS, field="scan")
    [why] = error.error_dict["scan"]
    assert why.code == "not_accepted"
    assert why.messages == [
        "«Мугалимдер.xlsx» is a file of type XLSX; here only PDF, JPEG, PNG are accepted."
    ]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ky", "PDF, JPEG, PNG, DOCX же XLSX"),
        ("ru", "не является файлом PDF, JPEG, PNG, DOCX или XLSX"),
        ("en", "is not a PDF, JPEG, PNG, DOCX or XLSX file"),
    ],
)
def test_a_refusal_says_why_in_the_users_language(language, words):
    spoof = hostile_files.Sample("html", "акт.pdf", hostile_files.PAGE)
    with translation.override(language):
        error = refusal(spoof)
    assert words in error.error_dict["file"][0].messages[0]
    assert "«акт.pdf»" in error.error_dict["file"][0].messages[0]


def test_a_lower_limit_for_one_place_is_kept_and_named():
    sample = hostile_files.Sample("pdf", "a.pdf", hostile_files.pdf(b"(" + b"x" * 600_000 + b")"))
    uploads.check(SimpleUploadedFile(sample.filename, sample.data))  # under the setting's limit
    with translation.override("en"):
        error = refusal(sample, max_bytes=512 * 1024)
    assert error.error_dict["file"][0].code == "too_large"
    # Whole megabytes: the smallest the message says is 1 MB.
    assert "larger than 1 MB" in error.error_dict["file"][0].messages[0]


def pdf_of(size: int) -> bytes:
    padding = size - len(hostile_files.pdf(b"()"))
    while len(data := hostile_files.pdf(b"(" + b"x" * padding + b")")) != size:
        padding += size - len(data)  # the cross-reference offsets grow by a digit
    return data


def test_a_file_of_exactly_the_limit_is_accepted_one_byte_more_is_not():
    assert uploads.check(SimpleUploadedFile("a.pdf", pdf_of(LIMIT))).size == LIMIT
    over = hostile_files.Sample("o", "a.pdf", pdf_of(LIMIT + 1))
    assert refusal(over).error_dict["file"][0].code == "too_large"


@pytest.mark.parametrize(
    ("sent", "kind", "safe"),
    [
        ("../../../../etc/passwd.pdf", uploads.PDF, "passwd.pdf"),
        ("..\\..\\Windows\\system.ini.pdf", uploads.PDF, "system.pdf"),
        ("C:\\Users\\Айгүл\\Desktop\\Протокол №3.docx", uploads.DOCX, "Протокол №3.docx"),
        ("акт\u202efdp.exe", uploads.PDF, "актfdp.pdf"),
        ("a\x00b\r\nc\t.pdf", uploads.PDF, "abc.pdf"),
        ("zero\u200bwidth.png", uploads.PNG, "zerowidth.png"),
        ('what<>:"|?*.pdf', uploads.PDF, "what_______.pdf"),
        ("....pdf", uploads.PDF, "file.pdf"),
        ("", uploads.JPEG, "file.jpg"),
        ("CON.pdf", uploads.PDF, "_CON.pdf"),
        ("invoice.pdf.exe", uploads.PDF, "invoice.pdf"),
        ("скан.JPEG", uploads.JPEG, "скан.jpg"),
        (".htaccess", uploads.PNG, "htaccess.png"),
    ],
)
def test_names_are_made_safe(sent, kind, safe):
    with translation.override("en"):
        assert uploads.safe_name(sent, kind) == safe


def test_a_very_long_name_is_cut_to_the_limit_and_keeps_its_extension():
    name = uploads.safe_name("ө" * 5000 + ".docx", uploads.DOCX)
    assert name == "ө" * uploads.NAME_LIMIT + ".docx"


# --- Streaming -------------------------------------------------------------------------------


def streamed(handler, name: str, data: bytes, chunk: int = 64 * 1024):
    handler.new_file("file", name, "application/pdf", len(data))
    passed = []
    for start in range(0, len(data), chunk):
        piece = handler.receive_data_chunk(data[start : start + chunk], start)
        if piece is not None:
            passed.append(piece)
    return b"".join(passed), handler.file_complete(len(data))


def test_the_limit_is_kept_while_the_file_streams_nothing_past_it_is_passed_on():
    handler = uploads.SizeLimitUploadHandler()
    passed, result = streamed(handler, "big.pdf", b"%PDF-" + b"x" * (3 * LIMIT))
    assert len(passed) <= LIMIT  # the memory and disk handlers never saw the rest
    assert isinstance(result, uploads.OversizedUpload)
    assert result.size == 3 * LIMIT + 5
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            uploads.check(result)
    assert refused.value.error_dict["file"][0].code == "too_large"
    assert "«big.pdf» is larger than 1 MB" in refused.value.error_dict["file"][0].messages[0]


def test_a_file_within_the_limit_streams_on_to_the_next_handler():
    handler = uploads.SizeLimitUploadHandler()
    data = hostile_files.pdf()
    passed, result = streamed(handler, "a.pdf", data)
    assert passed == data
    assert result is None  # the memory handler makes the file


# --- Storage and serving ---------------------------------------------------------------------


def test_a_checked_file_is_stored_privately_under_a_random_name(settings):
    sample = hostile_files.honest()[0]
    checked = uploads.check(SimpleUploadedFile("../../Протокол.pdf", sample.data))
    name = uploads.store(checked, folder="signed-scans")
    path = Path(settings.MEDIA_ROOT) / name
    assert name.startswith("signed-scans/") and name.endswith(".pdf")
    assert "Протокол" not in name and ".." not in name
    assert path.read_bytes() == sample.data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.parent.stat().st_mode) == 0o700
    with pytest.raises(ValueError):
        uploads.private_storage().url(name)


def test_a_stored_file_is_served_as_an_attachment_that_no_browser_sniffs():
    sample = hostile_files.honest()[0]
    checked = uploads.check(SimpleUploadedFile("Протокол №3.pdf", sample.data))
    name = uploads.store(checked, folder="signed-scans")
    response = uploads.attachment(name, filename=checked.name)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D0%9F" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == sample.data


def test_discarding_removes_the_file(settings):
    checked = uploads.check(SimpleUploadedFile("a.png", hostile_files.image("PNG")))
    name = uploads.store(checked, folder="x")
    uploads.discard(name)
    assert not (Path(settings.MEDIA_ROOT) / name).exists()


def test_the_request_factory_upload_uses_the_limit_handler(settings):
    """Django's parser runs our handler first: an oversized part arrives as OversizedUpload."""
    request = RequestFactory().post(
        "/", {"file": io.BytesIO(b"%PDF-" + b"x" * (LIMIT + 10))}, format="multipart"
    )
    upload = request.FILES["file"]
    assert getattr(upload, "oversized", False)
    assert upload.read() == b""
