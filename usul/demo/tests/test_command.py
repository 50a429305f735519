"""``usul demo``: loads the demo school into an empty database and always prints the log-ins."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from usul.accounts.models import User
from usul.demo.services import DEMO_URL, PERSONAS
from usul.demo.tests.conftest import row_counts


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_into_an_empty_database_it_loads_the_school_and_prints_every_log_in(demo):
    printed = demo.output

    assert printed.startswith(
        "Demo school loaded: Ош шаарындагы №17 орто мектеби (demo-17), 44 staff, "
        "6 methodological associations, school year 2026-2027.\n"
    )
    assert f"Open {DEMO_URL} and log in as:" in printed
    # Each role in Kyrgyz and Russian, then its username and password.
    assert "  Директор / Директор\n      username: direktor   password: demo-direktor\n" in printed
    assert (
        "  Директордун окуу-тарбия иштери боюнча орун басары / Заместитель директора по УВР\n"
        "      username: zam-uvr   password: demo-zam-uvr\n"
    ) in printed
    assert "  Мугалим / Учитель\n      username: mugalim   password: demo-mugalim\n" in printed
    for persona in PERSONAS:
        assert f"username: {persona.username}   password: {persona.password}\n" in printed


def test_if_empty_leaves_an_existing_school_alone_and_still_prints_the_log_ins(demo):
    before = row_counts()

    printed, _ = run("--if-empty", "--today", "2027-03-01")

    assert row_counts() == before  # not loaded again, not even for another day
    assert printed.startswith("Маалымат базасында мектеп бар: демо-мектеп жүктөлгөн жок.\n")
    assert "колдонуучу: direktor   сырсөз: demo-direktor" in printed
    assert f"{DEMO_URL} дарегин ачып" in printed


def test_it_speaks_the_chosen_language(demo):
    printed, _ = run("--if-empty", "--lang", "ru")

    assert printed.startswith("В базе данных уже есть школа: демо-школа не загружена.\n")
    assert f"Откройте {DEMO_URL} и войдите как:" in printed
    assert "логин: zam-nmr   пароль: demo-zam-nmr" in printed


def test_without_demo_log_ins_it_says_so(demo):
    User.objects.filter(username__in=[p.username for p in PERSONAS]).delete()

    printed, _ = run("--if-empty", "--lang", "en")

    assert printed.splitlines()[-1] == "This database has no demo log-ins."


@pytest.mark.parametrize("value", ["2026-02-30", "26.11.2026", "tomorrow"])
def test_a_bad_date_is_refused_with_a_message_naming_the_option(demo, value):
    before = row_counts()
    err = StringIO()

    with pytest.raises(SystemExit) as exit_:
        call_command("demo", "--today", value, "--lang", "en", stdout=StringIO(), stderr=err)

    assert exit_.value.code == 2
    assert err.getvalue() == (f"usul demo: --today: expected a date YYYY-MM-DD, got {value}\n")
    assert row_counts() == before
