"""``usul document``: exit 0 written, 1 refused in the chosen language, 2 bad arguments."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from usul.documents.tests.conftest import docx_text, pdf_text


def run(*args):
    """The command as a shell runs it, through ``usul``'s entry point, for the exit status."""
    return call_command("document", *args)


def test_it_writes_the_pdf_and_the_docx(documented, tmp_path):
    out = tmp_path / "doc-12.pdf"
    run(
        "DOC-12",
        "--school",
        "sch-17",
        "--association",
        "ma-stem",
        "--year",
        "2025-2026",
        "-o",
        str(out),
    )
    assert "29.08.2025 күнкү №2 протокол" in " ".join(pdf_text(out.read_bytes(), tmp_path).split())
    out = tmp_path / "doc-9.docx"
    run(
        "DOC-9",
        "--school",
        "sch-17",
        "--association",
        "ma-stem",
        "--year",
        "2025-2026",
        "--as-of",
        "2026-01-15",
        "--lang",
        "ru",
        "--format",
        "docx",
        "-o",
        str(out),
    )
    text = docx_text(out.read_bytes())
    assert "Стаж и возраст на 15.01.2026" in text and "23,37" in text
    out = tmp_path / "doc-11.pdf"
    run(
        "DOC-11",
        "--school",
        "sch-17",
        "--association",
        "ma-stem",
        "--year",
        "2025-2026",
        "--staff",
        "t-bekova",
        "-o",
        str(out),
    )
    assert "Натуралдык сандар" in pdf_text(out.read_bytes(), tmp_path)


def test_it_refuses_with_status_1_in_the_chosen_language_and_writes_nothing(
    documented, tmp_path, capsys
):
    out = tmp_path / "none.pdf"
    with pytest.raises(SystemExit) as exit:
        run(
            "DOC-12",
            "--school",
            "sch-17",
            "--association",
            "ma-lang",
            "--year",
            "2025-2026",
            "--lang",
            "ru",
            "-o",
            str(out),
        )
    assert exit.value.code == 1
    assert "МО «Тил цикли» не провело ни одного заседания" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as exit:
        run(
            "DOC-7",
            "--school",
            "sch-17",
            "--association",
            "ma-lang",
            "--year",
            "2025-2026",
            "-o",
            str(out),
        )
    assert exit.value.code == 1
    assert "иш планы катталган эмес" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["DOC-13"], "DOC-13"),
        (["DOC-3", "--year", "2030-2031"], "2030-2031"),
        (["DOC-3", "--as-of", "15.01.2026"], "15.01.2026"),
        (["DOC-11", "--staff", "nobody-here"], "nobody-here"),
    ],
)
def test_bad_arguments_answer_status_2_naming_the_problem(documented, tmp_path, args, message):
    doc, *rest = args
    base = {"--school": "sch-17", "--association": "ma-stem", "--year": "2025-2026"}
    for flag, value in zip(rest[::2], rest[1::2], strict=True):
        base[flag] = value
    argv = [doc, *[x for pair in base.items() for x in pair], "-o", str(tmp_path / "x.pdf")]
    with pytest.raises(CommandError) as bad:
        run(*argv)
    assert bad.value.returncode == 2 and message in str(bad.value)


def test_from_a_shell_a_missing_option_is_status_2(db, tmp_path, capsys):
    from usul.documents.management.commands.document import Command

    with pytest.raises(SystemExit) as exit:
        Command().run_from_argv(["usul", "document", "DOC-3", "-o", str(tmp_path / "x.pdf")])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "usul document:" in err and "--school" in err
