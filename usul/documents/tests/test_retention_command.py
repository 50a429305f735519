"""``usul retention``: the archive page's two lists on the command line, as text or JSON."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from usul.compliance.tests.builders import add_document
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def old(scene):
    year = f.make_year(scene.school, key="2020-2021", start=D(2020, 9, 1), end=D(2021, 5, 31))
    add_document(scene.stem, year, "DOC-12", key="d-res")
    add_document(scene.stem, year, "DOC-9", key="d-bank")
    return year


def run(*args) -> str:
    out = io.StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_the_text_lists_both_in_kyrgyz_by_default(scene, old):
    text = run("--school", scene.school.key, "--as-of", "2026-12-03")
    assert "03.12.2026" in text
    assert "Архивге тапшырылууга тийиш (1):" in text
    assert "[d-res]" in text.split("Архивге тапшырылууга тийиш")[1].split("Сактоо")[0]
    assert "жок кылуу актысына киргизүүгө болот (1):" in text
    assert "[d-bank]" in text.split("жок кылуу актысына")[1]


def test_the_json_names_each_entry_with_its_limit(scene, old):
    data = json.loads(
        run("--school", scene.school.key, "--as-of", "2024-06-01", "--format", "json")
    )
    assert data["as_of"] == "2024-06-01"
    (school,) = data["schools"]
    assert [i["document"] for i in school["transfer"]] == ["d-res"]
    assert school["dispose"] == [
        {
            "document": "d-bank",
            "type": "DOC-9",
            "title": school["dispose"][0]["title"],
            "association": "ma-stem",
            "year": "2020-2021",
            "location": "school",
            "limit": "2024-05-31",
        }
    ]


def test_on_the_last_day_of_keeping_nothing_is_due(scene, old):
    data = json.loads(
        run("--school", scene.school.key, "--as-of", "2024-05-31", "--format", "json")
    )
    assert data["schools"][0]["transfer"] == data["schools"][0]["dispose"] == []


def test_without_a_school_every_school_is_listed_and_russian_is_asked_for(scene, old):
    text = run("--as-of", "2026-12-03", "--lang", "ru")
    assert "Подлежат сдаче в архив (1):" in text
    assert f"({scene.outsider.key})" in text and "Ничего не нужно" in text


def test_the_command_changes_nothing(scene, old):
    from usul.documents.models import DocumentEntry

    run("--as-of", "2040-01-01")
    assert set(DocumentEntry.objects.values_list("location", flat=True)) == {"school"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--school", "sch-404"), "мектеп"),
        (("--as-of", "03.12.2026"), "күн эмес"),
    ],
)
def test_bad_arguments_are_exit_status_2_with_the_reason_in_kyrgyz(db, args, words):
    with pytest.raises(CommandError) as refused:
        run(*args)
    assert refused.value.returncode == 2
    assert words in str(refused.value)


def test_from_the_shell_a_bad_format_exits_with_2(db, capsys):
    from usul.documents.management.commands.retention import Command

    with pytest.raises(SystemExit) as stopped:
        Command().run_from_argv(["usul", "retention", "--format", "xml"])
    assert stopped.value.code == 2
    assert "usul retention:" in capsys.readouterr().err
