"""``usul compliance``: formats, languages, exit statuses 0/1/2, one-line errors."""

import datetime as dt
import json

import pytest

from usul.cli import main
from usul.documents.models import DocumentEntry

D = dt.date

# The console command closes the database connections when it ends, as any Django command run
# from the console does; the tests therefore commit their data instead of wrapping it in a
# transaction that the closing would lose (PostgreSQL).
pytestmark = pytest.mark.django_db(transaction=True)


def run(capsys, *args) -> tuple[int, str, str]:
    """Run the console command as a user types it; returns (status, stdout, stderr)."""
    with pytest.raises(SystemExit) as done:
        main(["usul", "compliance", *args])
        raise SystemExit(0)
    out = capsys.readouterr()
    return done.value.code, out.out, out.err


def test_a_compliant_school_exits_0_with_empty_findings(world, capsys):
    status, out, err = run(
        capsys,
        "--school",
        "sch-17",
        "--year",
        "2025-2026",
        "--as-of",
        "2025-10-01",
        "--format",
        "json",
    )
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "school": "sch-17",
        "year": "2025-2026",
        "as_of": "2025-10-01",
        "findings": [],
    }


def test_json_lists_findings_in_the_chosen_language_and_exits_1_on_a_violation(world, capsys):
    DocumentEntry.objects.filter(association=world.ma, type="DOC-8").delete()
    world.year.theme = None
    world.year.save()
    status, out, _ = run(
        capsys,
        "--school",
        "sch-17",
        "--year",
        "2025-2026",
        "--as-of",
        "2025-10-01",
        "--format",
        "json",
        "--lang",
        "ru",
    )
    assert status == 1
    report = json.loads(out)
    assert [(f["rule"], f["severity"], f["subject"], f["detail"]) for f in report["findings"]] == [
        ("DOCS", "violation", {"type": "association", "key": "ma-stem"}, {"document": "DOC-8"}),
        ("SCHOOL-THEME", "warning", {"type": "school", "key": "sch-17"}, {}),
    ]
    # As RULES.md's example writes DOC-1…DOC-12 (docs/rules.md).
    assert report["findings"][0]["clauses"] == ["DOC-1", "DOC-12"]
    assert report["findings"][0]["as_of"] == "2025-10-01"
    assert "DOC-8" in report["findings"][0]["message"]
    assert "методическ" in report["findings"][1]["message"]


def test_only_warnings_exit_0(world, capsys):
    world.year.theme = None
    world.year.save()
    status, out, _ = run(
        capsys,
        "--school",
        "sch-17",
        "--year",
        "2025-2026",
        "--as-of",
        "2025-10-01",
        "--format",
        "json",
    )
    assert status == 0
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["SCHOOL-THEME"]


def test_text_is_grouped_by_ma_and_translated(world, capsys):
    DocumentEntry.objects.filter(association=world.ma, type="DOC-8").delete()
    status, out, _ = run(
        capsys, "--school", "sch-17", "--year", "2025-2026", "--as-of", "2025-10-01", "--lang", "ky"
    )
    assert status == 1
    lines = out.splitlines()
    ma_line = lines.index("Табигый цикл 0 (ma-stem)")
    assert lines[ma_line + 1].startswith("  [") and "DOCS" in lines[ma_line + 1]
    assert "DOC-8" in lines[ma_line + 2]
    assert "01.10.2025" in lines[0]
    assert "№17 орто мектеби" in lines[0]
    status, out_en, _ = run(
        capsys, "--school", "sch-17", "--year", "2025-2026", "--as-of", "2025-10-01", "--lang", "en"
    )
    assert "[VIOLATION] DOCS" in out_en
    assert "Total: 1 violations, 0 warnings." in out_en
    assert out_en != out


def test_the_default_as_of_is_the_years_start_when_today_is_earlier(world, capsys):
    from usul.compliance.services import default_as_of

    assert default_as_of(world.year, D(2025, 6, 1)) == D(2025, 9, 1)
    assert default_as_of(world.year, D(2025, 10, 2)) == D(2025, 10, 2)
    assert default_as_of(world.year, D(2026, 7, 1)) == D(2026, 7, 1)
    status, out, _ = run(capsys, "--school", "sch-17", "--year", "2025-2026", "--format", "json")
    from django.utils import timezone

    assert json.loads(out)["as_of"] == default_as_of(world.year, timezone.localdate()).isoformat()


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--school", "sch-x", "--year", "2025-2026"], 'unknown school "sch-x"'),
        (["--school", "sch-17", "--year", "1999-2000"], 'no year "1999-2000"'),
        (["--school", "sch-17", "--year", "2025-2026", "--as-of", "2025-13-01"], "--as-of"),
        (["--school", "sch-17", "--year", "2025-2026", "--as-of", "1.10.2025"], "--as-of"),
        (["--school", "sch-17", "--year", "2025-2026", "--format", "xml"], "--format"),
        (["--school", "sch-17", "--year", "2025-2026", "--lang", "de"], "--lang"),
        (["--year", "2025-2026"], "--school"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_naming_the_problem(school, capsys, args, names):
    if "--lang" not in args:
        args = [*args, "--lang", "en"]
    status, out, err = run(capsys, *args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("usul compliance: ")
    assert names in err


def test_bad_arguments_are_answered_in_kyrgyz_by_default(school, capsys):
    status, _, err = run(
        capsys, "--school", "sch-17", "--year", "2025-2026", "--as-of", "2025-13-01"
    )
    assert status == 2
    assert err == 'usul compliance: --as-of: "2025-13-01" күн эмес (күтүлгөнү ЖЖЖЖ-АА-КК)\n'
    status, _, err = run(capsys, "--school", "sch-x", "--year", "2025-2026", "--lang", "ru")
    assert err == 'usul compliance: --school: неизвестная школа "sch-x"\n'
