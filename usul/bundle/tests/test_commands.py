"""``usul import FILE`` and ``usul export --school KEY [-o FILE]``: output and exit status."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_export
from usul.cli import ALIASES
from usul.schools.models import School

pytestmark = pytest.mark.django_db

# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()


def run(*args) -> tuple[int, str, str]:
    """Run a command as the console does; returns (exit status, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def bundle_file(tmp_path, example):
    def write(data, name="bundle.json") -> str:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    return write


def test_the_console_names_map_to_the_commands():
    assert ALIASES == {"import": "import_bundle", "export": "export_bundle"}


def test_a_valid_bundle_is_imported_with_a_one_line_summary(bundle_file, example):
    status, out, err = run("import_bundle", bundle_file(example), "--lang", "en")

    assert (status, err) == (0, "")
    assert out == (
        "sch-17: 155 created, 0 updated, 0 deleted, 0 unchanged, 0 not in the bundle and kept\n"
    )
    assert School.objects.filter(key="sch-17").exists()


def test_an_invalid_bundle_prints_every_error_on_stderr_and_exits_1(bundle_file, example):
    example["staff"][3]["birth_date"] = "1980-02-30"
    example["associations"][1]["members"][0]["staff"] = "t-x"

    status, out, err = run("import_bundle", bundle_file(example), "--lang", "en")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        'staff[3].birth_date: "1980-02-30" is not a date',
        'associations[1].members[0].staff: unknown staff key "t-x"',
    ]
    assert not School.objects.exists()


def test_errors_speak_kyrgyz_by_default(bundle_file, example):
    example["associations"][1]["members"][0]["staff"] = "t-x"
    status, _out, err = run("import_bundle", bundle_file(example))
    assert (status, err) == (
        1, 'associations[1].members[0].staff: белгисиз кызматкердин ачкычы "t-x"\n',
    )  # fmt: skip


def test_an_unreadable_file_or_one_that_is_not_json_exits_2(tmp_path):
    missing = tmp_path / "none.json"
    status, _out, err = run("import_bundle", str(missing), "--lang", "en")
    assert status == 2
    assert err == f"usul import: cannot read {missing}: No such file or directory\n"

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "usul-bundle",\n  "version": 1,,}', encoding="utf-8")
    status, _out, err = run("import_bundle", str(broken), "--lang", "en")
    assert status == 2
    assert err == (
        f"usul import: {broken}: The file is not valid JSON: line 2, column 16: a field name in "
        "double quotes is expected (is there a comma too many?).\n"
    )
    assert not School.objects.exists()


def test_a_broken_file_is_explained_in_kyrgyz_with_its_line_and_column(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "usul-bundle",\n  "version": 1,,}', encoding="utf-8")

    status, _out, err = run("import_bundle", str(broken), "--lang", "ky")

    assert status == 2
    assert "2-сап, 16-орун" in err
    assert "Expecting" not in err  # the parser's English stays out of the Kyrgyz sentence


def test_a_deeply_nested_file_is_refused_with_a_sentence_not_a_traceback(tmp_path, example):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    nested = tmp_path / "nested.json"
    # Deep enough to pass the parser, far deeper than any bundle.
    example["school"]["settings"] = json.loads('{"a":' * 500 + "1" + "}" * 500)
    nested.write_text(json.dumps(example), encoding="utf-8")

    for path in (deep, nested):
        status, _out, err = run("import_bundle", str(path), "--lang", "en")
        assert status == 2
        assert err == (
            f"usul import: {path}: The file is nested more than 32 levels deep, which a bundle "
            "never is: is it the right file?\n"
        )
    assert not School.objects.exists()


def test_export_writes_utf8_json_with_kyrgyz_letters_to_stdout_or_a_file(
    bundle_file, example, tmp_path
):
    run("import_bundle", bundle_file(example))

    status, out, err = run("export_bundle", "--school", "sch-17")
    assert (status, err) == (0, "")
    assert out.startswith('{\n  "format": "usul-bundle",\n  "version": 1,\n')
    assert '"first_name": "Айгүл"' in out and "\\u" not in out
    exported = json.loads(out)
    assert {**exported, "exported_at": None} == {**example, "exported_at": None}

    target = tmp_path / "out" / "sch-17.json"
    target.parent.mkdir()
    status, out, err = run("export_bundle", "--school", "sch-17", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    written = json.loads(target.read_text(encoding="utf-8"))
    assert {**written, "exported_at": None} == {
        **bundle_export(actor=ADMINISTRATOR, school=School.objects.get(key="sch-17")),
        "exported_at": None,
    }


def test_export_of_an_unknown_school_or_to_an_unwritable_place_exits_2(school, tmp_path):
    status, out, err = run("export_bundle", "--school", "sch-404", "--lang", "en")
    assert (status, out, err) == (2, "", "usul export: there is no school with the key sch-404\n")

    target = tmp_path / "missing-folder" / "x.json"
    status, out, err = run("export_bundle", "--school", "sch-17", "-o", str(target), "--lang", "en")
    assert (status, out) == (2, "")
    assert err == f"usul export: cannot write {target}: No such file or directory\n"
