"""``usul accounts``: log-ins from the console, JSON output, exit statuses 0/1/2."""

from __future__ import annotations

import json

import pytest

from usul.accounts.models import User
from usul.cli import main
from usul.testing import factories as f

# The console command closes the database connections when it ends; the tests commit their
# data instead of wrapping it in a transaction that the closing would lose (PostgreSQL).
pytestmark = pytest.mark.django_db(transaction=True)


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(["usul", "accounts", *args])
        raise SystemExit(0)
    out = capsys.readouterr()
    return done.value.code, out.out, out.err


def test_the_command_creates_log_ins_and_prints_json(school, capsys):
    one = f.make_staff(school, key="t-1", last_name="Бекова", first_name="Айжан")
    f.make_staff(school, key="t-2", last_name="Осмонов", first_name="Нурбек")
    status, out, err = run(
        capsys, "create", "--school", "sch-17", "--staff", "t-1", "--format", "json"
    )
    assert (status, err) == (0, "")
    [row] = json.loads(out)
    assert row["staff"] == "t-1" and row["username"] == "ayjan.bekova"
    assert User.objects.get(staff=one).check_password(row["password"])
    status, out, _ = run(capsys, "create", "--school", "sch-17", "--all", "--format", "json")
    assert status == 0 and [r["staff"] for r in json.loads(out)] == ["t-2"]
    status, out, _ = run(capsys, "create", "--school", "sch-17", "--all")
    assert status == 0 and out == ""


def test_the_command_refuses_with_1_and_bad_arguments_with_2(school, capsys):
    f.make_staff(school, key="t-1")
    assert run(capsys, "create", "--school", "sch-17", "--staff", "t-1")[0] == 0
    status, _, err = run(capsys, "create", "--school", "sch-17", "--staff", "t-1")
    assert status == 1 and "кирүү буга чейин түзүлгөн" in err
    status, _, err = run(capsys, "create", "--school", "nope", "--all")
    assert status == 2 and err.startswith("usul accounts: --school")
    status, _, err = run(capsys, "create", "--school", "sch-17", "--staff", "t-9")
    assert status == 2 and "t-9" in err
    status, _, err = run(capsys, "create", "--school", "sch-17")
    assert status == 2 and err.startswith("usul accounts:")
    assert run(capsys, "create", "--school", "sch-17", "--all", "--staff", "t-1")[0] == 2


def test_the_command_creates_a_district_methodologist(school, capsys):
    status, out, _ = run(
        capsys, "methodologist", "--district", "osh-city", "--username", "metodist", "--format",
        "json",
    )  # fmt: skip
    assert status == 0
    [row] = json.loads(out)
    user = User.objects.get(username="metodist")
    assert row["district"] == "osh-city" and user.district.key == "osh-city"
    assert user.has_one_time_password and user.check_password(row["password"])
    status, _, err = run(
        capsys, "methodologist", "--district", "osh-city", "--username", "metodist"
    )
    assert status == 1 and "metodist" in err
    assert run(capsys, "methodologist", "--district", "nope", "--username", "x")[0] == 2
