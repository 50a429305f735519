"""``usul roster template | import | export``: files, output, exit status 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from usul.people.models import Staff
from usul.roster.columns import COLUMNS, choice_labels
from usul.roster.management.commands.roster import Command
from usul.roster.tests.helpers import sheet_rows, xlsx


def run(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("roster", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_template_in_each_language(db, tmp_path, language):
    path = tmp_path / "template.xlsx"
    assert run("template", "--lang", language, "-o", str(path))[0] == 0
    book = load_workbook(path)
    staff, explanation = book.worksheets[0], book.worksheets[1]
    headers = [c.value for c in staff[1]]
    assert headers == [c.header_in(language) for c in COLUMNS]
    assert staff.max_row >= 2 and all(c.value is None for c in staff[2])  # no data, just headers
    # The explanation sheet: one line per column, with its field path and what to write.
    lines = list(explanation.iter_rows(min_row=2, max_row=len(COLUMNS) + 1, values_only=True))
    assert [line[0] for line in lines] == headers
    assert [line[1] for line in lines] == [c.path for c in COLUMNS]
    assert all(line[2] for line in lines)
    # Drop-down lists where a value comes from a list, in the template's language.
    lists = book.worksheets[2]
    assert lists.sheet_state == "hidden"
    validated = {str(v.sqref).split(":")[0] for v in staff.data_validations.dataValidation}
    choice_columns = [n for n, c in enumerate(COLUMNS) if c.choices is not None]
    assert validated == {f"{chr(ord('A') + n)}2" for n in choice_columns}
    role = next(c for c in COLUMNS if c.path == "position")
    offered = [r[[c.path for c in COLUMNS if c.choices].index("position")] for r in
               lists.iter_rows(values_only=True)]  # fmt: skip
    assert [v for v in offered if v] == choice_labels(role.choices, language)


def test_kyrgyz_headers_read_as_kyrgyz(db, tmp_path):
    path = tmp_path / "t.xlsx"
    run("template", "--lang", "ky", "-o", str(path))
    headers = sheet_rows(path.read_bytes())[0]
    assert headers[:5] == ("Ачкыч", "Фамилиясы", "Аты", "Атасынын аты", "Туулган күнү")


def test_import_prints_the_counts_and_exits_0(school, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(
        xlsx(["Фамилия", "Имя", "Дата рождения"], [["Асанова", "Айгүл", "12.03.1980"]])
    )
    status, out, _err = run("import", str(path), "--school", "sch-17", "--lang", "ru")
    assert status == 0
    assert out.strip() == "sch-17: создано 1, изменено 0, без изменений 0"
    status, out, _err = run("import", str(path), "--school", "sch-17", "--format", "json")
    assert status == 0
    assert json.loads(out) | {"staff": None} == {
        "school": "sch-17", "created": 0, "updated": 0, "unchanged": 1, "staff": None,
    }  # fmt: skip


def test_a_refused_roster_exits_1_with_every_error_as_json(school, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(
        xlsx(
            ["key", "last_name", "first_name", "birth_date", "category"],
            [["t-1", "Асанова", "Айгүл", "12.03.2099", ""], ["t-1", "", "Нуриза", "", "мыкты"]],
        )
    )
    status, out, _err = run("import", str(path), "--school", "sch-17", "--format", "json")
    assert status == 1
    assert json.loads(out) == {
        "errors": [
            {"row": 2, "column": "birth_date",
             "message": "Туулган күн келечекте боло албайт."},
            {"row": 3, "column": "key",
             "message": "2-сапта ушул эле киши бар («t-1» ачкычы): ар бир киши бир гана жолу "
                        "жазылат."},
            {"row": 3, "column": "last_name",
             "message": "Милдеттүү: бул саптагы кишинин аты-жөнү жок."},
            {"row": 3, "column": "category",
             "message": "«мыкты» булардын бири эмес: жогорку категория, биринчи категория, "
                        "экинчи категория, категориясы жок."},
        ]
    }  # fmt: skip
    assert not Staff.objects.exists()
    status, _out, err = run("import", str(path), "--school", "sch-17", "--lang", "en")
    assert status == 1
    assert "row 2, “birth_date”: A birth date cannot be in the future." in err


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"last_name,first_name\n", "Excel"),
        (b"%PDF-1.4 not a workbook", "Excel"),
        (zip_bomb(), "unpacks"),
    ],
    ids=["csv", "pdf", "zip bomb"],
)
def test_an_unreadable_file_exits_2(school, tmp_path, content, says):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(content)
    status, _out, err = run("import", str(path), "--school", "sch-17", "--lang", "en")
    assert status == 2
    assert says in err


def test_a_zip_of_normal_size_that_is_no_workbook_exits_2(school, tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path = tmp_path / "roster.xlsx"
    path.write_bytes(out.getvalue())
    assert run("import", str(path), "--school", "sch-17")[0] == 2


def test_an_unknown_school_or_a_missing_file_exits_2(school, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(xlsx(["last_name", "first_name"], []))
    assert run("import", str(path), "--school", "sch-404")[0] == 2
    assert run("import", str(tmp_path / "none.xlsx"), "--school", "sch-17")[0] == 2


def test_bad_arguments_exit_2(db):
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["usul", "roster", "import", "roster.xlsx"])  # no --school
    assert exit_.value.code == 2


def test_export_then_import_from_the_command_line_changes_nothing(school, tmp_path):
    source = tmp_path / "in.xlsx"
    source.write_bytes(
        xlsx(
            [
                "last_name",
                "first_name",
                "birth_date",
                "gender",
                "position",
                "position_from",
                "experience_in_education",
                "experience_as_of",
                "phone",
            ],
            [
                [
                    "Асанова",
                    "Айгүл",
                    "12.03.1980",
                    "аял",
                    "мугалим",
                    "01.09.2010",
                    "15.01",
                    "01.09.2025",
                    "0555 12 34 56",
                ]
            ],
        )  # fmt: skip
    )
    assert run("import", str(source), "--school", "sch-17")[0] == 0
    exported = tmp_path / "out.xlsx"
    assert run("export", "--school", "sch-17", "-o", str(exported), "--lang", "ru")[0] == 0
    rows = sheet_rows(exported.read_bytes())
    assert rows[0][1] == "Фамилия" and rows[1][1] == "Асанова"
    status, out, _err = run("import", str(exported), "--school", "sch-17", "--format", "json")
    assert (status, json.loads(out)["unchanged"], json.loads(out)["updated"]) == (0, 1, 0)
